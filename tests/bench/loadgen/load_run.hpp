// One load-generator run against a server, phase after phase: join the participants over HTTP,
// connect and welcome them all on /ws, ask questions one at a time and time each until every
// client has it, then send votes in parallel and time them until every client has every
// update. Fills a run_report. Drives its io_context itself, on the calling thread; the
// io_context must outlive it and must not be run again after it is destroyed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>

#include "tests/bench/loadgen/asker_rotation.hpp"
#include "tests/bench/loadgen/http.hpp"
#include "tests/bench/loadgen/net.hpp"
#include "tests/bench/loadgen/options.hpp"
#include "tests/bench/loadgen/report.hpp"
#include "tests/bench/loadgen/ws_fleet.hpp"

namespace bimtek::loadgen {

class load_run final : private fleet_observer {
public:
    // "o", "in" and "out" must outlive the run.
    load_run(net::io_context& ioc, server_address const& server, options const& o,
             participants_input const& in, run_report& out);
    ~load_run();
    load_run(load_run const&) = delete;
    load_run& operator=(load_run const&) = delete;

    // Every phase; stops early when joining or connecting fails outright.
    void execute();

private:
    // What the run tracks for each connected client.
    struct client_state {
        bool welcomed = false;
        std::int64_t seq = 0;          // the last update seen (the welcome's at first)
        int round_seen = -1;           // the last question round it has received
        std::size_t votes_seen = 0;    // question.voted updates of the vote question
        std::int64_t last_votes = -1;  // the count in the latest of them
        steady::time_point last_vote_at;
        bool votes_done = false;
    };

    // The question in flight.
    struct round_state {
        int id = -1;
        bool active = false;
        std::size_t expected = 0;  // clients that must receive it
        std::size_t delivered = 0;
        steady::time_point last_delivery;
        std::optional<http_response> ack;
    };

    struct asked_question {
        std::int64_t id = 0;
        double deliver_ms = 0;
        double ack_ms = 0;
    };

    bool join();
    bool connect();
    void settle();
    void fanout();
    void votes();

    // Asks question "round" as participant "who" and waits until every client has it.
    std::optional<asked_question> ask(int round, std::size_t who);
    // Waits for the rotation's next asker (pacing when the rate limit requires it).
    std::size_t next_asker();
    void on_join_response(std::size_t i, http_response&& r);
    void on_vote_response(http_response&& r);
    void check_vote_done(std::size_t client);

    // Runs handlers until "done" holds or "timeout" has passed; true when "done" held.
    bool run_until(std::function<bool()> const& done, steady::duration timeout);
    void pause(steady::duration d) {
        run_until([] { return false; }, d);
    }

    void on_welcome(std::size_t client, std::int64_t seq, steady::time_point at) override;
    void on_message(std::size_t client, std::string_view text, steady::time_point at) override;
    void on_failed(std::size_t client, std::string_view reason) override;

    net::io_context& ioc_;
    net::executor_work_guard<net::io_context::executor_type> work_;  // keeps run_one_until waiting
    server_address server_;
    options const& opt_;
    participants_input const& in_;
    run_report& report_;
    std::string nonce_;  // tells this run's questions from others'

    // Joining.
    std::vector<std::unique_ptr<http_connection>> join_http_;
    std::vector<std::string> tokens_;  // per participant; empty when the join failed
    std::size_t joins_answered_ = 0;

    // Connected clients: client i is participant participant_of_[i].
    std::unique_ptr<ws_fleet> fleet_;
    std::vector<std::size_t> participant_of_;
    std::vector<client_state> clients_;

    // Questions.
    std::unique_ptr<http_connection> ask_http_;
    std::optional<asker_rotation> rotation_;
    round_state round_;

    // Votes.
    std::vector<std::unique_ptr<http_connection>> vote_http_;
    std::int64_t vote_question_ = 0;
    std::size_t votes_acked_ = 0;
    std::size_t votes_ok_ = 0;
    bool votes_all_acked_ = false;
    std::size_t vote_clients_done_ = 0;
    steady::time_point last_vote_ack_;
};

}  // namespace bimtek::loadgen
