// The "Langsung" tab: the counts against the targets, attendance per session, manual check-in
// from a search, the live feed, and the exports (attendance lists, badges, certificates).
import { el, fill, $, show, saveBlob } from '../dom.js';
import { t, errorText } from '../i18n.js';
import { fmtTime, fmtRange, fmtNumber, fmtPercent } from '../format.js';
import { sessionStatus } from '../agenda.js';
import { state, on, tz, agenda, check } from './model.js';
import { CODE_RE, normalize, matches, statusText, checkLabel } from './people.js';
import { option } from './forms.js';

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
  fill($('#sessions-body'), agenda().map((s) => {
    let onsite = 0;
    let online = 0;
    const status = sessionStatus(s);
    for (const p of people) {
      const m = (p.sessions || []).find((x) => x.session_id === s.id);
      if ((m && m.minutes > 0) || (status === 'live' && p.present_now)) {
        if (p.mode === 'onsite') onsite += 1;
        else online += 1;
      }
    }
    return el('tr', { dataset: { sid: String(s.id) } },
      el('td', null, el('strong', null, s.title), el('br'), el('span', { class: 'muted' }, fmtRange(s.planned_start, s.planned_end, tz()))),
      el('td', null, el('span', { class: `badge ${status === 'live' ? 'live' : ''}` }, t(`status.${status}`))),
      el('td', { class: 'num', 'data-label': t('sessions.onsite') }, fmtNumber(onsite)),
      el('td', { class: 'num', 'data-label': t('sessions.online') }, fmtNumber(online)),
      el('td', { class: 'num', 'data-label': t('sessions.total') }, fmtNumber(onsite + online)));
  }));
}

// ---- the feed ----

function feedItem(f) {
  return el('li', { dataset: { kind: f.kind } }, el('time', { datetime: f.at }, fmtTime(f.at, tz())), t(f.key, f.vars));
}

function renderFeed() {
  fill($('#feed'), state.feed.map(feedItem));
  show($('#feed-empty'), state.feed.length === 0);
}

// Only the new line enters the live region.
function addFeedItem(entry) {
  const list = $('#feed');
  list.prepend(feedItem(entry));
  while (list.children.length > state.feed.length) list.lastElementChild.remove();
  show($('#feed-empty'), false);
}

// ---- check-in ----

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
      'aria-label': `${checkLabel(p)}: ${p.name}`,
    }, checkLabel(p))));
  const code = raw.replace(/[\s-]/g, '').toUpperCase();
  if (!found.length && CODE_RE.test(code)) {
    items.push(el('li', null, el('button', { type: 'button', class: 'small primary', onclick: () => doCheck('checkins', { code }) },
      t('checkin.by_code', { code }))));
  }
  fill(list, items.length ? items : el('li', { class: 'muted' }, t('checkin.none')));
}

function doCheck(kind, body) {
  $('#checkin-error').textContent = '';
  $('#checkin-result').textContent = '';
  return check(kind, body);
}

// The answer to a check-in or check-out from this page (here or on the roster).
function showChecked({ result: r, error }) {
  if (error) {
    $('#checkin-error').textContent = errorText(error);
    return;
  }
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
}

// ---- exports ----

// The files need the bearer token, so a plain link will not do: fetch, then save the blob under
// the name the server gives (daftar-hadir-acara-1.csv, kartu-peserta-acara-1.pdf, ...).
async function downloadFile(api, button, path, fallbackName) {
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

function renderExportChoice() {
  const select = $('#export-session');
  const keep = select.value;
  fill(select, option('', t('export.all'), keep),
    agenda().map((s) => option(String(s.id), `${fmtTime(s.planned_start, tz())} · ${s.title}`, keep)));
}

export default {
  name: 'live',
  init(ctx) {
    const { api } = ctx;
    $('#checkin-search').addEventListener('input', renderSearch);
    const exports = [
      ['#export-csv', () => attendancePath('csv'), () => `daftar-hadir-acara-${state.eventId}.csv`],
      ['#export-xlsx', () => attendancePath('xlsx'), () => `daftar-hadir-acara-${state.eventId}.xlsx`],
      ['#export-badges', () => `/events/${state.eventId}/badges.pdf`, () => `kartu-peserta-acara-${state.eventId}.pdf`],
      ['#export-certificates', () => `/events/${state.eventId}/certificates.pdf`, () => `sertifikat-acara-${state.eventId}.pdf`],
    ];
    for (const [id, path, name] of exports) {
      $(id).addEventListener('click', (ev) => downloadFile(api, ev.currentTarget, path(), name()));
    }
    on('all', () => {
      renderCounts();
      renderSessions();
      renderFeed();
      renderSearch();
      renderExportChoice();
    });
    on('counts', renderCounts);
    on(['people', 'sessions'], () => {
      renderSessions();
      renderSearch();
    });
    on('sessions', renderExportChoice);
    on('feed', (entry) => (entry ? addFeedItem(entry) : renderFeed()));
    on('checked', showChecked);
  },
};
