// The load generator's command line (see --help) and the participants it reads: a demo.json
// written by `bimtek-server --demo`, or a file of access codes with a session id.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bimtek::loadgen {

struct options {
    std::string server = "http://127.0.0.1:8080";
    std::string demo_json;     // codes, event and session from bimtek-server --demo
    std::string codes_file;    // or: one access code a line ...
    std::int64_t session = 0;  // ... and the (live) session to ask in
    std::size_t n = 0;         // participants to connect; 0: every code given
    std::size_t questions = 100;
    std::size_t votes = 1000;
    std::size_t vote_connections = 4;
    std::size_t join_connections = 4;
    std::size_t max_connecting = 200;  // clients between connect and welcome at once
    std::size_t pipeline = 32;         // requests in flight per HTTP connection
    int gap_ms = 20;                   // pause between questions
    int round_timeout_s = 30;          // for one question to reach everyone
    int timeout_s = 300;               // for joining, connecting, settling, or all the votes
    long server_pid = 0;               // read the server's VmRSS when given
    std::string json_out;
};

// Parses the command line into "out". Returns an exit status when the program should stop at
// once (--help: 0, a bad option: 2), nullopt to go on.
std::optional<int> parse_options(int argc, char** argv, options& out);

struct participants_input {
    std::vector<std::string> codes;  // access codes, in file order
    std::int64_t session = 0;        // where the questions are asked
};

// The access codes and session from "o" (--demo-json, or --codes with --session). nullopt with
// "error" set when they cannot be read.
std::optional<participants_input> load_participants(options const& o, std::string& error);

}  // namespace bimtek::loadgen
