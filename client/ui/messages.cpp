#include "client/ui/messages.hpp"

#include <array>
#include <cctype>
#include <utility>

namespace bimtek::client::ui {
namespace {

#define E(key, id_text, en_text)         \
    catalog_entry {                      \
        msg::key, #key, id_text, en_text \
    }

constexpr std::array<catalog_entry, static_cast<std::size_t>(msg::count_)> catalog{{
    // command line
    E(app_description, "bimtek: klien terminal untuk bimtek hibrida (luring + daring)",
      "bimtek: terminal client for hybrid (on-site + online) bimtek events"),
    E(exit_codes_epilog,
      "Kode keluar: 0 berhasil; 1 gagal (server menolak, atau antrean belum kosong setelah "
      "--flush); "
      "2 penggunaan salah; 3 otentikasi (belum masuk, token tidak berlaku, tidak berhak); "
      "4 server tidak terjangkau.\n"
      "Lingkungan: BIMTEK_SERVER, BIMTEK_TOKEN, BIMTEK_LANG. Token tersimpan di "
      "$XDG_CONFIG_HOME/bimtek/credentials.json (mode 0600).",
      "Exit codes: 0 success; 1 failed (the server said no, or the queue is not empty after "
      "--flush); "
      "2 usage error; 3 authentication (not logged in, token not valid, not allowed); "
      "4 server unreachable.\n"
      "Environment: BIMTEK_SERVER, BIMTEK_TOKEN, BIMTEK_LANG. The token is kept in "
      "$XDG_CONFIG_HOME/bimtek/credentials.json (mode 0600)."),
    E(opt_server, "alamat server, mis. http://127.0.0.1:8080 (juga BIMTEK_SERVER)",
      "server address, e.g. http://127.0.0.1:8080 (also BIMTEK_SERVER)"),
    E(opt_token, "token akses (juga BIMTEK_TOKEN); bawaan: token yang tersimpan",
      "access token (also BIMTEK_TOKEN); default: the stored one"),
    E(opt_lang, "bahasa pesan: id (bawaan) atau en (juga BIMTEK_LANG)",
      "language of messages: id (default) or en (also BIMTEK_LANG)"),
    E(opt_help, "tampilkan bantuan ini", "print this help"),
    E(cmd_login, "masuk sebagai staf (koordinator, narasumber) dan simpan token",
      "log in as staff (coordinator, speaker) and store the token"),
    E(cmd_join, "bergabung sebagai peserta dengan kode akses dan simpan token",
      "join as a participant with an access code and store the token"),
    E(cmd_logout, "keluar: akhiri token dan hapus dari komputer ini",
      "log out: end the token and remove it from this computer"),
    E(cmd_watch, "tampilan langsung: kehadiran, sesi, aktivitas, pertanyaan (atau JSON per baris)",
      "live view: attendance, session, activity, questions (or JSON lines)"),
    E(cmd_checkin, "kios pintu: pindai kode akses dari masukan standar (dengan antrean luring)",
      "door kiosk: scan access codes from standard input (with an offline queue)"),
    E(cmd_questions, "daftar pertanyaan sesi yang berjalan",
      "list the questions of the running session"),
    E(cmd_ask, "ajukan pertanyaan", "ask a question"),
    E(cmd_vote, "dukung (upvote) sebuah pertanyaan", "upvote a question"),
    E(cmd_qa, "narasumber: antrean pertanyaan langsung dan moderasi (approve, answer, pin, hide)",
      "speakers: the live question queue and moderation (approve, answer, pin, hide)"),
    E(cmd_session, "mulai atau akhiri sesi: bimtek session start|end ID",
      "start or end a session: bimtek session start|end ID"),
    E(cmd_attendance, "koordinator: unduh rekap kehadiran (csv atau json)",
      "coordinators: download the attendance record (csv or json)"),
    E(opt_user, "nama pengguna", "user name"),
    E(opt_join_code, "kode akses peserta (8 karakter)",
      "the participant's access code (8 characters)"),
    E(opt_json, "satu objek JSON per baris: pesan update dari protokol, apa adanya",
      "one JSON object per line: the protocol's update messages, as they are"),
    E(opt_since, "mulai setelah seq ini (putar ulang yang terlewat)",
      "start after this seq (replays what was missed)"),
    E(opt_queue, "berkas antrean SQLite (bawaan: $XDG_DATA_HOME/bimtek/checkin-queue.db)",
      "SQLite queue file (default: $XDG_DATA_HOME/bimtek/checkin-queue.db)"),
    E(opt_drain_timeout, "di akhir masukan, berapa detik mencoba mengirim antrean",
      "at end of input, how many seconds to try sending the queue"),
    E(opt_flush, "kirim antrean lalu keluar (0 hanya bila antrean kosong)",
      "send the queue and exit (0 only when it is empty)"),
    E(opt_checkin_code, "catat satu kode akses lalu keluar", "check in one access code and exit"),
    E(opt_event, "ID acara (bawaan: acara terbaru akun ini)",
      "event id (default: the account's most recent event)"),
    E(opt_session, "ID sesi (bawaan: sesi yang sedang berjalan)",
      "session id (default: the running session)"),
    E(opt_anonymous, "tanpa menampilkan nama Anda", "without showing your name"),
    E(opt_text, "teks pertanyaan", "the question's text"),
    E(opt_question_id, "ID pertanyaan", "question id"),
    E(opt_unvote, "tarik kembali dukungan", "take the vote back"),
    E(opt_qa_action, "approve, answer, pin atau hide (tanpa ini: antrean langsung interaktif)",
      "approve, answer, pin or hide (without it: the interactive live queue)"),
    E(opt_qa_question, "ID pertanyaan yang dimoderasi", "id of the question to moderate"),
    E(opt_session_action, "start atau end", "start or end"),
    E(opt_session_id, "ID sesi", "session id"),
    E(opt_format, "csv (bawaan) atau json", "csv (default) or json"),
    E(opt_out, "tulis ke berkas ini (bawaan: keluaran standar)",
      "write to this file (default: standard output)"),
    E(opt_all, "tampilkan juga yang menunggu dan tersembunyi (staf)",
      "also show pending and hidden ones (staff)"),
    E(usage_error, "Penggunaan salah: {0}", "Usage error: {0}"),
    E(cli_required, "{0} wajib diisi", "{0} is required"),
    E(cli_unexpected, "argumen tidak dikenal: {0}", "unexpected argument: {0}"),
    E(cli_excludes, "{0} tidak dapat dipakai bersama {1}", "{0} cannot be used with {1}"),
    E(cli_requires, "{0} memerlukan {1}", "{0} needs {1}"),
    E(cli_bad_value, "nilai {0} tidak sah: {1}", "invalid value for {0}: {1}"),
    E(cli_invalid, "nilai {0} tidak sah", "invalid value for {0}"),
    E(cli_no_value, "{0} perlu diberi nilai", "{0} needs a value"),
    E(usage_hint, "Lihat: bimtek --help, atau bimtek PERINTAH --help",
      "See: bimtek --help, or bimtek COMMAND --help"),
    E(bad_server_url, "alamat server tidak valid: \"{0}\" (contoh: http://127.0.0.1:8080)",
      "not a valid server address: \"{0}\" (example: http://127.0.0.1:8080)"),
    E(bad_lang, "bahasa tidak dikenal: \"{0}\" (id atau en)",
      "unknown language: \"{0}\" (id or en)"),
    // why a connection failed or ended (net::fault_kind)
    E(fault_name_not_found, "nama server tidak ditemukan", "server name not found"),
    E(fault_refused, "koneksi ditolak; apakah server berjalan?",
      "connection refused; is the server running?"),
    E(fault_no_route, "jaringan tidak terjangkau", "network unreachable"),
    E(fault_timed_out, "tidak ada jawaban dalam batas waktu", "no answer in time"),
    E(fault_dropped, "koneksi terputus", "connection lost"),
    E(fault_closed, "koneksi ditutup oleh server", "connection closed by the server"),
    E(fault_silent, "server tidak menjawab", "the server stopped answering"),
    E(fault_stream_gap, "ada pembaruan yang terlewat", "updates were missed"),
    // errors
    E(err_no_token,
      "Belum masuk. Jalankan `bimtek login --user NAMA` atau `bimtek join --code KODE`, atau "
      "berikan --token.",
      "Not logged in. Run `bimtek login --user NAME` or `bimtek join --code CODE`, or give "
      "--token."),
    E(err_unreachable, "Server {0} tidak dapat dihubungi ({1}).",
      "Cannot reach the server {0} ({1})."),
    E(err_auth_token, "Token tidak berlaku atau sudah kedaluwarsa; masuk lagi. ({0})",
      "The token is not valid or has expired; log in again. ({0})"),
    E(err_auth_forbidden, "Akun ini tidak berhak melakukan itu. ({0})",
      "This account may not do that. ({0})"),
    E(err_rejected, "Server menolak: {0} ({1})", "The server refused: {0} ({1})"),
    E(err_server, "Server bermasalah: {0} ({1}); coba lagi nanti.",
      "The server had a problem: {0} ({1}); try again later."),
    E(err_local, "Gagal: {0}", "Failed: {0}"),
    E(err_invalid_credentials, "Nama pengguna atau kata sandi salah.",
      "Wrong user name or password."),
    E(err_unknown_join_code, "Kode akses tidak dikenal.", "Unknown access code."),
    E(err_too_many, "Terlalu banyak percobaan; coba lagi dalam {0} detik.",
      "Too many attempts; try again in {0} seconds."),
    E(err_no_event, "Akun ini tidak terdaftar pada acara mana pun.",
      "This account is not on any event."),
    E(err_no_live_session, "Tidak ada sesi yang sedang berjalan; pilih dengan --session ID.",
      "No session is running; choose one with --session ID."),
    E(err_queue, "Antrean lokal bermasalah: {0}", "The local queue failed: {0}"),
    E(err_save_token, "Tidak dapat menyimpan token: {0}", "Cannot store the token: {0}"),
    E(err_write_file, "Tidak dapat menulis {0}.", "Cannot write {0}."),
    E(err_read_password, "Kata sandi tidak terbaca.", "Could not read a password."),
    E(err_bad_reply, "Jawaban server tidak dapat dibaca.", "Could not read the server's answer."),
    // login / join
    E(password_prompt, "Kata sandi: ", "Password: "),
    E(login_ok, "Masuk sebagai {0} ({1}).", "Logged in as {0} ({1})."),
    E(join_ok, "Bergabung sebagai {0}.", "Joined as {0}."),
    E(logout_ok, "Keluar. Token dihapus dari {0}.", "Logged out. The token was removed from {0}."),
    E(token_saved_at, "Token disimpan di {0}.", "Token stored in {0}."),
    // watch and the live view
    E(watch_reconnecting, "Menyambung ulang… ({0})", "Reconnecting… ({0})"),
    E(watch_connected, "Terhubung ke acara #{0} (seq {1}).", "Connected to event #{0} (seq {1})."),
    E(watch_resync, "Server meminta sinkron ulang ({0}); lanjut dari seq {1}.",
      "The server asked for a resync ({0}); continuing from seq {1}."),
    E(view_present_now, "Hadir sekarang", "Present now"),
    E(view_onsite, "Di lokasi", "On site"),
    E(view_online, "Daring", "Online"),
    E(view_of_target, "dari target {0}", "of target {0}"),
    E(view_current_session, "Sesi berjalan", "Current session"),
    E(view_no_session, "Belum ada sesi yang berjalan.", "No session is running."),
    E(view_elapsed, "berjalan {0}", "elapsed {0}"),
    E(view_recent, "Aktivitas terbaru", "Latest activity"),
    E(view_no_activity, "Belum ada aktivitas.", "No activity yet."),
    E(view_top_questions, "Pertanyaan teratas", "Top questions"),
    E(view_no_questions, "Belum ada pertanyaan.", "No questions yet."),
    E(view_connected, "Terhubung", "Connected"),
    E(view_reconnecting, "Menyambung ulang…", "Reconnecting…"),
    E(view_quit_hint, "Ctrl-C: keluar", "Ctrl-C: quit"),
    E(view_by, "oleh {0}", "by {0}"),
    E(act_checkin, "{0} hadir di lokasi", "{0} checked in on site"),
    E(act_checkin_anon, "Seorang peserta hadir di lokasi", "A participant checked in on site"),
    E(act_checkout, "{0} meninggalkan lokasi", "{0} checked out"),
    E(act_checkout_anon, "Seorang peserta meninggalkan lokasi", "A participant checked out"),
    E(act_join, "{0} bergabung daring", "{0} joined online"),
    E(act_join_anon, "Seorang peserta bergabung daring", "A participant joined online"),
    E(act_leave, "{0} keluar dari siaran daring", "{0} left online"),
    E(act_leave_anon, "Seorang peserta keluar dari siaran daring", "A participant left online"),
    E(q_status_pending, "menunggu", "pending"),
    E(q_status_approved, "disetujui", "approved"),
    E(q_status_answered, "terjawab", "answered"),
    E(q_status_pinned, "disematkan", "pinned"),
    E(q_status_hidden, "disembunyikan", "hidden"),
    E(q_anonymous, "anonim", "anonymous"),
    E(q_votes, "{0} suara", "{0} votes"),
    // kiosk
    E(kiosk_title, "Kios kehadiran — {0}", "Check-in kiosk — {0}"),
    E(kiosk_ready, "Siap. Pindai kode akses peserta…", "Ready. Scan a participant's access code…"),
    E(kiosk_big_checked_in, "HADIR", "CHECKED IN"),
    E(kiosk_big_already, "SUDAH HADIR {0}", "ALREADY IN {0}"),
    E(kiosk_big_unknown, "KODE TIDAK DIKENAL", "UNKNOWN CODE"),
    E(kiosk_big_queued, "TERSIMPAN", "QUEUED"),
    E(kiosk_big_rejected, "DITOLAK", "REFUSED"),
    E(kiosk_checked_in, "✓ {0} — hadir pukul {1}", "✓ {0} — checked in at {1}"),
    E(kiosk_already, "• {0} — sudah hadir sejak pukul {1}", "• {0} — already checked in at {1}"),
    E(kiosk_unknown, "✗ {0} — kode tidak dikenal", "✗ {0} — unknown code"),
    E(kiosk_rejected, "✗ {0} — ditolak: {1}", "✗ {0} — refused: {1}"),
    E(kiosk_queued, "Server tidak terjangkau: pindaian {0} disimpan dalam antrean ({1} menunggu).",
      "Server unreachable: scan {0} is queued ({1} waiting)."),
    E(kiosk_from_queue, "(dari antrean, dipindai pukul {0})", "(from the queue, scanned at {0})"),
    E(kiosk_sending_queue, "Server terhubung; mengirim {0} pindaian dari antrean.",
      "Server reachable; sending {0} queued scans."),
    E(kiosk_draining, "Masukan selesai; mengirim antrean (paling lama {0} detik)…",
      "End of input; sending the queue (for up to {0} seconds)…"),
    E(kiosk_queue_empty, "Selesai: antrean kosong.", "Done: the queue is empty."),
    E(kiosk_still_queued,
      "{0} pindaian masih dalam antrean ({1}); kirim nanti dengan `bimtek checkin --flush`.",
      "{0} scans are still queued ({1}); send them later with `bimtek checkin --flush`."),
    E(kiosk_mode_mismatch, "(terdaftar daring)", "(registered online)"),
    E(kiosk_over_capacity, "(melebihi kapasitas ruangan)", "(over the room's capacity)"),
    E(kiosk_onsite_count, "Hadir di lokasi: {0}", "Present on site: {0}"),
    E(kiosk_flush_not_empty, "Antrean belum kosong: {0} pindaian menunggu.",
      "The queue is not empty: {0} scans waiting."),
    // questions, Q&A, sessions, attendance
    E(q_none, "Belum ada pertanyaan di sesi ini.", "No questions in this session yet."),
    E(q_header, "Pertanyaan — sesi #{0}: {1}", "Questions — session #{0}: {1}"),
    E(ask_sent, "Pertanyaan #{0} terkirim.", "Question #{0} sent."),
    E(ask_pending, "Pertanyaan #{0} terkirim; menunggu persetujuan moderator.",
      "Question #{0} sent; waiting for a moderator's approval."),
    E(vote_ok, "Dukungan untuk pertanyaan #{0} tercatat ({1} suara).",
      "Vote for question #{0} recorded ({1} votes)."),
    E(unvote_ok, "Dukungan untuk pertanyaan #{0} ditarik ({1} suara).",
      "Vote for question #{0} taken back ({1} votes)."),
    E(qa_done, "Pertanyaan #{0}: {1}.", "Question #{0}: {1}."),
    E(qa_help, "Perintah: approve ID, answer ID, pin ID, hide ID, list, quit",
      "Commands: approve ID, answer ID, pin ID, hide ID, list, quit"),
    E(qa_unknown_command, "Perintah tidak dikenal: {0}", "Unknown command: {0}"),
    E(qa_queue_header, "Antrean pertanyaan — sesi #{0}: {1}", "Question queue — session #{0}: {1}"),
    E(session_started, "Sesi #{0} dimulai: {1}", "Session #{0} started: {1}"),
    E(session_ended, "Sesi #{0} selesai: {1}", "Session #{0} ended: {1}"),
    E(attendance_written, "Kehadiran {0} peserta ditulis ke {1}.",
      "Attendance of {0} participants written to {1}."),
    E(attendance_list_written, "Daftar hadir acara #{0} ditulis ke {1}.",
      "Attendance list of event #{0} written to {1}."),
}};

#undef E

constexpr bool in_order() {
    for (std::size_t i = 0; i < catalog.size(); ++i)
        if (static_cast<std::size_t>(catalog[i].key) != i) return false;
    return true;
}
static_assert(in_order(), "the catalog lists the messages in the order of enum msg");

}  // namespace

std::optional<lang> parse_lang(std::string_view text) {
    std::string s;
    for (char c : text) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (s == "id" || s == "in" || s == "indonesian" || s == "id_id" || s == "bahasa")
        return lang::id;
    if (s == "en" || s == "english" || s == "en_us" || s == "en_gb") return lang::en;
    return std::nullopt;
}

char const* lang_code(lang l) {
    return l == lang::en ? "en" : "id";
}

catalog_entry const& entry(msg m) {
    return catalog.at(static_cast<std::size_t>(m));
}

std::string_view text(lang l, msg m) {
    auto const& e = entry(m);
    return l == lang::en ? e.en : e.id;
}

namespace {

// The message that names each kind of fault ("none" and "other" have none).
constexpr std::array<std::pair<net::fault_kind, msg>, 8> fault_messages{{
    {net::fault_kind::name_not_found, msg::fault_name_not_found},
    {net::fault_kind::refused, msg::fault_refused},
    {net::fault_kind::no_route, msg::fault_no_route},
    {net::fault_kind::timed_out, msg::fault_timed_out},
    {net::fault_kind::dropped, msg::fault_dropped},
    {net::fault_kind::closed, msg::fault_closed},
    {net::fault_kind::silent, msg::fault_silent},
    {net::fault_kind::stream_gap, msg::fault_stream_gap},
}};

}  // namespace

std::string describe(lang l, net::link_fault const& f) {
    for (auto const& [kind, m] : fault_messages)
        if (kind == f.kind) return std::string(text(l, m));
    return f.kind == net::fault_kind::none ? std::string() : f.detail;
}

std::string format(lang l, msg m, std::initializer_list<std::string_view> args) {
    auto t = text(l, m);
    std::string out;
    out.reserve(t.size() + 32);
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '{' && i + 2 < t.size() && t[i + 2] == '}' && t[i + 1] >= '0' &&
            t[i + 1] <= '9') {
            auto n = static_cast<std::size_t>(t[i + 1] - '0');
            if (n < args.size()) out += *(args.begin() + static_cast<std::ptrdiff_t>(n));
            i += 2;
            continue;
        }
        out += t[i];
    }
    return out;
}

}  // namespace bimtek::client::ui
