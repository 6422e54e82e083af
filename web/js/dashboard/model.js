// The dashboard's data for the chosen event and the one place that changes it: loaded with the
// stream's (re)connection, then kept up to date by its updates. Tabs read `state`, call the
// functions below to change it, and render when told what changed:
//   on(topics, fn)    fn(arg) after changed() named one of "topics" (a string or an array); once
//                     per changed() call however many of its topics match
//   topics: 'all'      loaded, or the language changed: render everything
//           'event'    the event's details (title, targets, ...)
//           'sessions' the agenda (a session started, ended, was added or edited)
//           'counts'   present counts, registered counts, the completion summary
//           'people'   the roster rows (presence, check-ins, new people)
//           'completion' each person's completion
//           'feed'     a new feed entry (arg: the entry)
//           'checked'  a check-in or check-out made on this page (arg: {result} or {error})
//           'update'   every stream update, after the rest (arg: the update)
import { countsOf } from '../stream.js';
import { eventZone } from '../format.js';
import { sortedSessions, mergeSession } from '../agenda.js';

const FEED_LENGTH = 100;

export const state = {
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
  feed: [],                 // newest first
  creatingEvent: false,     // the setup tab holds a new event's form
  formsFor: null,           // the event whose state the tabs loaded first (not a reconnect)
};

let api = null;
const listeners = [];

// The API the model loads through (staffAuth's, bound to the coordinator's token).
export function useApi(a) {
  api = a;
}

export function on(topics, fn) {
  listeners.push({ topics: new Set([].concat(topics)), fn });
}

export function changed(...topics) {
  const arg = topics.length && typeof topics[topics.length - 1] === 'object' ? topics.pop() : undefined;
  for (const l of listeners) if (topics.some((topic) => l.topics.has(topic))) l.fn(arg);
}

// The zone the event's times are shown in.
export function tz() {
  return eventZone(state.event);
}

export function agenda() {
  return sortedSessions(state.sessions);
}

export function sortedPeople() {
  return [...state.people.values()].sort((a, b) => a.name.localeCompare(b.name, 'id'));
}

// A new event is chosen: nothing of the old one stays.
export function chooseEvent(id) {
  state.eventId = id;
  state.creatingEvent = false;
  state.feed = [];
  clearTimeout(refreshTimer);
  refreshTimer = null;
}

// Signed out: no more loading.
export function stop() {
  clearTimeout(refreshTimer);
  refreshTimer = null;
  state.eventId = null;
}

// Loads the chosen event's state (the stream's load()); false when another event was chosen
// meanwhile.
export async function load() {
  const id = state.eventId;
  const [ev, attendance, roster, staffList] = await Promise.all([
    api.get(`/events/${id}`),
    api.get(`/events/${id}/attendance`),
    api.get(`/events/${id}/participants`),
    api.get(`/events/${id}/staff`).catch(() => ({ staff: [] })),
  ]);
  if (id !== state.eventId) return false;
  setEvent(ev);
  state.present = { ...ev.present };
  state.registered = { ...ev.participants };
  state.staff = staffList.staff || [];
  mergeAttendance(attendance, roster.participants);
  await loadCompletion();
  return id === state.eventId;
}

// The event's details and agenda as GET /events/{id} gives them.
export function setEvent(ev) {
  state.event = ev;
  state.sessions = new Map(ev.sessions.map((s) => [s.id, s]));
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
export function refreshSoon() {
  if (refreshTimer) return;
  const wait = Math.max(1500, 5000 - (Date.now() - lastRefresh));
  refreshTimer = setTimeout(refreshAttendance, wait);
}

async function refreshAttendance() {
  refreshTimer = null;
  lastRefresh = Date.now();
  if (!state.eventId) return;
  const id = state.eventId;
  try {
    const [attendance, roster] = await Promise.all([api.get(`/events/${id}/attendance`), api.get(`/events/${id}/participants`)]);
    if (id !== state.eventId) return;
    mergeAttendance(attendance, roster.participants);
    await loadCompletion();
    changed('counts', 'people', 'completion');
  } catch (_) { /* the next one will do */ }
}

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

// The completion report again (the rules changed).
export async function reloadCompletion() {
  await loadCompletion();
  changed('counts', 'completion');
}

// One stream update, in order.
export function applyUpdate(u) {
  const d = u.data || {};
  const counts = countsOf(d);
  if (counts) {
    state.present = counts;
    changed('counts');
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
      else changed('people');
      break;
    }
    case 'session.started':
    case 'session.ended':
    case 'session.updated':
      if (d.session) {
        mergeSession(state.sessions, d.session);
        if (u.kind !== 'session.updated') addFeed(u, u.kind === 'session.started' ? 'feed.started' : 'feed.ended', { title: d.session.title });
        changed('sessions');
        refreshSoon();
      }
      break;
    case 'completion.changed':
      // The new counts at once; the per-person statuses with the next refresh.
      if (state.completion) {
        Object.assign(state.completion.summary, {
          completed: d.completed, in_progress: d.in_progress, not_completed: d.not_completed, completion_rate: d.rate,
        });
        changed('counts');
      }
      refreshSoon();
      break;
    default:
      break;
  }
  if (who) changed('people');
  changed('update', u);
}

function addFeed(u, key, vars) {
  if (state.feed.some((f) => f.seq === u.seq)) return;
  const entry = { seq: u.seq, at: u.at, key, vars, kind: u.kind };
  state.feed.unshift(entry);
  state.feed.length = Math.min(state.feed.length, FEED_LENGTH);
  changed('feed', entry);
}

// Checks a participant in or out ("checkins" | "checkouts", {participant_id} or {code}); the
// answer (or the error) goes to the 'checked' listeners.
export async function check(kind, body) {
  let r;
  try {
    r = await api.post(`/events/${state.eventId}/${kind}`, body);
  } catch (error) {
    changed('checked', { error });
    return;
  }
  const p = r.participant && state.people.get(r.participant.id);
  if (p && (r.status === 'checked_in' || r.status === 'already_checked_in')) {
    p.checked_in_now = true;
    p.present_now = true;
    p.checked_in_at = r.checked_in_at;
  } else if (p && r.status === 'checked_out') {
    p.checked_in_now = false;
    p.present_now = !!p.online_now;
  }
  changed('checked', { result: r });
  changed('people');
}

// A participant added on this page (before the stream or a refresh brings it).
export function addPerson(p) {
  state.people.set(p.id, { ...p, sessions: [], present_now: false, checked_in_now: false });
  changed('people');
}
