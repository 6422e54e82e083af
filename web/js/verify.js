// /verify/{code}: anyone holding a certificate (or its QR code) checks that it is genuine.
import { el, fill, $ } from './dom.js';
import { createApi } from './api.js';
import { t, addStrings, applyStatic, wireLangButton, onLangChange, errorText } from './i18n.js';
import { fmtDate } from './format.js';

addStrings({
  'page.title': 'Bimtek — Verifikasi sertifikat',
  'verify.title': 'Verifikasi sertifikat',
  'verify.code': 'Kode sertifikat:',
  'verify.valid': 'Sertifikat sah',
  'verify.revoked': 'Sertifikat ini telah dicabut',
  'verify.invalid': 'Sertifikat tidak sah',
  'verify.unknown': 'Sertifikat dengan kode ini tidak ditemukan.',
  'verify.name': 'Nama peserta',
  'verify.event': 'Kegiatan',
  'verify.dates': 'Tanggal kegiatan',
  'verify.issued': 'Diterbitkan',
}, {
  'page.title': 'Bimtek — Certificate verification',
  'verify.title': 'Certificate verification',
  'verify.code': 'Certificate code:',
  'verify.valid': 'Valid certificate',
  'verify.revoked': 'This certificate has been revoked',
  'verify.invalid': 'Not a valid certificate',
  'verify.unknown': 'No certificate has this code.',
  'verify.name': 'Participant',
  'verify.event': 'Event',
  'verify.dates': 'Event dates',
  'verify.issued': 'Issued',
});

const api = createApi(() => null);
const code = decodeURIComponent(location.pathname.replace(/^\/verify\/?/, '')).trim();
let result = null;
let failure = null;

function render() {
  $('#code').textContent = code;
  const box = $('#result');
  if (failure) {
    const unknown = failure.status === 404;
    box.dataset.state = unknown ? 'unknown' : 'error';
    fill(box, el('p', { class: unknown ? 'verdict bad' : 'error' }, unknown ? `✗ ${t('verify.unknown')}` : errorText(failure)));
    return;
  }
  if (!result) return;
  // The API gives no time zone here: the dates as in Indonesia's western zone (WIB).
  const tz = 'Asia/Jakarta';
  const ok = result.valid && !result.revoked;
  box.dataset.state = ok ? 'valid' : result.revoked ? 'revoked' : 'invalid';
  const heading = ok ? t('verify.valid') : result.revoked ? t('verify.revoked') : t('verify.invalid');
  const ev = result.event || {};
  const first = ev.starts_at ? fmtDate(ev.starts_at, tz) : '';
  // An end at midnight belongs to the day before (as on the certificate).
  const last = ev.ends_at ? fmtDate(new Date(Date.parse(ev.ends_at) - 1).toISOString(), tz) : first;
  const row = (label, value, cls) => [el('dt', null, label), el('dd', { class: cls }, value)];
  fill(box,
    el('p', { class: ok ? 'verdict good' : 'verdict bad' }, ok ? '✓ ' : '✗ ', heading),
    el('dl', null,
      row(t('verify.name'), (result.participant && result.participant.name) || '', 'name'),
      row(t('verify.event'), ev.title || '', 'event'),
      first ? row(t('verify.dates'), first === last ? first : `${first} – ${last}`) : null,
      result.issued_at ? row(t('verify.issued'), fmtDate(result.issued_at, tz)) : null));
}

async function main() {
  applyStatic();
  wireLangButton($('#lang'));
  onLangChange(render);
  if (!code) {
    failure = { status: 404 };
  } else {
    try {
      result = await api.get(`/verify/${encodeURIComponent(code)}`);
    } catch (e) {
      failure = e;
    }
  }
  render();
}

main();
