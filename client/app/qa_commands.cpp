// bimtek questions / ask / vote (participants) and qa (speakers: the live queue and moderation).
#include <unistd.h>

#include <ostream>
#include <sstream>

#include <boost/json.hpp>

#include "client/app/commands.hpp"
#include "client/app/event_lookup.hpp"
#include "client/app/interrupt.hpp"
#include "client/app/line_reader.hpp"
#include "client/app/live_link.hpp"
#include "client/cli/exit_codes.hpp"
#include "client/live/live_state.hpp"
#include "client/live/stream_follower.hpp"
#include "client/ui/question_lines.hpp"

namespace bimtek::client::app {
namespace json = boost::json;
using ui::msg;

namespace {

// The session a command is about, or the exit code after saying why there is none.
std::variant<std::int64_t, int> session_for(command_context& ctx) {
    auto s = find_session(ctx, ctx.cmd().session_id, ctx.cmd().event_id);
    if (auto* r = std::get_if<api::api_reply>(&s)) {
        if (r->ok()) {
            ctx.err() << ctx.say(msg::err_no_event) << "\n";
            return cli::exit_failed;
        }
        return ctx.fail(*r);
    }
    auto id = std::get<std::int64_t>(s);
    if (id == 0) {
        ctx.err() << ctx.say(msg::err_no_live_session) << "\n";
        return cli::exit_failed;
    }
    return id;
}

std::string session_title(command_context& ctx, std::int64_t session) {
    auto r = ctx.api().get("/api/v1/sessions/" + std::to_string(session));
    if (r.ok() && r.body.is_object())
        if (auto const* t = r.body.as_object().if_contains("title"); t && t->is_string())
            return std::string(t->as_string());
    return {};
}

// The queue as a speaker sees it: everything but hidden questions, pending ones included.
std::vector<std::string> queue_lines(ui::lang l, live::live_state const& st, std::int64_t session,
                                     bool all) {
    std::vector<live::live_question const*> qs;
    for (auto const& [id, q] : st.questions)
        if (q.session_id == session && (all || q.status != "hidden")) qs.push_back(&q);
    auto rank = [](std::string const& s) {
        return s == "pinned"     ? 0
               : s == "pending"  ? 1
               : s == "approved" ? 2
               : s == "answered" ? 3
                                 : 4;
    };
    std::sort(qs.begin(), qs.end(), [&](auto const* a, auto const* b) {
        if (rank(a->status) != rank(b->status)) return rank(a->status) < rank(b->status);
        if (a->votes != b->votes) return a->votes > b->votes;
        return a->id < b->id;
    });
    std::vector<std::string> out;
    for (auto const* q : qs) out.push_back("  " + ui::question_line(l, *q));
    if (out.empty()) out.push_back("  " + std::string(ui::text(l, msg::q_none)));
    return out;
}

std::string status_for(std::string const& action) {
    if (action == "approve") return "approved";
    if (action == "answer") return "answered";
    if (action == "pin") return "pinned";
    if (action == "hide") return "hidden";
    return {};
}

int moderate(command_context& ctx, std::string const& action, std::int64_t question) {
    auto status = status_for(action);
    auto r = ctx.api().patch("/api/v1/questions/" + std::to_string(question),
                             json::object{{"status", status}});
    if (!r.ok()) return ctx.fail(r);
    ctx.out() << ctx.say(msg::qa_done,
                         {std::to_string(question), ui::status_label(ctx.lang(), status)})
              << std::endl;
    return cli::exit_ok;
}

// `bimtek qa` without an action: prints the queue whenever it changes and reads moderation
// commands from standard input.
class qa_sink final : public live::follower_sink {
public:
    qa_sink(command_context& ctx, std::int64_t session, std::string title)
        : ctx_(ctx), session_(session), title_(std::move(title)), reader_(STDIN_FILENO) {}

    void welcomed(protocol::welcome const&, bool) override { reload(); }
    void resynced(protocol::resync const&) override { reload(); }
    bool updated(protocol::update const& u, std::string const&) override {
        if (!u.kind.starts_with("question.")) return true;
        state_.apply(u);
        print();
        return true;
    }
    void link_changed(live::link_state s, net::link_fault const& why) override {
        if (s == live::link_state::reconnecting)
            ctx_.err() << ctx_.say(msg::watch_reconnecting, {ui::describe(ctx_.lang(), why)})
                       << std::endl;
    }
    bool tick() override {
        if (interrupted() || done_) return false;
        std::string line;
        for (;;) {
            auto st = reader_.next(line, std::chrono::milliseconds(0));
            if (st == line_reader::status::eof) return false;
            if (st == line_reader::status::timeout) return true;
            if (!command(line)) return false;
        }
    }
    int exit_code() const { return exit_code_; }

private:
    void reload() {
        auto r = ctx_.api().get("/api/v1/sessions/" + std::to_string(session_) + "/questions");
        if (r.ok() && r.body.is_object()) state_.load_questions(r.body.as_object());
        print();
    }
    void print() {
        ctx_.out() << "\n"
                   << ctx_.say(msg::qa_queue_header, {std::to_string(session_), title_}) << "\n";
        for (auto const& l : queue_lines(ctx_.lang(), state_, session_, false))
            ctx_.out() << l << "\n";
        ctx_.out() << ctx_.say(msg::qa_help) << std::endl;
    }
    // One typed command; false to stop.
    bool command(std::string const& line) {
        std::istringstream in(line);
        std::string verb;
        std::int64_t id = 0;
        in >> verb;
        if (verb.empty()) return true;
        if (verb == "quit" || verb == "exit" || verb == "q") return false;
        if (verb == "list" || verb == "refresh") {
            reload();
            return true;
        }
        if (!status_for(verb).empty() && (in >> id) && id > 0) {
            int code = moderate(ctx_, verb, id);
            if (code == cli::exit_auth || code == cli::exit_unreachable) exit_code_ = code;
            return true;
        }
        ctx_.err() << ctx_.say(msg::qa_unknown_command, {line}) << "\n"
                   << ctx_.say(msg::qa_help) << std::endl;
        return true;
    }

    command_context& ctx_;
    std::int64_t session_;
    std::string title_;
    line_reader reader_;
    live::live_state state_;
    bool done_ = false;
    int exit_code_ = cli::exit_ok;
};

}  // namespace

int run_questions(command_context& ctx) {
    if (!ctx.has_token()) return ctx.no_token();
    auto s = session_for(ctx);
    if (auto* code = std::get_if<int>(&s)) return *code;
    auto session = std::get<std::int64_t>(s);
    auto r = ctx.api().get("/api/v1/sessions/" + std::to_string(session) + "/questions");
    if (!r.ok()) return ctx.fail(r);
    if (ctx.cmd().json) {
        ctx.out() << json::serialize(r.body) << std::endl;
        return cli::exit_ok;
    }
    if (!r.body.is_object()) {
        api::api_reply unreadable;
        unreadable.what = api::outcome::server_error;
        unreadable.status = r.status;
        unreadable.code = "bad_reply";
        return ctx.fail(unreadable);
    }
    live::live_state st;
    st.load_questions(r.body.as_object());
    ctx.out() << ctx.say(msg::q_header, {std::to_string(session), session_title(ctx, session)})
              << "\n";
    for (auto const& l : queue_lines(ctx.lang(), st, session, ctx.cmd().all))
        ctx.out() << l << "\n";
    ctx.out() << std::flush;
    return cli::exit_ok;
}

int run_ask(command_context& ctx) {
    if (!ctx.has_token()) return ctx.no_token();
    auto s = session_for(ctx);
    if (auto* code = std::get_if<int>(&s)) return *code;
    auto session = std::get<std::int64_t>(s);
    auto r =
        ctx.api().post("/api/v1/sessions/" + std::to_string(session) + "/questions",
                       json::object{{"text", ctx.cmd().text}, {"anonymous", ctx.cmd().anonymous}});
    if (!r.ok()) return ctx.fail(r);
    std::string id, status;
    if (auto const* o = r.body.if_object()) {
        if (auto const* v = o->if_contains("id")) id = json::serialize(*v);
        if (auto const* v = o->if_contains("status"); v && v->is_string()) status = v->as_string();
    }
    ctx.out() << ctx.say(status == "pending" ? msg::ask_pending : msg::ask_sent, {id}) << std::endl;
    return cli::exit_ok;
}

int run_vote(command_context& ctx) {
    if (!ctx.has_token()) return ctx.no_token();
    auto target = "/api/v1/questions/" + std::to_string(ctx.cmd().question_id) + "/vote";
    auto r = ctx.cmd().unvote ? ctx.api().del(target) : ctx.api().post(target, json::object{});
    if (!r.ok()) return ctx.fail(r);
    std::string votes = "?";
    if (auto const* o = r.body.if_object())
        if (auto const* v = o->if_contains("votes")) votes = json::serialize(*v);
    ctx.out() << ctx.say(ctx.cmd().unvote ? msg::unvote_ok : msg::vote_ok,
                         {std::to_string(ctx.cmd().question_id), votes})
              << std::endl;
    return cli::exit_ok;
}

int run_qa(command_context& ctx) {
    if (!ctx.has_token()) return ctx.no_token();
    auto const& c = ctx.cmd();
    if (!c.qa_action.empty()) {
        if (c.question_id <= 0) {
            ctx.err() << ctx.say(msg::usage_error, {"qa " + c.qa_action + " ID"}) << "\n"
                      << ctx.say(msg::usage_hint) << "\n";
            return cli::exit_usage;
        }
        return moderate(ctx, c.qa_action, c.question_id);
    }
    auto s = session_for(ctx);
    if (auto* code = std::get_if<int>(&s)) return *code;
    auto session = std::get<std::int64_t>(s);
    install_interrupt_handlers();
    auto ws = ctx.net().ws();
    live::stream_follower follower(*ws, live::steady_follower_clock(), follower_options_for(ctx));
    qa_sink sink(ctx, session, session_title(ctx, session));
    auto end = follower.run(sink);
    return exit_code_of(ctx, end, follower, sink.exit_code());
}

}  // namespace bimtek::client::app
