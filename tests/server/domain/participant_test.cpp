#include "server/domain/participant.hpp"

#include <gtest/gtest.h>

#include "server/domain/participant_rules.hpp"

namespace bimtek::domain {
namespace {

TEST(participant, parses_modes_in_english_and_indonesian) {
    EXPECT_EQ(parse_mode("onsite"), attendance_mode::onsite);
    EXPECT_EQ(parse_mode("On-Site"), attendance_mode::onsite);
    EXPECT_EQ(parse_mode("Luring"), attendance_mode::onsite);
    EXPECT_EQ(parse_mode("hadir langsung"), attendance_mode::onsite);
    EXPECT_EQ(parse_mode("Tatap Muka"), attendance_mode::onsite);
    EXPECT_EQ(parse_mode("online"), attendance_mode::online);
    EXPECT_EQ(parse_mode("DARING"), attendance_mode::online);
    EXPECT_EQ(parse_mode("virtual"), attendance_mode::online);
    EXPECT_EQ(parse_mode(""), std::nullopt);
    EXPECT_EQ(parse_mode("hybrid"), std::nullopt);
}

TEST(participant, parses_categories_by_key_label_and_short_name) {
    EXPECT_EQ(parse_category("kpm_pkh_graduasi"), participant_category::kpm_pkh_graduasi);
    EXPECT_EQ(parse_category("KPM PKH Graduasi"), participant_category::kpm_pkh_graduasi);
    EXPECT_EQ(parse_category("KPM"), participant_category::kpm_pkh_graduasi);
    EXPECT_EQ(parse_category("Koordinator PKH"), participant_category::koordinator_pkh);
    EXPECT_EQ(parse_category("koordinator-tksk"), participant_category::koordinator_tksk);
    EXPECT_EQ(parse_category("TKSK"), participant_category::koordinator_tksk);
    EXPECT_EQ(parse_category("Pendamping"), participant_category::pendamping);
    EXPECT_EQ(parse_category("Lain-lain"), participant_category::lainnya);
    EXPECT_EQ(parse_category("other"), participant_category::lainnya);
    EXPECT_EQ(parse_category("penerima"), std::nullopt);
    EXPECT_EQ(parse_category(""), std::nullopt);
}

TEST(participant, names_round_trip) {
    for (auto c : {participant_category::kpm_pkh_graduasi, participant_category::koordinator_pkh,
                   participant_category::koordinator_tksk, participant_category::pendamping,
                   participant_category::lainnya}) {
        EXPECT_EQ(parse_category(to_string(c)), c);
        EXPECT_EQ(parse_category(label(c)), c);
    }
    EXPECT_EQ(label(participant_category::kpm_pkh_graduasi), "KPM PKH Graduasi");
    for (auto m : {attendance_mode::onsite, attendance_mode::online})
        EXPECT_EQ(parse_mode(to_string(m)), m);
}

TEST(participant, normalizes_phone_numbers) {
    EXPECT_EQ(normalize_phone("0812-3456-7890"), "081234567890");
    EXPECT_EQ(normalize_phone("+62 (812) 3456.7890"), "+6281234567890");
    EXPECT_EQ(normalize_phone("12345678"), "12345678");                // 8 digits
    EXPECT_EQ(normalize_phone("123456789012345"), "123456789012345");  // 15
    EXPECT_EQ(normalize_phone("1234567"), std::nullopt);
    EXPECT_EQ(normalize_phone("1234567890123456"), std::nullopt);
    EXPECT_EQ(normalize_phone("0812 3456 789x"), std::nullopt);
    EXPECT_EQ(normalize_phone("62+81234567890"), std::nullopt);
    EXPECT_EQ(normalize_phone("+"), std::nullopt);
}

TEST(participant, rules_report_every_bad_field) {
    participant_fields f;
    f.name = "   ";
    f.category = "penerima";
    f.region = "Jakarta Timur";
    f.phone = "12";
    f.mode = "hybrid";
    participant p;
    field_problems problems(7);
    apply_participant_fields(f, true, p, problems);
    ASSERT_EQ(problems.list().size(), 4u);
    EXPECT_EQ(problems.list()[0].field, "name");
    EXPECT_EQ(problems.list()[0].code, "required");
    EXPECT_EQ(problems.list()[1].code, "unknown_category");
    EXPECT_EQ(problems.list()[2].code, "invalid_phone");
    EXPECT_EQ(problems.list()[3].code, "unknown_mode");
    for (auto const& pr : problems.list()) EXPECT_EQ(pr.line, 7u);
    EXPECT_EQ(p.region, "Jakarta Timur");  // good fields still apply
}

TEST(participant, rules_clean_names) {
    participant_fields f;
    f.name = "  Ni  Luh\tPutu   Ayu ";
    f.business_name = "  ";
    participant p;
    p.business_name = "old";
    field_problems problems;
    apply_participant_fields(f, false, p, problems);
    EXPECT_TRUE(problems.empty());
    EXPECT_EQ(p.name, "Ni Luh Putu Ayu");
    EXPECT_EQ(p.business_name, std::nullopt);  // empty clears it
}

}  // namespace
}  // namespace bimtek::domain
