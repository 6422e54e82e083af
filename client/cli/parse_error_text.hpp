// The command line's mistakes in the user's language. CLI11 words its parse errors in English;
// the ones people make (a required option left out, an unknown argument, a bad value, two
// options that do not go together) are reworded here from the error's class and CLI11's text.
// Anything else keeps CLI11's text. Pure; unit-tested against the CLI11 the client is built with.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "client/ui/messages.hpp"

namespace bimtek::client::cli {

// The kinds of CLI::ParseError reworded here (the exception's class).
enum class parse_mistake {
    required,           // CLI::RequiredError: "--user is required"
    unexpected,         // CLI::ExtrasError: arguments nothing takes
    excludes,           // CLI::ExcludesError: "--code excludes --flush"
    needs,              // CLI::RequiresError: "question requires action"
    conversion,         // CLI::ConversionError: "Could not convert: --since = abc"
    validation,         // CLI::ValidationError: "--format: xlsx not in {csv,json}"
    argument_mismatch,  // CLI::ArgumentMismatch: "--user: 1 required TEXT missing"
    other
};

// The text for a parse error of kind "kind" whose CLI11 message is "what". For "unexpected",
// "extras" are the arguments nothing took, in the order given (CLI11's message lists them
// backwards).
std::string parse_error_text(parse_mistake kind, std::string_view what, ui::lang l,
                             std::vector<std::string> const& extras = {});

}  // namespace bimtek::client::cli
