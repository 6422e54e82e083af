// The "Persiapan acara" tab: the event's details and targets (or a new event), its agenda with
// speakers (editing and deleting sessions, creating speaker accounts), and the completion rules.
import { el, fill, $, $$, show } from '../dom.js';
import { t, errorText } from '../i18n.js';
import { fmtTime, fmtRange, toLocalInput, zoneLabel } from '../format.js';
import { sessionStatus } from '../agenda.js';
import { state, on, changed, tz, agenda, setEvent, reloadCompletion } from './model.js';
import { clearFieldErrors, showFieldErrors, option } from './forms.js';

const ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'];

let api = null;
let ctx = null;
let editing = null;      // the id of the session in the session form, null for a new one
let rules = null;        // the rules as loaded or saved
let rulesDirty = false;  // session boxes ticked and not saved yet

// ---- the event ----

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

// The form for a new event (there is none yet, or "Buat acara baru").
export function startNewEvent() {
  state.creatingEvent = true;
  state.formsFor = null;
  ctx.selectTab('setup', false);
  show($('#app-view'), true);
  fillEventForm(null);
  $('#event-form-result').textContent = t('setup.creating');
  $('#ev-title').focus();
}

async function saveEvent(ev) {
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
      ctx.openEvent(created.id);
    } else {
      const updated = await api.patch(`/events/${state.eventId}`, body);
      state.event = { ...state.event, ...updated };
      const i = state.events.findIndex((e) => e.id === updated.id);
      if (i >= 0) state.events[i] = updated;
      changed('all');
      $('#event-form-result').textContent = t('setup.saved');
    }
  } catch (e) {
    showFieldErrors(form, e, '#event-form-error');
  }
}

// ---- the agenda ----

function renderAgenda() {
  const list = agenda();
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
}

// The agenda is not on the stream except for starts and ends: opening the tab reloads it, so
// what another coordinator (or the API) added shows before anyone edits the rules.
let agendaLoading = null;
function refreshAgenda() {
  if (!state.eventId || agendaLoading) return agendaLoading;
  const id = state.eventId;
  agendaLoading = api.get(`/events/${id}`).then((ev) => {
    if (id !== state.eventId) return;
    setEvent(ev);
    changed('sessions');
  }).catch(() => { /* kept as it was */ }).finally(() => { agendaLoading = null; });
  return agendaLoading;
}

function renderSpeakerOptions(selected) {
  const speakers = state.staff.filter((u) => u.event_role === 'speaker' || u.role === 'speaker');
  fill($('#s-speaker'), option('', t('agenda.no_account'), selected ? String(selected) : ''),
    speakers.map((u) => option(String(u.id), `${u.display_name || u.username} (${u.username})`, selected ? String(selected) : '')));
}

function renderSessionFormHead() {
  const s = editing && state.sessions.get(editing);
  $('#session-form-title').textContent = t(s ? 'agenda.edit' : 'agenda.add');
  $('#session-save').textContent = t(s ? 'agenda.save_edit' : 'agenda.save_new');
}

function editSession(id) {
  editing = id;
  const s = id ? state.sessions.get(id) : null;
  renderSessionFormHead();
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

async function saveSession(ev) {
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
  else if (editing) body.speaker_id = null;
  if (speakerName) body.speaker_name = speakerName;
  try {
    const s = editing
      ? await api.patch(`/sessions/${editing}`, body)
      : await api.post(`/events/${state.eventId}/sessions`, body);
    state.sessions.set(s.id, s);
    editSession(null);
    changed('sessions');
  } catch (e) {
    showFieldErrors(form, e, '#session-form-error');
  }
}

async function deleteSession(s) {
  if (!window.confirm(t('agenda.delete_confirm', { title: s.title }))) return;
  $('#session-form-error').textContent = '';
  try {
    await api.del(`/sessions/${s.id}`);
    state.sessions.delete(s.id);
    changed('sessions');
  } catch (e) {
    $('#session-form-error').textContent = errorText(e);
  }
}

// ---- speaker accounts ----

function generatePassword() {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  let out = '';
  bytes.forEach((b, i) => {
    if (i === 4 || i === 8) out += '-';
    out += alphabet[b % alphabet.length];
  });
  $('#sp-password').value = out;
}

async function createSpeaker(ev) {
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
}

// ---- completion rules ----

async function loadRules() {
  const id = state.eventId;
  try {
    const r = await api.get(`/events/${id}/completion-rules`);
    if (id !== state.eventId) return;
    fillRules(r);
  } catch (e) {
    $('#rules-error').textContent = errorText(e);
  }
}

function fillRules(r) {
  rules = r;
  rulesDirty = false;
  const required = new Set(r.required_sessions);
  for (const s of state.sessions.values()) s.required = required.has(s.id);
  $('#rules-share').value = String(Math.round(r.min_share * 1000) / 10);
  $('#rules-open').checked = !!r.open_checkin_counts_to_end;
  fill($('#rules-sessions'));
  renderRuleSessions();
}

// One checkbox per session; what is ticked and not saved yet stays ticked when the agenda changes.
function renderRuleSessions() {
  if (!rules) return;
  const box = $('#rules-sessions');
  const ticked = rulesDirty ? new Map($$('input', box).map((i) => [Number(i.value), i.checked])) : new Map();
  const list = agenda();
  // A session's "required" flag is what the rules' required_sessions list.
  fill(box, list.length ? list.map((s) => el('div', { class: 'check' },
    el('input', {
      type: 'checkbox', id: `rules-s-${s.id}`, value: String(s.id),
      checked: ticked.has(s.id) ? ticked.get(s.id) : s.required !== false,
    }),
    el('label', { htmlFor: `rules-s-${s.id}` }, `${fmtTime(s.planned_start, tz())} · ${s.title}`))) : el('p', { class: 'muted' }, t('agenda.empty')));
}

async function saveRules(ev) {
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
    await reloadCompletion();
  } catch (e) {
    showFieldErrors(form, e, '#rules-error');
  }
}

export default {
  name: 'setup',
  init(c) {
    ctx = c;
    api = c.api;
    $('#event-new').addEventListener('click', startNewEvent);
    $('#event-form').addEventListener('submit', saveEvent);
    $('#session-form').addEventListener('submit', saveSession);
    $('#session-cancel').addEventListener('click', () => editSession(null));
    $('#s-speaker').addEventListener('change', () => {
      const user = state.staff.find((u) => String(u.id) === $('#s-speaker').value);
      if (user && !$('#s-speaker-name').value) $('#s-speaker-name').value = user.display_name || user.username;
    });
    $('#sp-generate').addEventListener('click', generatePassword);
    $('#speaker-form').addEventListener('submit', createSpeaker);
    $('#rules-sessions').addEventListener('change', () => { rulesDirty = true; });
    $('#rules-form').addEventListener('submit', saveRules);
    on('all', () => {
      renderAgenda();
      renderSessionFormHead();
    });
    on('sessions', renderAgenda);
  },
  // The forms are filled once per event, not again on a reconnect (they may hold typing).
  async load(c, { first }) {
    if (first) {
      if (!state.creatingEvent) fillEventForm(state.event);
      editSession(null);
      await loadRules();
    } else {
      renderSpeakerOptions($('#s-speaker').value ? Number($('#s-speaker').value) : null);
      renderRuleSessions();
    }
  },
  shown() {
    refreshAgenda();
  },
  // Another event is chosen.
  opened() {
    editing = null;
  },
};
