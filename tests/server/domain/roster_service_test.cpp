#include "server/domain/roster_service.hpp"

#include <set>

#include "server/domain/access_code.hpp"
#include "tests/server/domain/domain_fixture.hpp"

namespace bimtek::test {
namespace {

using namespace domain;

// A roster as the ministry's spreadsheets export it: Indonesian headers, quoted fields with
// commas and quotes, a phone with dashes, an empty optional field, and an extra column.
constexpr std::string_view indonesian_roster =
    "No,Nama Lengkap,Kategori,Kabupaten/Kota,No. HP,Nama Usaha,Kehadiran\r\n"
    "1,\"Siti Nurhaliza\",KPM PKH Graduasi,Jakarta Timur,0812-3456-7890,\"Warung Sembako "
    "\"\"Berkah\"\", Cakung\",Luring\r\n"
    "2,Ni Luh Putu Ayu,Pendamping,\"Kepulauan Seribu, DKI Jakarta\",,Kerajinan Anyaman,Daring\r\n"
    "3,Budi Santoso,Koordinator PKH,Jakarta Barat,+62 813 1111 2222,,luring\r\n";

class roster_service_test : public domain_fixture {
protected:
    roster_service roster{store, crypto, clock};

    static participant_fields fields(std::string name, std::string mode = "onsite") {
        participant_fields f;
        f.name = std::move(name);
        f.category = "KPM PKH Graduasi";
        f.region = "Jakarta Utara";
        f.mode = std::move(mode);
        return f;
    }

    // "line field:code" for each problem.
    template <class R>
    static std::vector<std::string> problems_of(R const& r) {
        std::vector<std::string> out;
        for (auto const& p : error_of(r).problems)
            out.push_back(std::to_string(p.line) + " " + p.field + ":" + p.code);
        return out;
    }
};

TEST_F(roster_service_test, imports_a_spreadsheet_with_indonesian_headers) {
    auto r = roster.import_csv(as_coordinator(), event.id, indonesian_roster);
    ASSERT_TRUE(r.ok()) << r.error().message;
    ASSERT_EQ(r->imported.size(), 3u);

    auto const& siti = r->imported[0];
    EXPECT_EQ(siti.name, "Siti Nurhaliza");
    EXPECT_EQ(siti.category, participant_category::kpm_pkh_graduasi);
    EXPECT_EQ(siti.region, "Jakarta Timur");
    EXPECT_EQ(siti.phone, "081234567890");
    EXPECT_EQ(siti.business_name, "Warung Sembako \"Berkah\", Cakung");
    EXPECT_EQ(siti.mode, attendance_mode::onsite);
    EXPECT_EQ(siti.event, event.id);
    EXPECT_EQ(siti.created_at, clock.now());

    auto const& ayu = r->imported[1];
    EXPECT_EQ(ayu.name, "Ni Luh Putu Ayu");
    EXPECT_EQ(ayu.region, "Kepulauan Seribu, DKI Jakarta");
    EXPECT_EQ(ayu.phone, std::nullopt);
    EXPECT_EQ(ayu.mode, attendance_mode::online);
    EXPECT_EQ(r->imported[2].phone, "+6281311112222");
    EXPECT_EQ(r->imported[2].business_name, std::nullopt);

    std::set<std::string> codes;
    for (auto const& p : r->imported) {
        EXPECT_EQ(normalize_access_code(p.access_code), p.access_code);
        codes.insert(p.access_code);
        EXPECT_GT(p.id, 0);
    }
    EXPECT_EQ(codes.size(), 3u);

    auto listed = roster.list_participants(as_coordinator(), event.id);
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 3u);
    EXPECT_EQ((*listed)[0].name, "Budi Santoso");  // by name
    EXPECT_EQ((*listed)[1].name, "Ni Luh Putu Ayu");
    EXPECT_EQ((*listed)[2].name, "Siti Nurhaliza");
}

TEST_F(roster_service_test, imports_english_headers_in_any_order) {
    auto r =
        roster.import_csv(as_coordinator(), event.id,
                          "MODE,region,Business Name,NAME,category,WhatsApp\n"
                          "online,Jakarta Selatan,Katering Sehat,Dewi Lestari,kpm,081299998888\n");
    ASSERT_TRUE(r.ok()) << r.error().message;
    ASSERT_EQ(r->imported.size(), 1u);
    EXPECT_EQ(r->imported[0].name, "Dewi Lestari");
    EXPECT_EQ(r->imported[0].business_name, "Katering Sehat");
    EXPECT_EQ(r->imported[0].phone, "081299998888");
}

TEST_F(roster_service_test, imports_excel_semicolons_with_a_byte_order_mark) {
    auto r = roster.import_csv(as_coordinator(), event.id,
                               "\xEF\xBB\xBFnama;kategori;wilayah;mode kehadiran\r\n"
                               "Ni Luh Putu Ayu;Pendamping;Denpasar, Bali;daring\r\n"
                               "Siti Nurhaliza;KPM PKH Graduasi;Jakarta Timur;luring\r\n");
    ASSERT_TRUE(r.ok()) << r.error().message;
    ASSERT_EQ(r->imported.size(), 2u);
    EXPECT_EQ(r->imported[0].region, "Denpasar, Bali");
}

TEST_F(roster_service_test, a_bad_line_imports_nothing_and_every_problem_is_listed) {
    seed_participant(store, event.id, "Sudah Ada", attendance_mode::onsite, "AAAABBBB");
    std::string before = store.dump();
    auto r =
        roster.import_csv(as_coordinator(), event.id,
                          "nama,kategori,wilayah,no_hp,kehadiran\n"
                          "Siti Nurhaliza,KPM PKH Graduasi,Jakarta Timur,,luring\n"  // 2 fine
                          "Ayu,penerima,Jakarta Barat,,hybrid\n"                // 3 two problems
                          "\"Ni Luh\nPutu Ayu\",Pendamping,Bali,0812,daring\n"  // 4-5 bad phone
                          "Budi,Lainnya,Jakarta\n"                              // 6 short
                          ",Lainnya,Jakarta,,luring\n");                        // 7 no name
    EXPECT_ERROR(r, invalid, "invalid_roster");
    EXPECT_EQ(error_of(r).message, "4 lines have problems");
    EXPECT_EQ(problems_of(r),
              (std::vector<std::string>{"3 category:unknown_category", "3 mode:unknown_mode",
                                        "4 phone:invalid_phone", "6 :wrong_field_count",
                                        "7 name:required"}));
    EXPECT_EQ(store.dump(), before);
}

TEST_F(roster_service_test, one_bad_line_is_reported_in_the_singular) {
    auto r = roster.import_csv(
        as_coordinator(), event.id,
        "nama,kategori,wilayah,kehadiran\nSiti,KPM,Jakarta,luring\nAyu,KPM,,luring\n");
    EXPECT_EQ(error_of(r).message, "1 line has problems");
    EXPECT_EQ(problems_of(r), std::vector<std::string>{"3 region:required"});
    EXPECT_TRUE(store.state().participants.empty());
}

TEST_F(roster_service_test, field_limits) {
    std::string long_name;
    for (int i = 0; i < 120; ++i) long_name += "ā";  // 120 code points
    std::string csv = "nama,kategori,wilayah,usaha,kehadiran\n" + long_name + ",KPM,Jakarta," +
                      std::string(120, 'u') + ",luring\n" + long_name + "ā,KPM," +
                      std::string(121, 'r') + "," + std::string(121, 'u') + ",luring\n" +
                      "Siti \xC3,KPM,Jakarta,,luring\n";
    auto r = roster.import_csv(as_coordinator(), event.id, csv);
    EXPECT_EQ(problems_of(r),
              (std::vector<std::string>{"3 name:too_long", "3 region:too_long",
                                        "3 business_name:too_long", "4 name:invalid_utf8"}));
}

TEST_F(roster_service_test, missing_columns_are_reported_on_line_one) {
    auto r = roster.import_csv(as_coordinator(), event.id,
                               "Nama,Telepon,Kategori\nSiti,0812345678,KPM\n");
    EXPECT_ERROR(r, invalid, "invalid_roster");
    EXPECT_EQ(problems_of(r),
              (std::vector<std::string>{"1 region:missing_column", "1 mode:missing_column"}));
    auto twice = roster.import_csv(as_coordinator(), event.id, "nama,name,kategori,wilayah,mode\n");
    EXPECT_EQ(problems_of(twice), std::vector<std::string>{"1 name:duplicate_column"});
}

TEST_F(roster_service_test, a_syntax_error_is_a_problem_on_its_line) {
    auto r = roster.import_csv(
        as_coordinator(), event.id,
        "nama,kategori,wilayah,kehadiran\nSiti,KPM,Jakarta,luring\nAyu,KPM,\"Bali,luring\n");
    EXPECT_ERROR(r, invalid, "invalid_roster");
    EXPECT_EQ(problems_of(r), std::vector<std::string>{"3 :csv_syntax"});
    EXPECT_TRUE(store.state().participants.empty());
}

TEST_F(roster_service_test, empty_rosters) {
    EXPECT_ERROR(roster.import_csv(as_coordinator(), event.id, ""), invalid, "empty_roster");
    EXPECT_ERROR(
        roster.import_csv(as_coordinator(), event.id, "nama,kategori,wilayah,kehadiran\r\n\r\n"),
        invalid, "empty_roster");
}

TEST_F(roster_service_test, too_many_rows) {
    std::string csv = "nama,kategori,wilayah,kehadiran\n";
    for (std::size_t i = 0; i <= max_roster_rows; ++i) csv += "Peserta,KPM,Jakarta,daring\n";
    EXPECT_ERROR(roster.import_csv(as_coordinator(), event.id, csv), invalid, "too_many_rows");
    EXPECT_TRUE(store.state().participants.empty());
}

TEST_F(roster_service_test, codes_avoid_existing_ones) {
    seed_participant(store, event.id, "Sudah Ada", attendance_mode::onsite, "AAAAAAAA");
    // The first code drawn collides with the stored one; the next two collide with each other.
    std::vector<std::uint32_t> script(8, 8);           // AAAAAAAA
    for (int i = 0; i < 16; ++i) script.push_back(9);  // BBBBBBBB twice
    crypto.script_random(script);
    auto r = roster.import_csv(
        as_coordinator(), event.id,
        "nama,kategori,wilayah,kehadiran\nSatu,KPM,Jakarta,luring\nDua,KPM,Jakarta,luring\n");
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_NE(r->imported[0].access_code, "AAAAAAAA");
    EXPECT_EQ(r->imported[0].access_code, "BBBBBBBB");
    EXPECT_NE(r->imported[1].access_code, "BBBBBBBB");
    EXPECT_NE(r->imported[1].access_code, "AAAAAAAA");
}

TEST_F(roster_service_test, a_failed_commit_imports_nothing) {
    std::string before = store.dump();
    store.fail_next_write();
    EXPECT_ERROR(roster.import_csv(as_coordinator(), event.id, indonesian_roster), internal,
                 "storage_failure");
    EXPECT_EQ(store.dump(), before);
}

TEST_F(roster_service_test, only_coordinators_of_the_event_manage_the_roster) {
    auto other = other_event();
    auto siti = seed_participant(store, event.id, "Siti", attendance_mode::onsite, "AAAABBBB");
    for (auto const& who : {as_speaker(), principal_of(other.user), principal_of(siti)}) {
        EXPECT_ERROR(roster.import_csv(who, event.id, indonesian_roster), forbidden, "forbidden");
        EXPECT_ERROR(roster.add_participant(who, event.id, fields("Ayu")), forbidden, "forbidden");
        EXPECT_ERROR(roster.list_participants(who, event.id), forbidden, "forbidden");
        EXPECT_ERROR(roster.update_participant(who, siti.id, fields("Ayu")), forbidden,
                     "forbidden");
        EXPECT_ERROR(roster.reissue_code(who, siti.id), forbidden, "forbidden");
    }
    EXPECT_ERROR(roster.import_csv(as_coordinator(), 999, indonesian_roster), not_found,
                 "event_not_found");
    EXPECT_EQ(store.state().participants.size(), 1u);
}

TEST_F(roster_service_test, adds_a_participant) {
    auto f = fields("  Siti   Nurhaliza ");
    f.phone = "+62 812-3456-7890";
    f.business_name = "Warung Sembako";
    auto r = roster.add_participant(as_coordinator(), event.id, f);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->name, "Siti Nurhaliza");
    EXPECT_EQ(r->phone, "+6281234567890");
    EXPECT_EQ(normalize_access_code(r->access_code), r->access_code);
    EXPECT_EQ(store.state().participants.at(r->id).access_code, r->access_code);
}

TEST_F(roster_service_test, add_requires_the_main_fields) {
    auto r = roster.add_participant(as_coordinator(), event.id, participant_fields{});
    EXPECT_ERROR(r, invalid, "invalid_field");
    EXPECT_EQ(problems_of(r), (std::vector<std::string>{"0 name:required", "0 category:required",
                                                        "0 region:required", "0 mode:required"}));
    auto f = fields("Siti");
    f.phone = "12345";
    EXPECT_EQ(problems_of(roster.add_participant(as_coordinator(), event.id, f)),
              std::vector<std::string>{"0 phone:invalid_phone"});
    EXPECT_TRUE(store.state().participants.empty());
}

TEST_F(roster_service_test, updates_a_participant) {
    auto f = fields("Siti");
    f.phone = "081234567890";
    auto p = roster.add_participant(as_coordinator(), event.id, f);
    ASSERT_TRUE(p.ok());
    participant_fields change;
    change.mode = "daring";
    change.phone = "";
    auto r = roster.update_participant(as_coordinator(), p->id, change);
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_EQ(r->name, "Siti");
    EXPECT_EQ(r->mode, attendance_mode::online);
    EXPECT_EQ(r->phone, std::nullopt);
    EXPECT_EQ(r->access_code, p->access_code);

    participant_fields bad;
    bad.name = "";
    EXPECT_EQ(problems_of(roster.update_participant(as_coordinator(), p->id, bad)),
              std::vector<std::string>{"0 name:required"});
    EXPECT_ERROR(roster.update_participant(as_coordinator(), 999, change), not_found,
                 "participant_not_found");
}

TEST_F(roster_service_test, reissues_a_code) {
    auto p = roster.add_participant(as_coordinator(), event.id, fields("Siti"));
    ASSERT_TRUE(p.ok());
    auto r = roster.reissue_code(as_coordinator(), p->id);
    ASSERT_TRUE(r.ok());
    EXPECT_NE(r->access_code, p->access_code);
    bool old_found = true;
    ASSERT_TRUE(store
                    .read([&](repositories& repos) {
                        old_found = repos.participants.code_exists(p->access_code);
                        return status{};
                    })
                    .ok());
    EXPECT_FALSE(old_found);
    EXPECT_ERROR(roster.reissue_code(as_coordinator(), 999), not_found, "participant_not_found");
}

TEST_F(roster_service_test, a_participant_sees_only_itself) {
    auto siti = seed_participant(store, event.id, "Siti", attendance_mode::onsite, "AAAABBBB");
    auto ayu = seed_participant(store, event.id, "Ayu", attendance_mode::online, "AAAACCCC");
    auto self = roster.get_participant(principal_of(siti), siti.id);
    ASSERT_TRUE(self.ok());
    EXPECT_EQ(self->name, "Siti");
    EXPECT_ERROR(roster.get_participant(principal_of(siti), ayu.id), forbidden, "forbidden");
    EXPECT_ERROR(roster.get_participant(principal_of(siti), 999), forbidden, "forbidden");
    EXPECT_TRUE(roster.get_participant(as_coordinator(), ayu.id).ok());
    EXPECT_ERROR(roster.get_participant(as_speaker(), ayu.id), forbidden, "forbidden");
    EXPECT_ERROR(roster.get_participant(principal_of(other_event().user), ayu.id), forbidden,
                 "forbidden");
    EXPECT_ERROR(roster.get_participant(as_coordinator(), 999), not_found, "participant_not_found");
}

}  // namespace
}  // namespace bimtek::test
