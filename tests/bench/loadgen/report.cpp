#include "tests/bench/loadgen/report.hpp"

#include <cstdio>

#include "tests/bench/loadgen/json_out.hpp"

namespace bimtek::loadgen {
namespace {

std::string format(char const* fmt, double a, double b = 0, double c = 0, double d = 0) {
    char buf[256];
    std::snprintf(buf, sizeof buf, fmt, a, b, c, d);
    return buf;
}

}  // namespace

bool run_report::clean() const {
    return errors.empty() && welcomed == n && fanout.rounds == fanout.requested &&
           (votes.requested == 0 || votes.delivered_all);
}

std::string to_json(run_report const& r) {
    json_writer w;
    w.begin_object()
        .field("n", r.n)
        .field("welcomed", r.welcomed)
        .field("join_ms", r.join_ms, 1)
        .field("connect_ms", r.connect_ms, 1)
        .field("welcome_p50_ms", r.welcome_ms.p50)
        .field("welcome_p99_ms", r.welcome_ms.p99)
        .field("settle_ms", r.settle_ms, 1);

    w.begin_object("fanout")
        .field("rounds", r.fanout.rounds)
        .field("p50_ms", r.fanout.deliver_ms.p50)
        .field("p99_ms", r.fanout.deliver_ms.p99)
        .field("max_ms", r.fanout.deliver_ms.max)
        .field("mean_ms", r.fanout.deliver_ms.mean)
        .field("ack_p50_ms", r.fanout.ack_ms.p50)
        .field("ack_p99_ms", r.fanout.ack_ms.p99)
        .field("paced", r.fanout.paced)
        .end_object();

    w.begin_object("votes")
        .field("count", r.votes.count)
        .field("connections", r.votes.connections)
        .field("seconds", r.votes.seconds)
        .field("acked_seconds", r.votes.acked_seconds)
        .field("per_second", r.votes.per_second, 1)
        .field("delivered_all", r.votes.delivered_all)
        .end_object();

    w.begin_object("rss");
    if (r.rss.before_kb)
        w.field("before_kb", *r.rss.before_kb);
    else
        w.null_field("before_kb");
    if (r.rss.after_kb)
        w.field("after_kb", *r.rss.after_kb);
    else
        w.null_field("after_kb");
    if (r.rss.per_client_kb)
        w.field("per_client_kb", *r.rss.per_client_kb, 2);
    else
        w.null_field("per_client_kb");
    w.end_object();

    w.begin_object("errors");
    for (auto const& [kind, count] : r.errors) w.field(kind, count);
    w.end_object();
    w.field("notes", r.notes);
    w.end_object();
    return w.str();
}

std::string human_summary(run_report const& r) {
    std::string s;
    s += "bimtek-loadgen: " + std::to_string(r.welcomed) + " of " + std::to_string(r.n) +
         " participants connected\n";
    s += format("  join        %.1f ms for all\n", r.join_ms);
    s += format("  connect     %.1f ms until every welcome; per client p50 %.2f ms, p99 %.2f ms\n",
                r.connect_ms, r.welcome_ms.p50, r.welcome_ms.p99);
    s += format("  settle      %.1f ms more until every client had every update\n", r.settle_ms);
    if (r.fanout.requested > 0) {
        s += "  fan-out     " + std::to_string(r.fanout.rounds) + " of " +
             std::to_string(r.fanout.requested) + " questions delivered to every client\n";
        s += format(
            "              ask -> all: p50 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms\n",
            r.fanout.deliver_ms.p50, r.fanout.deliver_ms.p99, r.fanout.deliver_ms.max,
            r.fanout.deliver_ms.mean);
        s += format("              ask -> 201: p50 %.2f ms, p99 %.2f ms\n", r.fanout.ack_ms.p50,
                    r.fanout.ack_ms.p99);
        if (r.fanout.paced)
            s += format("              paced by the rate limit: %.1f s spent waiting\n",
                        r.fanout.paced_seconds);
    }
    if (r.votes.requested > 0) {
        s += "  votes       " + std::to_string(r.votes.count) + " of " +
             std::to_string(r.votes.requested) + " over " + std::to_string(r.votes.connections) +
             " connections: " + (r.votes.delivered_all ? "all delivered" : "NOT all delivered") +
             "\n";
        s += format(
            "              %.3f s until every client had every update (%.1f votes/s); "
            "responses after %.3f s\n",
            r.votes.seconds, r.votes.per_second, r.votes.acked_seconds);
    }
    if (r.rss.before_kb && r.rss.after_kb)
        s += format(
            "  server RSS  %.0f kB before, %.0f kB with every client connected (%.2f kB per "
            "client)\n",
            static_cast<double>(*r.rss.before_kb), static_cast<double>(*r.rss.after_kb),
            r.rss.per_client_kb.value_or(0));
    for (auto const& note : r.notes) s += "  note: " + note + "\n";
    if (r.errors.empty()) {
        s += "  errors      none\n";
    } else {
        s += "  errors     ";
        for (auto const& [kind, count] : r.errors) s += " " + kind + "=" + std::to_string(count);
        s += "\n";
    }
    return s;
}

}  // namespace bimtek::loadgen
