// bimtek's command line (CLI11): global options, one command and its options, as a value.
// Parsing is a pure function of the arguments and the environment so it is unit-tested.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "client/store/paths.hpp"
#include "client/ui/messages.hpp"

namespace bimtek::client::cli {

enum class command {
    login,
    join,
    logout,
    watch,
    checkin,
    questions,
    ask,
    vote,
    qa,
    session,
    attendance
};

struct command_line {
    command cmd = command::watch;
    // Global: from the options, else BIMTEK_SERVER / BIMTEK_TOKEN / BIMTEK_LANG.
    std::optional<std::string> server;
    std::optional<std::string> token;
    ui::lang language = ui::lang::id;

    std::string user;                         // login --user
    std::string join_code;                    // join --code
    bool json = false;                        // watch, questions --json
    std::optional<std::int64_t> since;        // watch --since
    std::optional<std::string> queue_file;    // checkin --queue
    int drain_timeout = 10;                   // checkin --drain-timeout (seconds)
    bool flush = false;                       // checkin --flush
    std::optional<std::string> checkin_code;  // checkin --code
    std::optional<std::int64_t> event_id;     // --event
    std::optional<std::int64_t> session_id;   // --session
    std::string text;                         // ask TEXT
    bool anonymous = false;                   // ask --anonymous
    std::int64_t question_id = 0;             // vote ID, qa ACTION ID
    bool unvote = false;                      // vote --undo
    std::string qa_action;                    // qa approve|answer|pin|hide (empty: interactive)
    std::string session_action;               // session start|end
    std::string format = "csv";               // attendance --format
    std::optional<std::string> out_file;      // attendance --out
    bool all = false;                         // questions --all
};

// --help (exit 0, printed on stdout) or a command line without a command (exit 2, stderr).
struct help_request {
    std::string text;
    bool is_error = false;
};
// Usage error (exit 2): the message, already in the chosen language.
struct usage_error {
    std::string message;
};

using parse_outcome = std::variant<command_line, help_request, usage_error>;

// "args" without the program name.
parse_outcome parse_command_line(std::vector<std::string> const& args,
                                 store::environment const& env);

// The language of messages: --lang in "args", else BIMTEK_LANG, else Indonesian. Used before
// the full parse so that even its errors are in the chosen language; invalid values give
// Indonesian (the parse then reports them).
ui::lang language_of(std::vector<std::string> const& args, store::environment const& env);

}  // namespace bimtek::client::cli
