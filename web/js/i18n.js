// Strings in Bahasa Indonesia (the default) and English. Each page adds its own with
// addStrings(); the choice is kept in localStorage and sets <html lang>.
//   t('qa.votes', {n: 3})  -> "3 suara"      ({name} placeholders are replaced as text)
//   applyStatic()          -> fills [data-i18n], [data-i18n-placeholder], [data-i18n-aria-label]

const KEY = 'bimtek.lang';
const dicts = { id: {}, en: {} };
const listeners = [];
let current = (() => {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'en' || saved === 'id') return saved;
  } catch (_) { /* private mode */ }
  return 'id';
})();

export function addStrings(id, en) {
  Object.assign(dicts.id, id);
  Object.assign(dicts.en, en);
}

export function lang() {
  return current;
}

// The locale for Intl formatting.
export function locale() {
  return current === 'en' ? 'en-GB' : 'id-ID';
}

export function t(key, vars) {
  let s = dicts[current][key];
  if (s === undefined) s = dicts.id[key];
  if (s === undefined) return key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  return s;
}

// A message for an ApiError: a translation of its code, else a generic one.
export function errorText(err) {
  if (!err) return '';
  if (err.code === 'network') return t('err.network');
  const key = `err.${err.code}`;
  if (dicts.id[key] !== undefined) return t(key, { s: err.retryAfter || '' });
  if (err.status >= 500) return t('err.server');
  return t('err.generic', { code: err.code || err.status });
}

export function setLang(l) {
  if (l !== 'id' && l !== 'en') return;
  current = l;
  try { localStorage.setItem(KEY, l); } catch (_) { /* private mode */ }
  applyStatic();
  for (const fn of listeners) fn(l);
}

export function onLangChange(fn) {
  listeners.push(fn);
}

export function applyStatic(root = document) {
  document.documentElement.lang = current;
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of root.querySelectorAll('[data-i18n-aria-label]')) node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
  if (dicts.id['page.title']) document.title = t('page.title');
}

// Wires a button that switches between the two languages; its label names the other one.
export function wireLangButton(button) {
  const render = () => {
    const other = current === 'id' ? 'en' : 'id';
    button.textContent = other === 'en' ? 'English' : 'Bahasa Indonesia';
    button.lang = other;
    button.setAttribute('aria-label', other === 'en' ? 'Switch to English' : 'Ganti ke Bahasa Indonesia');
  };
  button.addEventListener('click', () => setLang(current === 'id' ? 'en' : 'id'));
  onLangChange(render);
  render();
}

// Strings every page uses.
addStrings({
  'conn.reconnecting': 'Menyambung ulang…',
  'conn.connecting': 'Menghubungkan…',
  'err.network': 'Server tidak dapat dihubungi. Periksa koneksi internet Anda.',
  'err.server': 'Terjadi gangguan di server. Silakan coba lagi.',
  'err.generic': 'Permintaan gagal ({code}).',
  'err.invalid_credentials': 'Nama pengguna atau kata sandi salah.',
  'err.too_many_attempts': 'Terlalu banyak percobaan. Coba lagi dalam {s} detik.',
  'err.too_many_questions': 'Terlalu banyak pertanyaan. Coba lagi dalam {s} detik.',
  'err.unknown_code': 'Kode akses tidak dikenal. Periksa kembali kode pada undangan Anda.',
  'err.invalid_token': 'Sesi Anda telah berakhir. Silakan masuk kembali.',
  'err.missing_token': 'Silakan masuk terlebih dahulu.',
  'err.forbidden': 'Anda tidak memiliki akses untuk ini.',
  'err.invalid_field': 'Ada isian yang belum benar.',
  'err.body_too_large': 'Berkas terlalu besar.',
  'err.already_started': 'Sesi sudah dimulai.',
  'err.already_ended': 'Sesi sudah diakhiri.',
  'err.not_started': 'Sesi belum dimulai.',
  'err.session_started': 'Sesi yang sudah dimulai tidak dapat dihapus.',
  'err.username_taken': 'Nama pengguna sudah dipakai.',
  'err.question_not_found': 'Pertanyaan tidak ditemukan.',
  'err.not_completed': 'Syarat kelulusan belum terpenuhi.',
  'err.certificate_revoked': 'Sertifikat ini telah dicabut.',
  'err.unsupported_type': 'Jenis berkas ini tidak diterima. Gunakan PDF, PowerPoint (.pptx), Word (.docx), Excel (.xlsx), gambar (PNG, JPEG, GIF, WebP) atau video MP4.',
  'err.content_mismatch': 'Isi berkas tidak sesuai dengan jenisnya (misalnya berkas .pdf yang bukan PDF). Periksa berkasnya lalu coba lagi.',
  'err.invalid_link': 'Tautan unduhan sudah kedaluwarsa. Muat ulang halaman untuk tautan baru.',
  'err.material_not_found': 'Materi tidak ditemukan (mungkin sudah dihapus).',
  'err.upload_failed': 'Server tidak dapat menyimpan berkas. Silakan coba lagi.',
  'err.no_completed_participants': 'Belum ada peserta yang lulus.',
  'err.aborted': 'Dibatalkan.',
  'common.logout': 'Keluar',
  'common.login': 'Masuk',
  'common.username': 'Nama pengguna',
  'common.password': 'Kata sandi',
  'common.close': 'Tutup',
  'common.save': 'Simpan',
  'common.cancel': 'Batal',
  'common.loading': 'Memuat…',
  'mode.onsite': 'Luring (di lokasi)',
  'mode.online': 'Daring',
  'status.planned': 'Terjadwal',
  'status.live': 'Sedang berlangsung',
  'status.ended': 'Selesai',
}, {
  'conn.reconnecting': 'Reconnecting…',
  'conn.connecting': 'Connecting…',
  'err.network': 'The server cannot be reached. Check your internet connection.',
  'err.server': 'Something went wrong on the server. Please try again.',
  'err.generic': 'The request failed ({code}).',
  'err.invalid_credentials': 'Wrong username or password.',
  'err.too_many_attempts': 'Too many attempts. Try again in {s} seconds.',
  'err.too_many_questions': 'Too many questions. Try again in {s} seconds.',
  'err.unknown_code': 'Unknown access code. Check the code on your invitation.',
  'err.invalid_token': 'Your session has ended. Please sign in again.',
  'err.missing_token': 'Please sign in first.',
  'err.forbidden': 'You do not have access to this.',
  'err.invalid_field': 'Some fields are not right yet.',
  'err.body_too_large': 'The file is too large.',
  'err.already_started': 'The session has already started.',
  'err.already_ended': 'The session has already ended.',
  'err.not_started': 'The session has not started yet.',
  'err.session_started': 'A session that has started cannot be deleted.',
  'err.username_taken': 'That username is taken.',
  'err.question_not_found': 'The question was not found.',
  'err.not_completed': 'The completion requirements are not met yet.',
  'err.certificate_revoked': 'This certificate has been revoked.',
  'err.unsupported_type': 'This type of file is not accepted. Use PDF, PowerPoint (.pptx), Word (.docx), Excel (.xlsx), pictures (PNG, JPEG, GIF, WebP) or MP4 video.',
  'err.content_mismatch': 'The file\u2019s content does not match its type (for example a .pdf file that is not a PDF). Check the file and try again.',
  'err.invalid_link': 'The download link has expired. Reload the page for a fresh one.',
  'err.material_not_found': 'The material was not found (it may have been deleted).',
  'err.upload_failed': 'The server could not store the file. Please try again.',
  'err.no_completed_participants': 'No participant has completed yet.',
  'err.aborted': 'Cancelled.',
  'common.logout': 'Sign out',
  'common.login': 'Sign in',
  'common.username': 'Username',
  'common.password': 'Password',
  'common.close': 'Close',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.loading': 'Loading…',
  'mode.onsite': 'On site',
  'mode.online': 'Online',
  'status.planned': 'Planned',
  'status.live': 'Live now',
  'status.ended': 'Ended',
});
