// Logging in, stored tokens, exit codes and messages of the command line, attendance export.
#include <sys/stat.h>

#include <gtest/gtest.h>

#include "tests/client/client_test_support.hpp"
#include "tests/harness/http_client.hpp"
#include "tests/harness/test_server.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;

TEST(AuthCli, LoginReadsThePasswordFromStdinAndStoresTheTokenPrivately) {
    test_server server;
    client_home home;
    auto url = "http://127.0.0.1:" + std::to_string(server.port());
    auto password = std::string(server.demo().at("coordinator").at("password").as_string());
    auto r = run_client({"--server", url, "login", "--user", "koordinator"}, home.env(),
                        password + "\n");
    ASSERT_EQ(r.status, 0) << r.out << r.err;
    EXPECT_EQ(r.out.find(password), std::string::npos);
    auto file = home.dir / "config" / "bimtek" / "credentials.json";
    struct stat st {};
    ASSERT_EQ(::stat(file.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);

    // The stored token and server are used without --server/--token.
    auto a = run_client({"attendance", "--format", "json"}, home.env());
    ASSERT_EQ(a.status, 0) << a.err;
    auto body = json::parse(a.out).as_object();
    EXPECT_EQ(body.at("event_id").as_int64(), server.event_id());
    EXPECT_EQ(body.at("participants").as_array().size(), 50u + 170u);

    // CSV is the server's attendance list (the dashboard's export), byte for byte.
    http_client http(server.port());
    http.set_token(server.login_coordinator());
    auto list = http.get("/api/v1/events/" + std::to_string(server.event_id()) + "/attendance.csv");
    ASSERT_EQ(list.status, 200);
    EXPECT_EQ(list.body.rfind("\xEF\xBB\xBFNo,Nama,Kategori,Wilayah,Mode", 0), 0u) << list.body;
    auto csv_file = home.dir / "hadir.csv";
    auto c = run_client({"attendance", "--out", csv_file.string()}, home.env());
    ASSERT_EQ(c.status, 0) << c.err;
    EXPECT_NE(c.out.find("ditulis ke " + csv_file.string()), std::string::npos) << c.out;
    std::ifstream in(csv_file, std::ios::binary);
    std::string written{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    EXPECT_EQ(written, list.body);
    auto to_stdout = run_client({"attendance", "--format", "csv"}, home.env());
    ASSERT_EQ(to_stdout.status, 0) << to_stdout.err;
    EXPECT_EQ(to_stdout.out, list.body);

    auto out = run_client({"logout"}, home.env());
    EXPECT_EQ(out.status, 0) << out.err;
    EXPECT_FALSE(std::filesystem::exists(file));
    auto after = run_client({"attendance"}, home.env());
    EXPECT_EQ(after.status, 3);
    EXPECT_NE(after.err.find("Belum masuk"), std::string::npos) << after.err;
}

TEST(AuthCli, ExitCodesAndMessagesInBothLanguages) {
    test_server server;
    client_home home;
    auto url = "http://127.0.0.1:" + std::to_string(server.port());

    auto wrong = run_client({"--server", url, "login", "--user", "koordinator"}, home.env(),
                            "salah-salah\n");
    EXPECT_EQ(wrong.status, 3);
    EXPECT_NE(wrong.err.find("Nama pengguna atau kata sandi salah."), std::string::npos)
        << wrong.err;
    auto wrong_en =
        run_client({"--server", url, "--lang", "en", "join", "--code", "ZZZZ2222"}, home.env());
    EXPECT_EQ(wrong_en.status, 3);
    EXPECT_NE(wrong_en.err.find("Unknown access code."), std::string::npos) << wrong_en.err;
    auto env_lang = home.env();
    env_lang["BIMTEK_LANG"] = "en";
    auto bad_token = run_client({"--server", url, "--token", "nope", "attendance"}, env_lang);
    EXPECT_EQ(bad_token.status, 3);
    EXPECT_NE(bad_token.err.find("log in again"), std::string::npos) << bad_token.err;

    auto participant = server.join(server.code_of("online", 0));
    auto forbidden =
        run_client({"--server", url, "--token", participant, "attendance"}, home.env());
    EXPECT_EQ(forbidden.status, 3) << forbidden.err;
    EXPECT_NE(forbidden.err.find("tidak berhak"), std::string::npos) << forbidden.err;

    auto down = "http://127.0.0.1:" + std::to_string(free_port());
    auto unreachable = run_client({"--server", down, "--token", "t", "attendance"}, home.env());
    EXPECT_EQ(unreachable.status, 4);
    EXPECT_NE(unreachable.err.find("tidak dapat dihubungi (koneksi ditolak"), std::string::npos)
        << unreachable.err;
    auto watch_down = run_client({"--server", down, "--token", "t", "watch", "--json"}, home.env());
    EXPECT_EQ(watch_down.status, 4) << watch_down.err;
    EXPECT_NE(watch_down.err.find("tidak dapat dihubungi (koneksi ditolak"), std::string::npos)
        << watch_down.err;
    auto nameless = run_client(
        {"--server", "http://nama-server.invalid:8080", "--token", "t", "attendance"}, env_lang);
    EXPECT_EQ(nameless.status, 4);
    EXPECT_NE(nameless.err.find("server name not found"), std::string::npos) << nameless.err;

    auto env_server = home.env();
    env_server["BIMTEK_SERVER"] = url;
    env_server["BIMTEK_TOKEN"] = participant;
    auto from_env = run_client({"questions"}, env_server);
    EXPECT_EQ(from_env.status, 0) << from_env.err;

    auto usage = run_client({"vote"}, home.env());
    EXPECT_EQ(usage.status, 2);
    EXPECT_NE(usage.err.find("Penggunaan salah"), std::string::npos) << usage.err;
    auto help = run_client({"--help"}, home.env());
    EXPECT_EQ(help.status, 0);
    EXPECT_NE(help.out.find("Kode keluar"), std::string::npos);
    auto sub_help = run_client({"--lang", "en", "checkin", "--help"}, home.env());
    EXPECT_EQ(sub_help.status, 0);
    EXPECT_NE(sub_help.out.find("--drain-timeout"), std::string::npos) << sub_help.out;
    EXPECT_NE(sub_help.out.find("4 server unreachable"), std::string::npos) << sub_help.out;
}

}  // namespace
}  // namespace bimtek::testing
