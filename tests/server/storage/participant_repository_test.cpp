#include "server/storage/participant_repository.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <vector>

#include "tests/server/storage/storage_test_support.hpp"

namespace {

using namespace bimtek;
using storage::testing::sample_event;
using storage::testing::sample_participant;

void expect_same(domain::participant const& a, domain::participant const& b) {
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.event, b.event);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.category, b.category);
    EXPECT_EQ(a.region, b.region);
    EXPECT_EQ(a.phone, b.phone);
    EXPECT_EQ(a.business_name, b.business_name);
    EXPECT_EQ(a.mode, b.mode);
    EXPECT_EQ(a.access_code, b.access_code);
    EXPECT_EQ(to_unix_ms(a.created_at), to_unix_ms(b.created_at));
}

class SqliteParticipantRepository : public storage::testing::store_test {
protected:
    void SetUp() override {
        store_test::SetUp();
        std::tie(event_, other_event_) = write_ok([](domain::repositories& r) {
            return std::make_pair(r.events.insert(sample_event("Bimtek Bali")),
                                  r.events.insert(sample_event("Bimtek NTT")));
        });
    }

    domain::participant_id insert(domain::participant const& p) {
        return write_ok([&](domain::repositories& r) { return r.participants.insert(p); });
    }

    domain::event_id event_ = 0;
    domain::event_id other_event_ = 0;
};

TEST_F(SqliteParticipantRepository, RoundTripsEveryFieldIncludingUtf8) {
    domain::participant p = sample_participant(event_, "Ni Luh Putu Ayu", "ABCD2345");
    p.business_name = "Kopi Kintamani — Warung Bu Ayu ☕";
    p.region = "Kab. Bangli, Bali (Kintamani)";
    p.category = domain::participant_category::kpm_pkh_graduasi;
    p.id = insert(p);
    auto found = read_ok([&](domain::repositories& r) { return r.participants.find(p.id); });
    ASSERT_TRUE(found.has_value());
    expect_same(*found, p);
}

TEST_F(SqliteParticipantRepository, RoundTripsAbsentOptionalsAndEveryCategoryAndMode) {
    std::vector<domain::participant> added;
    int n = 0;
    for (auto category :
         {domain::participant_category::kpm_pkh_graduasi,
          domain::participant_category::koordinator_pkh,
          domain::participant_category::koordinator_tksk, domain::participant_category::pendamping,
          domain::participant_category::lainnya}) {
        for (auto mode : {domain::attendance_mode::onsite, domain::attendance_mode::online}) {
            domain::participant p = sample_participant(
                event_, "Siti Nurhaliza", "ABCDEFG" + std::string(1, "23456789AB"[n++]));
            p.category = category;
            p.mode = mode;
            p.phone.reset();
            p.business_name.reset();
            p.id = insert(p);
            added.push_back(p);
        }
    }
    for (auto const& p : added) {
        auto found = read_ok([&](domain::repositories& r) { return r.participants.find(p.id); });
        ASSERT_TRUE(found.has_value());
        expect_same(*found, p);
    }
}

TEST_F(SqliteParticipantRepository, StoresTimesAsUnixMillisecondsEnumsAsKeysAndAbsentAsNull) {
    domain::participant p = sample_participant(event_, "Siti Nurhaliza", "ABCD2345");
    p.phone.reset();
    p.category = domain::participant_category::koordinator_tksk;
    p.mode = domain::attendance_mode::online;
    insert(p);
    SQLite::Database other(db_path(), SQLite::OPEN_READONLY);
    SQLite::Statement q(other,
                        "SELECT typeof(created_at), created_at, category, mode, phone IS NULL, "
                        "business_name FROM participants");
    ASSERT_TRUE(q.executeStep());
    EXPECT_EQ(q.getColumn(0).getString(), "integer");
    EXPECT_EQ(q.getColumn(1).getInt64(), to_unix_ms(p.created_at));
    EXPECT_EQ(q.getColumn(2).getString(), "koordinator_tksk");
    EXPECT_EQ(q.getColumn(3).getString(), "online");
    EXPECT_EQ(q.getColumn(4).getInt(), 1);
    EXPECT_EQ(q.getColumn(5).getString(), *p.business_name);
}

TEST_F(SqliteParticipantRepository, FindsByCodeAcrossEvents) {
    domain::participant p = sample_participant(other_event_, "Siti Nurhaliza", "WXYZ9876");
    p.id = insert(p);
    insert(sample_participant(event_, "Ni Luh Putu Ayu", "ABCD2345"));
    auto found =
        read_ok([](domain::repositories& r) { return r.participants.find_by_code("WXYZ9876"); });
    ASSERT_TRUE(found.has_value());
    expect_same(*found, p);
    EXPECT_FALSE(read_ok([](domain::repositories& r) {
                     return r.participants.find_by_code("WXYZ9877");
                 }).has_value());
    EXPECT_TRUE(
        read_ok([](domain::repositories& r) { return r.participants.code_exists("WXYZ9876"); }));
    EXPECT_TRUE(
        read_ok([](domain::repositories& r) { return r.participants.code_exists("ABCD2345"); }));
    EXPECT_FALSE(
        read_ok([](domain::repositories& r) { return r.participants.code_exists("wxyz9876"); }));
}

TEST_F(SqliteParticipantRepository, ListByEventIsByNameThenIdOnlyThatEvent) {
    domain::participant_id const siti =
        insert(sample_participant(event_, "Siti Nurhaliza", "AAAA2222"));
    domain::participant_id const budi_lower =
        insert(sample_participant(event_, "budi santoso", "AAAA3333"));
    domain::participant_id const ayu =
        insert(sample_participant(event_, "Ni Luh Putu Ayu", "AAAA4444"));
    domain::participant_id const agus = insert(sample_participant(event_, "Agus", "AAAA5555"));
    domain::participant_id const budi =
        insert(sample_participant(event_, "Budi Santoso", "AAAA6666"));
    insert(sample_participant(other_event_, "Aaron", "AAAA7777"));

    auto listed =
        read_ok([&](domain::repositories& r) { return r.participants.list_by_event(event_); });
    std::vector<domain::participant_id> got;
    for (auto const& p : listed) got.push_back(p.id);
    EXPECT_EQ(got, (std::vector<domain::participant_id>{agus, budi_lower, budi, ayu, siti}));
}

TEST_F(SqliteParticipantRepository, CountsByMode) {
    auto add = [&](domain::event_id event, domain::attendance_mode mode, std::string code) {
        domain::participant p = sample_participant(event, "Peserta", std::move(code));
        p.mode = mode;
        insert(p);
    };
    add(event_, domain::attendance_mode::onsite, "CODE2222");
    add(event_, domain::attendance_mode::online, "CODE3333");
    add(event_, domain::attendance_mode::onsite, "CODE4444");
    add(event_, domain::attendance_mode::onsite, "CODE5555");
    add(event_, domain::attendance_mode::online, "CODE6666");
    add(other_event_, domain::attendance_mode::online, "CODE7777");

    auto counts =
        read_ok([&](domain::repositories& r) { return r.participants.count_by_mode(event_); });
    EXPECT_EQ(counts.onsite, 3);
    EXPECT_EQ(counts.online, 2);
    counts = read_ok(
        [&](domain::repositories& r) { return r.participants.count_by_mode(other_event_); });
    EXPECT_EQ(counts.onsite, 0);
    EXPECT_EQ(counts.online, 1);
    counts = read_ok([](domain::repositories& r) { return r.participants.count_by_mode(999); });
    EXPECT_EQ(counts.onsite, 0);
    EXPECT_EQ(counts.online, 0);
}

TEST_F(SqliteParticipantRepository, UpdateChangesFieldsButNotEventOrCreatedAt) {
    domain::participant p = sample_participant(event_, "Siti", "ABCD2345");
    p.id = insert(p);
    domain::participant changed = p;
    changed.event = other_event_;
    changed.name = "Siti Nurhaliza";
    changed.category = domain::participant_category::lainnya;
    changed.region = "Kota Kupang";
    changed.phone.reset();
    changed.business_name = "Tenun Ikat Sumba";
    changed.mode = domain::attendance_mode::online;
    changed.access_code = "WXYZ9876";
    changed.created_at = from_unix_ms(3);
    write_ok([&](domain::repositories& r) { r.participants.update(changed); });

    auto found = read_ok([&](domain::repositories& r) { return r.participants.find(p.id); });
    ASSERT_TRUE(found.has_value());
    changed.event = event_;
    changed.created_at = p.created_at;
    expect_same(*found, changed);
    EXPECT_FALSE(
        read_ok([](domain::repositories& r) { return r.participants.code_exists("ABCD2345"); }));
}

}  // namespace
