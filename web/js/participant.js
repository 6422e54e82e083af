// The participants' page (/): join with the access code, then the event, the live session, its
// Q&A and materials, and one's own attendance, progress and certificate.
import { el, fill, $, show, saveBlob, reconcile } from './dom.js';
import { createApi, tokenStore } from './api.js';
import { LiveStream, countsOf } from './stream.js';
import { t, addStrings, applyStatic, wireLangButton, onLangChange, errorText, lang } from './i18n.js';
import { fmtTime, fmtTimeZone, fmtDate, fmtRange, fmtNumber, fmtSize, fmtMinutes, eventZone, fileKind, viewable } from './format.js';
import { sessionStatus, sortedSessions, mergeSession } from './agenda.js';
import { questionOrder, storeQuestion } from './questions.js';
import { connectionBanner } from './connection.js';

addStrings({
  'page.title': 'Bimtek — Peserta',
  'skip': 'Langsung ke isi',
  'join.title': 'Masuk ke Bimtek',
  'join.intro': 'Masukkan kode akses dari undangan Anda, atau pindai kode QR pada undangan.',
  'join.code': 'Kode akses',
  'join.hint': '8 huruf dan angka, misalnya K7PM2QXD.',
  'join.submit': 'Masuk',
  'join.required': 'Isi kode akses Anda.',
  'greeting': 'Selamat datang, {name}.',
  'now.title': 'Sesi sekarang',
  'now.none': 'Belum ada sesi yang sedang berlangsung.',
  'now.next': 'Berikutnya: {title}, pukul {time}.',
  'now.over': 'Semua sesi telah selesai. Terima kasih atas partisipasi Anda.',
  'now.speaker': 'Narasumber: {name}',
  'now.started': 'Dimulai pukul {time}',
  'counts': 'Hadir saat ini: {onsite} di lokasi · {online} daring',
  'agenda.title': 'Agenda lengkap',
  'qa.title': 'Tanya jawab',
  'qa.for': 'Untuk sesi: {title}',
  'qa.label': 'Pertanyaan Anda',
  'qa.anonymous': 'Tanya tanpa nama (anonim)',
  'qa.moderated': 'Pertanyaan akan tampil setelah disetujui narasumber.',
  'qa.submit': 'Kirim pertanyaan',
  'qa.sent': 'Pertanyaan terkirim.',
  'qa.sent_pending': 'Pertanyaan terkirim dan menunggu persetujuan narasumber.',
  'qa.empty': 'Belum ada pertanyaan. Jadilah yang pertama bertanya.',
  'qa.count': '{n}/500 karakter',
  'qa.required': 'Tulis pertanyaan Anda terlebih dahulu.',
  'qa.anon_author': 'Anonim',
  'qa.room': 'Dari peserta di ruangan',
  'qa.mine': 'Pertanyaan Anda',
  'qa.pinned': 'Disematkan',
  'qa.answered': 'Terjawab',
  'qa.pending': 'Menunggu persetujuan',
  'qa.vote': 'Dukung',
  'qa.vote_label': 'Dukung pertanyaan ini ({n} dukungan)',
  'qa.unvote_label': 'Batalkan dukungan ({n} dukungan)',
  'materials.title': 'Materi sesi',
  'materials.empty': 'Belum ada materi. Materi dari narasumber akan tampil di sini.',
  'materials.download': 'Unduh',
  'materials.view': 'Lihat',
  'materials.new': 'Baru',
  'me.title': 'Kehadiran Anda',
  'me.onsite': 'Anda terdaftar sebagai peserta luring (hadir di lokasi). Tunjukkan kode akses Anda di meja registrasi: {code}',
  'me.online': 'Anda terdaftar sebagai peserta daring. Kehadiran Anda tercatat otomatis selama halaman ini terbuka.',
  'me.online_live': 'Terhubung — kehadiran daring Anda sedang tercatat.',
  'progress.completed': 'Lulus',
  'progress.in_progress': 'Sedang berjalan',
  'progress.not_completed': 'Belum memenuhi syarat',
  'progress.status': 'Status kelulusan:',
  'progress.total': 'Total kehadiran: {time}',
  'progress.session': '{minutes} dari {required} yang diperlukan',
  'progress.ok': 'terpenuhi',
  'progress.pending_note': 'Kelulusan ditetapkan setelah semua sesi wajib selesai. Ikuti setiap sesi wajib sampai selesai.',
  'progress.less_than_minute': 'kurang dari 1 menit',
  'reason.too_few_minutes': 'Sesi \u201c{title}\u201d: kurang {short} dari waktu yang diperlukan.',
  'reason.session_not_started': 'Sesi \u201c{title}\u201d belum dimulai.',
  'reason.session_live': 'Sesi \u201c{title}\u201d sedang berlangsung.',
  'reason.session_not_held': 'Sesi \u201c{title}\u201d tidak diadakan dan tidak dihitung.',
  'reason.no_required_sessions': 'Tidak ada sesi wajib yang berlangsung.',
  'cert.ready': 'Selamat! Anda telah memenuhi syarat kelulusan bimtek.',
  'cert.download': 'Unduh sertifikat (PDF)',
  'cert.code': 'Kode sertifikat: {code}',
  'cert.verify': 'Halaman verifikasi sertifikat',
  'cert.revoked': 'Sertifikat Anda telah dicabut oleh panitia. Hubungi panitia bimtek untuk keterangan.',
}, {
  'page.title': 'Bimtek — Participant',
  'skip': 'Skip to content',
  'join.title': 'Join the Bimtek',
  'join.intro': 'Enter the access code from your invitation, or scan the QR code on it.',
  'join.code': 'Access code',
  'join.hint': '8 letters and digits, for example K7PM2QXD.',
  'join.submit': 'Join',
  'join.required': 'Enter your access code.',
  'greeting': 'Welcome, {name}.',
  'now.title': 'Current session',
  'now.none': 'No session is running right now.',
  'now.next': 'Next: {title}, at {time}.',
  'now.over': 'All sessions have ended. Thank you for taking part.',
  'now.speaker': 'Speaker: {name}',
  'now.started': 'Started at {time}',
  'counts': 'Present now: {onsite} on site · {online} online',
  'agenda.title': 'Full agenda',
  'qa.title': 'Questions and answers',
  'qa.for': 'For the session: {title}',
  'qa.label': 'Your question',
  'qa.anonymous': 'Ask without my name (anonymous)',
  'qa.moderated': 'Questions appear once the speaker approves them.',
  'qa.submit': 'Send question',
  'qa.sent': 'Question sent.',
  'qa.sent_pending': 'Question sent; it awaits the speaker\u2019s approval.',
  'qa.empty': 'No questions yet. Be the first to ask.',
  'qa.count': '{n}/500 characters',
  'qa.required': 'Write your question first.',
  'qa.anon_author': 'Anonymous',
  'qa.room': 'From someone in the room',
  'qa.mine': 'Your question',
  'qa.pinned': 'Pinned',
  'qa.answered': 'Answered',
  'qa.pending': 'Awaiting approval',
  'qa.vote': 'Upvote',
  'qa.vote_label': 'Upvote this question ({n} votes)',
  'qa.unvote_label': 'Remove your vote ({n} votes)',
  'materials.title': 'Session materials',
  'materials.empty': 'No materials yet. The speakers\u2019 materials will appear here.',
  'materials.download': 'Download',
  'materials.view': 'View',
  'materials.new': 'New',
  'me.title': 'Your attendance',
  'me.onsite': 'You are registered to attend on site. Show your access code at the registration desk: {code}',
  'me.online': 'You are registered to attend online. Your attendance is recorded while this page is open.',
  'me.online_live': 'Connected — your online attendance is being recorded.',
  'progress.completed': 'Completed',
  'progress.in_progress': 'In progress',
  'progress.not_completed': 'Not completed',
  'progress.status': 'Completion:',
  'progress.total': 'Time attended: {time}',
  'progress.session': '{minutes} of the {required} required',
  'progress.ok': 'met',
  'progress.pending_note': 'Completion is decided once every required session has ended. Follow each required session to the end.',
  'progress.less_than_minute': 'less than 1 min',
  'reason.too_few_minutes': 'Session \u201c{title}\u201d: {short} short of the time required.',
  'reason.session_not_started': 'Session \u201c{title}\u201d has not started.',
  'reason.session_live': 'Session \u201c{title}\u201d is running now.',
  'reason.session_not_held': 'Session \u201c{title}\u201d was not held and does not count.',
  'reason.no_required_sessions': 'No required session was held.',
  'cert.ready': 'Congratulations! You have met the requirements of the bimtek.',
  'cert.download': 'Download certificate (PDF)',
  'cert.code': 'Certificate code: {code}',
  'cert.verify': 'Certificate verification page',
  'cert.revoked': 'Your certificate has been revoked by the organisers. Contact the bimtek organisers for details.',
});

const store = tokenStore('bimtek.participant');
let auth = store.load();
const api = createApi(() => (auth ? auth.token : null), { onUnauthorized: () => signedOut(true) });

const state = {
  event: null,
  sessions: new Map(),
  present: { onsite: 0, online: 0 },
  current: null,            // session id whose Q&A is shown
  moderated: false,
  questions: new Map(),     // id -> question (public view)
  voted: new Set(),
  mine: new Map(),          // id -> {session_id, text} of my own questions (text kept while pending)
  materials: new Map(),     // id -> published material of any session (with its signed link)
  materialsAt: 0,           // when the links were listed (they expire after 7 days)
  fresh: new Set(),         // materials that arrived live since the page was opened
  completion: null,
  connected: false,
};
let stream = null;
let completionTimer = null;
const conn = connectionBanner($('#conn'));

// ---- joining and leaving ----

function mineKey() {
  return `bimtek.mine.${auth && auth.participant ? auth.participant.id : 0}`;
}
function loadMine() {
  state.mine = new Map();
  try {
    for (const m of JSON.parse(localStorage.getItem(mineKey()) || '[]')) state.mine.set(m.id, m);
  } catch (_) { /* ignore */ }
}
function saveMine() {
  try {
    localStorage.setItem(mineKey(), JSON.stringify([...state.mine.values()].slice(-50)));
  } catch (_) { /* ignore */ }
}

async function join(code) {
  const clean = code.replace(/[\s-]/g, '').toUpperCase();
  const res = await api.post('/join', { code: clean });
  auth = { token: res.token, expires_at: res.expires_at, participant: res.participant };
  store.save(auth);
}

function showJoin(message, code) {
  show($('#join-view'), true);
  show($('#event-view'), false);
  show($('#loading'), false);
  show($('#logout'), false);
  $('#join-error').textContent = message || '';
  if (code) $('#code').value = code;
  $('#code').focus();
}

function signedOut(expired) {
  if (stream) stream.stop();
  stream = null;
  clearInterval(completionTimer);
  auth = null;
  store.clear();
  setConn(null);
  showJoin(expired ? t('err.invalid_token') : '');
}

$('#join-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const code = $('#code').value.trim();
  if (!code) {
    $('#join-error').textContent = t('join.required');
    $('#code').focus();
    return;
  }
  const button = ev.submitter || $('#join-form button');
  button.disabled = true;
  try {
    await join(code);
    startLive();
  } catch (e) {
    $('#join-error').textContent = errorText(e);
    $('#code').focus();
  } finally {
    button.disabled = false;
  }
});

$('#logout').addEventListener('click', async () => {
  try { await api.post('/logout'); } catch (_) { /* gone anyway */ }
  signedOut(false);
});

// ---- live state ----

function startLive() {
  show($('#join-view'), false);
  show($('#loading'), true);
  show($('#logout'), true);
  loadMine();
  if (stream) stream.stop();
  stream = new LiveStream({
    token: () => auth.token,
    load: loadAll,
    onUpdate,
    onState: setConn,
    onUnauthorized: () => signedOut(true),
  });
  stream.start();
  clearInterval(completionTimer);
  // Minutes accrue while a session runs: refresh the progress now and then.
  completionTimer = setInterval(() => {
    if (currentIsLive()) loadCompletion();
  }, 120000);
}

function setConn(s) {
  state.connected = s === 'live';
  conn.set(s);
  renderMe();
}

async function loadAll() {
  const eventId = auth.participant.event_id;
  const ev = await api.get(`/events/${eventId}`);
  state.event = ev;
  state.sessions = new Map(ev.sessions.map((s) => [s.id, s]));
  state.present = { onsite: ev.present.onsite, online: ev.present.online };
  const current = pickCurrent();
  await Promise.all([loadSession(current ? current.id : null), loadMaterials(), loadCompletion()]);
  show($('#loading'), false);
  show($('#event-view'), true);
  renderAll();
}

async function loadSession(id) {
  state.current = id;
  state.questions = new Map();
  state.voted = new Set();
  if (!id) return;
  const res = await api.get(`/sessions/${id}/questions`);
  if (state.current !== id) return;
  state.moderated = !!res.moderated;
  for (const q of res.questions) {
    state.questions.set(q.id, q);
    if (q.voted) state.voted.add(q.id);
  }
}

// The published materials of every session (participants get signed public links that work
// without the token: a plain link, a phone's download manager).
async function loadMaterials() {
  const ids = [...state.sessions.keys()];
  try {
    const lists = await Promise.all(ids.map((id) => api.get(`/sessions/${id}/materials`)));
    state.materials = new Map();
    for (const res of lists) for (const m of res.materials) if (m.published !== false) state.materials.set(m.id, m);
    state.materialsAt = Date.now();
    $('#materials-error').textContent = '';
  } catch (e) {
    $('#materials-error').textContent = errorText(e);
  }
  renderMaterials();
}

async function loadCompletion() {
  if (!auth) return;
  try {
    state.completion = await api.get(`/participants/${auth.participant.id}/completion`);
  } catch (_) {
    // Shown again on the next change; the rest of the page does not depend on it.
  }
  renderMe();
}

// Every participant's page hears the same update at the same moment: spread the reloads.
let completionSoon = null;
function loadCompletionSoon() {
  if (completionSoon) return;
  completionSoon = setTimeout(() => {
    completionSoon = null;
    loadCompletion();
  }, 200 + Math.random() * 1800);
}

// The live session; else the next planned one; else the last one.
function pickCurrent() {
  const list = sortedSessions(state.sessions);
  const live = list.filter((s) => sessionStatus(s) === 'live');
  if (live.length) return live[live.length - 1];
  return list.find((s) => sessionStatus(s) === 'planned') || list[list.length - 1] || null;
}

function currentIsLive() {
  const s = state.sessions.get(state.current);
  return !!s && sessionStatus(s) === 'live';
}

let reloadingSession = false;
async function followCurrent() {
  const next = pickCurrent();
  const id = next ? next.id : null;
  if (id === state.current || reloadingSession) return;
  reloadingSession = true;
  try {
    await loadSession(id);
  } catch (e) {
    console.error(e);
  } finally {
    reloadingSession = false;
  }
  renderAll();
  if (pickCurrent() && pickCurrent().id !== state.current) followCurrent();
}

function onUpdate(u) {
  const d = u.data || {};
  switch (u.kind) {
    case 'checkin':
    case 'checkout':
    case 'presence.join':
    case 'presence.leave':
      if (countsOf(d)) {
        state.present = countsOf(d);
        renderCounts();
      }
      break;
    case 'session.started':
    case 'session.ended':
    case 'session.updated': {
      const s = d.session;
      if (!s) break;
      mergeSession(state.sessions, s);
      if (s.id === state.current && typeof s.moderated === 'boolean') state.moderated = s.moderated;
      renderNow();
      renderAgenda();
      renderQaHead();
      renderMaterials();
      followCurrent();
      break;
    }
    case 'question.created':
    case 'question.updated':
      upsertQuestion(d.question);
      break;
    case 'question.voted': {
      const q = d.question && state.questions.get(d.question.id);
      if (q) {
        q.votes = d.question.votes;
        renderQuestions();
      }
      break;
    }
    case 'material.published':
      if (d.material && d.material.url) {
        state.materials.set(d.material.id, { ...d.material, published: true });
        state.fresh.add(d.material.id);
        renderMaterials();
      }
      break;
    case 'material.unpublished':
      if (d.material && state.materials.delete(d.material.id)) renderMaterials();
      break;
    case 'completion.changed':
      // Follows every session.ended: one's own status may have changed.
      loadCompletionSoon();
      break;
    default:
      break;
  }
}

function isPublic(status) {
  return status === 'approved' || status === 'answered' || status === 'pinned';
}

function upsertQuestion(q) {
  if (!q || q.session_id !== state.current) return;
  if (!isPublic(q.status) || q.text === undefined) {
    // Pending or hidden: only the asker keeps seeing it (while it waits).
    const mine = state.mine.get(q.id);
    if (mine && q.status === 'pending') {
      state.questions.set(q.id, { id: q.id, session_id: q.session_id, status: 'pending', text: mine.text,
        anonymous: mine.anonymous, author: null, votes: 0, created_at: mine.created_at });
    } else {
      state.questions.delete(q.id);
    }
  } else {
    storeQuestion(state.questions, q);
  }
  renderQuestions();
}

// ---- asking and voting ----

$('#ask-text').addEventListener('input', renderAskCount);

$('#ask-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const text = $('#ask-text').value.trim();
  const error = $('#ask-error');
  if (!text) {
    error.textContent = t('qa.required');
    $('#ask-text').focus();
    return;
  }
  if (!state.current) return;
  const anonymous = $('#ask-anon').checked;
  const button = ev.submitter || $('#ask-form button[type=submit]');
  button.disabled = true;
  error.textContent = '';
  try {
    const q = await api.post(`/sessions/${state.current}/questions`, { text, anonymous });
    const mine = { id: q.id, session_id: q.session_id, text, anonymous, created_at: new Date().toISOString() };
    state.mine.set(q.id, mine);
    saveMine();
    $('#ask-text').value = '';
    $('#ask-anon').checked = false;
    renderAskCount();
    upsertQuestion(q.text === undefined ? { ...q, status: q.status || 'pending' } : q);
    flash(q.status === 'pending' ? t('qa.sent_pending') : t('qa.sent'));
  } catch (e) {
    error.textContent = errorText(e);
  } finally {
    button.disabled = false;
  }
});

function flash(message) {
  const error = $('#ask-error');
  error.className = 'notice';
  error.textContent = message;
  setTimeout(() => {
    if (error.textContent === message) error.textContent = '';
    error.className = 'error';
  }, 4000);
}

async function toggleVote(id) {
  const q = state.questions.get(id);
  if (!q) return;
  const had = state.voted.has(id);
  try {
    const res = had ? await api.del(`/questions/${id}/vote`) : await api.post(`/questions/${id}/vote`);
    if (had) state.voted.delete(id);
    else state.voted.add(id);
    const now = state.questions.get(id);
    if (now) now.votes = res.votes;
  } catch (e) {
    $('#ask-error').textContent = errorText(e);
  }
  renderQuestions();
}

// The certificate needs the token (it is issued on the first download): fetch, then save.
$('#cert-download').addEventListener('click', async (ev) => {
  const button = ev.currentTarget;
  $('#cert-error').textContent = '';
  button.disabled = true;
  const c = state.completion && state.completion.certificate;
  const url = c && c.url ? c.url : `/api/v1/participants/${auth.participant.id}/certificate.pdf`;
  try {
    const file = await api.download(url.replace(/^\/api\/v1/, ''));
    saveBlob(file.blob, file.filename || `sertifikat-${auth.participant.id}.pdf`);
  } catch (e) {
    $('#cert-error').textContent = errorText(e);
  } finally {
    button.disabled = false;
  }
  loadCompletion();  // the code and the verification link, once issued
});

// Links go stale after 7 days: list them again when an old page comes back into view.
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && state.event && Date.now() - state.materialsAt > 12 * 3600 * 1000) loadMaterials();
});

// ---- rendering ----

function tz() {
  return eventZone(state.event);
}

function renderAll() {
  if (!state.event) return;
  renderHead();
  renderNow();
  renderCounts();
  renderAgenda();
  renderQaHead();
  renderQuestions();
  renderMaterials();
  renderMe();
  renderAskCount();
}

function renderHead() {
  const ev = state.event;
  $('#event-title').textContent = ev.title;
  $('#event-when').textContent = `${fmtDate(ev.starts_at, tz())} · ${fmtRange(ev.starts_at, ev.ends_at, tz())}`;
  $('#event-venue').textContent = ev.venue || '';
  $('#greeting').textContent = t('greeting', { name: auth.participant.name });
}

function renderNow() {
  const box = $('#now');
  const s = state.sessions.get(state.current);
  if (!s) {
    fill(box, el('p', { class: 'muted' }, t('now.none')));
    return;
  }
  const status = sessionStatus(s);
  const parts = [];
  if (status === 'live') {
    parts.push(el('p', null, el('span', { class: 'badge live' }, t('status.live'))));
  } else if (status === 'planned') {
    parts.push(el('p', { class: 'muted' }, t('now.none')));
  } else {
    parts.push(el('p', { class: 'muted' }, t('now.over')));
  }
  parts.push(el('div', { class: 'session-now' },
    el('h3', null, s.title),
    s.speaker_name ? el('p', null, t('now.speaker', { name: s.speaker_name })) : null,
    el('p', { class: 'muted' }, status === 'live' && s.actual_start
      ? t('now.started', { time: fmtTimeZone(s.actual_start, tz()) })
      : status === 'planned' ? t('now.next', { title: s.title, time: fmtTimeZone(s.planned_start, tz()) })
        : fmtRange(s.planned_start, s.planned_end, tz()))));
  fill(box, parts);
}

function renderCounts() {
  $('#counts').textContent = t('counts', { onsite: fmtNumber(state.present.onsite), online: fmtNumber(state.present.online) });
}

function renderAgenda() {
  fill($('#agenda'), sortedSessions(state.sessions).map((s) => {
    const status = sessionStatus(s);
    return el('li', null,
      el('strong', null, s.title), ' ',
      el('span', { class: `badge ${status === 'live' ? 'live' : ''}` }, t(`status.${status}`)),
      el('br'),
      el('span', { class: 'muted' }, `${fmtRange(s.planned_start, s.planned_end, tz())}${s.speaker_name ? ` · ${s.speaker_name}` : ''}`));
  }));
}

function renderQaHead() {
  const s = state.sessions.get(state.current);
  show($('#qa-box'), !!s);
  if (!s) return;
  $('#qa-session').textContent = t('qa.for', { title: s.title });
  show($('#ask-moderated'), state.moderated);
}

function renderAskCount() {
  $('#ask-count').textContent = t('qa.count', { n: $('#ask-text').value.length });
}

function renderQuestions() {
  const list = $('#questions');
  const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('[data-qid]');
  const focusId = focused ? focused.dataset.qid : null;
  const items = [...state.questions.values()].sort(questionOrder);
  reconcile(list, items, (q) => q.id, (q) => JSON.stringify([lang(), q.status, q.votes, q.text, q.anonymous,
    q.author && q.author.name, q.from_room, state.voted.has(q.id), state.mine.has(q.id)]), questionItem);
  show($('#qa-empty'), items.length === 0);
  if (focusId) {
    const again = list.querySelector(`[data-qid="${CSS.escape(focusId)}"] .vote`);
    if (again) again.focus();
  }
}

function questionItem(q) {
  const mine = state.mine.has(q.id);
  const voted = state.voted.has(q.id);
  const pending = q.status === 'pending';
  let author;
  if (q.anonymous) author = t('qa.anon_author');
  else if (q.author && q.author.name) author = q.author.name;
  else if (q.from_room) author = t('qa.room');
  else author = t('qa.anon_author');
  const votes = q.votes || 0;
  return el('li', { class: `question ${q.status}`, dataset: { qid: String(q.id), status: q.status } },
    el('button', {
      type: 'button',
      class: 'vote',
      'aria-pressed': voted ? 'true' : 'false',
      'aria-label': t(voted ? 'qa.unvote_label' : 'qa.vote_label', { n: votes }),
      disabled: pending,
      onclick: () => toggleVote(q.id),
    }, el('span', { class: 'arrow', 'aria-hidden': 'true' }, '▲'), el('span', { class: 'votes' }, String(votes))),
    el('div', { class: 'body' },
      el('p', { class: 'text' }, q.text || ''),
      el('p', { class: 'meta' },
        el('span', { class: 'author' }, author),
        q.created_at ? el('span', null, `· ${fmtTime(q.created_at, tz())}`) : null,
        q.status === 'pinned' ? el('span', { class: 'badge pinned' }, t('qa.pinned')) : null,
        q.status === 'answered' ? el('span', { class: 'badge answered' }, t('qa.answered')) : null,
        pending ? el('span', { class: 'badge pending' }, t('qa.pending')) : null,
        mine ? el('span', { class: 'badge' }, t('qa.mine')) : null)));
}

// The published materials, by session in agenda order. Links are plain <a href>: the signed
// URL works without the token, and a phone's download manager can resume it.
function renderMaterials() {
  show($('#materials-box'), !!state.event);
  const bySession = new Map();
  for (const m of state.materials.values()) {
    if (!bySession.has(m.session_id)) bySession.set(m.session_id, []);
    bySession.get(m.session_id).push(m);
  }
  const groups = sortedSessions(state.sessions).filter((s) => bySession.has(s.id));
  show($('#materials-empty'), groups.length === 0);
  fill($('#materials'), groups.map((s) => el('div', { class: 'material-group', dataset: { sid: String(s.id) } },
    el('h3', null, s.title),
    el('ul', { class: 'materials' }, bySession.get(s.id).sort((a, b) => a.id - b.id).map(materialItem)))));
}

function materialItem(m) {
  const kind = fileKind(m.content_type);
  return el('li', { dataset: { mid: String(m.id) } },
    el('span', { class: 'grow' }, el('strong', { class: 'filename' }, m.filename), ' ',
      el('span', { class: 'muted' }, `(${[kind, fmtSize(m.size)].filter(Boolean).join(', ')})`),
      state.fresh.has(m.id) ? el('span', { class: 'badge ok' }, t('materials.new')) : null),
    el('span', { class: 'links' },
      viewable(m.content_type) ? el('a', {
        class: 'button small view', href: `${m.url}&inline=1`, target: '_blank', rel: 'noopener',
        'aria-label': `${t('materials.view')}: ${m.filename}`,
      }, t('materials.view')) : null,
      el('a', {
        class: 'button small primary download', href: m.url, download: m.filename,
        'aria-label': `${t('materials.download')}: ${m.filename}`,
      }, t('materials.download'))));
}

// Attended and required minutes, both rounded down the same way (so "met" never reads as
// "0 of 1"); under a minute but not nothing reads "less than a minute".
function fmtAttended(minutes) {
  return minutes > 0 && minutes < 1 ? t('progress.less_than_minute') : fmtMinutes(minutes);
}

function fmtShort(minutes) {
  return minutes < 1 ? t('progress.less_than_minute') : fmtMinutes(Math.ceil(minutes));
}

function reasonText(r, titles) {
  const key = `reason.${r.code}`;
  const s = t(key, { title: titles.get(r.session_id) || '', short: fmtShort(r.minutes_short || 0) });
  return s === key ? r.message || r.code : s;
}

function renderMe() {
  if (!auth || !auth.participant || !state.event) return;
  const p = auth.participant;
  if (p.mode === 'onsite') {
    $('#me-mode').textContent = t('me.onsite', { code: p.access_code || '' });
  } else {
    $('#me-mode').textContent = state.connected ? t('me.online_live') : t('me.online');
  }
  const c = state.completion;
  const box = $('#progress');
  if (!c) {
    fill(box);
    show($('#certificate'), false);
    return;
  }
  const titles = new Map((c.sessions || []).map((s) => [s.session_id, s.title]));
  for (const s of state.sessions.values()) if (!titles.get(s.id)) titles.set(s.id, s.title);
  const required = (c.sessions || []).filter((s) => s.required);
  const badgeClass = c.status === 'completed' ? 'badge ok' : c.status === 'not_completed' ? 'badge pending' : 'badge';
  fill(box,
    el('p', null, t('progress.status'), ' ',
      el('span', { class: badgeClass, id: 'progress-status', dataset: { status: c.status } }, t(`progress.${c.status}`))),
    el('p', { class: 'muted' }, t('progress.total', { time: fmtAttended(c.total_minutes) })),
    required.length ? el('ul', { class: 'progress-list' }, required.map((s) => {
      const need = Math.max(0, s.required_minutes || 0);
      const id = `prog-${s.session_id}`;
      return el('li', null,
        el('span', { id }, s.title || titles.get(s.session_id) || ''), ' — ',
        el('span', { class: 'muted' }, t('progress.session', { minutes: fmtAttended(s.minutes), required: fmtAttended(need) })),
        s.ok ? el('span', { class: 'badge ok' }, t('progress.ok')) : null,
        el('progress', { max: String(need || 1), value: String(s.ok ? need || 1 : Math.min(s.minutes || 0, need)), 'aria-labelledby': id }));
    })) : null,
    c.status === 'in_progress' ? el('p', { class: 'hint' }, t('progress.pending_note')) : null,
    c.status === 'not_completed' && (c.reasons || []).length
      ? el('ul', { class: 'reasons' }, c.reasons.map((r) => el('li', null, reasonText(r, titles)))) : null);
  const cert = c.certificate;
  const revoked = !!(cert && cert.revoked);
  show($('#certificate'), c.status === 'completed' || revoked);
  show($('#cert-ok'), !revoked);
  show($('#cert-revoked'), revoked);
  fill($('#cert-info'), cert && !revoked ? [
    el('span', null, t('cert.code', { code: cert.code })), ' · ',
    el('a', { href: cert.verify_url, target: '_blank', rel: 'noopener' }, t('cert.verify'))] : []);
}

onLangChange(renderAll);

// ---- start ----

async function main() {
  applyStatic();
  wireLangButton($('#lang'));
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (code) {
    // The code leaves the address bar (and the history) at once.
    params.delete('code');
    const rest = params.toString();
    history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : '') + location.hash);
    try {
      await join(code);
    } catch (e) {
      showJoin(errorText(e), code);
      return;
    }
  }
  if (!auth) {
    showJoin('');
    return;
  }
  startLive();
}

main();
