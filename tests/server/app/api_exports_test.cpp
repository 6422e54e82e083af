// The attendance list (CSV read back by our CSV reader, XLSX opened by openpyxl) and the badge
// sheet (QR codes read back by zbarimg), against the real server with the demo event.
#include <gtest/gtest.h>

#include <set>

#include <boost/json.hpp>

#include "shared/text/csv.hpp"
#include "tests/harness/http_client.hpp"
#include "tests/harness/test_server.hpp"
#include "tests/server/documents/document_readers.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;

class ApiExports : public ::testing::Test {
protected:
    void SetUp() override {
        coordinator_.set_token(server_.login_coordinator());
        event_ = "/api/v1/events/" + std::to_string(server_.event_id());
        // One visitor at the door.
        auto r = coordinator_.post(event_ + "/checkins",
                                   to_body(json::object{{"code", server_.code_of("onsite", 0)}}));
        ASSERT_EQ(r.status, 201) << r.body;
    }

    test_server server_;
    http_client coordinator_{server_.port()};
    std::string event_;
};

TEST_F(ApiExports, AttendanceCsvHasOneRowPerParticipantAndTotals) {
    auto r = coordinator_.get(event_ + "/attendance.csv");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("content-type"), "text/csv; charset=utf-8");
    EXPECT_NE(r.header("content-disposition").find("daftar-hadir-acara-"), std::string::npos);
    EXPECT_EQ(r.body.substr(0, 3), "\xEF\xBB\xBF");
    auto doc = text::read_csv(r.body);
    ASSERT_FALSE(doc.error) << doc.error->message;
    std::size_t sessions = server_.demo().at("sessions").as_array().size();
    ASSERT_EQ(doc.records.size(), 1u + 220u + 1u);
    auto const& header = doc.records[0].fields;
    ASSERT_EQ(header.size(), 6u + sessions + 2u);
    EXPECT_EQ(header[1], "Nama");
    EXPECT_EQ(header[5], "Check-in (WIB)");
    EXPECT_EQ(header.back(), "Status");
    std::set<std::string> names;
    for (std::size_t i = 1; i + 1 < doc.records.size(); ++i) {
        ASSERT_EQ(doc.records[i].fields.size(), header.size());
        names.insert(doc.records[i].fields[1]);
    }
    for (auto const& p : server_.demo().at("participants").as_array())
        EXPECT_TRUE(names.contains(std::string(p.at("name").as_string()))) << p.at("name");
    auto const& totals = doc.records.back().fields;
    EXPECT_EQ(totals[1], "Jumlah");
    EXPECT_EQ(totals[2], "220 peserta");
    EXPECT_EQ(totals[5], "1 hadir");
}

TEST_F(ApiExports, OneSessionsList) {
    auto session = server_.demo().at("sessions").at(0).as_int64();
    auto r = coordinator_.get(event_ + "/attendance.csv?session=" + std::to_string(session));
    ASSERT_EQ(r.status, 200) << r.body;
    auto doc = text::read_csv(r.body);
    ASSERT_FALSE(doc.error);
    EXPECT_EQ(doc.records[0].fields.size(), 6u + 1u + 2u);
    EXPECT_EQ(doc.records.size(), 222u);
    EXPECT_NE(r.header("content-disposition").find("-sesi-" + std::to_string(session)),
              std::string::npos);
    EXPECT_EQ(coordinator_.get(event_ + "/attendance.csv?session=999999").status, 404);
    EXPECT_EQ(coordinator_.get(event_ + "/attendance.csv?session=abc").status, 404);
}

TEST_F(ApiExports, AttendanceXlsxOpensAsAWorkbook) {
    auto r = coordinator_.get(event_ + "/attendance.xlsx");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("content-type"),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    auto cells = read_xlsx(r.body);
    EXPECT_EQ(cells.sheet_title, "Daftar Hadir");
    ASSERT_EQ(cells.rows.size(), 222u);
    EXPECT_EQ(cells.rows[0][1], "Nama");
    EXPECT_EQ(cells.rows.back()[1], "Jumlah");
    EXPECT_TRUE(std::filesystem::is_empty(server_.data_dir() / "tmp"));
}

TEST_F(ApiExports, BadgeSheetHasOnSiteCodesThenInvitationLinks) {
    auto r = coordinator_.get(event_ + "/badges.pdf");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("content-type"), "application/pdf");
    EXPECT_EQ(pdf_pages(r.body), 28);  // 220 badges, 8 a page
    // The first page holds on-site participants (their access codes); the last page online
    // ones (invitation links).
    std::set<std::string> onsite, links;
    std::string base = "http://127.0.0.1:" + std::to_string(server_.port()) + "/?code=";
    for (auto const& p : server_.demo().at("participants").as_array()) {
        std::string code(p.at("code").as_string());
        if (p.at("mode").as_string() == "onsite")
            onsite.insert(code);
        else
            links.insert(base + code);
    }
    auto first = pdf_qr_codes_by_cell(r.body, 1, 2, 4);
    for (auto const& cell : first) {
        ASSERT_EQ(cell.size(), 1u);
        EXPECT_TRUE(onsite.contains(cell[0])) << cell[0];
    }
    auto last = pdf_qr_codes_by_cell(r.body, 28, 2, 4);
    ASSERT_EQ(last[0].size(), 1u);
    EXPECT_TRUE(links.contains(last[0][0])) << last[0][0];
    std::string text = pdf_text(r.body);
    EXPECT_NE(
        text.find(std::string(server_.demo().at("participants").at(0).at("name").as_string())),
        std::string::npos);
}

TEST_F(ApiExports, OnlyCoordinatorsExport) {
    http_client speaker(server_.port());
    speaker.set_token(server_.login_speaker());
    http_client participant(server_.port());
    participant.set_token(server_.join(server_.code_of("online", 0)));
    http_client anonymous(server_.port());
    for (std::string path : {"/attendance.csv", "/attendance.xlsx", "/badges.pdf"}) {
        EXPECT_EQ(speaker.get(event_ + path).status, 403) << path;
        EXPECT_EQ(participant.get(event_ + path).status, 403) << path;
        EXPECT_EQ(anonymous.get(event_ + path).status, 401) << path;
        EXPECT_EQ(coordinator_.get("/api/v1/events/999999" + path).status, 404) << path;
    }
}

}  // namespace
}  // namespace bimtek::testing
