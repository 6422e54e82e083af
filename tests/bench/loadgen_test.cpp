// bimtek-loadgen against a real bimtek-server (both as child processes): a small run —
// 50 participants, 20 questions, 100 votes (two passes: vote, then unvote) — must deliver
// everything without errors and print the JSON summary the benchmark scripts read.
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/harness/server_process.hpp"
#include "tests/harness/temp_dir.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;

struct command_result {
    int status = -1;
    std::string out;
};

command_result run(std::string const& command) {
    command_result r;
    FILE* pipe = ::popen(command.c_str(), "r");
    if (!pipe) return r;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) r.out.append(buf, n);
    int status = ::pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

std::string read_text(std::filesystem::path const& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST(Loadgen, SmallRunDeliversEverything) {
    temp_dir dir;
    server_process server(
        {"--data", dir.path().string(), "--port", "0", "--demo", "--demo-online", "0"});
    auto port = server.wait_listening();
    ASSERT_NE(port, 0) << server.output();

    auto log = dir / "loadgen.log";
    auto out_file = dir / "loadgen.json";
    auto r = run(std::string(BIMTEK_BIN_DIR) + "/bimtek-loadgen --server http://127.0.0.1:" +
                 std::to_string(port) + " --demo-json " + (dir / "demo.json").string() +
                 " --n 50 --questions 20 --votes 100 --vote-connections 3 --gap-ms 5" +
                 " --server-pid " + std::to_string(server.pid()) + " --json-out " +
                 out_file.string() + " 2>" + log.string());
    std::string summary = read_text(log);
    EXPECT_EQ(r.status, 0) << summary;

    json::value doc;
    ASSERT_NO_THROW(doc = json::parse(r.out)) << r.out << summary;
    EXPECT_EQ(json::parse(read_text(out_file)), doc);
    EXPECT_EQ(doc.at("n").to_number<int>(), 50);
    EXPECT_EQ(doc.at("welcomed").to_number<int>(), 50);
    EXPECT_GT(doc.at("connect_ms").to_number<double>(), 0);
    EXPECT_TRUE(doc.at("welcome_p50_ms").is_number());

    auto const& fanout = doc.at("fanout");
    EXPECT_EQ(fanout.at("rounds").to_number<int>(), 20);
    EXPECT_GT(fanout.at("p50_ms").to_number<double>(), 0);
    EXPECT_LE(fanout.at("p50_ms").to_number<double>(), fanout.at("p99_ms").to_number<double>());
    EXPECT_LE(fanout.at("p99_ms").to_number<double>(), fanout.at("max_ms").to_number<double>());
    EXPECT_TRUE(fanout.at("ack_p50_ms").is_number());
    EXPECT_FALSE(fanout.at("paced").as_bool());

    auto const& votes = doc.at("votes");
    EXPECT_EQ(votes.at("count").to_number<int>(), 100);
    EXPECT_TRUE(votes.at("delivered_all").as_bool()) << summary;
    EXPECT_GT(votes.at("per_second").to_number<double>(), 0);

    auto const& rss = doc.at("rss");
    EXPECT_GT(rss.at("before_kb").to_number<double>(), 0);
    EXPECT_GT(rss.at("after_kb").to_number<double>(), 0);
    EXPECT_TRUE(rss.at("per_client_kb").is_number());

    EXPECT_TRUE(doc.at("errors").as_object().empty()) << json::serialize(doc.at("errors"));
}

TEST(Loadgen, UnreachableServerIsReportedNotHung) {
    temp_dir dir;
    std::ofstream(dir / "codes.txt") << "AAAAAAAA\nBBBBBBBB\n";
    auto r = run(std::string(BIMTEK_BIN_DIR) + "/bimtek-loadgen --server http://127.0.0.1:1" +
                 " --codes " + (dir / "codes.txt").string() + " --session 1 --timeout 10" +
                 " 2>/dev/null");
    EXPECT_EQ(r.status, 1);
    auto doc = json::parse(r.out);
    EXPECT_EQ(doc.at("welcomed").to_number<int>(), 0);
    EXPECT_EQ(doc.at("errors").at("join_transport").to_number<int>(), 2);
}

}  // namespace
}  // namespace bimtek::testing
