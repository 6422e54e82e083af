#include "tests/bench/loadgen/options.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

namespace bimtek::loadgen {

std::optional<int> parse_options(int argc, char** argv, options& o) {
    CLI::App cli{
        "bimtek-loadgen: connects N participants of an event to /ws and measures question "
        "fan-out latency, vote throughput, connect time and server memory per client. Prints a "
        "summary on stderr and one JSON object on stdout."};
    cli.option_defaults()->always_capture_default();
    cli.add_option("--server", o.server, "the server's base URL (http://HOST:PORT)");
    auto* demo =
        cli.add_option("--demo-json", o.demo_json,
                       "DIR/demo.json of `bimtek-server --demo`: access codes and session");
    auto* codes =
        cli.add_option("--codes", o.codes_file, "file of access codes, one a line")->excludes(demo);
    cli.add_option("--session", o.session,
                   "session to ask in (required with --codes; default with --demo-json: the "
                   "speaker's live session)");
    cli.add_option("--n", o.n, "participants to connect (0: every code)");
    cli.add_option("--questions", o.questions,
                   "questions for the fan-out measurement (askers take turns; paced when the "
                   "rate limit of 5 per participant per minute requires it)");
    cli.add_option("--votes", o.votes,
                   "votes for the throughput measurement (each participant votes, then "
                   "unvotes on the next pass when there are more votes than participants)");
    cli.add_option("--vote-connections", o.vote_connections,
                   "parallel keep-alive HTTP connections for the votes")
        ->check(CLI::Range(1, 1024));
    cli.add_option("--join-connections", o.join_connections,
                   "parallel keep-alive HTTP connections for POST /join")
        ->check(CLI::Range(1, 1024));
    cli.add_option("--connecting", o.max_connecting,
                   "clients between connecting and their welcome at once")
        ->check(CLI::Range(1, 100000));
    cli.add_option("--pipeline", o.pipeline, "requests in flight per HTTP connection")
        ->check(CLI::Range(1, 4096));
    cli.add_option("--gap-ms", o.gap_ms, "pause between two questions")
        ->check(CLI::Range(0, 60000));
    cli.add_option("--round-timeout", o.round_timeout_s,
                   "seconds for one question to reach every client")
        ->check(CLI::Range(1, 3600));
    cli.add_option("--timeout", o.timeout_s,
                   "seconds allowed for joining, for connecting, for the stream to settle, and for "
                   "the votes")
        ->check(CLI::Range(1, 36000));
    cli.add_option("--server-pid", o.server_pid,
                   "the server's pid: its VmRSS is read before connecting and once all are "
                   "welcomed");
    cli.add_option("--json-out", o.json_out, "also write the JSON summary to this file");

    try {
        cli.parse(argc, argv);
    } catch (CLI::ParseError const& e) {
        return cli.exit(e);
    }
    if (o.demo_json.empty() && o.codes_file.empty()) {
        std::cerr << "bimtek-loadgen: give --demo-json FILE, or --codes FILE with --session ID\n";
        return 2;
    }
    if (!codes->empty() && o.session <= 0) {
        std::cerr << "bimtek-loadgen: --codes needs --session ID\n";
        return 2;
    }
    return std::nullopt;
}

namespace {

std::optional<std::string> read_file(std::string const& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

std::optional<participants_input> load_participants(options const& o, std::string& error) {
    participants_input out;
    if (!o.codes_file.empty()) {
        std::ifstream in(o.codes_file);
        if (!in) {
            error = "cannot read " + o.codes_file;
            return std::nullopt;
        }
        for (std::string line; std::getline(in, line);) {
            while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
            if (!line.empty()) out.codes.push_back(line);
        }
        out.session = o.session;
        return out;
    }

    auto text = read_file(o.demo_json);
    if (!text) {
        error = "cannot read " + o.demo_json;
        return std::nullopt;
    }
    boost::system::error_code ec;
    boost::json::value doc = boost::json::parse(*text, ec);
    if (ec || !doc.is_object()) {
        error = o.demo_json + " is not a JSON object";
        return std::nullopt;
    }
    auto const& root = doc.get_object();
    if (auto const* people = root.if_contains("participants"); people && people->is_array()) {
        for (auto const& p : people->get_array()) {
            auto const* code = p.is_object() ? p.get_object().if_contains("code") : nullptr;
            if (code && code->is_string()) out.codes.emplace_back(code->get_string());
        }
    }
    out.session = o.session;
    if (out.session <= 0) {
        auto const* speaker = root.if_contains("speaker");
        auto const* sid = speaker && speaker->is_object()
                              ? speaker->get_object().if_contains("session_id")
                              : nullptr;
        if (sid && sid->is_int64()) out.session = sid->get_int64();
    }
    if (out.codes.empty() || out.session <= 0) {
        error = o.demo_json + " has no participants[].code or speaker.session_id";
        return std::nullopt;
    }
    return out;
}

}  // namespace bimtek::loadgen
