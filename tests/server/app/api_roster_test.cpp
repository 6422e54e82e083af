// Roster import from CSV: all rows validated first, every bad line reported, nothing imported
// when any line is bad.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "tests/harness/http_client.hpp"
#include "tests/harness/test_server.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;

class ApiRoster : public ::testing::Test {
protected:
    void SetUp() override {
        client_.set_token(server_.login_coordinator());
        base_ = "/api/v1/events/" + std::to_string(server_.event_id());
    }
    std::size_t roster_size() { return client_.get(base_ + "/participants").json().at("participants").as_array().size(); }

    test_server server_;
    http_client client_{server_.port()};
    std::string base_;
};

TEST_F(ApiRoster, ImportsAGoodSpreadsheet) {
    std::string csv =
        "\xEF\xBB\xBFnama,kategori,wilayah,no_hp,nama_usaha,kehadiran\r\n"
        "Siti Nurhaliza,KPM PKH Graduasi,\"Jakarta Timur, Cakung\",0812-3456-7890,\"Kue Basah \"\"Bu Siti\"\"\",luring\r\n"
        "Ni Luh Putu Ayu,Pendamping,Jakarta Selatan,,,daring\r\n";
    auto r = client_.post(base_ + "/participants/import", csv, "text/csv");
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json().at("imported").as_int64(), 2);
    auto siti = r.json().at("participants").at(0).as_object();
    EXPECT_EQ(siti.at("name").as_string(), "Siti Nurhaliza");
    EXPECT_EQ(siti.at("region").as_string(), "Jakarta Timur, Cakung");
    EXPECT_EQ(siti.at("business_name").as_string(), "Kue Basah \"Bu Siti\"");
    EXPECT_EQ(siti.at("access_code").as_string().size(), 8u);
    EXPECT_EQ(roster_size(), 222u);
}

TEST_F(ApiRoster, BadLinesAreAllReportedAndNothingIsImported) {
    std::string csv =
        "name,category,region,mode\n"
        "Budi Santoso,Koordinator PKH,Jakarta Barat,onsite\n"
        ",KPM PKH Graduasi,Jakarta Utara,online\n"            // line 3: no name
        "Rina,Astronot,Jakarta Pusat,online\n"                 // line 4: unknown category
        "Agus,Pendamping,Jakarta Timur,kadang-kadang\n"        // line 5: unknown mode
        "Dewi,Pendamping,Jakarta Timur\n";                     // line 6: a field missing
    auto r = client_.post(base_ + "/participants/import", csv, "text/csv");
    ASSERT_EQ(r.status, 422) << r.body;
    auto err = r.json().at("error").as_object();
    EXPECT_EQ(err.at("code").as_string(), "invalid_roster");
    std::set<std::int64_t> lines;
    for (auto const& d : err.at("details").as_array()) lines.insert(d.at("line").as_int64());
    EXPECT_EQ(lines, (std::set<std::int64_t>{3, 4, 5, 6}));
    EXPECT_EQ(roster_size(), 220u);
}

TEST_F(ApiRoster, MissingColumnIsReportedOnTheHeaderLine) {
    auto r = client_.post(base_ + "/participants/import", "nama,wilayah\nSiti,Jakarta\n", "text/csv");
    ASSERT_EQ(r.status, 422);
    EXPECT_EQ(r.json().at("error").at("details").at(0).at("line").as_int64(), 1);
}

TEST_F(ApiRoster, AddOneParticipantAndSeeTheirCode) {
    auto r = client_.post(base_ + "/participants",
                          R"({"name":"Ketut Ginting","category":"Koordinator TKSK","region":"Jakarta Timur","mode":"onsite","phone":"+62 812 1111 2222"})");
    ASSERT_EQ(r.status, 201) << r.body;
    auto code = std::string(r.json().at("access_code").as_string());
    http_client door(server_.port());
    door.set_token(server_.login_coordinator());
    EXPECT_EQ(door.post(base_ + "/checkins", to_body(json::object{{"code", code}})).status, 201);
}

TEST_F(ApiRoster, ParticipantSeesOnlyThemself) {
    auto const& people = server_.demo().at("participants").as_array();
    http_client p(server_.port());
    p.set_token(server_.join(std::string(people.at(0).at("code").as_string())));
    auto self = p.get("/api/v1/participants/" + std::to_string(people.at(0).at("id").as_int64()));
    EXPECT_EQ(self.status, 200);
    EXPECT_EQ(p.get("/api/v1/participants/" + std::to_string(people.at(1).at("id").as_int64())).status, 403);
}

TEST_F(ApiRoster, ReissuedCodeReplacesTheOldOne) {
    auto const& first = server_.demo().at("participants").at(7);
    auto old_code = std::string(first.at("code").as_string());
    auto r = client_.post("/api/v1/participants/" + std::to_string(first.at("id").as_int64()) + "/code", "");
    ASSERT_EQ(r.status, 200);
    auto new_code = std::string(r.json().at("access_code").as_string());
    EXPECT_NE(new_code, old_code);
    http_client c(server_.port());
    EXPECT_NE(c.post("/api/v1/join", to_body(json::object{{"code", old_code}})).status, 200);
    EXPECT_EQ(c.post("/api/v1/join", to_body(json::object{{"code", new_code}})).status, 200);
}

}  // namespace
}  // namespace bimtek::testing
