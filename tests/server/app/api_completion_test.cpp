// Completion and certificates against the real server: the rules, a session run live with one
// participant in the room and one absent, the completion lists, the certificate PDF read back
// with pdftotext and its QR code with zbarimg, public verification and revocation.
#include <gtest/gtest.h>

#include <cctype>
#include <thread>

#include <boost/json.hpp>

#include "tests/harness/http_client.hpp"
#include "tests/harness/test_server.hpp"
#include "tests/harness/ws_client.hpp"
#include "tests/server/documents/document_readers.hpp"

namespace bimtek::testing {
namespace {

namespace json = boost::json;

class ApiCompletion : public ::testing::Test {
protected:
    void SetUp() override {
        coordinator_.set_token(server_.login_coordinator());
        event_ = "/api/v1/events/" + std::to_string(server_.event_id());
        for (auto const& p : server_.demo().at("participants").as_array()) {
            if (p.at("mode").as_string() != "onsite") continue;
            (present_id_ ? absent_id_ : present_id_) = p.at("id").as_int64();
            (present_name_.empty() ? present_name_ : absent_name_) =
                std::string(p.at("name").as_string());
            if (absent_id_) break;
        }
        present_.set_token(server_.join(code_of(present_id_)));
        absent_.set_token(server_.join(code_of(absent_id_)));
    }

    std::string code_of(std::int64_t id) {
        for (auto const& p : server_.demo().at("participants").as_array())
            if (p.at("id").as_int64() == id) return std::string(p.at("code").as_string());
        return {};
    }
    http_response put(http_client& c, std::string const& target, json::value const& body) {
        return c.request("PUT", target, to_body(body), {{"Content-Type", "application/json"}});
    }
    // A new session that alone is required; "present" is checked in before it starts, "absent"
    // never comes; the session runs and ends.
    std::int64_t run_required_session() {
        auto s = coordinator_.post(event_ + "/sessions",
                                   to_body(json::object{{"title", "Sesi Uji Kelulusan"},
                                                        {"planned_start", "2026-11-26T13:00"},
                                                        {"planned_end", "2026-11-26T14:00"}}));
        EXPECT_EQ(s.status, 201) << s.body;
        auto id = s.json().at("id").as_int64();
        auto rules = put(coordinator_, event_ + "/completion-rules",
                         json::object{{"required_sessions", json::array{id}}});
        EXPECT_EQ(rules.status, 200) << rules.body;
        EXPECT_EQ(
            coordinator_
                .post(event_ + "/checkins", to_body(json::object{{"code", code_of(present_id_)}}))
                .status,
            201);
        EXPECT_EQ(coordinator_.post("/api/v1/sessions/" + std::to_string(id) + "/start", "").status,
                  200);
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        EXPECT_EQ(coordinator_.post("/api/v1/sessions/" + std::to_string(id) + "/end", "").status,
                  200);
        return id;
    }
    static json::object const* row_of(json::value const& doc, std::int64_t id) {
        for (auto const& p : doc.at("participants").as_array())
            if (p.at("participant_id").as_int64() == id) return &p.as_object();
        return nullptr;
    }

    test_server server_;
    http_client coordinator_{server_.port()};
    http_client present_{server_.port()};
    http_client absent_{server_.port()};
    http_client anonymous_{server_.port()};
    std::string event_;
    std::int64_t present_id_ = 0, absent_id_ = 0;
    std::string present_name_, absent_name_;
};

TEST_F(ApiCompletion, RulesHaveDefaultsAndAreValidated) {
    auto r = coordinator_.get(event_ + "/completion-rules");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_DOUBLE_EQ(r.json().at("min_share").as_double(), 0.8);
    EXPECT_TRUE(r.json().at("open_checkin_counts_to_end").as_bool());
    EXPECT_EQ(r.json().at("required_sessions").as_array().size(),
              server_.demo().at("sessions").as_array().size());

    auto changed = put(coordinator_, event_ + "/completion-rules",
                       json::object{{"min_share", 0.75}, {"open_checkin_counts_to_end", false}});
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_DOUBLE_EQ(changed.json().at("min_share").as_double(), 0.75);
    EXPECT_FALSE(changed.json().at("open_checkin_counts_to_end").as_bool());

    EXPECT_EQ(
        put(coordinator_, event_ + "/completion-rules", json::object{{"min_share", 1.5}}).status,
        422);
    auto unknown = put(coordinator_, event_ + "/completion-rules",
                       json::object{{"required_sessions", json::array{999999}}});
    EXPECT_EQ(unknown.status, 422);
    EXPECT_EQ(unknown.json().at("error").at("details").at(0).at("code").as_string(),
              "unknown_session");
    EXPECT_EQ(
        put(coordinator_, event_ + "/completion-rules", json::object{{"required_sessions", "all"}})
            .status,
        422);
}

TEST_F(ApiCompletion, AfterASessionEndsTheListsReflectAttendance) {
    ws_client ws(server_.port());
    ws.hello(server_.join(server_.code_of("online", 3)));
    auto session = run_required_session();

    auto changed = ws.next_update("completion.changed");
    ASSERT_TRUE(changed);
    auto const& data = changed->at("data");
    EXPECT_EQ(data.at("session_id").as_int64(), session);
    EXPECT_EQ(data.at("completed").as_int64(), 1);
    EXPECT_EQ(data.at("not_completed").as_int64(), 219);
    EXPECT_EQ(data.at("in_progress").as_int64(), 0);
    EXPECT_NEAR(data.at("rate").as_double(), 1.0 / 220, 1e-9);

    auto doc = coordinator_.get(event_ + "/completion");
    ASSERT_EQ(doc.status, 200) << doc.body;
    auto body = doc.json();
    EXPECT_EQ(body.at("participants").as_array().size(), 220u);
    auto const& summary = body.at("summary");
    EXPECT_EQ(summary.at("completed").as_int64(), 1);
    EXPECT_EQ(summary.at("registered").at("onsite").as_int64(), 50);
    EXPECT_EQ(summary.at("registered").at("online").as_int64(), 170);
    EXPECT_EQ(summary.at("expected").at("onsite").as_int64(), 50);
    EXPECT_EQ(summary.at("present").at("onsite").as_int64(), 1);
    EXPECT_EQ(summary.at("attended").at("onsite").as_int64(), 1);
    EXPECT_NEAR(summary.at("completion_rate").as_double(), 1.0 / 220, 1e-9);
    EXPECT_DOUBLE_EQ(summary.at("target_completion_rate").as_double(), 0.8);
    EXPECT_EQ(body.at("rules").at("required_sessions").as_array(), json::array{session});

    auto const* present = row_of(body, present_id_);
    ASSERT_NE(present, nullptr);
    EXPECT_EQ(present->at("status").as_string(), "completed");
    EXPECT_EQ(present->at("name").as_string(), present_name_);
    auto const* absent = row_of(body, absent_id_);
    ASSERT_NE(absent, nullptr);
    EXPECT_EQ(absent->at("status").as_string(), "not_completed");
    auto const& reason = absent->at("reasons").at(0);
    EXPECT_EQ(reason.at("code").as_string(), "too_few_minutes");
    EXPECT_EQ(reason.at("session_id").as_int64(), session);
    EXPECT_GT(reason.at("minutes_short").as_double(), 0.0);

    // One participant, as itself.
    auto mine = present_.get("/api/v1/participants/" + std::to_string(present_id_) + "/completion");
    ASSERT_EQ(mine.status, 200) << mine.body;
    EXPECT_EQ(mine.json().at("status").as_string(), "completed");
    EXPECT_EQ(mine.json().at("participant_id").as_int64(), present_id_);
    EXPECT_TRUE(mine.json().at("certificate").is_null());
    bool found = false;
    json::value const mine_doc = mine.json();
    for (auto const& s : mine_doc.at("sessions").as_array()) {
        if (s.at("session_id").as_int64() != session) continue;
        found = true;
        EXPECT_TRUE(s.at("required").as_bool());
        EXPECT_TRUE(s.at("ok").as_bool());
    }
    EXPECT_TRUE(found);
}

TEST_F(ApiCompletion, ACompletedParticipantsCertificateIsAPdfWithTheNameAndAVerifiableQrCode) {
    run_required_session();
    auto pdf =
        present_.get("/api/v1/participants/" + std::to_string(present_id_) + "/certificate.pdf");
    ASSERT_EQ(pdf.status, 200) << pdf.body;
    EXPECT_EQ(pdf.header("content-type"), "application/pdf");
    EXPECT_NE(pdf.header("content-disposition").find("attachment"), std::string::npos);
    EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
    std::string text = pdf_text(pdf.body);
    EXPECT_NE(text.find(present_name_), std::string::npos) << text;
    EXPECT_NE(text.find("SERTIFIKAT"), std::string::npos);
    EXPECT_NE(text.find(std::string(server_.demo().at("event_title").as_string())),
              std::string::npos);

    auto completion =
        present_.get("/api/v1/participants/" + std::to_string(present_id_) + "/completion").json();
    ASSERT_TRUE(completion.at("certificate").is_object());
    std::string code(completion.at("certificate").at("code").as_string());
    EXPECT_EQ(code.size(), 12u);
    EXPECT_NE(text.find(code), std::string::npos);

    auto codes = pdf_qr_codes(pdf.body);
    ASSERT_EQ(codes.size(), 1u);
    EXPECT_EQ(codes[0], "http://127.0.0.1:" + std::to_string(server_.port()) + "/verify/" + code);

    auto verified = anonymous_.get("/api/v1/verify/" + code);
    ASSERT_EQ(verified.status, 200) << verified.body;
    auto v = verified.json();
    EXPECT_TRUE(v.at("valid").as_bool());
    EXPECT_FALSE(v.at("revoked").as_bool());
    EXPECT_EQ(v.at("code").as_string(), code);
    EXPECT_EQ(v.at("participant").at("name").as_string(), present_name_);
    EXPECT_EQ(v.at("participant").as_object().size(), 1u);  // nothing else about the person
    EXPECT_EQ(v.at("event").at("title").as_string(), server_.demo().at("event_title").as_string());
    EXPECT_TRUE(v.at("event").as_object().contains("starts_at"));
    EXPECT_TRUE(v.at("event").as_object().contains("ends_at"));
    EXPECT_TRUE(v.as_object().contains("issued_at"));
    // Typed by hand: case and dashes do not matter.
    std::string typed = code.substr(0, 4) + "-" + code.substr(4);
    for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(anonymous_.get("/api/v1/verify/" + typed).status, 200);

    // Asking again gives the same certificate.
    auto again =
        present_.get("/api/v1/participants/" + std::to_string(present_id_) + "/certificate.pdf");
    EXPECT_NE(pdf_text(again.body).find(code), std::string::npos);
}

TEST_F(ApiCompletion, NotCompletedIs409AndStaffMayFetchCertificates) {
    run_required_session();
    auto refused =
        absent_.get("/api/v1/participants/" + std::to_string(absent_id_) + "/certificate.pdf");
    EXPECT_EQ(refused.status, 409);
    EXPECT_EQ(refused.json().at("error").at("code").as_string(), "not_completed");
    auto by_staff = coordinator_.get("/api/v1/participants/" + std::to_string(present_id_) +
                                     "/certificate.pdf");
    EXPECT_EQ(by_staff.status, 200);
    http_client speaker(server_.port());
    speaker.set_token(server_.login_speaker());
    EXPECT_EQ(
        speaker.get("/api/v1/participants/" + std::to_string(present_id_) + "/certificate.pdf")
            .status,
        200);
}

TEST_F(ApiCompletion, AllCertificatesAtOnceOnePagePerCompletedParticipant) {
    EXPECT_EQ(coordinator_.get(event_ + "/certificates.pdf").status, 409);  // nobody yet
    run_required_session();
    auto all = coordinator_.get(event_ + "/certificates.pdf");
    ASSERT_EQ(all.status, 200) << all.body;
    EXPECT_EQ(pdf_pages(all.body), 1);
    EXPECT_NE(pdf_text(all.body).find(present_name_), std::string::npos);
    EXPECT_EQ(present_.get(event_ + "/certificates.pdf").status, 403);
}

TEST_F(ApiCompletion, RevokedCertificatesSaySo) {
    run_required_session();
    ASSERT_EQ(
        present_.get("/api/v1/participants/" + std::to_string(present_id_) + "/certificate.pdf")
            .status,
        200);
    std::string code(
        present_.get("/api/v1/participants/" + std::to_string(present_id_) + "/completion")
            .json()
            .at("certificate")
            .at("code")
            .as_string());

    EXPECT_EQ(present_.post("/api/v1/certificates/" + code + "/revoke", R"({"reason":"x"})").status,
              403);
    auto revoked = coordinator_.post("/api/v1/certificates/" + code + "/revoke",
                                     R"({"reason":"data kehadiran keliru"})");
    ASSERT_EQ(revoked.status, 200) << revoked.body;
    EXPECT_TRUE(revoked.json().at("revoked").as_bool());

    auto v = anonymous_.get("/api/v1/verify/" + code).json();
    EXPECT_FALSE(v.at("valid").as_bool());
    EXPECT_TRUE(v.at("revoked").as_bool());
    EXPECT_FALSE(v.as_object().contains("reason"));
    auto pdf =
        present_.get("/api/v1/participants/" + std::to_string(present_id_) + "/certificate.pdf");
    EXPECT_EQ(pdf.status, 409);
    EXPECT_EQ(pdf.json().at("error").at("code").as_string(), "certificate_revoked");
    EXPECT_EQ(coordinator_.get(event_ + "/certificates.pdf").status, 409);
}

TEST_F(ApiCompletion, UnknownCodesAre404) {
    EXPECT_EQ(anonymous_.get("/api/v1/verify/ABCDEFGHJKMN").status, 404);
    EXPECT_EQ(anonymous_.get("/api/v1/verify/..%2F..%2Fetc").status, 404);
    EXPECT_EQ(anonymous_.get("/api/v1/verify/x").json().at("error").at("code").as_string(),
              "certificate_not_found");
    EXPECT_EQ(coordinator_.post("/api/v1/certificates/ABCDEFGHJKMN/revoke", "{}").status, 404);
}

TEST_F(ApiCompletion, PermissionsOnEveryEndpoint) {
    std::string mine = "/api/v1/participants/" + std::to_string(present_id_);
    std::string theirs = "/api/v1/participants/" + std::to_string(absent_id_);
    // A participant sees only itself.
    EXPECT_EQ(present_.get(mine + "/completion").status, 200);
    EXPECT_EQ(present_.get(theirs + "/completion").status, 403);
    EXPECT_EQ(present_.get(theirs + "/certificate.pdf").status, 403);
    EXPECT_EQ(present_.get(event_ + "/completion").status, 403);
    EXPECT_EQ(present_.get(event_ + "/completion-rules").status, 403);
    EXPECT_EQ(put(present_, event_ + "/completion-rules", json::object{{"min_share", 0.1}}).status,
              403);
    // Speakers read the rules and participants' completion, coordinators change the rules.
    http_client speaker(server_.port());
    speaker.set_token(server_.login_speaker());
    EXPECT_EQ(speaker.get(event_ + "/completion-rules").status, 200);
    EXPECT_EQ(speaker.get(mine + "/completion").status, 200);
    EXPECT_EQ(speaker.get(event_ + "/completion").status, 403);
    EXPECT_EQ(put(speaker, event_ + "/completion-rules", json::object{{"min_share", 0.1}}).status,
              403);
    // No token.
    for (auto const& path :
         {event_ + "/completion", event_ + "/completion-rules", mine + "/completion",
          mine + "/certificate.pdf", event_ + "/certificates.pdf"})
        EXPECT_EQ(anonymous_.get(path).status, 401) << path;
    EXPECT_EQ(anonymous_.post("/api/v1/certificates/ABCDEFGHJKMN/revoke", "{}").status, 401);
    // Missing things.
    EXPECT_EQ(coordinator_.get("/api/v1/participants/999999/completion").status, 404);
    EXPECT_EQ(coordinator_.get("/api/v1/events/999999/completion").status, 404);
    EXPECT_EQ(coordinator_.get("/api/v1/participants/999999/certificate.pdf").status, 404);
}

}  // namespace
}  // namespace bimtek::testing
