#include "server/transport/http/static_files.hpp"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/harness/temp_dir.hpp"

namespace bimtek::transport {
namespace {

class StaticFiles : public ::testing::Test {
protected:
    void SetUp() override {
        std::filesystem::create_directories(dir_ / "web/js");
        write("web/index.html", "<html>index</html>");
        write("web/dashboard.html", "<html>dash</html>");
        write("web/verify.html", "<html>verify</html>");
        write("web/js/app.js", "export {}");
        write("web/.hidden", "secret");
        write("secret.txt", "outside");
        std::filesystem::create_symlink(dir_ / "secret.txt", dir_ / "web/link.txt");
    }
    void write(std::string const& rel, std::string const& text) { std::ofstream(dir_ / rel) << text; }
    api_response get(std::string path) {
        api_request req;
        req.path = std::move(path);
        return files_.serve(req);
    }

    testing::temp_dir dir_;
    static_files files_{dir_ / "web"};
};

TEST_F(StaticFiles, PagesAndAssets) {
    auto index = get("/");
    ASSERT_EQ(index.status, 200u);
    ASSERT_TRUE(index.file);
    EXPECT_EQ(index.file->path.filename(), "index.html");
    EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
    EXPECT_EQ(get("/dashboard").file->path.filename(), "dashboard.html");
    EXPECT_EQ(get("/verify/ABCD1234").file->path.filename(), "verify.html");
    auto js = get("/js/app.js");
    EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
}

TEST_F(StaticFiles, RefusesEverythingOutsideTheRoot) {
    for (auto path : {"/../secret.txt", "/js/../../secret.txt", "/.hidden", "/link.txt", "/js/..", "/nothing"})
        EXPECT_EQ(get(path).status, 404u) << path;
}

TEST_F(StaticFiles, ContentTypes) {
    EXPECT_EQ(static_files::content_type_for("a.css"), "text/css; charset=utf-8");
    EXPECT_EQ(static_files::content_type_for("a.svg"), "image/svg+xml");
    EXPECT_EQ(static_files::content_type_for("a.unknown"), "application/octet-stream");
}

}  // namespace
}  // namespace bimtek::transport
