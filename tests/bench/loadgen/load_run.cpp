#include "tests/bench/loadgen/load_run.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <limits>

#include <boost/json.hpp>

#include "tests/bench/loadgen/json_out.hpp"
#include "tests/bench/loadgen/proc_rss.hpp"
#include "tests/bench/loadgen/update_scan.hpp"

namespace bimtek::loadgen {
namespace {

// The server's question limit (server/domain/qa_service.hpp), and a margin for the time
// between our send and the server's timestamp.
constexpr std::size_t k_questions_per_window = 5;
constexpr auto k_question_window = std::chrono::seconds(60) + std::chrono::seconds(2);

std::string error_key(std::string_view what, http_response const& r) {
    std::string key(what);
    if (r.status != 0) return key + "_http_" + std::to_string(r.status);
    return key + "_transport";
}

std::optional<std::string> string_member(std::string_view json, char const* name) {
    boost::system::error_code ec;
    auto doc = boost::json::parse(json, ec);
    if (ec || !doc.is_object()) return std::nullopt;
    auto const* v = doc.get_object().if_contains(name);
    if (!v || !v->is_string()) return std::nullopt;
    return std::string(v->get_string());
}

std::string random_nonce() {
    auto t = static_cast<unsigned long long>(steady::now().time_since_epoch().count());
    char buf[17];
    std::snprintf(buf, sizeof buf, "%08llx", (t ^ (t >> 29)) & 0xFFFFFFFFULL);
    return buf;
}

void progress(std::string const& line) {
    std::cerr << "bimtek-loadgen: " << line << std::endl;
}

}  // namespace

load_run::load_run(net::io_context& ioc, server_address const& server, options const& o,
                   participants_input const& in, run_report& out)
    : ioc_(ioc),
      work_(net::make_work_guard(ioc)),
      server_(server),
      opt_(o),
      in_(in),
      report_(out),
      nonce_(random_nonce()) {}

load_run::~load_run() = default;

bool load_run::run_until(std::function<bool()> const& done, steady::duration timeout) {
    auto deadline = steady::now() + timeout;
    while (!done()) {
        if (steady::now() >= deadline) return false;
        ioc_.run_one_until(deadline);
    }
    return true;
}

void load_run::execute() {
    if (!join() || !connect()) return;
    settle();
    fanout();
    votes();
}

// ---- joining --------------------------------------------------------------------------------

bool load_run::join() {
    std::size_t n = opt_.n == 0 ? in_.codes.size() : opt_.n;
    report_.n = n;
    if (n > in_.codes.size()) {
        report_.error("not_enough_codes");
        report_.notes.push_back("asked for " + std::to_string(n) + " participants but only " +
                                std::to_string(in_.codes.size()) + " access codes were given");
        return false;
    }
    progress("joining " + std::to_string(n) + " participants");
    tokens_.assign(n, {});
    for (std::size_t c = 0; c < opt_.join_connections; ++c)
        join_http_.push_back(std::make_unique<http_connection>(ioc_, server_, opt_.pipeline));

    auto start = steady::now();
    for (std::size_t i = 0; i < n; ++i) {
        join_http_[i % join_http_.size()]->request(
            "POST", "/api/v1/join", "", R"({"code":)" + json_quote(in_.codes[i]) + "}",
            [this, i](http_response&& r) { on_join_response(i, std::move(r)); });
    }
    bool ok = run_until([&] { return joins_answered_ == n; }, std::chrono::seconds(opt_.timeout_s));
    report_.join_ms = ms_between(start, steady::now());
    if (!ok) report_.error("join_timeout");

    for (std::size_t i = 0; i < n; ++i)
        if (!tokens_[i].empty()) participant_of_.push_back(i);
    if (participant_of_.empty()) {
        report_.notes.push_back("no participant could join; is --server right?");
        return false;
    }
    return true;
}

void load_run::on_join_response(std::size_t i, http_response&& r) {
    ++joins_answered_;
    if (r.status == 200) {
        if (auto token = string_member(r.body, "token")) {
            tokens_[i] = std::move(*token);
            return;
        }
    }
    report_.error(error_key("join", r));
}

// ---- connecting -----------------------------------------------------------------------------

bool load_run::connect() {
    std::size_t n = participant_of_.size();
    progress("connecting " + std::to_string(n) + " clients to /ws");
    if (opt_.server_pid > 0) report_.rss.before_kb = resident_kb(opt_.server_pid);

    clients_.assign(n, {});
    std::vector<std::string> tokens;
    tokens.reserve(n);
    for (std::size_t p : participant_of_) tokens.push_back(tokens_[p]);
    fleet_observer& observer = *this;
    fleet_ = std::make_unique<ws_fleet>(ioc_, server_, observer);

    auto start = steady::now();
    fleet_->open(std::move(tokens), opt_.max_connecting);
    bool ok = run_until([&] { return fleet_->settled(); }, std::chrono::seconds(opt_.timeout_s));
    report_.connect_ms = ms_between(start, steady::now());
    report_.welcomed = fleet_->welcomed();
    report_.welcome_ms = summarize(fleet_->welcome_latencies_ms());
    if (!ok) report_.error("connect_timeout", n - fleet_->welcomed() - fleet_->failed());

    if (opt_.server_pid > 0) {
        report_.rss.after_kb = resident_kb(opt_.server_pid);
        if (report_.rss.before_kb && report_.rss.after_kb && report_.welcomed > 0)
            report_.rss.per_client_kb =
                static_cast<double>(*report_.rss.after_kb - *report_.rss.before_kb) /
                static_cast<double>(report_.welcomed);
        else
            report_.notes.push_back("cannot read VmRSS of pid " + std::to_string(opt_.server_pid));
    }
    return fleet_->open_count() > 0;
}

// Each participant that connects is an update (presence.join) to everyone connected before it,
// and the last of them may still be on their way after the last welcome. Waits until every
// client has caught up, so that the measurements start from a quiet stream.
void load_run::settle() {
    auto start = steady::now();
    auto caught_up = [&] {
        std::int64_t latest = 0, oldest = std::numeric_limits<std::int64_t>::max();
        for (std::size_t i = 0; i < clients_.size(); ++i) {
            if (!fleet_->is_open(i)) continue;
            latest = std::max(latest, clients_[i].seq);
            oldest = std::min(oldest, clients_[i].seq);
        }
        return oldest >= latest;
    };
    auto limit = std::chrono::seconds(opt_.timeout_s);
    while (!caught_up() && steady::now() - start < limit) pause(std::chrono::milliseconds(10));
    report_.settle_ms = ms_between(start, steady::now());
    if (!caught_up()) report_.error("settle_timeout");
}

void load_run::on_welcome(std::size_t client, std::int64_t seq, steady::time_point) {
    clients_[client].welcomed = true;
    clients_[client].seq = seq;
}

void load_run::on_failed(std::size_t client, std::string_view reason) {
    report_.error("ws_" + std::string(reason));
    client_state& c = clients_[client];
    if (!c.welcomed) return;
    if (round_.active && c.round_seen < round_.id && round_.expected > 0) --round_.expected;
    if (c.votes_done) --vote_clients_done_;
    c.votes_done = false;
}

void load_run::on_message(std::size_t client, std::string_view text, steady::time_point at) {
    auto u = scan_update(text);
    if (!u) {
        std::string_view type = message_type(text);
        if (type == "resync")
            report_.error("ws_resync");
        else if (type == "error")
            report_.error("ws_error_message");
        return;
    }
    client_state& c = clients_[client];
    if (u->seq != c.seq + 1) report_.error(u->seq <= c.seq ? "seq_duplicate" : "seq_gap");
    c.seq = std::max(c.seq, u->seq);

    if (u->kind == "question.created") {
        if (!round_.active) return;
        auto round = find_marker(u->data, nonce_);
        if (round && *round == round_.id && c.round_seen < *round) {
            c.round_seen = *round;
            ++round_.delivered;
            round_.last_delivery = at;
        }
    } else if (u->kind == "question.voted" && vote_question_ != 0) {
        auto vote = scan_vote(u->data);
        if (!vote || vote->question != vote_question_) return;
        ++c.votes_seen;
        c.last_votes = vote->votes;
        c.last_vote_at = at;
        check_vote_done(client);
    }
}

// ---- questions ------------------------------------------------------------------------------

std::size_t load_run::next_asker() {
    auto now = steady::now();
    auto turn = rotation_->next(now);
    if (turn.not_before > now) {
        report_.fanout.paced = true;
        report_.fanout.paced_seconds +=
            std::chrono::duration<double>(turn.not_before - now).count();
        pause(turn.not_before - now);
    }
    return turn.participant;
}

std::optional<load_run::asked_question> load_run::ask(int round, std::size_t who) {
    round_ = round_state{};
    round_.id = round;
    round_.active = true;
    round_.expected = fleet_->open_count();
    for (client_state const& c : clients_)  // a late copy of an earlier round does not count
        if (c.welcomed && c.round_seen >= round) --round_.expected;

    std::string text = "Load test question " + make_marker(nonce_, round) +
                       ": how do we apply this in our own community?";
    std::string body = R"({"text":)" + json_quote(text) + R"(,"anonymous":false})";
    ask_http_->request("POST", "/api/v1/sessions/" + std::to_string(in_.session) + "/questions",
                       tokens_[participant_of_[who]], body, [this, round](http_response&& r) {
                           if (round == round_.id) round_.ack = std::move(r);
                       });
    rotation_->asked(who, steady::now());

    bool done = run_until(
        [&] {
            return round_.ack && (round_.ack->status != 201 || round_.delivered >= round_.expected);
        },
        std::chrono::seconds(opt_.round_timeout_s));
    round_.active = false;

    if (!round_.ack) {
        report_.error("ask_timeout");
        return std::nullopt;
    }
    http_response const& ack = *round_.ack;
    if (ack.status != 201) {
        report_.error(error_key("ask", ack));
        return std::nullopt;
    }
    if (find_string(ack.body, "status") == std::string_view("pending")) {
        report_.error("ask_pending");
        report_.notes.push_back(
            "the session is moderated: questions wait for approval, so their "
            "text never reaches participants; use an unmoderated session");
        return std::nullopt;
    }
    if (!done) {
        report_.error("fanout_timeout");
        report_.error("fanout_undelivered", round_.expected - round_.delivered);
        return std::nullopt;
    }
    asked_question q;
    q.id = find_int(ack.body, "id").value_or(0);
    q.deliver_ms = ms_between(ack.sent_at, std::max(round_.last_delivery, ack.sent_at));
    q.ack_ms = ms_between(ack.sent_at, ack.received_at);
    return q;
}

void load_run::fanout() {
    std::size_t askers = participant_of_.size();
    rotation_.emplace(askers, k_questions_per_window, k_question_window);
    ask_http_ = std::make_unique<http_connection>(ioc_, server_, 1);
    std::size_t k = opt_.questions;
    report_.fanout.requested = k;
    if (k == 0) return;

    std::size_t total = k + (opt_.votes > 0 ? 1 : 0);  // the vote phase asks one more
    auto minimum = rotation_->minimum_duration(total);
    if (minimum.count() > 0) {
        report_.notes.push_back(std::to_string(askers) + " participants may ask at most " +
                                std::to_string(askers * k_questions_per_window) +
                                " questions a minute: " + std::to_string(total) +
                                " questions are paced and take at least " +
                                std::to_string(minimum.count() / 1000) + " s");
        progress(report_.notes.back());
    }
    progress("asking " + std::to_string(k) + " questions");

    std::vector<double> deliver, acked;
    std::size_t failures_in_a_row = 0;
    for (std::size_t r = 0; r < k && fleet_->open_count() > 0; ++r) {
        std::size_t who = next_asker();
        auto q = ask(static_cast<int>(r), who);
        if (q) {
            deliver.push_back(q->deliver_ms);
            acked.push_back(q->ack_ms);
            failures_in_a_row = 0;
        } else if (++failures_in_a_row == 5) {
            report_.notes.push_back("fan-out stopped after 5 failed questions in a row");
            break;
        }
        pause(std::chrono::milliseconds(opt_.gap_ms));
    }
    report_.fanout.rounds = deliver.size();
    report_.fanout.deliver_ms = summarize(std::move(deliver));
    report_.fanout.ack_ms = summarize(std::move(acked));
}

// ---- votes ----------------------------------------------------------------------------------

void load_run::votes() {
    std::size_t v = opt_.votes;
    report_.votes.requested = v;
    report_.votes.connections = opt_.vote_connections;
    if (v == 0 || fleet_->open_count() == 0) return;
    if (!rotation_)
        rotation_.emplace(participant_of_.size(), k_questions_per_window, k_question_window);
    if (!ask_http_) ask_http_ = std::make_unique<http_connection>(ioc_, server_, 1);

    // The question everyone votes on: delivered to every client before the first vote.
    auto q = ask(static_cast<int>(opt_.questions), next_asker());
    if (!q || q->id == 0) {
        report_.notes.push_back("the question to vote on could not be asked; no votes sent");
        return;
    }
    vote_question_ = q->id;

    // Participant p always votes over connection p % C, so its vote and a later unvote arrive
    // in order. Each request changes the count, so each one is exactly one question.voted.
    std::size_t voters = participant_of_.size();
    std::size_t passes = v / voters, rest = v % voters;
    report_.votes.expected_votes =
        static_cast<std::int64_t>(passes % 2 == 0 ? rest : voters - rest);
    for (std::size_t c = 0; c < opt_.vote_connections; ++c)
        vote_http_.push_back(std::make_unique<http_connection>(ioc_, server_, opt_.pipeline));
    progress("sending " + std::to_string(v) + " votes over " + std::to_string(vote_http_.size()) +
             " connections");

    std::string target = "/api/v1/questions/" + std::to_string(vote_question_) + "/vote";
    auto start = steady::now();
    for (std::size_t i = 0; i < v; ++i) {
        std::size_t p = i % voters;
        bool add = (i / voters) % 2 == 0;
        vote_http_[p % vote_http_.size()]->request(
            add ? "POST" : "DELETE", target, tokens_[participant_of_[p]], "",
            [this](http_response&& r) { on_vote_response(std::move(r)); });
    }
    bool ok =
        run_until([&] { return votes_all_acked_ && vote_clients_done_ >= fleet_->open_count(); },
                  std::chrono::seconds(opt_.timeout_s));

    steady::time_point end = last_vote_ack_;
    std::size_t mismatched = 0, undelivered = 0;
    for (std::size_t i = 0; i < clients_.size(); ++i) {
        client_state const& c = clients_[i];
        if (!fleet_->is_open(i)) continue;
        end = std::max(end, c.last_vote_at);
        if (!c.votes_done)
            ++undelivered;
        else if (c.last_votes != report_.votes.expected_votes)
            ++mismatched;
        if (c.votes_seen > votes_ok_) report_.error("vote_extra_updates");
    }
    if (!ok) report_.error("votes_timeout");
    if (undelivered > 0) report_.error("votes_undelivered", undelivered);
    if (mismatched > 0) report_.error("votes_final_count_mismatch", mismatched);

    report_.votes.count = votes_ok_;
    report_.votes.seconds = std::chrono::duration<double>(end - start).count();
    report_.votes.acked_seconds = std::chrono::duration<double>(last_vote_ack_ - start).count();
    report_.votes.per_second =
        report_.votes.seconds > 0 ? static_cast<double>(votes_ok_) / report_.votes.seconds : 0;
    report_.votes.delivered_all = ok && undelivered == 0 && mismatched == 0 && votes_ok_ == v;
}

void load_run::on_vote_response(http_response&& r) {
    ++votes_acked_;
    last_vote_ack_ = std::max(last_vote_ack_, r.received_at);
    if (r.status == 200)
        ++votes_ok_;
    else
        report_.error(error_key("vote", r));
    if (votes_acked_ < opt_.votes) return;
    votes_all_acked_ = true;
    for (std::size_t i = 0; i < clients_.size(); ++i)
        if (fleet_->is_open(i)) check_vote_done(i);
}

void load_run::check_vote_done(std::size_t client) {
    client_state& c = clients_[client];
    if (!votes_all_acked_ || c.votes_done || c.votes_seen < votes_ok_) return;
    c.votes_done = true;
    ++vote_clients_done_;
}

}  // namespace bimtek::loadgen
