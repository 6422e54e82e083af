// The speakers' page (/present): choose one's session, start and end it, moderate the live Q&A
// (approve, pin, answer, hide), enter questions from the room, and a full-screen projector view
// with the pinned question and how many are present on site and online, and the session's
// materials (upload, publish or withdraw, delete).
import { el, fill, $, show, reconcile } from './dom.js';
import { LiveStream, countsOf } from './stream.js';
import { t, addStrings, applyStatic, wireLangButton, onLangChange, errorText, lang } from './i18n.js';
import { fmtTime, fmtTimeZone, fmtRange, fmtNumber, fmtSize, eventZone, fileKind, viewable } from './format.js';
import { sessionStatus, sortedSessions, mergeSession } from './agenda.js';
import { questionOrder, askedOrder, storeQuestion } from './questions.js';
import { connectionBanner } from './connection.js';
import { staffAuth } from './staff.js';

addStrings({
  'page.title': 'Bimtek — Narasumber',
  'skip': 'Langsung ke isi',
  'role': 'Narasumber',
  'login.title': 'Masuk sebagai narasumber',
  'session.choose': 'Sesi',
  'event.choose': 'Acara',
  'session.start': 'Mulai sesi',
  'session.end': 'Akhiri sesi',
  'session.end_confirm': 'Akhiri sesi "{title}" sekarang?',
  'session.moderated': 'Moderasi: pertanyaan peserta tampil setelah disetujui',
  'session.planned': 'Terjadwal {range}',
  'session.live': 'dimulai pukul {time}',
  'session.ended': 'Selesai pukul {time}',
  'session.mine': '(sesi Anda)',
  'session.none': 'Belum ada sesi di agenda.',
  'counts': 'Hadir saat ini: {onsite} di lokasi · {online} daring',
  'queue.title': 'Antrean pertanyaan',
  'queue.pending': 'Menunggu persetujuan ({n})',
  'queue.open': 'Pertanyaan ({n})',
  'queue.answered': 'Terjawab ({n})',
  'queue.hidden': 'Disembunyikan ({n})',
  'queue.empty': 'Tidak ada.',
  'q.approve': 'Setujui',
  'q.pin': 'Sematkan',
  'q.unpin': 'Lepas sematan',
  'q.answer': 'Tandai terjawab',
  'q.hide': 'Sembunyikan',
  'q.reopen': 'Buka kembali',
  'q.show': 'Tampilkan',
  'q.votes': '{n} dukungan',
  'q.anonymous': 'Anonim',
  'q.room': 'Dari ruangan',
  'q.pinned': 'Disematkan',
  'room.title': 'Catat pertanyaan dari ruangan',
  'room.text': 'Pertanyaan',
  'room.name': 'Nama penanya (boleh kosong)',
  'room.submit': 'Tambahkan',
  'room.required': 'Tulis pertanyaannya terlebih dahulu.',
  'materials.title': 'Materi sesi',
  'materials.file': 'Unggah materi',
  'materials.hint': 'PDF, PowerPoint (.pptx), Word (.docx), Excel (.xlsx), gambar (PNG, JPEG, GIF, WebP) atau video MP4.',
  'materials.publish_now': 'Langsung terbitkan untuk peserta',
  'materials.upload': 'Unggah',
  'materials.none': 'Belum ada materi.',
  'materials.choose': 'Pilih berkas terlebih dahulu.',
  'materials.uploading': 'Mengunggah {name}: {done} dari {total} ({percent}).',
  'materials.uploaded': '{name} terunggah.',
  'materials.uploaded_draft': '{name} terunggah sebagai draf (belum terlihat peserta).',
  'materials.too_large': 'Berkas \u201c{name}\u201d ({size}) melebihi batas unggahan server. Perkecil berkasnya (misalnya simpan PDF dengan ukuran lebih kecil) lalu coba lagi.',
  'materials.failed': 'Berkas \u201c{name}\u201d tidak terunggah: {reason}',
  'materials.published': 'Terbit',
  'materials.draft': 'Draf — belum terlihat peserta',
  'materials.publish': 'Terbitkan',
  'materials.unpublish': 'Tarik dari peserta',
  'materials.delete': 'Hapus',
  'materials.delete_confirm': 'Hapus materi \u201c{name}\u201d? Peserta tidak dapat mengunduhnya lagi.',
  'materials.view': 'Lihat',
  'materials.download': 'Unduh',
  'projector.open': 'Tampilan proyektor',
  'projector.close': 'Tutup tampilan',
  'projector.onsite': 'hadir di lokasi',
  'projector.online': 'mengikuti daring',
  'projector.nothing': 'Belum ada pertanyaan yang disematkan.',
  'projector.join': 'Bertanya lewat ponsel: {url}',
}, {
  'page.title': 'Bimtek — Speaker',
  'skip': 'Skip to content',
  'role': 'Speaker',
  'login.title': 'Sign in as a speaker',
  'session.choose': 'Session',
  'event.choose': 'Event',
  'session.start': 'Start session',
  'session.end': 'End session',
  'session.end_confirm': 'End the session "{title}" now?',
  'session.moderated': 'Moderation: participants\u2019 questions appear once approved',
  'session.planned': 'Planned {range}',
  'session.live': 'started at {time}',
  'session.ended': 'Ended at {time}',
  'session.mine': '(your session)',
  'session.none': 'The agenda has no sessions yet.',
  'counts': 'Present now: {onsite} on site · {online} online',
  'queue.title': 'Question queue',
  'queue.pending': 'Awaiting approval ({n})',
  'queue.open': 'Questions ({n})',
  'queue.answered': 'Answered ({n})',
  'queue.hidden': 'Hidden ({n})',
  'queue.empty': 'None.',
  'q.approve': 'Approve',
  'q.pin': 'Pin',
  'q.unpin': 'Unpin',
  'q.answer': 'Mark answered',
  'q.hide': 'Hide',
  'q.reopen': 'Reopen',
  'q.show': 'Show',
  'q.votes': '{n} votes',
  'q.anonymous': 'Anonymous',
  'q.room': 'From the room',
  'q.pinned': 'Pinned',
  'room.title': 'Enter a question from the room',
  'room.text': 'Question',
  'room.name': 'Asked by (optional)',
  'room.submit': 'Add',
  'room.required': 'Write the question first.',
  'materials.title': 'Session materials',
  'materials.file': 'Upload material',
  'materials.hint': 'PDF, PowerPoint (.pptx), Word (.docx), Excel (.xlsx), pictures (PNG, JPEG, GIF, WebP) or MP4 video.',
  'materials.publish_now': 'Publish to participants at once',
  'materials.upload': 'Upload',
  'materials.none': 'No materials yet.',
  'materials.choose': 'Choose a file first.',
  'materials.uploading': 'Uploading {name}: {done} of {total} ({percent}).',
  'materials.uploaded': '{name} uploaded.',
  'materials.uploaded_draft': '{name} uploaded as a draft (not visible to participants yet).',
  'materials.too_large': 'The file \u201c{name}\u201d ({size}) is larger than the server accepts. Make it smaller (for example, save the PDF at a lower quality) and try again.',
  'materials.failed': 'The file \u201c{name}\u201d was not uploaded: {reason}',
  'materials.published': 'Published',
  'materials.draft': 'Draft — not visible to participants',
  'materials.publish': 'Publish',
  'materials.unpublish': 'Withdraw',
  'materials.delete': 'Delete',
  'materials.delete_confirm': 'Delete the material \u201c{name}\u201d? Participants will no longer be able to download it.',
  'materials.view': 'View',
  'materials.download': 'Download',
  'projector.open': 'Projector view',
  'projector.close': 'Close view',
  'projector.onsite': 'present on site',
  'projector.online': 'following online',
  'projector.nothing': 'No question is pinned yet.',
  'projector.join': 'Ask from your phone: {url}',
});

const state = {
  user: null,
  events: [],
  eventId: null,
  event: null,
  sessions: new Map(),
  sessionId: null,
  moderated: false,
  questions: new Map(),
  materials: new Map(),     // id -> material of the chosen session (staff view: drafts too)
  present: { onsite: 0, online: 0 },
};
let stream = null;
const conn = connectionBanner($('#conn'));

const staff = staffAuth({
  roles: ['speaker', 'coordinator'],
  onSignedIn: (user) => {
    state.user = user;
    begin();
  },
  onSignedOut: () => {
    if (stream) stream.stop();
    stream = null;
    closeProjector();
  },
});
const api = staff.api;

async function begin() {
  show($('#loading'), true);
  try {
    const res = await api.get('/events');
    state.events = res.events;
  } catch (e) {
    $('#session-error').textContent = errorText(e);
    return;
  }
  const saved = Number(localStorage.getItem('bimtek.present.event'));
  const pick = state.events.find((e) => e.id === saved) || state.events[0];
  fill($('#event-select'), state.events.map((e) => el('option', { value: String(e.id), selected: pick && e.id === pick.id }, e.title)));
  show($('#event-choice'), state.events.length > 1);
  if (!pick) {
    $('#session-error').textContent = t('session.none');
    show($('#loading'), false);
    return;
  }
  openEvent(pick.id);
}

function openEvent(id) {
  state.eventId = id;
  state.sessionId = null;
  try { localStorage.setItem('bimtek.present.event', String(id)); } catch (_) { /* ignore */ }
  if (stream) stream.stop();
  stream = new LiveStream({
    token: staff.token,
    eventId: id,
    load: loadAll,
    onUpdate,
    onState: conn.set,
    onUnauthorized: () => staff.signOut(true),
  });
  stream.start();
}

$('#event-select').addEventListener('change', (ev) => openEvent(Number(ev.target.value)));
$('#session-select').addEventListener('change', async (ev) => {
  const id = Number(ev.target.value);
  try { localStorage.setItem('bimtek.present.session', String(id)); } catch (_) { /* ignore */ }
  await loadSession(id);
  renderAll();
});

async function loadAll() {
  const ev = await api.get(`/events/${state.eventId}`);
  state.event = ev;
  state.sessions = new Map(ev.sessions.map((s) => [s.id, s]));
  state.present = { onsite: ev.present.onsite, online: ev.present.online };
  const chosen = state.sessions.has(state.sessionId) ? state.sessionId : defaultSession();
  await loadSession(chosen);
  show($('#loading'), false);
  renderAll();
}

function isMine(s) {
  return state.user && s.speaker_id === state.user.id;
}

// The one saved on this device, else one's own live session, else one's next, else any live one.
function defaultSession() {
  const saved = Number(localStorage.getItem('bimtek.present.session'));
  if (state.sessions.has(saved)) return saved;
  const list = sortedSessions(state.sessions);
  const mine = list.filter(isMine);
  const pool = mine.length ? mine : list;
  const s = pool.find((x) => sessionStatus(x) === 'live') || pool.find((x) => sessionStatus(x) === 'planned') || pool[0];
  return s ? s.id : null;
}

async function loadSession(id) {
  state.sessionId = id;
  state.questions = new Map();
  state.materials = new Map();
  if (!id) return;
  await Promise.all([
    api.get(`/sessions/${id}/questions`).then((res) => {
      if (state.sessionId !== id) return;
      state.moderated = !!res.moderated;
      for (const q of res.questions) state.questions.set(q.id, q);
    }),
    loadMaterials(id),
  ]);
}

// Every change the page learns of (its own uploads and toggles, the stream) gets a number, so a
// listing that was asked for before the change cannot undo it when its answer comes later.
let materialsChange = 0;
const changedAt = new Map();  // material id -> materialsChange when last set on the page
function setMaterial(m) {
  state.materials.set(m.id, m);
  changedAt.set(m.id, ++materialsChange);
}

// The session's materials as staff see them: drafts too, with staff links (valid unpublished).
async function loadMaterials(id = state.sessionId) {
  if (!id) return;
  const asked = materialsChange;
  try {
    const res = await api.get(`/sessions/${id}/materials`);
    if (state.sessionId !== id) return;
    const listed = new Map(res.materials.map((m) => [m.id, m]));
    for (const [mid, m] of state.materials) if ((changedAt.get(mid) || 0) > asked) listed.set(mid, m);
    state.materials = listed;
    $('#materials-error').textContent = '';
  } catch (e) {
    $('#materials-error').textContent = errorText(e);
  }
  renderMaterials();
}

// Withdrawn and deleted look the same on the stream: list again (once for a burst).
let materialsTimer = null;
function reloadMaterialsSoon() {
  clearTimeout(materialsTimer);
  materialsTimer = setTimeout(() => loadMaterials(), 300);
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
    case 'session.updated':
      if (d.session) {
        mergeSession(state.sessions, d.session);
        if (d.session.id === state.sessionId && typeof d.session.moderated === 'boolean') state.moderated = d.session.moderated;
        renderSession();
      }
      break;
    case 'question.created':
    case 'question.updated': {
      const q = d.question;
      if (!q || q.session_id !== state.sessionId) break;
      storeQuestion(state.questions, q);
      renderQueue();
      break;
    }
    case 'question.voted': {
      const q = d.question && state.questions.get(d.question.id);
      if (q) {
        q.votes = d.question.votes;
        renderQueue();
      }
      break;
    }
    case 'material.published':
      if (d.material && d.material.session_id === state.sessionId) {
        // Keep a staff link when there is one (it works after a withdrawal, too).
        const old = state.materials.get(d.material.id);
        setMaterial({ ...(old || {}), ...d.material, url: old ? old.url : d.material.url, published: true });
        renderMaterials();
      }
      break;
    case 'material.unpublished':
      if (d.material && d.material.session_id === state.sessionId) reloadMaterialsSoon();
      break;
    default:
      break;
  }
}

// ---- actions ----

async function sessionAction(kind) {
  const s = state.sessions.get(state.sessionId);
  if (!s) return;
  if (kind === 'end' && !window.confirm(t('session.end_confirm', { title: s.title }))) return;
  $('#session-error').textContent = '';
  try {
    const updated = await api.post(`/sessions/${s.id}/${kind}`);
    state.sessions.set(updated.id, updated);
    renderSession();
  } catch (e) {
    $('#session-error').textContent = errorText(e);
  }
}
$('#start').addEventListener('click', () => sessionAction('start'));
$('#end').addEventListener('click', () => sessionAction('end'));

$('#moderated').addEventListener('change', async (ev) => {
  const want = ev.target.checked;
  $('#session-error').textContent = '';
  try {
    const s = await api.patch(`/sessions/${state.sessionId}/moderation`, { moderated: want });
    state.moderated = !!s.moderated;
  } catch (e) {
    $('#session-error').textContent = errorText(e);
    ev.target.checked = state.moderated;
  }
});

async function moderate(q, status) {
  $('#queue-error').textContent = '';
  try {
    const res = await api.patch(`/questions/${q.id}`, { status });
    storeQuestion(state.questions, res);
    renderQueue();
  } catch (e) {
    $('#queue-error').textContent = errorText(e);
  }
}

$('#room-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const text = $('#room-text').value.trim();
  const name = $('#room-name').value.trim();
  if (!text) {
    $('#room-error').textContent = t('room.required');
    return;
  }
  $('#room-error').textContent = '';
  try {
    const body = { text, anonymous: !name };
    if (name) body.author_name = name;
    const q = await api.post(`/sessions/${state.sessionId}/questions`, body);
    state.questions.set(q.id, { ...(state.questions.get(q.id) || {}), ...q });
    $('#room-text').value = '';
    $('#room-name').value = '';
    renderQueue();
  } catch (e) {
    $('#room-error').textContent = errorText(e);
  }
});

// ---- materials ----

let uploading = null;  // the AbortController of the upload under way

// The raw file as the body (not multipart), named in ?filename=, with its own Content-Type
// (phones often send none: the server then goes by the extension).
$('#upload-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const input = $('#upload-file');
  const file = input.files[0];
  const error = $('#upload-error');
  const status = $('#upload-status');
  const progress = $('#upload-progress');
  error.textContent = '';
  status.textContent = '';
  if (!file) {
    error.textContent = t('materials.choose');
    input.focus();
    return;
  }
  if (!state.sessionId || uploading) return;
  const publish = $('#upload-publish').checked;
  const sessionId = state.sessionId;
  const query = `filename=${encodeURIComponent(file.name)}${publish ? '' : '&published=false'}`;
  uploading = new AbortController();
  $('#upload-submit').disabled = true;
  show($('#upload-cancel'), true);
  progress.max = Math.max(1, file.size);
  progress.value = 0;
  show(progress, true);
  const onProgress = (done, total) => {
    progress.max = Math.max(1, total);
    progress.value = done;
    status.textContent = t('materials.uploading', {
      name: file.name, done: fmtSize(done), total: fmtSize(total), percent: `${Math.floor((100 * done) / Math.max(1, total))} %`,
    });
  };
  try {
    const m = await api.upload(`/sessions/${sessionId}/materials?${query}`, file, file.type || 'application/octet-stream',
      { onProgress, signal: uploading.signal });
    if (state.sessionId === sessionId) setMaterial(m);
    input.value = '';
    status.textContent = t(m.published ? 'materials.uploaded' : 'materials.uploaded_draft', { name: m.filename });
    renderMaterials();
  } catch (e) {
    status.textContent = '';
    error.textContent = e.code === 'body_too_large'
      ? t('materials.too_large', { name: file.name, size: fmtSize(file.size) })
      : t('materials.failed', { name: file.name, reason: errorText(e) });
  } finally {
    uploading = null;
    show(progress, false);
    show($('#upload-cancel'), false);
    $('#upload-submit').disabled = false;
  }
});
$('#upload-cancel').addEventListener('click', () => {
  if (uploading) uploading.abort();
});

async function setPublished(m, published) {
  $('#materials-error').textContent = '';
  try {
    const res = await api.patch(`/materials/${m.id}`, { published });
    setMaterial(res);
    renderMaterials();
  } catch (e) {
    $('#materials-error').textContent = errorText(e);
  }
}

async function deleteMaterial(m) {
  if (!window.confirm(t('materials.delete_confirm', { name: m.filename }))) return;
  $('#materials-error').textContent = '';
  try {
    await api.del(`/materials/${m.id}`);
    state.materials.delete(m.id);
    renderMaterials();
  } catch (e) {
    $('#materials-error').textContent = errorText(e);
    if (e.code === 'material_not_found') reloadMaterialsSoon();
  }
}

// ---- projector ----

$('#projector-open').addEventListener('click', () => {
  const box = $('#projector');
  show(box, true);
  renderProjector();
  if (box.requestFullscreen) box.requestFullscreen().catch(() => { /* the overlay still fills the window */ });
  $('#projector-close').focus();
});
$('#projector-close').addEventListener('click', closeProjector);
document.addEventListener('fullscreenchange', () => {
  if (!document.fullscreenElement && !$('#projector').hidden) closeProjector();
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === 'Escape' && !$('#projector').hidden) closeProjector();
});

function closeProjector() {
  const box = $('#projector');
  if (box.hidden) return;
  show(box, false);
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  $('#projector-open').focus();
}

// ---- rendering ----

function tz() {
  return eventZone(state.event);
}

function renderAll() {
  if (!state.event) return;
  $('#event-title').textContent = state.event.title;
  renderSession();
  renderCounts();
  renderQueue();
  renderMaterials();
}

function renderSession() {
  const select = $('#session-select');
  fill(select, sortedSessions(state.sessions).map((s) => el('option', { value: String(s.id), selected: s.id === state.sessionId },
    `${fmtTime(s.planned_start, tz())} · ${s.title}${isMine(s) ? ` ${t('session.mine')}` : ''}`)));
  const s = state.sessions.get(state.sessionId);
  if (!s) {
    $('#session-title').textContent = t('session.none');
    $('#session-info').textContent = '';
    for (const b of ['#start', '#end', '#projector-open', '#moderated']) $(b).disabled = true;
    return;
  }
  const status = sessionStatus(s);
  $('#session-title').textContent = s.title;
  const info = [s.speaker_name || ''];
  if (status === 'planned') info.push(t('session.planned', { range: fmtRange(s.planned_start, s.planned_end, tz()) }));
  if (status === 'live') info.push(t('session.live', { time: fmtTimeZone(s.actual_start, tz()) }));
  if (status === 'ended') info.push(t('session.ended', { time: fmtTimeZone(s.actual_end, tz()) }));
  fill($('#session-info'), el('span', { class: `badge ${status === 'live' ? 'live' : ''}` }, t(`status.${status}`)), ' ',
    info.filter(Boolean).join(' · '));
  $('#start').disabled = status !== 'planned';
  $('#end').disabled = status !== 'live';
  $('#projector-open').disabled = false;
  $('#moderated').disabled = false;
  $('#moderated').checked = state.moderated;
  renderProjector();
}

function renderCounts() {
  $('#counts').textContent = t('counts', { onsite: fmtNumber(state.present.onsite), online: fmtNumber(state.present.online) });
  $('#proj-onsite').textContent = fmtNumber(state.present.onsite);
  $('#proj-online').textContent = fmtNumber(state.present.online);
}

function renderQueue() {
  const all = [...state.questions.values()].filter((q) => q.text !== undefined);
  const groups = {
    pending: all.filter((q) => q.status === 'pending').sort(askedOrder),
    open: all.filter((q) => q.status === 'pinned' || q.status === 'approved').sort(questionOrder),
    answered: all.filter((q) => q.status === 'answered').sort(questionOrder),
    hidden: all.filter((q) => q.status === 'hidden').sort(questionOrder),
  };
  const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('[data-qid]');
  const focus = focused ? { id: focused.dataset.qid, action: document.activeElement.dataset.action } : null;
  for (const [name, list] of Object.entries(groups)) {
    $(`#${name}-title`).textContent = t(`queue.${name}`, { n: list.length });
    const box = $(`#${name}`);
    reconcile(box, list, (q) => q.id, (q) => JSON.stringify([lang(), q.status, q.votes, q.text, q.anonymous,
      q.author && q.author.name, q.from_room]), queueItem);
    if (!list.length) box.appendChild(el('li', { class: 'muted empty' }, t('queue.empty')));
  }
  if (focus) {
    const item = document.querySelector(`[data-qid="${CSS.escape(focus.id)}"]`);
    const target = item && (item.querySelector(`[data-action="${focus.action}"]`) || item.querySelector('button'));
    if (target) target.focus();
  }
  renderProjector();
}

function author(q) {
  if (q.anonymous) return t('q.anonymous');
  if (q.author && q.author.name) return q.author.name;
  if (q.from_room) return t('q.room');
  return t('q.anonymous');
}

const ACTIONS = {
  pending: [['approved', 'q.approve', 'primary'], ['hidden', 'q.hide', '']],
  approved: [['pinned', 'q.pin', 'primary'], ['answered', 'q.answer', ''], ['hidden', 'q.hide', '']],
  pinned: [['answered', 'q.answer', 'primary'], ['approved', 'q.unpin', ''], ['hidden', 'q.hide', '']],
  answered: [['approved', 'q.reopen', ''], ['hidden', 'q.hide', '']],
  hidden: [['approved', 'q.show', '']],
};

function queueItem(q) {
  const textId = `qt-${q.id}`;
  return el('li', { class: `question ${q.status}`, dataset: { qid: String(q.id), status: q.status } },
    el('div', { class: 'votes-box', 'aria-label': t('q.votes', { n: q.votes || 0 }) },
      el('span', { class: 'votes' }, String(q.votes || 0)), el('span', { class: 'arrow', 'aria-hidden': 'true' }, '▲')),
    el('div', { class: 'body' },
      el('p', { class: 'text', id: textId }, q.text),
      el('p', { class: 'meta' },
        el('span', null, author(q)),
        q.created_at ? el('span', null, `· ${fmtTime(q.created_at, tz())}`) : null,
        q.status === 'pinned' ? el('span', { class: 'badge pinned' }, t('q.pinned')) : null),
      el('div', { class: 'actions' }, (ACTIONS[q.status] || []).map(([to, label, cls]) => el('button', {
        type: 'button',
        class: `small ${cls}`,
        dataset: { action: to },
        'aria-describedby': textId,
        onclick: () => moderate(q, to),
      }, t(label))))));
}

function renderMaterials() {
  show($('#materials-box'), !!state.sessionId);
  const items = [...state.materials.values()].sort((a, b) => a.id - b.id);
  fill($('#materials'), items.length ? items.map(materialItem) : el('li', { class: 'muted' }, t('materials.none')));
}

function materialItem(m) {
  const nameId = `mat-${m.id}`;
  const draft = m.published === false;
  return el('li', { dataset: { mid: String(m.id), published: String(!draft) } },
    el('span', { class: 'grow' },
      el('strong', { id: nameId, class: 'filename' }, m.filename), ' ',
      el('span', { class: 'muted' }, `(${[fileKind(m.content_type), fmtSize(m.size)].filter(Boolean).join(', ')})`), ' ',
      el('span', { class: draft ? 'badge pending' : 'badge ok' }, t(draft ? 'materials.draft' : 'materials.published'))),
    el('span', { class: 'actions' },
      m.url && viewable(m.content_type)
        ? el('a', { class: 'button small', href: `${m.url}&inline=1`, target: '_blank', rel: 'noopener', 'aria-describedby': nameId }, t('materials.view'))
        : null,
      m.url ? el('a', { class: 'button small', href: m.url, download: m.filename, 'aria-describedby': nameId }, t('materials.download')) : null,
      el('button', {
        type: 'button', class: `small ${draft ? 'primary' : ''}`, dataset: { action: draft ? 'publish' : 'unpublish' },
        'aria-describedby': nameId, onclick: () => setPublished(m, draft),
      }, t(draft ? 'materials.publish' : 'materials.unpublish')),
      el('button', {
        type: 'button', class: 'small danger', dataset: { action: 'delete' }, 'aria-describedby': nameId,
        onclick: () => deleteMaterial(m),
      }, t('materials.delete'))));
}

function renderProjector() {
  const s = state.sessions.get(state.sessionId);
  $('#proj-event').textContent = state.event ? state.event.title : '';
  $('#proj-session').textContent = s ? s.title : '';
  const pinned = [...state.questions.values()].find((q) => q.status === 'pinned' && q.text !== undefined);
  const quote = $('#proj-question');
  quote.textContent = pinned ? pinned.text : t('projector.nothing');
  quote.classList.toggle('empty', !pinned);
  $('#proj-author').textContent = pinned ? `— ${author(pinned)}` : '';
  $('#proj-join').textContent = t('projector.join', { url: location.host });
}

onLangChange(renderAll);

applyStatic();
wireLangButton($('#lang'));
staff.start();
