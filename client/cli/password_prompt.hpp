// Reading a password: from the terminal without echo when standard input is one, otherwise one
// line of standard input (scripts: `echo "$PW" | bimtek login --user U`).
#pragma once

#include <optional>
#include <string>

namespace bimtek::client::cli {

// "prompt" goes to standard error (terminal case only). nullopt at end of input.
std::optional<std::string> read_password(std::string const& prompt);

}  // namespace bimtek::client::cli
