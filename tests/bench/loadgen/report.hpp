// What one load-generator run measured, and its two renderings: one JSON object (stdout,
// --json-out) and a few lines for people (stderr).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tests/bench/loadgen/stats.hpp"

namespace bimtek::loadgen {

struct fanout_report {
    std::size_t requested = 0;
    std::size_t rounds = 0;  // questions delivered to every connected client
    summary deliver_ms;      // ask sent -> the last client has the question.created
    summary ack_ms;          // ask sent -> the 201 response
    bool paced = false;      // waited for the rate limit (too few participants)
    double paced_seconds = 0;
};

struct vote_report {
    std::size_t requested = 0;
    std::size_t count = 0;  // votes answered 200
    std::size_t connections = 0;
    double seconds = 0;        // first vote sent -> every client has every question.voted
    double acked_seconds = 0;  // first vote sent -> the last response
    double per_second = 0;     // count / seconds
    bool delivered_all = false;
    std::int64_t expected_votes = 0;  // the question's count at the end
};

struct rss_report {
    std::optional<std::int64_t> before_kb;  // VmRSS of --server-pid before the clients connect
    std::optional<std::int64_t> after_kb;   // ... once they are all welcomed
    std::optional<double> per_client_kb;    // (after - before) / welcomed
};

struct run_report {
    std::size_t n = 0;         // participants asked for
    std::size_t welcomed = 0;  // connected and welcomed
    double join_ms = 0;        // POST /join for all of them
    double connect_ms = 0;     // first connect -> last welcome
    summary welcome_ms;        // per client: connect started -> welcome
    double settle_ms = 0;      // last welcome -> every client has every update so far
    fanout_report fanout;
    vote_report votes;
    rss_report rss;
    std::map<std::string, std::size_t> errors;  // by kind; empty when all went well
    std::vector<std::string> notes;             // what a reader of the numbers should know

    void error(std::string const& kind, std::size_t count = 1) { errors[kind] += count; }
    bool clean() const;  // no errors, every question and vote delivered
};

std::string to_json(run_report const& r);
std::string human_summary(run_report const& r);

}  // namespace bimtek::loadgen
