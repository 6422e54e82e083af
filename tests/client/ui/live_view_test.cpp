// The full-screen view rendered at a fixed size, time and zone.
#include "client/ui/live_view.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "client/ui/text_fit.hpp"
#include "shared/text/utf8.hpp"
#include "shared/time/iso8601.hpp"

namespace bimtek::client::ui {
namespace {

namespace json = boost::json;

live::live_state demo_state() {
    live::live_state s;
    s.load_event(json::parse(R"({"id":1,
        "title":"Bimtek Kewirausahaan Sosial KPM PKH Graduasi — DKI Jakarta, Angkatan Pertama Tahun 2026",
        "venue":"Aula Kementerian Sosial RI","timezone":"Asia/Jakarta",
        "targets":{"expected_onsite":50,"expected_online":170},
        "sessions":[{"id":1,"title":"Kewirausahaan Sosial: dari Bantuan Menuju Kemandirian","speaker_name":"Rina Wulandari",
                     "actual_start":"2026-11-26T02:00:00Z","actual_end":null}],
        "participants":{"onsite":50,"online":170},"present":{"onsite":25,"online":85},"role":"coordinator"})")
                     .as_object());
    auto apply = [&](std::int64_t seq, std::string kind, std::string at, std::string data) {
        s.apply(
            protocol::update{seq, std::move(kind), std::move(at), json::parse(data).as_object()});
    };
    apply(
        2, "checkin", "2026-11-26T02:40:00Z",
        R"({"participant":{"name":"Siti Nurhaliza"},"counts":{"onsite_present":26,"online_present":85}})");
    apply(
        3, "presence.join", "2026-11-26T02:41:30Z",
        R"({"participants":[{"name":"Budi Santoso"}],"counts":{"onsite_present":26,"online_present":86}})");
    apply(
        4, "question.created", "2026-11-26T02:42:00Z",
        R"({"question":{"id":12,"session_id":1,"text":"Bagaimana cara mengakses modal usaha untuk warung kecil di kampung kami yang jauh dari bank?","author":{"name":"Siti Nurhaliza"},"status":"approved","votes":3,"created_at":"2026-11-26T02:42:00Z"}})");
    apply(
        5, "question.created", "2026-11-26T02:43:00Z",
        R"({"question":{"id":13,"session_id":1,"text":"Apakah ada pelatihan pemasaran daring?","author":null,"anonymous":true,"status":"approved","votes":5,"created_at":"2026-11-26T02:43:00Z"}})");
    s.connected = true;
    return s;
}

view_options at_80x24(lang l) {
    return view_options{80, 24, *parse_iso8601("2026-11-26T02:42:10Z"), l};
}

TEST(LiveView, RendersTheStateAt80x24) {
    auto tz = time_zone::fixed("Asia/Jakarta", std::chrono::hours(7), "WIB");
    auto lines = render_live_view(demo_state(), tz, at_80x24(lang::id));
    ASSERT_EQ(lines.size(), 24u);
    for (auto const& l : lines) EXPECT_EQ(text::display_width(l), 80u) << "[" << l << "]";
    std::vector<std::string> expected{
        " BIMTEK · Bimtek Kewirausahaan Sosial KPM PKH Graduasi — DKI Jakarta… 09:42 WIB ",
        " Aula Kementerian Sosial RI                                                     ",
        "────────────────────────────────────────────────────────────────────────────────",
        " Hadir sekarang                                                                 ",
        "   Di lokasi    26 / 50   ████████████████████░░░░░░░░░░░░░░░░░░░░ 52%          ",
        "   Daring       86 / 170  ████████████████████░░░░░░░░░░░░░░░░░░░░ 50%          ",
        "────────────────────────────────────────────────────────────────────────────────",
        " Sesi berjalan: Kewirausahaan Sosial: dari Bantuan Menuju Kemandirian           ",
        "   berjalan 0:42:10 · 09:00 · oleh Rina Wulandari                               ",
        "────────────────────────────────────────────────────────────────────────────────",
        " Aktivitas terbaru                                                              ",
        "   09:41  + Budi Santoso bergabung daring                                       ",
        "   09:40  ✓ Siti Nurhaliza hadir di lokasi                                      ",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        "────────────────────────────────────────────────────────────────────────────────",
        " Pertanyaan teratas                                                             ",
        "   #13 ▲5 [disetujui] Apakah ada pelatihan pemasaran daring? — anonim           ",
        "   #12 ▲3 [disetujui] Bagaimana cara mengakses modal usaha untuk warung kecil d…",
        "                                                                                ",
        "                                                                                ",
        "                                                                                ",
        " ● Terhubung · seq 5                                             Ctrl-C: keluar ",
    };
    EXPECT_EQ(lines, expected);
}

TEST(LiveView, SpeaksEnglishWhenAsked) {
    auto tz = time_zone::fixed("Asia/Jakarta", std::chrono::hours(7), "WIB");
    auto lines = render_live_view(demo_state(), tz, at_80x24(lang::en));
    EXPECT_EQ(lines[3], pad(" Present now", 80));
    EXPECT_EQ(lines[11], pad("   09:41  + Budi Santoso joined online", 80));
    EXPECT_EQ(lines[18],
              pad("   #13 ▲5 [approved] Apakah ada pelatihan pemasaran daring? — anonymous", 80));
}

TEST(LiveView, FitsOtherSizesAndNeverOverflows) {
    auto tz = time_zone::fixed("Asia/Jakarta", std::chrono::hours(7), "WIB");
    for (auto [w, h] : {std::pair<std::size_t, std::size_t>{120, 40}, {40, 16}, {10, 5}}) {
        auto o = at_80x24(lang::id);
        o.width = w;
        o.height = h;
        auto lines = render_live_view(demo_state(), tz, o);
        EXPECT_EQ(lines.size(), std::max<std::size_t>(h, 16));
        for (auto const& l : lines)
            EXPECT_EQ(text::display_width(l), std::max<std::size_t>(w, 40)) << l;
    }
}

TEST(LiveView, WithoutARunningSessionOrActivity) {
    auto tz = time_zone::fixed("Asia/Jakarta", std::chrono::hours(7), "WIB");
    live::live_state empty;
    empty.title = "Bimtek";
    auto lines = render_live_view(empty, tz, at_80x24(lang::id));
    EXPECT_EQ(lines[8], pad("   Belum ada sesi yang berjalan.", 80));
    EXPECT_EQ(lines[11], pad("   Belum ada aktivitas.", 80));
    EXPECT_EQ(lines[18], pad("   Belum ada pertanyaan.", 80));
    EXPECT_TRUE(lines[23].starts_with(" ○ Menyambung ulang…")) << lines[23];
}

}  // namespace
}  // namespace bimtek::client::ui
