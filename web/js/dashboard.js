// The coordinators' page (/dashboard). During the event: live counts against the targets,
// attendance per session, manual check-in, the live feed and exports. The roster: live status,
// search and filters, import from CSV with the per-line errors, adding people. Setting up: the
// event, its agenda with speakers (creating speaker accounts), the completion rules. The
// completion summary against the targets, the attendance lists (CSV, XLSX), badges and
// certificates to print.
import { el, fill, $, $$, show, saveBlob } from './dom.js';
import { LiveStream } from './stream.js';
import { t, addStrings, applyStatic, wireLangButton, onLangChange, errorText } from './i18n.js';
import { fmtTime, fmtDate, fmtRange, fmtNumber, fmtPercent, fmtMinutes, toLocalInput, zoneLabel } from './format.js';
import { staffAuth } from './staff.js';

const CATEGORIES = ['kpm_pkh_graduasi', 'koordinator_pkh', 'koordinator_tksk', 'pendamping', 'lainnya'];
const ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'];
const ROSTER_PAGE = 200;

addStrings({
  'page.title': 'Bimtek — Koordinator',
  'skip': 'Langsung ke isi',
  'role': 'Koordinator',
  'login.title': 'Masuk sebagai koordinator',
  'event.choose': 'Acara',
  'tabs.label': 'Bagian halaman',
  'tab.live': 'Langsung',
  'tab.roster': 'Peserta',
  'tab.setup': 'Persiapan acara',
  'stat.onsite': 'Hadir di lokasi',
  'stat.online': 'Hadir daring',
  'stat.completion': 'Lulus (memenuhi syarat)',
  'stat.of': 'dari target {target} · terdaftar {registered}',
  'stat.of_completion': 'dari {total} peserta terdaftar',
  'stat.attended': 'pernah hadir: {n}',
  'stat.rate': 'Tingkat kelulusan {rate} · target {target}',
  'stat.target_met': 'target tercapai',
  'stat.target_short': 'kurang {n} peserta dari target',
  'stat.breakdown': 'Masih berjalan: {in_progress} · Belum memenuhi syarat: {not_completed}',
  'checkin.title': 'Check-in manual',
  'checkin.search': 'Cari peserta (nama, wilayah atau kode akses)',
  'checkin.in': 'Check-in',
  'checkin.out': 'Check-out',
  'checkin.by_code': 'Check-in dengan kode {code}',
  'checkin.none': 'Tidak ada peserta yang cocok.',
  'checkin.done': '{name}: check-in berhasil pukul {time}.',
  'checkin.already': '{name} sudah check-in sejak pukul {time}.',
  'checkin.out_done': '{name}: check-out pukul {time}.',
  'checkin.not_in': '{name} belum check-in.',
  'checkin.over_capacity': 'Perhatian: ruangan melebihi kapasitas.',
  'checkin.mode_mismatch': 'Catatan: peserta ini terdaftar daring.',
  'sessions.title': 'Kehadiran per sesi',
  'sessions.session': 'Sesi',
  'sessions.status': 'Status',
  'sessions.onsite': 'Luring',
  'sessions.online': 'Daring',
  'sessions.total': 'Jumlah',
  'sessions.hint': 'Peserta yang hadir selama sesi berlangsung, termasuk yang sedang hadir pada sesi yang berjalan.',
  'feed.title': 'Aktivitas terkini',
  'feed.empty': 'Belum ada aktivitas sejak halaman dibuka.',
  'feed.checkin': '{name} check-in di lokasi',
  'feed.checkout': '{name} check-out',
  'feed.join': '{name} bergabung daring',
  'feed.leave': '{name} meninggalkan sesi daring',
  'feed.join_many': '{name} dan {count} lainnya bergabung daring',
  'feed.leave_many': '{name} dan {count} lainnya meninggalkan sesi daring',
  'feed.started': 'Sesi dimulai: {title}',
  'feed.ended': 'Sesi selesai: {title}',
  'export.title': 'Ekspor dan cetak',
  'export.session': 'Daftar hadir untuk',
  'export.all': 'Seluruh acara (semua sesi)',
  'export.csv': 'Unduh CSV',
  'export.xlsx': 'Unduh Excel (XLSX)',
  'export.badges': 'Kartu peserta (PDF)',
  'export.certificates': 'Semua sertifikat (PDF)',
  'export.hint': 'Kartu peserta: 8 per lembar A4 dengan kode QR untuk check-in (luring) atau tautan undangan (daring). Sertifikat: satu halaman per peserta yang lulus.',
  'export.working': 'Menyiapkan {name}…',
  'export.done': '{name} diunduh.',
  'roster.title': 'Daftar peserta',
  'roster.search': 'Cari',
  'roster.mode': 'Mode kehadiran',
  'roster.category': 'Kategori',
  'roster.region': 'Wilayah',
  'roster.presence': 'Kehadiran',
  'roster.name': 'Nama',
  'roster.status': 'Status',
  'roster.code': 'Kode akses',
  'roster.action': 'Tindakan',
  'roster.more': 'Tampilkan lebih banyak',
  'roster.all': 'Semua',
  'roster.present': 'Hadir',
  'roster.absent': 'Tidak hadir',
  'roster.summary': 'Menampilkan {shown} dari {total} peserta.',
  'roster.status_onsite': 'Hadir di lokasi',
  'roster.status_online': 'Hadir daring',
  'roster.status_absent': 'Tidak hadir',
  'roster.since': 'sejak {time}',
  'roster.completion': 'Kelulusan',
  'completion.completed': 'Lulus',
  'completion.in_progress': 'Berjalan',
  'completion.not_completed': 'Belum memenuhi syarat',
  'completion.revoked': 'sertifikat dicabut',
  'rules.title': 'Syarat kelulusan dan sertifikat',
  'rules.share': 'Kehadiran minimal di setiap sesi wajib (% dari lama sesi)',
  'rules.share_hint': 'Dihitung dari waktu mulai sampai selesai sesi yang sebenarnya; hadir di ruangan dan daring dijumlahkan tanpa dihitung dua kali.',
  'rules.sessions': 'Sesi wajib',
  'rules.open': 'Peserta yang check-in tanpa check-out dihitung hadir sampai acara selesai',
  'rules.save': 'Simpan syarat',
  'rules.saved': 'Syarat kelulusan tersimpan.',
  'cat.kpm_pkh_graduasi': 'KPM PKH Graduasi',
  'cat.koordinator_pkh': 'Koordinator PKH',
  'cat.koordinator_tksk': 'Koordinator TKSK',
  'cat.pendamping': 'Pendamping',
  'cat.lainnya': 'Lainnya',
  'import.title': 'Impor peserta dari CSV',
  'import.hint': 'Kolom: nama, kategori, wilayah, kehadiran (luring/daring), no_hp, nama_usaha. Jika ada baris yang salah, tidak ada yang diimpor.',
  'import.file': 'Berkas CSV',
  'import.submit': 'Impor',
  'import.choose': 'Pilih berkas CSV terlebih dahulu.',
  'import.done': '{n} peserta diimpor.',
  'import.failed': 'Tidak ada yang diimpor. Perbaiki baris berikut lalu impor lagi:',
  'import.line': 'Baris {line}',
  'add.title': 'Tambah peserta',
  'add.phone': 'No. HP (boleh kosong)',
  'add.business': 'Nama usaha (boleh kosong)',
  'add.submit': 'Tambahkan',
  'add.done': '{name} ditambahkan. Kode akses: {code}. Tautan undangan: {link}',
  'setup.event': 'Data acara',
  'setup.title': 'Judul',
  'setup.venue': 'Tempat',
  'setup.starts': 'Mulai',
  'setup.ends': 'Selesai',
  'setup.timezone': 'Zona waktu',
  'setup.capacity': 'Kapasitas (0 = tanpa batas)',
  'setup.onsite_capacity': 'Ruangan',
  'setup.online_capacity': 'Daring',
  'setup.targets': 'Target',
  'setup.expected_onsite': 'Peserta luring',
  'setup.expected_online': 'Peserta daring',
  'setup.completion_rate': 'Tingkat kelulusan (%)',
  'setup.new': 'Buat acara baru',
  'setup.creating': 'Acara baru: isi datanya lalu simpan.',
  'setup.saved': 'Tersimpan.',
  'setup.agenda': 'Agenda dan narasumber',
  'agenda.time': 'Waktu',
  'agenda.speaker': 'Narasumber',
  'agenda.add': 'Tambah sesi',
  'agenda.edit': 'Ubah sesi',
  'agenda.account': 'Akun narasumber',
  'agenda.no_account': '— tanpa akun —',
  'agenda.speaker_name': 'Nama narasumber yang ditampilkan',
  'agenda.required': 'Wajib untuk kelulusan',
  'agenda.moderated': 'Pertanyaan dimoderasi',
  'agenda.save_new': 'Tambahkan sesi',
  'agenda.save_edit': 'Simpan perubahan',
  'agenda.edit_button': 'Ubah',
  'agenda.delete_button': 'Hapus',
  'agenda.delete_confirm': 'Hapus sesi "{title}" dari agenda?',
  'agenda.empty': 'Agenda masih kosong.',
  'speaker.title': 'Buat akun narasumber',
  'speaker.name': 'Nama dan keterangan',
  'speaker.generate': 'Buat kata sandi acak',
  'speaker.submit': 'Buat akun',
  'speaker.done': 'Akun dibuat. Berikan kepada narasumber — nama pengguna: {username}, kata sandi: {password}. Narasumber masuk di /present.',
  'field.required': 'Wajib diisi.',
  'fieldname.name': 'Nama',
  'fieldname.category': 'Kategori',
  'fieldname.region': 'Wilayah',
  'fieldname.mode': 'Kehadiran',
  'fieldname.phone': 'No. HP',
  'fieldname.business_name': 'Nama usaha',
  'problem.required': 'wajib diisi',
  'problem.unknown_category': 'kategori tidak dikenal',
  'problem.unknown_mode': 'kehadiran harus luring atau daring',
  'problem.invalid_phone': 'nomor HP harus 8–15 angka',
  'problem.too_long': 'terlalu panjang',
  'problem.too_short': 'terlalu pendek',
  'problem.invalid_utf8': 'berisi karakter yang tidak terbaca',
  'problem.out_of_range': 'di luar batas yang diizinkan',
  'problem.duplicate_column': 'kolom ganda',
  'problem.missing_column': 'kolom wajib tidak ada',
  'problem.unknown_session': 'sesi tidak ada di agenda',
  'fieldname.min_share': 'Kehadiran minimal',
  'fieldname.required_sessions': 'Sesi wajib',
  'field.problem': '{field}: {message}',
}, {
  'page.title': 'Bimtek — Coordinator',
  'skip': 'Skip to content',
  'role': 'Coordinator',
  'login.title': 'Sign in as a coordinator',
  'event.choose': 'Event',
  'tabs.label': 'Page sections',
  'tab.live': 'Live',
  'tab.roster': 'Participants',
  'tab.setup': 'Event setup',
  'stat.onsite': 'Present on site',
  'stat.online': 'Present online',
  'stat.completion': 'Completed',
  'stat.of': 'of a target of {target} · {registered} registered',
  'stat.of_completion': 'of {total} registered participants',
  'stat.attended': 'ever present: {n}',
  'stat.rate': 'Completion rate {rate} · target {target}',
  'stat.target_met': 'target met',
  'stat.target_short': '{n} participants short of the target',
  'stat.breakdown': 'Still in progress: {in_progress} · Not completed: {not_completed}',
  'checkin.title': 'Manual check-in',
  'checkin.search': 'Find a participant (name, region or access code)',
  'checkin.in': 'Check in',
  'checkin.out': 'Check out',
  'checkin.by_code': 'Check in with code {code}',
  'checkin.none': 'No participant matches.',
  'checkin.done': '{name}: checked in at {time}.',
  'checkin.already': '{name} has been checked in since {time}.',
  'checkin.out_done': '{name}: checked out at {time}.',
  'checkin.not_in': '{name} is not checked in.',
  'checkin.over_capacity': 'Note: the room is over capacity.',
  'checkin.mode_mismatch': 'Note: this participant registered to attend online.',
  'sessions.title': 'Attendance per session',
  'sessions.session': 'Session',
  'sessions.status': 'Status',
  'sessions.onsite': 'On site',
  'sessions.online': 'Online',
  'sessions.total': 'Total',
  'sessions.hint': 'Participants present while the session ran, including those present now in a running session.',
  'feed.title': 'Recent activity',
  'feed.empty': 'No activity since the page was opened.',
  'feed.checkin': '{name} checked in on site',
  'feed.checkout': '{name} checked out',
  'feed.join': '{name} joined online',
  'feed.leave': '{name} left online',
  'feed.join_many': '{name} and {count} others joined online',
  'feed.leave_many': '{name} and {count} others left online',
  'feed.started': 'Session started: {title}',
  'feed.ended': 'Session ended: {title}',
  'export.title': 'Exports and printing',
  'export.session': 'Attendance list for',
  'export.all': 'The whole event (every session)',
  'export.csv': 'Download CSV',
  'export.xlsx': 'Download Excel (XLSX)',
  'export.badges': 'Participant badges (PDF)',
  'export.certificates': 'All certificates (PDF)',
  'export.hint': 'Badges: 8 per A4 sheet with a QR code for check-in (on site) or the invitation link (online). Certificates: one page per participant who completed.',
  'export.working': 'Preparing {name}…',
  'export.done': '{name} downloaded.',
  'roster.title': 'Participants',
  'roster.search': 'Search',
  'roster.mode': 'Attendance mode',
  'roster.category': 'Category',
  'roster.region': 'Region',
  'roster.presence': 'Presence',
  'roster.name': 'Name',
  'roster.status': 'Status',
  'roster.code': 'Access code',
  'roster.action': 'Action',
  'roster.more': 'Show more',
  'roster.all': 'All',
  'roster.present': 'Present',
  'roster.absent': 'Absent',
  'roster.summary': 'Showing {shown} of {total} participants.',
  'roster.status_onsite': 'Present on site',
  'roster.status_online': 'Present online',
  'roster.status_absent': 'Absent',
  'roster.since': 'since {time}',
  'roster.completion': 'Completion',
  'completion.completed': 'Completed',
  'completion.in_progress': 'In progress',
  'completion.not_completed': 'Not completed',
  'completion.revoked': 'certificate revoked',
  'rules.title': 'Completion and certificates',
  'rules.share': 'Minimum attendance in each required session (% of its length)',
  'rules.share_hint': 'Measured over the session\u2019s actual start to end; time in the room and online add up without counting twice.',
  'rules.sessions': 'Required sessions',
  'rules.open': 'A check-in without a check-out counts until the end of the event',
  'rules.save': 'Save the rules',
  'rules.saved': 'The completion rules are saved.',
  'cat.kpm_pkh_graduasi': 'KPM PKH Graduasi (graduated families)',
  'cat.koordinator_pkh': 'PKH coordinator',
  'cat.koordinator_tksk': 'TKSK coordinator',
  'cat.pendamping': 'Field companion',
  'cat.lainnya': 'Other',
  'import.title': 'Import participants from CSV',
  'import.hint': 'Columns: name, category, region, mode (onsite/online), phone, business. If any line is wrong, nothing is imported.',
  'import.file': 'CSV file',
  'import.submit': 'Import',
  'import.choose': 'Choose a CSV file first.',
  'import.done': '{n} participants imported.',
  'import.failed': 'Nothing was imported. Fix these lines and import again:',
  'import.line': 'Line {line}',
  'add.title': 'Add a participant',
  'add.phone': 'Phone (optional)',
  'add.business': 'Business name (optional)',
  'add.submit': 'Add',
  'add.done': '{name} added. Access code: {code}. Invitation link: {link}',
  'setup.event': 'Event details',
  'setup.title': 'Title',
  'setup.venue': 'Venue',
  'setup.starts': 'Starts',
  'setup.ends': 'Ends',
  'setup.timezone': 'Time zone',
  'setup.capacity': 'Capacity (0 = no limit)',
  'setup.onsite_capacity': 'Room',
  'setup.online_capacity': 'Online',
  'setup.targets': 'Targets',
  'setup.expected_onsite': 'On-site participants',
  'setup.expected_online': 'Online participants',
  'setup.completion_rate': 'Completion rate (%)',
  'setup.new': 'Create a new event',
  'setup.creating': 'New event: fill in the details and save.',
  'setup.saved': 'Saved.',
  'setup.agenda': 'Agenda and speakers',
  'agenda.time': 'Time',
  'agenda.speaker': 'Speaker',
  'agenda.add': 'Add a session',
  'agenda.edit': 'Edit the session',
  'agenda.account': 'Speaker account',
  'agenda.no_account': '— no account —',
  'agenda.speaker_name': 'Speaker name as shown',
  'agenda.required': 'Required for completion',
  'agenda.moderated': 'Moderated questions',
  'agenda.save_new': 'Add session',
  'agenda.save_edit': 'Save changes',
  'agenda.edit_button': 'Edit',
  'agenda.delete_button': 'Delete',
  'agenda.delete_confirm': 'Delete the session "{title}" from the agenda?',
  'agenda.empty': 'The agenda is empty.',
  'speaker.title': 'Create a speaker account',
  'speaker.name': 'Name and description',
  'speaker.generate': 'Generate a password',
  'speaker.submit': 'Create account',
  'speaker.done': 'Account created. Give it to the speaker — username: {username}, password: {password}. Speakers sign in at /present.',
  'field.required': 'Required.',
  'fieldname.name': 'Name',
  'fieldname.category': 'Category',
  'fieldname.region': 'Region',
  'fieldname.mode': 'Mode',
  'fieldname.phone': 'Phone',
  'fieldname.business_name': 'Business name',
  'problem.required': 'required',
  'problem.unknown_category': 'unknown category',
  'problem.unknown_mode': 'the mode must be onsite or online',
  'problem.invalid_phone': 'a phone number has 8–15 digits',
  'problem.too_long': 'too long',
  'problem.too_short': 'too short',
  'problem.invalid_utf8': 'contains unreadable characters',
  'problem.out_of_range': 'out of the allowed range',
  'problem.duplicate_column': 'duplicate column',
  'problem.missing_column': 'a required column is missing',
  'problem.unknown_session': 'the session is not on the agenda',
  'fieldname.min_share': 'Minimum attendance',
  'fieldname.required_sessions': 'Required sessions',
  'field.problem': '{field}: {message}',
});

const state = {
  events: [],
  eventId: null,
  event: null,
  sessions: new Map(),
  people: new Map(),        // id -> roster row (attendance row + access code)
  present: { onsite: 0, online: 0 },
  registered: { onsite: 0, online: 0 },
  staff: [],
  completion: null,         // GET /events/{id}/completion: rules, summary, participants
  completionOf: new Map(),  // participant id -> its completion row
  feed: [],
  rosterLimit: ROSTER_PAGE,
  editing: null,            // session id being edited
  creatingEvent: false,
};
let stream = null;

const staff = staffAuth({
  roles: ['coordinator'],
  onSignedIn: () => begin(),
  onSignedOut: () => {
    if (stream) stream.stop();
    stream = null;
  },
});
const api = staff.api;

// ---- events and the stream ----

async function begin() {
  show($('#loading'), true);
  try {
    state.events = (await api.get('/events')).events;
  } catch (e) {
    $('#app-error').textContent = errorText(e);
    return;
  }
  renderEventChoice();
  const saved = Number(localStorage.getItem('bimtek.dashboard.event'));
  const pick = state.events.find((e) => e.id === saved) || state.events[0];
  show($('#loading'), false);
  if (!pick) {
    startNewEvent();
    return;
  }
  openEvent(pick.id);
}

function renderEventChoice() {
  fill($('#event-select'), state.events.map((e) => el('option', { value: String(e.id), selected: e.id === state.eventId }, e.title)));
  show($('#event-choice'), state.events.length > 1);
}

function openEvent(id) {
  state.eventId = id;
  state.creatingEvent = false;
  state.feed = [];
  state.editing = null;
  try { localStorage.setItem('bimtek.dashboard.event', String(id)); } catch (_) { /* ignore */ }
  renderEventChoice();
  renderFeed();
  if (stream) stream.stop();
  stream = new LiveStream({
    token: staff.token,
    eventId: id,
    load: loadAll,
    onUpdate,
    onState: setConn,
    onUnauthorized: () => staff.signOut(true),
  });
  stream.start();
}

$('#event-select').addEventListener('change', (ev) => openEvent(Number(ev.target.value)));

function setConn(s) {
  const box = $('#conn');
  if (s === 'reconnecting') {
    box.textContent = t('conn.reconnecting');
    show(box, true);
  } else {
    show(box, false);
  }
}

async function loadAll() {
  const id = state.eventId;
  const [ev, attendance, roster, staffList] = await Promise.all([
    api.get(`/events/${id}`),
    api.get(`/events/${id}/attendance`),
    api.get(`/events/${id}/participants`),
    api.get(`/events/${id}/staff`).catch(() => ({ staff: [] })),
  ]);
  if (id !== state.eventId) return;
  state.event = ev;
  state.sessions = new Map(ev.sessions.map((s) => [s.id, s]));
  state.present = { ...ev.present };
  state.registered = { ...ev.participants };
  state.staff = staffList.staff || [];
  mergeAttendance(attendance, roster.participants);
  await loadCompletion();
  renderAll();
  // The forms are filled once per event, not again on a reconnect (they may hold typing).
  if (state.formsFor !== id) {
    state.formsFor = id;
    if (!state.creatingEvent) fillEventForm(state.event);
    editSession(null);
    await loadRules();
  } else {
    renderSpeakerOptions($('#s-speaker').value ? Number($('#s-speaker').value) : null);
    renderRuleSessions();
  }
}

function mergeAttendance(attendance, roster) {
  const codes = new Map(roster.map((p) => [p.id, p]));
  const people = new Map();
  for (const row of attendance.participants) {
    const full = codes.get(row.id) || {};
    people.set(row.id, { ...row, access_code: full.access_code, phone: full.phone, business_name: full.business_name,
      online_now: row.present_now && !row.checked_in_now });
  }
  for (const p of roster) if (!people.has(p.id)) people.set(p.id, { ...p, sessions: [], present_now: false, checked_in_now: false });
  state.people = people;
  state.present = { ...attendance.present };
  state.registered = { ...attendance.registered };
}

// Minutes per session grow while people stay: refresh the attendance now and then, and soon
// after changes (at most every 5 s).
let refreshTimer = null;
let lastRefresh = 0;
function refreshSoon() {
  if (refreshTimer) return;
  const wait = Math.max(1500, 5000 - (Date.now() - lastRefresh));
  refreshTimer = setTimeout(refreshAttendance, wait);
}
async function refreshAttendance() {
  refreshTimer = null;
  lastRefresh = Date.now();
  if (!state.eventId || !staff.token()) return;
  const id = state.eventId;
  try {
    const [attendance, roster] = await Promise.all([api.get(`/events/${id}/attendance`), api.get(`/events/${id}/participants`)]);
    if (id !== state.eventId) return;
    mergeAttendance(attendance, roster.participants);
    await loadCompletion();
    renderCounts();
    renderSessions();
    renderFilters();
    renderRoster();
    renderSearch();
  } catch (_) { /* the next one will do */ }
}
setInterval(() => {
  if (stream && stream.state === 'live') refreshSoon();
}, 60000);

async function loadCompletion() {
  const id = state.eventId;
  try {
    const c = await api.get(`/events/${id}/completion`);
    if (id !== state.eventId) return;
    state.completion = c;
    state.completionOf = new Map(c.participants.map((p) => [p.participant_id, p]));
  } catch (_) {
    // Kept as it was; the next refresh tries again.
  }
}

function onUpdate(u) {
  const d = u.data || {};
  if (d.counts) {
    state.present = { onsite: d.counts.onsite_present, online: d.counts.online_present };
    renderCounts();
  }
  const who = d.participant ? state.people.get(d.participant.id) : null;
  const name = d.participant ? d.participant.name : '';
  switch (u.kind) {
    case 'checkin':
      if (who) {
        who.checked_in_now = true;
        who.checked_in = true;
        who.present_now = true;
        who.checked_in_at = d.checkin ? d.checkin.checked_in_at : who.checked_in_at;
        who.checked_out_at = null;
      }
      addFeed(u, 'feed.checkin', { name });
      refreshSoon();
      break;
    case 'checkout':
      if (who) {
        who.checked_in_now = false;
        who.present_now = !!who.online_now;
        who.checked_out_at = d.checkin ? d.checkin.checked_out_at : null;
      }
      addFeed(u, 'feed.checkout', { name });
      refreshSoon();
      break;
    case 'presence.join':
    case 'presence.leave': {
      // One update lists everyone who came (or left) since the previous one.
      const joined = u.kind === 'presence.join';
      const listed = d.participants || [];
      for (const p of listed) {
        const person = state.people.get(p.id);
        if (!person) continue;
        person.online_now = joined;
        person.present_now = joined || !!person.checked_in_now;
      }
      const others = listed.length - 1 + (d.more || 0);
      if (listed.length && !others) addFeed(u, joined ? 'feed.join' : 'feed.leave', { name: listed[0].name });
      else if (listed.length) addFeed(u, joined ? 'feed.join_many' : 'feed.leave_many', { name: listed[0].name, count: others });
      if (!joined) refreshSoon();
      else renderRoster();
      break;
    }
    case 'session.started':
    case 'session.ended':
    case 'session.updated':
      if (d.session) {
        state.sessions.set(d.session.id, { ...(state.sessions.get(d.session.id) || {}), ...d.session });
        if (u.kind !== 'session.updated') addFeed(u, u.kind === 'session.started' ? 'feed.started' : 'feed.ended', { title: d.session.title });
        renderSessions();
        renderAgenda();
        refreshSoon();
      }
      break;
    case 'completion.changed':
      // The new counts at once; the per-person statuses with the next refresh.
      if (state.completion) {
        Object.assign(state.completion.summary, {
          completed: d.completed, in_progress: d.in_progress, not_completed: d.not_completed, completion_rate: d.rate,
        });
        renderCounts();
      }
      refreshSoon();
      break;
    default:
      break;
  }
  if (who) {
    renderRoster();
    renderSearch();
    renderSessions();
  }
}

function addFeed(u, key, vars) {
  if (state.feed.some((f) => f.seq === u.seq)) return;
  const entry = { seq: u.seq, at: u.at, key, vars, kind: u.kind };
  state.feed.unshift(entry);
  state.feed.length = Math.min(state.feed.length, 100);
  // Only the new line enters the live region.
  const list = $('#feed');
  list.prepend(feedItem(entry));
  while (list.children.length > state.feed.length) list.lastElementChild.remove();
  show($('#feed-empty'), false);
}

function feedItem(f) {
  return el('li', { dataset: { kind: f.kind } }, el('time', { datetime: f.at }, fmtTime(f.at, tz())), t(f.key, f.vars));
}

// ---- tabs ----

const TABS = ['live', 'roster', 'setup'];
function selectTab(name, focus) {
  for (const tab of TABS) {
    const button = $(`#tab-${tab}`);
    const on = tab === name;
    button.setAttribute('aria-selected', on ? 'true' : 'false');
    button.tabIndex = on ? 0 : -1;
    show($(`#panel-${tab}`), on);
    if (on && focus) button.focus();
  }
  if (name === 'setup') refreshAgenda();
}
for (const tab of TABS) $(`#tab-${tab}`).addEventListener('click', () => selectTab(tab, false));

// The agenda is not on the stream except for starts and ends: opening the setup tab reloads it,
// so what another coordinator (or the API) added shows before anyone edits the rules.
let agendaLoading = null;
function refreshAgenda() {
  if (!state.eventId || !staff.token() || agendaLoading) return agendaLoading;
  const id = state.eventId;
  agendaLoading = api.get(`/events/${id}`).then((ev) => {
    if (id !== state.eventId) return;
    state.event = ev;
    state.sessions = new Map(ev.sessions.map((s) => [s.id, s]));
    renderSessions();
    renderAgenda();
  }).catch(() => { /* kept as it was */ }).finally(() => { agendaLoading = null; });
  return agendaLoading;
}
$('.tabs').addEventListener('keydown', (ev) => {
  const current = TABS.findIndex((x) => $(`#tab-${x}`).getAttribute('aria-selected') === 'true');
  let next = null;
  if (ev.key === 'ArrowRight') next = (current + 1) % TABS.length;
  if (ev.key === 'ArrowLeft') next = (current + TABS.length - 1) % TABS.length;
  if (ev.key === 'Home') next = 0;
  if (ev.key === 'End') next = TABS.length - 1;
  if (next !== null) {
    ev.preventDefault();
    selectTab(TABS[next], true);
  }
});

// ---- check-in ----

const CODE_RE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

function normalize(s) {
  return (s || '').toLocaleLowerCase('id').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

function matches(p, q) {
  if (!q) return true;
  const code = q.replace(/[\s-]/g, '').toUpperCase();
  return normalize(p.name).includes(q) || normalize(p.region).includes(q) || (p.access_code && p.access_code === code);
}

$('#checkin-search').addEventListener('input', renderSearch);

function renderSearch() {
  const raw = $('#checkin-search').value.trim();
  const list = $('#checkin-results');
  if (!raw) {
    fill(list);
    return;
  }
  const q = normalize(raw);
  const found = [...state.people.values()].filter((p) => matches(p, q)).slice(0, 8);
  const items = found.map((p) => el('li', null,
    el('span', null, el('strong', null, p.name), ' ', el('span', { class: 'muted' }, `· ${p.region} · ${t(`mode.${p.mode}`)} · `),
      statusText(p)),
    el('button', {
      type: 'button',
      class: `small ${p.checked_in_now ? '' : 'primary'}`,
      onclick: () => doCheck(p.checked_in_now ? 'checkouts' : 'checkins', { participant_id: p.id }),
      'aria-label': `${t(p.checked_in_now ? 'checkin.out' : 'checkin.in')}: ${p.name}`,
    }, t(p.checked_in_now ? 'checkin.out' : 'checkin.in'))));
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!found.length && CODE_RE.test(code)) {
    items.push(el('li', null, el('button', { type: 'button', class: 'small primary', onclick: () => doCheck('checkins', { code }) },
      t('checkin.by_code', { code }))));
  }
  fill(list, items.length ? items : el('li', { class: 'muted' }, t('checkin.none')));
}

async function doCheck(kind, body) {
  $('#checkin-error').textContent = '';
  $('#checkin-result').textContent = '';
  try {
    const r = await api.post(`/events/${state.eventId}/${kind}`, body);
    const name = r.participant ? r.participant.name : '';
    const messages = {
      checked_in: t('checkin.done', { name, time: fmtTime(r.checked_in_at, tz()) }),
      already_checked_in: t('checkin.already', { name, time: fmtTime(r.checked_in_at, tz()) }),
      checked_out: t('checkin.out_done', { name, time: fmtTime(r.checked_out_at, tz()) }),
      not_checked_in: t('checkin.not_in', { name }),
    };
    const parts = [messages[r.status] || r.status];
    if (r.over_capacity) parts.push(t('checkin.over_capacity'));
    if (r.mode_mismatch) parts.push(t('checkin.mode_mismatch'));
    const box = $('#checkin-result');
    box.className = r.over_capacity || r.mode_mismatch ? 'result warn' : 'result';
    box.textContent = parts.join(' ');
    const p = r.participant && state.people.get(r.participant.id);
    if (p && (r.status === 'checked_in' || r.status === 'already_checked_in')) {
      p.checked_in_now = true;
      p.present_now = true;
      p.checked_in_at = r.checked_in_at;
    } else if (p && r.status === 'checked_out') {
      p.checked_in_now = false;
      p.present_now = !!p.online_now;
    }
    renderSearch();
    renderRoster();
  } catch (e) {
    $('#checkin-error').textContent = errorText(e);
  }
}

// ---- exports ----

// The files need the bearer token, so a plain link will not do: fetch, then save the blob under
// the name the server gives (daftar-hadir-acara-1.csv, kartu-peserta-acara-1.pdf, ...).
async function downloadFile(button, path, fallbackName) {
  const status = $('#export-status');
  $('#export-error').textContent = '';
  button.disabled = true;
  status.textContent = t('export.working', { name: fallbackName });
  try {
    const file = await api.download(path);
    const name = file.filename || fallbackName;
    saveBlob(file.blob, name);
    status.textContent = t('export.done', { name });
  } catch (e) {
    status.textContent = '';
    $('#export-error').textContent = errorText(e);
  } finally {
    button.disabled = false;
  }
}

function attendancePath(ext) {
  const session = $('#export-session').value;
  return `/events/${state.eventId}/attendance.${ext}${session ? `?session=${encodeURIComponent(session)}` : ''}`;
}
$('#export-csv').addEventListener('click', (ev) => downloadFile(ev.currentTarget, attendancePath('csv'), `daftar-hadir-acara-${state.eventId}.csv`));
$('#export-xlsx').addEventListener('click', (ev) => downloadFile(ev.currentTarget, attendancePath('xlsx'), `daftar-hadir-acara-${state.eventId}.xlsx`));
$('#export-badges').addEventListener('click', (ev) => downloadFile(ev.currentTarget, `/events/${state.eventId}/badges.pdf`, `kartu-peserta-acara-${state.eventId}.pdf`));
$('#export-certificates').addEventListener('click', (ev) => downloadFile(ev.currentTarget, `/events/${state.eventId}/certificates.pdf`, `sertifikat-acara-${state.eventId}.pdf`));

function renderExportChoice() {
  const select = $('#export-session');
  const keep = select.value;
  fill(select, option('', t('export.all'), keep),
    sortedSessions().map((s) => option(String(s.id), `${fmtTime(s.planned_start, tz())} · ${s.title}`, keep)));
}

// ---- completion rules ----

async function loadRules() {
  const id = state.eventId;
  try {
    const rules = await api.get(`/events/${id}/completion-rules`);
    if (id !== state.eventId) return;
    fillRules(rules);
  } catch (e) {
    $('#rules-error').textContent = errorText(e);
  }
}

function fillRules(rules) {
  state.rules = rules;
  state.rulesDirty = false;
  const required = new Set(rules.required_sessions);
  for (const s of state.sessions.values()) s.required = required.has(s.id);
  $('#rules-share').value = String(Math.round(rules.min_share * 1000) / 10);
  $('#rules-open').checked = !!rules.open_checkin_counts_to_end;
  fill($('#rules-sessions'));
  renderRuleSessions();
}

// One checkbox per session; what is ticked and not saved yet stays ticked when the agenda changes.
function renderRuleSessions() {
  if (!state.rules) return;
  const box = $('#rules-sessions');
  const ticked = state.rulesDirty ? new Map($$('input', box).map((i) => [Number(i.value), i.checked])) : new Map();
  const list = sortedSessions();
  // A session's "required" flag is what the rules' required_sessions list.
  fill(box, list.length ? list.map((s) => el('div', { class: 'check' },
    el('input', {
      type: 'checkbox', id: `rules-s-${s.id}`, value: String(s.id),
      checked: ticked.has(s.id) ? ticked.get(s.id) : s.required !== false,
    }),
    el('label', { htmlFor: `rules-s-${s.id}` }, `${fmtTime(s.planned_start, tz())} · ${s.title}`))) : el('p', { class: 'muted' }, t('agenda.empty')));
}

$('#rules-sessions').addEventListener('change', () => { state.rulesDirty = true; });

$('#rules-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const form = ev.target;
  clearFieldErrors(form);
  $('#rules-result').textContent = '';
  const share = $('#rules-share').value;
  const body = {
    open_checkin_counts_to_end: $('#rules-open').checked,
    required_sessions: $$('#rules-sessions input:checked').map((i) => Number(i.value)),
  };
  if (share !== '') body.min_share = Number(share) / 100;
  try {
    fillRules(await api.put(`/events/${state.eventId}/completion-rules`, body));
    $('#rules-result').textContent = t('rules.saved');
    await loadCompletion();
    renderCounts();
    renderRoster();
  } catch (e) {
    showFieldErrors(form, e, '#rules-error');
  }
});

// ---- roster: filters, import, add ----

for (const id of ['#f-search', '#f-mode', '#f-category', '#f-region', '#f-presence']) {
  $(id).addEventListener('input', () => {
    state.rosterLimit = ROSTER_PAGE;
    renderRoster();
  });
}
$('#roster-more').addEventListener('click', () => {
  state.rosterLimit += ROSTER_PAGE;
  renderRoster();
});

$('#import-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const file = $('#import-file').files[0];
  const result = $('#import-result');
  const errors = $('#import-errors');
  result.textContent = '';
  fill(errors);
  if (!file) {
    fill(errors, el('p', { class: 'error' }, t('import.choose')));
    return;
  }
  try {
    const res = await api.send('POST', `/events/${state.eventId}/participants/import`, file, 'text/csv');
    result.textContent = t('import.done', { n: fmtNumber(res.imported) });
    $('#import-file').value = '';
    refreshSoon();
  } catch (e) {
    const details = e.details || [];
    fill(errors,
      el('p', { class: 'error' }, details.length ? t('import.failed') : errorText(e)),
      details.length ? el('ul', { class: 'errors' }, details.map((d) => el('li', null,
        d.line ? el('strong', null, `${t('import.line', { line: d.line })} — `) : null,
        d.field ? `${fieldName(d.field)}: ` : '',
        problemText(d),
        d.message && problemText(d) !== d.message ? el('span', { class: 'muted', lang: 'en' }, ` (${d.message})`) : null))) : null);
  }
});

$('#add-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const form = ev.target;
  clearFieldErrors(form);
  $('#add-result').textContent = '';
  const body = {
    name: $('#add-name').value.trim(),
    category: $('#add-category').value,
    region: $('#add-region').value.trim(),
    mode: $('#add-mode').value,
  };
  const phone = $('#add-phone').value.trim();
  const business = $('#add-business').value.trim();
  if (phone) body.phone = phone;
  if (business) body.business_name = business;
  try {
    const p = await api.post(`/events/${state.eventId}/participants`, body);
    const link = `${location.origin}/?code=${p.access_code}`;
    $('#add-result').textContent = t('add.done', { name: p.name, code: p.access_code, link });
    for (const id of ['#add-name', '#add-region', '#add-phone', '#add-business']) $(id).value = '';
    state.people.set(p.id, { ...p, sessions: [], present_now: false, checked_in_now: false });
    renderRoster();
    refreshSoon();
  } catch (e) {
    showFieldErrors(form, e, '#add-error');
  }
});

// ---- setup: event, agenda, speakers ----

$('#event-new').addEventListener('click', startNewEvent);

function startNewEvent() {
  state.creatingEvent = true;
  state.formsFor = null;
  selectTab('setup', false);
  show($('#app-view'), true);
  fillEventForm(null);
  $('#event-form-result').textContent = t('setup.creating');
  $('#ev-title').focus();
}

$('#event-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const form = ev.target;
  clearFieldErrors(form);
  $('#event-form-result').textContent = '';
  const num = (id) => ($(id).value === '' ? undefined : Number($(id).value));
  const body = {
    title: $('#ev-title').value.trim(),
    venue: $('#ev-venue').value.trim(),
    timezone: $('#ev-timezone').value,
    starts_at: $('#ev-starts').value || undefined,
    ends_at: $('#ev-ends').value || undefined,
    onsite_capacity: num('#ev-onsite-cap'),
    online_capacity: num('#ev-online-cap'),
    targets: {
      expected_onsite: num('#ev-exp-onsite'),
      expected_online: num('#ev-exp-online'),
      completion_rate: $('#ev-rate').value === '' ? undefined : Number($('#ev-rate').value) / 100,
    },
  };
  try {
    if (state.creatingEvent || !state.eventId) {
      const created = await api.post('/events', body);
      state.events.unshift(created);
      $('#event-form-result').textContent = t('setup.saved');
      openEvent(created.id);
    } else {
      const updated = await api.patch(`/events/${state.eventId}`, body);
      state.event = { ...state.event, ...updated };
      const i = state.events.findIndex((e) => e.id === updated.id);
      if (i >= 0) state.events[i] = updated;
      renderEventChoice();
      renderAll();
      $('#event-form-result').textContent = t('setup.saved');
    }
  } catch (e) {
    showFieldErrors(form, e, '#event-form-error');
  }
});

$('#session-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const form = ev.target;
  clearFieldErrors(form);
  const body = {
    title: $('#s-title').value.trim(),
    planned_start: $('#s-start').value || undefined,
    planned_end: $('#s-end').value || undefined,
    required: $('#s-required').checked,
    moderated: $('#s-moderated').checked,
  };
  const speaker = $('#s-speaker').value;
  const speakerName = $('#s-speaker-name').value.trim();
  if (speaker) body.speaker_id = Number(speaker);
  else if (state.editing) body.speaker_id = null;
  if (speakerName) body.speaker_name = speakerName;
  try {
    const s = state.editing
      ? await api.patch(`/sessions/${state.editing}`, body)
      : await api.post(`/events/${state.eventId}/sessions`, body);
    state.sessions.set(s.id, s);
    editSession(null);
    renderAgenda();
    renderSessions();
  } catch (e) {
    showFieldErrors(form, e, '#session-form-error');
  }
});
$('#session-cancel').addEventListener('click', () => editSession(null));
$('#s-speaker').addEventListener('change', () => {
  const user = state.staff.find((u) => String(u.id) === $('#s-speaker').value);
  if (user && !$('#s-speaker-name').value) $('#s-speaker-name').value = user.display_name || user.username;
});

function editSession(id) {
  state.editing = id;
  const s = id ? state.sessions.get(id) : null;
  $('#session-form-title').textContent = t(s ? 'agenda.edit' : 'agenda.add');
  $('#session-save').textContent = t(s ? 'agenda.save_edit' : 'agenda.save_new');
  show($('#session-cancel'), !!s);
  clearFieldErrors($('#session-form'));
  renderSpeakerOptions(s ? s.speaker_id : null);
  $('#s-title').value = s ? s.title : '';
  $('#s-start').value = s ? toLocalInput(s.planned_start, tz()) : '';
  $('#s-end').value = s ? toLocalInput(s.planned_end, tz()) : '';
  $('#s-speaker-name').value = s ? s.speaker_name || '' : '';
  $('#s-required').checked = s ? s.required !== false : true;
  $('#s-moderated').checked = s ? !!s.moderated : false;
  if (s) $('#s-title').focus();
}

async function deleteSession(s) {
  if (!window.confirm(t('agenda.delete_confirm', { title: s.title }))) return;
  $('#session-form-error').textContent = '';
  try {
    await api.del(`/sessions/${s.id}`);
    state.sessions.delete(s.id);
    renderAgenda();
    renderSessions();
  } catch (e) {
    $('#session-form-error').textContent = errorText(e);
  }
}

$('#sp-generate').addEventListener('click', () => {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let out = '';
  bytes.forEach((b, i) => {
    if (i === 4 || i === 8) out += '-';
    out += alphabet[b % alphabet.length];
  });
  $('#sp-password').value = out;
});

$('#speaker-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const form = ev.target;
  clearFieldErrors(form);
  $('#speaker-result').textContent = '';
  const body = { username: $('#sp-username').value.trim(), password: $('#sp-password').value };
  const name = $('#sp-name').value.trim();
  if (name) body.display_name = name;
  try {
    const user = await api.post(`/events/${state.eventId}/speakers`, body);
    $('#speaker-result').textContent = t('speaker.done', { username: user.username, password: body.password });
    for (const id of ['#sp-username', '#sp-name', '#sp-password']) $(id).value = '';
    state.staff = (await api.get(`/events/${state.eventId}/staff`)).staff;
    renderSpeakerOptions($('#s-speaker').value ? Number($('#s-speaker').value) : null);
  } catch (e) {
    showFieldErrors(form, e, '#speaker-error');
  }
});

// Field errors: each input with data-field gets a message below it.
function clearFieldErrors(form) {
  for (const p of $$('.field-error', form)) p.remove();
  for (const input of $$('[aria-invalid]', form)) input.removeAttribute('aria-invalid');
  const general = $('.error[role=alert]', form);
  if (general) general.textContent = '';
}

function showFieldErrors(form, e, generalSelector) {
  const details = e.details || [];
  const general = [];
  for (const d of details) {
    const input = d.field && form.querySelector(`[data-field="${CSS.escape(d.field)}"]`);
    if (input) {
      const id = `${input.id}-error`;
      const p = el('p', { class: 'field-error', id }, fieldMessage(d));
      input.insertAdjacentElement('afterend', p);
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', id);
    } else {
      general.push(t('field.problem', { field: d.field || '', message: fieldMessage(d) }));
    }
  }
  $(generalSelector).textContent = [errorText(e), ...general].join(' ');
  const first = form.querySelector('[aria-invalid=true]');
  if (first) first.focus();
}

function fieldMessage(d) {
  return problemText(d);
}

// The name of a field (or CSV column) and a problem's code, in the page's language.
function fieldName(field) {
  const key = `fieldname.${field}`;
  const s = t(key);
  return s === key ? field : s;
}

function problemText(d) {
  const key = `problem.${d.code}`;
  const s = t(key);
  return s === key ? d.message || d.code : s;
}

// ---- rendering ----

function tz() {
  return state.event ? state.event.timezone : 'Asia/Jakarta';
}

function sortedSessions() {
  return [...state.sessions.values()].sort((a, b) => Date.parse(a.planned_start) - Date.parse(b.planned_start) || a.id - b.id);
}

function sortedPeople() {
  return [...state.people.values()].sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

function sessionStatus(s) {
  if (s.actual_end) return 'ended';
  if (s.actual_start) return 'live';
  return 'planned';
}

function renderAll() {
  if (!state.event) return;
  show($('#loading'), false);
  $('#event-title').textContent = state.event.title;
  $('#event-when').textContent = `${fmtDate(state.event.starts_at, tz())} · ${fmtRange(state.event.starts_at, state.event.ends_at, tz())}${state.event.venue ? ` · ${state.event.venue}` : ''}`;
  renderCounts();
  renderSessions();
  renderFeed();
  renderFilters();
  renderRoster();
  renderSearch();
  renderAgenda();
}

function renderCounts() {
  const targets = (state.event && state.event.targets) || {};
  const summary = state.completion ? state.completion.summary : null;
  const set = (kind, value, target, registered) => {
    $(`#count-${kind}`).textContent = fmtNumber(value);
    let of = t('stat.of', { target: fmtNumber(target), registered: fmtNumber(registered) });
    if (summary && summary.attended) of += ` · ${t('stat.attended', { n: fmtNumber(summary.attended[kind]) })}`;
    $(`#of-${kind}`).textContent = of;
    const prog = $(`#prog-${kind}`);
    prog.max = Math.max(1, target || registered || 1);
    prog.value = Math.min(value, prog.max);
  };
  set('onsite', state.present.onsite, targets.expected_onsite, state.registered.onsite);
  set('online', state.present.online, targets.expected_online, state.registered.online);
  // Completion against the target rate: completed / registered (as the server counts it).
  show($('#stat-completion'), !!summary);
  if (!summary) return;
  const registered = summary.registered ? summary.registered.onsite + summary.registered.online
    : state.registered.onsite + state.registered.online;
  const done = summary.completed || 0;
  const targetRate = summary.target_completion_rate ?? targets.completion_rate ?? 0;
  const needed = Math.ceil(registered * targetRate - 1e-9);
  $('#count-completion').textContent = fmtNumber(done);
  $('#of-completion').textContent = t('stat.of_completion', { total: fmtNumber(registered) });
  const prog = $('#prog-completion');
  prog.max = Math.max(1, needed || registered);
  prog.value = Math.min(done, prog.max);
  const met = done >= needed;
  const target = $('#completion-target');
  target.className = met ? 'target met' : 'target';
  fill(target, t('stat.rate', { rate: fmtPercent(summary.completion_rate), target: fmtPercent(targetRate) }), ' ',
    el('span', { class: met ? 'badge ok' : 'badge pending' },
      met ? t('stat.target_met') : t('stat.target_short', { n: fmtNumber(needed - done) })));
  $('#completion-detail').textContent = t('stat.breakdown', {
    in_progress: fmtNumber(summary.in_progress || 0), not_completed: fmtNumber(summary.not_completed || 0),
  });
}

function renderSessions() {
  const people = [...state.people.values()];
  fill($('#sessions-body'), sortedSessions().map((s) => {
    let onsite = 0;
    let online = 0;
    const live = sessionStatus(s) === 'live';
    for (const p of people) {
      const m = (p.sessions || []).find((x) => x.session_id === s.id);
      if ((m && m.minutes > 0) || (live && p.present_now)) {
        if (p.mode === 'onsite') onsite += 1;
        else online += 1;
      }
    }
    const status = sessionStatus(s);
    return el('tr', { dataset: { sid: String(s.id) } },
      el('td', null, el('strong', null, s.title), el('br'), el('span', { class: 'muted' }, fmtRange(s.planned_start, s.planned_end, tz()))),
      el('td', null, el('span', { class: `badge ${status === 'live' ? 'live' : ''}` }, t(`status.${status}`))),
      el('td', { class: 'num', 'data-label': t('sessions.onsite') }, fmtNumber(onsite)),
      el('td', { class: 'num', 'data-label': t('sessions.online') }, fmtNumber(online)),
      el('td', { class: 'num', 'data-label': t('sessions.total') }, fmtNumber(onsite + online)));
  }));
}

function renderFeed() {
  const list = $('#feed');
  fill(list, state.feed.map(feedItem));
  show($('#feed-empty'), state.feed.length === 0);
}

function option(value, label, selected) {
  return el('option', { value, selected: value === selected }, label);
}

function renderFilters() {
  const keep = (id) => $(id).value;
  const mode = keep('#f-mode');
  fill($('#f-mode'), option('', t('roster.all'), mode), option('onsite', t('mode.onsite'), mode), option('online', t('mode.online'), mode));
  const cat = keep('#f-category');
  fill($('#f-category'), option('', t('roster.all'), cat), CATEGORIES.map((c) => option(c, t(`cat.${c}`), cat)));
  const region = keep('#f-region');
  const regions = [...new Set([...state.people.values()].map((p) => p.region))].sort((a, b) => a.localeCompare(b, 'id'));
  fill($('#f-region'), option('', t('roster.all'), region), regions.map((r) => option(r, r, region)));
  const presence = keep('#f-presence');
  fill($('#f-presence'), option('', t('roster.all'), presence), option('present', t('roster.present'), presence),
    option('absent', t('roster.absent'), presence));
  const addCat = $('#add-category').value || 'kpm_pkh_graduasi';
  fill($('#add-category'), CATEGORIES.map((c) => option(c, t(`cat.${c}`), addCat)));
  const addMode = $('#add-mode').value || 'onsite';
  fill($('#add-mode'), option('onsite', t('mode.onsite'), addMode), option('online', t('mode.online'), addMode));
}

function statusText(p) {
  if (p.checked_in_now) {
    return el('span', { class: 'status-dot status-onsite' }, `● ${t('roster.status_onsite')}`,
      p.checked_in_at ? el('span', { class: 'muted' }, ` ${t('roster.since', { time: fmtTime(p.checked_in_at, tz()) })}`) : null);
  }
  if (p.present_now) return el('span', { class: 'status-dot status-online' }, `● ${t('roster.status_online')}`);
  return el('span', { class: 'status-dot status-absent' }, `○ ${t('roster.status_absent')}`);
}

function completionText(p) {
  const c = state.completionOf.get(p.id);
  if (!c) return '';
  const revoked = c.certificate && c.certificate.revoked;
  return el('span', { dataset: { status: c.status } },
    el('span', { class: c.status === 'completed' ? 'badge ok' : c.status === 'not_completed' ? 'badge pending' : 'badge' },
      t(`completion.${c.status}`)),
    el('span', { class: 'muted' }, ` ${fmtMinutes(c.total_minutes)}`),
    revoked ? el('span', { class: 'muted' }, ` · ${t('completion.revoked')}`) : null);
}

function renderRoster() {
  const q = normalize($('#f-search').value.trim());
  const mode = $('#f-mode').value;
  const cat = $('#f-category').value;
  const region = $('#f-region').value;
  const presence = $('#f-presence').value;
  const all = sortedPeople();
  const rows = all.filter((p) => (!mode || p.mode === mode) && (!cat || p.category === cat) && (!region || p.region === region)
    && (!presence || (presence === 'present') === !!p.present_now) && matches(p, q));
  const shown = rows.slice(0, state.rosterLimit);
  const labels = {
    name: t('roster.name'), category: t('roster.category'), region: t('roster.region'), mode: t('roster.mode'),
    status: t('roster.status'), code: t('roster.code'), completion: t('roster.completion'),
  };
  fill($('#roster-body'), shown.map((p) => el('tr', { dataset: { pid: String(p.id) } },
    el('td', { 'data-label': labels.name }, el('strong', null, p.name)),
    el('td', { 'data-label': labels.category }, t(`cat.${p.category}`)),
    el('td', { 'data-label': labels.region }, p.region),
    el('td', { 'data-label': labels.mode }, t(`mode.${p.mode}`)),
    el('td', { 'data-label': labels.status, class: 'status' }, statusText(p)),
    el('td', { 'data-label': labels.completion, class: 'completion' }, completionText(p)),
    el('td', { 'data-label': labels.code }, el('span', { class: 'secret' }, p.access_code || '')),
    el('td', null, el('button', {
      type: 'button',
      class: 'small',
      'aria-label': `${t(p.checked_in_now ? 'checkin.out' : 'checkin.in')}: ${p.name}`,
      onclick: () => doCheck(p.checked_in_now ? 'checkouts' : 'checkins', { participant_id: p.id }),
    }, t(p.checked_in_now ? 'checkin.out' : 'checkin.in'))))));
  $('#roster-summary').textContent = t('roster.summary', { shown: fmtNumber(rows.length), total: fmtNumber(all.length) });
  show($('#roster-more'), rows.length > shown.length);
}

function fillEventForm(ev) {
  const zone = ev ? ev.timezone : 'Asia/Jakarta';
  const zones = ZONES.includes(zone) ? ZONES : [zone, ...ZONES];
  fill($('#ev-timezone'), zones.map((z) => option(z, `${z} (${zoneLabel(z)})`, zone)));
  $('#ev-title').value = ev ? ev.title : '';
  $('#ev-venue').value = ev ? ev.venue || '' : '';
  $('#ev-starts').value = ev ? toLocalInput(ev.starts_at, zone) : '';
  $('#ev-ends').value = ev ? toLocalInput(ev.ends_at, zone) : '';
  $('#ev-onsite-cap').value = ev ? ev.onsite_capacity : 60;
  $('#ev-online-cap').value = ev ? ev.online_capacity : 200;
  const targets = (ev && ev.targets) || { expected_onsite: 50, expected_online: 170, completion_rate: 0.8 };
  $('#ev-exp-onsite').value = targets.expected_onsite;
  $('#ev-exp-online').value = targets.expected_online;
  $('#ev-rate').value = Math.round((targets.completion_rate || 0) * 100);
  for (const id of ['#agenda-title', '#speaker-title', '#rules-title']) show($(id).closest('section'), !!ev);
}

function renderAgenda() {
  const list = sortedSessions();
  fill($('#agenda-body'), list.length ? list.map((s) => {
    const status = sessionStatus(s);
    return el('tr', null,
      el('td', { 'data-label': t('agenda.time') }, fmtRange(s.planned_start, s.planned_end, tz())),
      el('td', { 'data-label': t('sessions.session') }, el('strong', null, s.title)),
      el('td', { 'data-label': t('agenda.speaker') }, s.speaker_name || '—'),
      el('td', { 'data-label': t('sessions.status') }, t(`status.${status}`)),
      el('td', null, el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'small', 'aria-label': `${t('agenda.edit_button')}: ${s.title}`, onclick: () => editSession(s.id) }, t('agenda.edit_button')),
        status === 'planned' ? el('button', { type: 'button', class: 'small danger', 'aria-label': `${t('agenda.delete_button')}: ${s.title}`, onclick: () => deleteSession(s) }, t('agenda.delete_button')) : null)));
  }) : el('tr', null, el('td', { colspan: '5', class: 'muted' }, t('agenda.empty'))));
  renderRuleSessions();
  renderExportChoice();
}

function renderSpeakerOptions(selected) {
  const speakers = state.staff.filter((u) => u.event_role === 'speaker' || u.role === 'speaker');
  fill($('#s-speaker'), option('', t('agenda.no_account'), selected ? String(selected) : ''),
    speakers.map((u) => option(String(u.id), `${u.display_name || u.username} (${u.username})`, selected ? String(selected) : '')));
}

onLangChange(() => {
  renderAll();
  const editing = state.editing && state.sessions.get(state.editing);
  $('#session-form-title').textContent = t(editing ? 'agenda.edit' : 'agenda.add');
  $('#session-save').textContent = t(editing ? 'agenda.save_edit' : 'agenda.save_new');
  if (stream && stream.state === 'reconnecting') $('#conn').textContent = t('conn.reconnecting');
});

applyStatic();
wireLangButton($('#lang'));
staff.start();
