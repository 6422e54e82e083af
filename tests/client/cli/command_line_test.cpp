#include "client/cli/command_line.hpp"
#include "client/cli/parse_error_text.hpp"

#include <gtest/gtest.h>

namespace bimtek::client::cli {
namespace {

command_line parsed(std::vector<std::string> args, store::environment env = {}) {
    auto r = parse_command_line(args, env);
    if (auto* e = std::get_if<usage_error>(&r)) ADD_FAILURE() << e->message;
    if (std::get_if<help_request>(&r)) ADD_FAILURE() << "help";
    return std::get_if<command_line>(&r) ? std::get<command_line>(r) : command_line{};
}

bool is_usage_error(std::vector<std::string> args, store::environment env = {}) {
    return std::holds_alternative<usage_error>(parse_command_line(args, env));
}

TEST(CommandLine, GlobalOptionsBeforeOrAfterTheCommand) {
    auto c = parsed({"--server", "http://127.0.0.1:9", "--token", "T", "watch", "--json"});
    EXPECT_EQ(c.cmd, command::watch);
    EXPECT_EQ(c.server, "http://127.0.0.1:9");
    EXPECT_EQ(c.token, "T");
    EXPECT_TRUE(c.json);
    EXPECT_EQ(c.language, ui::lang::id);
    auto d = parsed({"watch", "--server", "http://h:1", "--lang", "en"});
    EXPECT_EQ(d.server, "http://h:1");
    EXPECT_EQ(d.language, ui::lang::en);
}

TEST(CommandLine, EnvironmentFillsWhatOptionsLeaveOut) {
    store::environment env{
        {"BIMTEK_SERVER", "http://e:2"}, {"BIMTEK_TOKEN", "ET"}, {"BIMTEK_LANG", "en"}};
    auto c = parsed({"questions"}, env);
    EXPECT_EQ(c.server, "http://e:2");
    EXPECT_EQ(c.token, "ET");
    EXPECT_EQ(c.language, ui::lang::en);
    auto d = parsed({"--token", "OPT", "--lang", "id", "questions"}, env);
    EXPECT_EQ(d.token, "OPT");
    EXPECT_EQ(d.language, ui::lang::id);
}

TEST(CommandLine, CommandsAndTheirOptions) {
    auto k = parsed({"checkin", "--queue", "/tmp/q.db", "--drain-timeout", "3", "--event", "7"});
    EXPECT_EQ(k.cmd, command::checkin);
    EXPECT_EQ(k.queue_file, "/tmp/q.db");
    EXPECT_EQ(k.drain_timeout, 3);
    EXPECT_EQ(k.event_id, 7);
    EXPECT_FALSE(k.flush);
    EXPECT_EQ(parsed({"checkin"}).drain_timeout, 10);
    EXPECT_TRUE(parsed({"checkin", "--flush"}).flush);
    EXPECT_EQ(parsed({"checkin", "--code", "K7PM2QXD"}).checkin_code, "K7PM2QXD");

    auto a = parsed({"ask", "Bagaimana modal usaha?", "--anonymous", "--session", "2"});
    EXPECT_EQ(a.cmd, command::ask);
    EXPECT_EQ(a.text, "Bagaimana modal usaha?");
    EXPECT_TRUE(a.anonymous);
    EXPECT_EQ(a.session_id, 2);

    auto v = parsed({"vote", "12"});
    EXPECT_EQ(v.cmd, command::vote);
    EXPECT_EQ(v.question_id, 12);

    auto q = parsed({"qa", "pin", "5", "--session", "1"});
    EXPECT_EQ(q.cmd, command::qa);
    EXPECT_EQ(q.qa_action, "pin");
    EXPECT_EQ(q.question_id, 5);
    EXPECT_TRUE(parsed({"qa"}).qa_action.empty());

    auto s = parsed({"session", "end", "3"});
    EXPECT_EQ(s.session_action, "end");
    EXPECT_EQ(s.session_id, 3);

    auto t = parsed({"attendance", "--format", "json", "--out", "a.json"});
    EXPECT_EQ(t.format, "json");
    EXPECT_EQ(t.out_file, "a.json");
    EXPECT_EQ(parsed({"attendance"}).format, "csv");

    EXPECT_EQ(parsed({"login", "--user", "koordinator"}).user, "koordinator");
    EXPECT_EQ(parsed({"join", "--code", "ABC"}).join_code, "ABC");
    EXPECT_EQ(parsed({"watch", "--since", "41"}).since, 41);
}

TEST(CommandLine, UsageErrors) {
    EXPECT_TRUE(is_usage_error({"frobnicate"}));
    EXPECT_TRUE(is_usage_error({"login"}));  // --user is required
    EXPECT_TRUE(is_usage_error({"vote"}));   // ID is required
    EXPECT_TRUE(is_usage_error({"vote", "abc"}));
    EXPECT_TRUE(is_usage_error({"session", "pause", "1"}));
    EXPECT_TRUE(is_usage_error({"qa", "delete", "1"}));
    EXPECT_TRUE(is_usage_error({"attendance", "--format", "xlsx"}));
    EXPECT_TRUE(is_usage_error({"checkin", "--flush", "--code", "X"}));
    EXPECT_TRUE(is_usage_error({"--server", "https://x", "watch"}));
    EXPECT_TRUE(is_usage_error({"--lang", "fr", "watch"}));
    EXPECT_TRUE(is_usage_error({"watch"}, {{"BIMTEK_SERVER", "nonsense://"}}));
}

TEST(CommandLine, UsageErrorsSpeakTheChosenLanguage) {
    auto id = std::get<usage_error>(parse_command_line({"--server", "https://x", "watch"}, {}));
    EXPECT_NE(id.message.find("Penggunaan salah"), std::string::npos) << id.message;
    auto en = std::get<usage_error>(
        parse_command_line({"--lang", "en", "--server", "https://x", "watch"}, {}));
    EXPECT_NE(en.message.find("Usage error"), std::string::npos) << en.message;
}

TEST(CommandLine, HelpForTheProgramAndForEachCommand) {
    auto top = parse_command_line({"--help"}, {});
    ASSERT_TRUE(std::holds_alternative<help_request>(top));
    auto const& h = std::get<help_request>(top);
    EXPECT_FALSE(h.is_error);
    EXPECT_NE(h.text.find("checkin"), std::string::npos);
    EXPECT_NE(h.text.find("Kode keluar"), std::string::npos);  // exit codes, in Indonesian

    auto sub = parse_command_line({"--lang", "en", "checkin", "--help"}, {});
    ASSERT_TRUE(std::holds_alternative<help_request>(sub));
    auto const& s = std::get<help_request>(sub).text;
    EXPECT_NE(s.find("--drain-timeout"), std::string::npos) << s;
    EXPECT_NE(s.find("Exit codes"), std::string::npos) << s;

    auto none = parse_command_line({}, {});
    ASSERT_TRUE(std::holds_alternative<help_request>(none));
    EXPECT_TRUE(std::get<help_request>(none).is_error);
}

std::string usage_message(std::vector<std::string> args) {
    auto r = parse_command_line(args, {});
    auto const* e = std::get_if<usage_error>(&r);
    return e ? e->message : "(no usage error)";
}

// CLI11 words its errors in English; the mistakes people make come out in their language.
TEST(CommandLine, UsageErrorsSayWhatWasWrongInTheChosenLanguage) {
    EXPECT_EQ(usage_message({"login"}), "Penggunaan salah: --user wajib diisi");
    EXPECT_EQ(usage_message({"vote"}), "Penggunaan salah: ID wajib diisi");
    EXPECT_EQ(usage_message({"login", "--user"}), "Penggunaan salah: --user perlu diberi nilai");
    EXPECT_EQ(usage_message({"watch", "--nope"}),
              "Penggunaan salah: argumen tidak dikenal: --nope");
    EXPECT_EQ(usage_message({"attendance", "--format", "xlsx"}),
              "Penggunaan salah: nilai --format tidak sah");
    EXPECT_EQ(usage_message({"watch", "--since", "abc"}),
              "Penggunaan salah: nilai --since tidak sah");
    EXPECT_EQ(usage_message({"checkin", "--drain-timeout", "1.5"}),
              "Penggunaan salah: nilai --drain-timeout tidak sah");
    // A value no check stopped but the conversion refused (CLI11's wording).
    EXPECT_EQ(parse_error_text(parse_mistake::conversion, "Could not convert: --since = x1",
                               ui::lang::id),
              "nilai --since tidak sah: x1");
    // Wordings this does not know stay CLI11's.
    EXPECT_EQ(parse_error_text(parse_mistake::required, "A subcommand is required", ui::lang::id),
              "A subcommand is required");
    EXPECT_EQ(usage_message({"checkin", "--flush", "--code", "X"}),
              "Penggunaan salah: --flush tidak dapat dipakai bersama --code");
    EXPECT_EQ(usage_message({"qa", "--lang", "en"}), "(no usage error)");
    EXPECT_EQ(usage_message({"--lang", "en", "login"}), "Usage error: --user is required");
    EXPECT_EQ(usage_message({"--lang", "en", "watch", "a", "b"}),
              "Usage error: unexpected argument: a b");
}

}  // namespace
}  // namespace bimtek::client::cli
