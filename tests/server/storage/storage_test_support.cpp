#include "tests/server/storage/storage_test_support.hpp"

#include <random>
#include <system_error>

namespace bimtek::storage::testing {

temp_dir::temp_dir() {
    std::random_device rd;
    auto const base = std::filesystem::temp_directory_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        auto candidate =
            base / ("bimtek-storage-test-" + std::to_string(rd()) + std::to_string(rd()));
        if (std::filesystem::create_directory(candidate)) {
            path_ = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot make a temporary directory");
}

temp_dir::~temp_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

domain::staff_user sample_user(std::string username) {
    domain::staff_user u;
    u.username = std::move(username);
    u.display_name = "Siti Nurhaliza";
    u.role = domain::role::coordinator;
    u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
    u.created_at = from_unix_ms(1'717'200'000'123);
    return u;
}

domain::event sample_event(std::string title) {
    domain::event e;
    e.title = std::move(title);
    e.venue = "Balai Besar Pendidikan dan Pelatihan Kesejahteraan Sosial, Yogyakarta";
    e.timezone = "Asia/Makassar";
    e.starts_at = from_unix_ms(1'718'000'000'000);
    e.ends_at = from_unix_ms(1'718'030'000'000);
    e.onsite_capacity = 50;
    e.online_capacity = 170;
    e.targets.expected_onsite = 48;
    e.targets.expected_online = 160;
    e.targets.completion_rate = 0.85;
    e.stream_epoch = "3f2a9c";
    e.created_at = from_unix_ms(1'717'300'000'001);
    return e;
}

domain::participant sample_participant(domain::event_id event, std::string name, std::string code) {
    domain::participant p;
    p.event = event;
    p.name = std::move(name);
    p.category = domain::participant_category::pendamping;
    p.region = "Kab. Gianyar, Bali";
    p.phone = "+62 812-3456-7890";
    p.business_name = "Warung Ibu Ayu";
    p.mode = domain::attendance_mode::onsite;
    p.access_code = std::move(code);
    p.created_at = from_unix_ms(1'717'400'000'002);
    return p;
}

domain::session sample_session(domain::event_id event, std::string title) {
    domain::session s;
    s.event = event;
    s.title = std::move(title);
    s.speaker_name = "Dr. Bambang Sutrisno";
    s.planned_start = from_unix_ms(1'718'003'600'000);
    s.planned_end = from_unix_ms(1'718'007'200'000);
    s.actual_start = from_unix_ms(1'718'003'700'000);
    s.actual_end = from_unix_ms(1'718'007'100'000);
    s.moderated = true;
    s.required = false;
    return s;
}

domain::stream_update sample_update(domain::event_id event, std::string kind) {
    domain::stream_update u;
    u.event = event;
    u.kind = std::move(kind);
    u.at = from_unix_ms(1'718'004'000'000);
    u.full_data = R"({"name":"Ni Luh Putu Ayu"})";
    u.public_data = R"({"present":1})";
    return u;
}

void store_test::SetUp() {
    dir_ = std::make_unique<temp_dir>();
    auto opened = sqlite_store::open(db_path(), notifier_);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(*opened);
}

void store_test::TearDown() {
    store_.reset();
    dir_.reset();
}

void store_test::reopen() {
    store_.reset();
    auto opened = sqlite_store::open(db_path(), notifier_);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(*opened);
}

void store_test::require_ok(domain::status const& st) {
    if (!st)
        throw std::runtime_error("store failed: " + st.error().code + ": " + st.error().message);
}

}  // namespace bimtek::storage::testing
