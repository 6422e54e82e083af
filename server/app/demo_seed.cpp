#include "server/app/demo_seed.hpp"

#include <sys/stat.h>

#include <array>
#include <fstream>
#include <random>
#include <string_view>

#include <boost/json.hpp>

#include "shared/text/csv.hpp"
#include "shared/time/iso8601.hpp"

namespace bimtek::app {
namespace json = boost::json;
using namespace std::chrono_literals;

namespace {

constexpr std::array<std::string_view, 48> given_names{
    "Siti", "Nur", "Sri", "Dewi", "Ani", "Rina", "Yuliana", "Wati", "Sumiati", "Kartini", "Lestari", "Ratna",
    "Fitri", "Endang", "Murni", "Rohayati", "Aminah", "Juleha", "Komariah", "Euis", "Ni Luh", "Ni Made", "Putu",
    "Ayu", "Budi", "Agus", "Ahmad", "Slamet", "Joko", "Bambang", "Hendra", "Rudi", "Dedi", "Asep", "Ujang",
    "Wayan", "Made", "Ketut", "Hasan", "Iwan", "Yusuf", "Rahmat", "Sutrisno", "Herman", "Darmawan", "Mulyadi",
    "Supriyadi", "Rohman"};

constexpr std::array<std::string_view, 40> family_names{
    "Nurhaliza", "Rahayu", "Wulandari", "Handayani", "Susanti", "Puspitasari", "Kurniasih", "Maryani",
    "Setiawati", "Hasanah", "Lubis", "Siregar", "Nasution", "Harahap", "Sitompul", "Saputra", "Santoso",
    "Wibowo", "Gunawan", "Hidayat", "Prasetyo", "Kusuma", "Permana", "Suryadi", "Firmansyah", "Ramadhan",
    "Pratama", "Nugroho", "Setiadi", "Fauzi", "Anggraini", "Syahputra", "Hutapea", "Simanjuntak", "Tanjung",
    "Rangkuti", "Pohan", "Batubara", "Sembiring", "Ginting"};

// "Kota — Kecamatan" of DKI Jakarta.
constexpr std::array<std::string_view, 24> regions{
    "Jakarta Pusat — Senen", "Jakarta Pusat — Tanah Abang", "Jakarta Pusat — Kemayoran", "Jakarta Pusat — Johar Baru",
    "Jakarta Utara — Cilincing", "Jakarta Utara — Koja", "Jakarta Utara — Penjaringan", "Jakarta Utara — Tanjung Priok",
    "Jakarta Barat — Cengkareng", "Jakarta Barat — Kalideres", "Jakarta Barat — Tambora", "Jakarta Barat — Grogol Petamburan",
    "Jakarta Selatan — Pasar Minggu", "Jakarta Selatan — Jagakarsa", "Jakarta Selatan — Tebet", "Jakarta Selatan — Mampang Prapatan",
    "Jakarta Timur — Cakung", "Jakarta Timur — Duren Sawit", "Jakarta Timur — Kramat Jati", "Jakarta Timur — Pasar Rebo",
    "Jakarta Timur — Jatinegara", "Jakarta Timur — Pulo Gadung", "Kepulauan Seribu — Kepulauan Seribu Utara",
    "Kepulauan Seribu — Kepulauan Seribu Selatan"};

constexpr std::array<std::string_view, 30> businesses{
    "Warung Sembako Berkah", "Keripik Singkong Renyah", "Jahit dan Permak Sejahtera", "Kue Basah Bu Siti",
    "Laundry Kiloan Bersih", "Gado-Gado Betawi", "Kerajinan Anyaman Pandan", "Es Teh Manis Segar",
    "Katering Nasi Kotak", "Toko Pulsa dan Token", "Bengkel Tambal Ban", "Sambal Kemasan Pedas Mantap",
    "Batik Tulis Betawi", "Rempeyek Kacang", "Jamu Gendong Sehat", "Kerupuk Kulit", "Sablon Kaos",
    "Tanaman Hias Pot", "Bakso Gerobak", "Pisang Goreng Madu", "Sayur Keliling", "Salon Rumahan",
    "Daur Ulang Plastik", "Tempe Rumahan", "Abon Ikan Tongkol", "Kopi Bubuk Lokal", "Dodol Betawi",
    "Ketoprak Jakarta", "Servis Elektronik", "Minuman Jahe Merah"};

std::string random_password(domain::crypto& c) {
    static constexpr std::string_view alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    std::string out;
    for (int i = 0; i < 14; ++i) {
        if (i == 4 || i == 9) out.push_back('-');
        else out.push_back(alphabet[c.random_below(static_cast<std::uint32_t>(alphabet.size()))]);
    }
    return out;
}

std::string phone_number(std::mt19937& rng) {
    std::string out = "08";
    out += std::to_string(11 + static_cast<int>(rng() % 9));  // 0811..0819
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>('0' + rng() % 10));
    return out;
}

// The roster as a coordinator would upload it (Indonesian header names).
std::string roster_csv(int online_count) {
    std::mt19937 rng(20201210);  // deterministic: the same names on every seed
    auto pick = [&](auto const& list) { return std::string(list[rng() % list.size()]); };
    auto person = [&] { return pick(given_names) + " " + pick(family_names); };
    std::string csv;
    text::write_csv_record(csv, {"nama", "kategori", "wilayah", "no_hp", "nama_usaha", "kehadiran"});
    for (int i = 0; i < 5; ++i)
        text::write_csv_record(csv, {person(), "Koordinator PKH", pick(regions), phone_number(rng), "", "luring"});
    for (int i = 0; i < 5; ++i)
        text::write_csv_record(csv, {person(), "Koordinator TKSK", pick(regions), phone_number(rng), "", "luring"});
    for (int i = 0; i < 40; ++i)
        text::write_csv_record(csv, {person(), "KPM PKH Graduasi", pick(regions), phone_number(rng), pick(businesses), "luring"});
    for (int i = 0; i < online_count; ++i) {
        bool companion = i % 6 == 5;  // about one field companion for five families
        text::write_csv_record(csv, {person(), companion ? "Pendamping" : "KPM PKH Graduasi", pick(regions),
                                     rng() % 4 ? phone_number(rng) : "", companion ? "" : pick(businesses), "daring"});
    }
    return csv;
}

domain::result<bool> database_is_empty(domain::store& store) {
    return domain::read_value<bool>(store, [](domain::repositories& r) -> domain::result<bool> {
        return r.users.list().empty();
    });
}

}  // namespace

domain::result<bool> seed_demo_if_empty(demo_services const& s, std::filesystem::path const& demo_json,
                                        int online_count, domain::clock const& clock) {
    auto empty = database_is_empty(s.store);
    if (!empty) return empty.error();
    if (!*empty) return false;
    if (online_count < 0 || online_count > 50000)
        return domain::invalid_field("demo_online", "out_of_range", "--demo-online must be between 0 and 50000");

    std::string coordinator_password = random_password(s.crypto), speaker_password = random_password(s.crypto);
    auto coordinator = s.accounts.create_account(
        {"koordinator", "Koordinator Bimtek Kemensos", coordinator_password, domain::role::coordinator});
    if (!coordinator) return coordinator.error();
    domain::principal by{domain::role::coordinator, coordinator->id, std::nullopt, coordinator->display_name};

    auto now = clock.now();
    auto start = std::chrono::floor<std::chrono::minutes>(now) - 5min;
    domain::event_fields ef;
    ef.title = "Bimtek Kewirausahaan Sosial KPM PKH Graduasi — DKI Jakarta";
    ef.venue = "Aula Kementerian Sosial RI, Jl. Salemba Raya No. 28, Jakarta Pusat";
    ef.timezone = "Asia/Jakarta";
    ef.starts_at = domain::time_input{start, false};
    ef.ends_at = domain::time_input{start + 8h, false};
    ef.onsite_capacity = 60;
    ef.online_capacity = std::max(200, online_count + 30);
    ef.expected_onsite = 50;
    ef.expected_online = online_count;
    ef.target_completion_rate = 0.8;
    auto event = s.events.create_event(by, ef);
    if (!event) return event.error();

    auto speaker = s.accounts.create_account(
        by, {"narasumber", "Rina Wulandari — Praktisi Kewirausahaan Sosial", speaker_password, domain::role::speaker},
        event->id);
    if (!speaker) return speaker.error();

    struct agenda_item {
        std::string_view title;
        std::string_view speaker_name;  // empty: the speaker account
        std::chrono::minutes offset, length;
    };
    constexpr std::array<agenda_item, 4> agenda{{
        {"Kewirausahaan Sosial: dari Bantuan Menuju Kemandirian", "", 0min, 90min},
        {"Model Bisnis Usaha Mikro dan Akses Permodalan", "Hendra Gunawan — Pendiri Koperasi Usaha Bersama", 105min, 90min},
        {"Pemasaran Digital dan Pencatatan Keuangan Sederhana", "Dewi Lestari — Pendamping UMKM Digital", 240min, 90min},
        {"Rencana Aksi Usaha dan Pendampingan TKSK", "", 345min, 75min},
    }};
    std::vector<domain::session> sessions;
    for (auto const& item : agenda) {
        domain::session_fields sf;
        sf.title = std::string(item.title);
        if (item.speaker_name.empty()) {
            sf.speaker = std::optional<domain::user_id>{speaker->id};
        } else {
            sf.speaker_name = std::string(item.speaker_name);
        }
        sf.planned_start = domain::time_input{start + item.offset, false};
        sf.planned_end = domain::time_input{start + item.offset + item.length, false};
        auto session = s.events.add_session(by, event->id, sf);
        if (!session) return session.error();
        sessions.push_back(*session);
    }

    auto roster = s.roster.import_csv(by, event->id, roster_csv(online_count));
    if (!roster) return roster.error();
    auto live = s.events.start_session(by, sessions.front().id);
    if (!live) return live.error();

    json::array people;
    for (auto const& p : roster->imported)
        people.push_back({{"id", p.id},
                          {"code", p.access_code},
                          {"name", p.name},
                          {"mode", domain::to_string(p.mode)},
                          {"category", domain::to_string(p.category)},
                          {"region", p.region}});
    json::array session_ids;
    for (auto const& x : sessions) session_ids.push_back(x.id);
    json::object doc{
        {"event_id", event->id},
        {"event_title", event->title},
        {"seeded_at", format_iso8601(now)},
        {"coordinator", {{"username", "koordinator"}, {"password", coordinator_password}}},
        {"speaker", {{"username", "narasumber"}, {"password", speaker_password}, {"session_id", sessions.front().id}}},
        {"sessions", std::move(session_ids)},
        {"participants", std::move(people)},
    };

    auto tmp = demo_json;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << json::serialize(doc) << "\n";
        if (!out.flush())
            return domain::make_error(domain::error_kind::internal, "demo_write_failed", "cannot write " + tmp.string());
    }
    ::chmod(tmp.c_str(), 0600);
    std::error_code ec;
    std::filesystem::rename(tmp, demo_json, ec);
    if (ec) return domain::make_error(domain::error_kind::internal, "demo_write_failed", "cannot write " + demo_json.string());
    return true;
}

}  // namespace bimtek::app
