// The speakers' page (/present): choose one's session, start and end it, moderate the live Q&A
// (approve, pin, answer, hide), enter questions from the room, and a full-screen projector view
// with the pinned question and how many are present on site and online.
import { el, fill, $, show, reconcile } from './dom.js';
import { ApiError } from './api.js';
import { LiveStream } from './stream.js';
import { t, addStrings, applyStatic, wireLangButton, onLangChange, errorText, lang } from './i18n.js';
import { fmtTime, fmtRange, fmtNumber, fmtSize, zoneLabel } from './format.js';
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
  'materials.file': 'Unggah materi (PDF, presentasi, gambar)',
  'materials.upload': 'Unggah',
  'materials.none': 'Belum ada materi.',
  'materials.choose': 'Pilih berkas terlebih dahulu.',
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
  'materials.file': 'Upload material (PDF, slides, pictures)',
  'materials.upload': 'Upload',
  'materials.none': 'No materials yet.',
  'materials.choose': 'Choose a file first.',
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
  materials: new Map(),
  materialsSupported: true,
  present: { onsite: 0, online: 0 },
};
let stream = null;

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
    onState: setConn,
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
  const ev = await api.get(`/events/${state.eventId}`);
  state.event = ev;
  state.sessions = new Map(ev.sessions.map((s) => [s.id, s]));
  state.present = { onsite: ev.present.onsite, online: ev.present.online };
  const chosen = state.sessions.has(state.sessionId) ? state.sessionId : defaultSession();
  await loadSession(chosen);
  show($('#loading'), false);
  renderAll();
}

function sessionStatus(s) {
  if (s.actual_end) return 'ended';
  if (s.actual_start) return 'live';
  return 'planned';
}

function sorted() {
  return [...state.sessions.values()].sort((a, b) => Date.parse(a.planned_start) - Date.parse(b.planned_start) || a.id - b.id);
}

function isMine(s) {
  return state.user && s.speaker_id === state.user.id;
}

// The one saved on this device, else one's own live session, else one's next, else any live one.
function defaultSession() {
  const saved = Number(localStorage.getItem('bimtek.present.session'));
  if (state.sessions.has(saved)) return saved;
  const list = sorted();
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
  const jobs = [api.get(`/sessions/${id}/questions`).then((res) => {
    if (state.sessionId !== id) return;
    state.moderated = !!res.moderated;
    for (const q of res.questions) state.questions.set(q.id, q);
  }, (e) => {
    if (!(e instanceof ApiError && e.missingRoute)) throw e;
  })];
  if (state.materialsSupported) {
    jobs.push(api.get(`/sessions/${id}/materials`).then((res) => {
      if (state.sessionId !== id) return;
      for (const m of res.materials) state.materials.set(m.id, m);
    }, (e) => {
      if (e instanceof ApiError && e.missingRoute) state.materialsSupported = false;
    }));
  }
  await Promise.all(jobs);
}

function onUpdate(u) {
  const d = u.data || {};
  switch (u.kind) {
    case 'checkin':
    case 'checkout':
    case 'presence.join':
    case 'presence.leave':
      if (d.counts) {
        state.present = { onsite: d.counts.onsite_present, online: d.counts.online_present };
        renderCounts();
      }
      break;
    case 'session.started':
    case 'session.ended':
    case 'session.updated':
      if (d.session) {
        const old = state.sessions.get(d.session.id) || {};
        state.sessions.set(d.session.id, { ...old, ...d.session });
        if (d.session.id === state.sessionId && typeof d.session.moderated === 'boolean') state.moderated = d.session.moderated;
        renderSession();
      }
      break;
    case 'question.created':
    case 'question.updated': {
      const q = d.question;
      if (!q || q.session_id !== state.sessionId) break;
      const old = state.questions.get(q.id);
      state.questions.set(q.id, { ...(old || {}), ...q });
      if (q.status === 'pinned') {
        for (const other of state.questions.values()) if (other.id !== q.id && other.status === 'pinned') other.status = 'approved';
      }
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
        state.materials.set(d.material.id, { ...(state.materials.get(d.material.id) || {}), ...d.material, published: true });
        renderMaterials();
      }
      break;
    case 'material.unpublished':
      if (d.material && state.materials.has(d.material.id)) {
        state.materials.get(d.material.id).published = false;
        renderMaterials();
      }
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
    if (status === 'pinned') {
      for (const other of state.questions.values()) if (other.status === 'pinned') other.status = 'approved';
    }
    state.questions.set(res.id, { ...(state.questions.get(res.id) || {}), ...res });
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

$('#upload-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const file = $('#upload-file').files[0];
  if (!file) {
    $('#upload-error').textContent = t('materials.choose');
    return;
  }
  $('#upload-error').textContent = '';
  try {
    const m = await api.send('POST', `/sessions/${state.sessionId}/materials?filename=${encodeURIComponent(file.name)}`,
      file, file.type || 'application/octet-stream');
    state.materials.set(m.id, m);
    $('#upload-file').value = '';
    renderMaterials();
  } catch (e) {
    $('#upload-error').textContent = errorText(e);
  }
});

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
  return state.event ? state.event.timezone : 'Asia/Jakarta';
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
  fill(select, sorted().map((s) => el('option', { value: String(s.id), selected: s.id === state.sessionId },
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
  if (status === 'live') info.push(t('session.live', { time: `${fmtTime(s.actual_start, tz())} ${zoneLabel(tz())}` }));
  if (status === 'ended') info.push(t('session.ended', { time: `${fmtTime(s.actual_end, tz())} ${zoneLabel(tz())}` }));
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

function order(a, b) {
  if ((b.votes || 0) !== (a.votes || 0)) return (b.votes || 0) - (a.votes || 0);
  return (Date.parse(a.created_at) || 0) - (Date.parse(b.created_at) || 0) || a.id - b.id;
}

function renderQueue() {
  const all = [...state.questions.values()].filter((q) => q.text !== undefined);
  const groups = {
    pending: all.filter((q) => q.status === 'pending').sort((a, b) => (Date.parse(a.created_at) || 0) - (Date.parse(b.created_at) || 0)),
    open: all.filter((q) => q.status === 'pinned' || q.status === 'approved')
      .sort((a, b) => (b.status === 'pinned') - (a.status === 'pinned') || order(a, b)),
    answered: all.filter((q) => q.status === 'answered').sort(order),
    hidden: all.filter((q) => q.status === 'hidden').sort(order),
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
  show($('#materials-box'), state.materialsSupported && !!state.sessionId);
  const items = [...state.materials.values()].filter((m) => m.published !== false).sort((a, b) => a.id - b.id);
  fill($('#materials'), items.length ? items.map((m) => el('li', null, el('strong', null, m.filename), ' ',
    el('span', { class: 'muted' }, `(${fmtSize(m.size)})`))) : el('li', { class: 'muted' }, t('materials.none')));
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

onLangChange(() => {
  renderAll();
  if (stream && stream.state === 'reconnecting') $('#conn').textContent = t('conn.reconnecting');
});

applyStatic();
wireLangButton($('#lang'));
staff.start();
