// The coordinators' page (/dashboard): signing in, choosing the event, the live stream, and the
// tabs. Each tab is a module of its own (live_tab.js, roster_tab.js, setup_tab.js); the data they
// share and the one place that changes it is model.js; the strings are in strings.js. Adding a
// tab: docs/DEVELOPERS.md, "The web pages".
//
// A tab module's default export:
//   name         'live': its button is #tab-live, its panel #panel-live (made when the page has
//                none)
//   init(ctx, panel)        once, at start: wire the panel, subscribe with ctx.on(topics, fn)
//   load(ctx, {first})      optional, async: part of loading the event's state (first: the
//                           first load for this event, not a reconnect)
//   shown(ctx)              optional: the tab was selected
//   opened(ctx)             optional: another event was chosen
// ctx: {api, state, on, changed, tz, agenda, selectTab(name, focus), openEvent(id)}
import { el, fill, $, $$, show } from '../dom.js';
import { LiveStream } from '../stream.js';
import { applyStatic, wireLangButton, onLangChange, errorText } from '../i18n.js';
import { fmtDate, fmtRange } from '../format.js';
import { connectionBanner } from '../connection.js';
import { staffAuth } from '../staff.js';
import './strings.js';
import * as model from './model.js';
import liveTab from './live_tab.js';
import rosterTab from './roster_tab.js';
import setupTab, { startNewEvent } from './setup_tab.js';

const TABS = [liveTab, rosterTab, setupTab];

const { state } = model;
const conn = connectionBanner($('#conn'));
let stream = null;

const staff = staffAuth({
  roles: ['coordinator'],
  onSignedIn: () => begin(),
  onSignedOut: () => {
    if (stream) stream.stop();
    stream = null;
    model.stop();
  },
});
model.useApi(staff.api);

const ctx = {
  api: staff.api,
  state,
  on: model.on,
  changed: model.changed,
  tz: model.tz,
  agenda: model.agenda,
  selectTab,
  openEvent,
};

// ---- events and the stream ----

async function begin() {
  show($('#loading'), true);
  try {
    state.events = (await staff.api.get('/events')).events;
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
  model.chooseEvent(id);
  for (const tab of TABS) if (tab.opened) tab.opened(ctx);
  try { localStorage.setItem('bimtek.dashboard.event', String(id)); } catch (_) { /* ignore */ }
  renderEventChoice();
  model.changed('feed');
  if (stream) stream.stop();
  stream = new LiveStream({
    token: staff.token,
    eventId: id,
    load,
    onUpdate: model.applyUpdate,
    onState: conn.set,
    onUnauthorized: () => staff.signOut(true),
  });
  stream.start();
}

// The stream's load(): the model's state, then each tab's part.
async function load() {
  if (!(await model.load())) return;
  model.changed('all');
  const first = state.formsFor !== state.eventId;
  state.formsFor = state.eventId;
  for (const tab of TABS) if (tab.load) await tab.load(ctx, { first });
}

// Minutes per session grow while people stay.
setInterval(() => {
  if (stream && stream.state === 'live') model.refreshSoon();
}, 60000);

function renderHead() {
  if (!state.event) return;
  show($('#loading'), false);
  const zone = model.tz();
  $('#event-title').textContent = state.event.title;
  $('#event-when').textContent = `${fmtDate(state.event.starts_at, zone)} · ${fmtRange(state.event.starts_at, state.event.ends_at, zone)}${state.event.venue ? ` · ${state.event.venue}` : ''}`;
  renderEventChoice();
}

$('#event-select').addEventListener('change', (ev) => openEvent(Number(ev.target.value)));

// ---- tabs ----

function tabButton(tab) {
  return $(`#tab-${tab.name}`);
}

// The tab's panel: the page's #panel-NAME, or an empty one made for it.
function panelOf(tab) {
  let panel = $(`#panel-${tab.name}`);
  if (!panel) {
    panel = el('section', { id: `panel-${tab.name}`, role: 'tabpanel', 'aria-labelledby': `tab-${tab.name}`, hidden: true });
    $$('#app-view > [role=tabpanel]').pop().after(panel);
  }
  return panel;
}

function selectTab(name, focus) {
  for (const tab of TABS) {
    const button = tabButton(tab);
    const on = tab.name === name;
    button.setAttribute('aria-selected', on ? 'true' : 'false');
    button.tabIndex = on ? 0 : -1;
    show($(`#panel-${tab.name}`), on);
    if (on && focus) button.focus();
  }
  const tab = TABS.find((x) => x.name === name);
  if (tab && tab.shown) tab.shown(ctx);
}

for (const tab of TABS) {
  tabButton(tab).addEventListener('click', () => selectTab(tab.name, false));
  tab.init(ctx, panelOf(tab));
}

$('.tabs').addEventListener('keydown', (ev) => {
  const current = TABS.findIndex((x) => tabButton(x).getAttribute('aria-selected') === 'true');
  let next = null;
  if (ev.key === 'ArrowRight') next = (current + 1) % TABS.length;
  if (ev.key === 'ArrowLeft') next = (current + TABS.length - 1) % TABS.length;
  if (ev.key === 'Home') next = 0;
  if (ev.key === 'End') next = TABS.length - 1;
  if (next !== null) {
    ev.preventDefault();
    selectTab(TABS[next].name, true);
  }
});

model.on(['all', 'event'], renderHead);
onLangChange(() => model.changed('all'));

applyStatic();
wireLangButton($('#lang'));
staff.start();
