// The "Peserta" tab: the roster with its live status and completion, search and filters (mode,
// category, region, presence), check-in and check-out per person, the CSV import with the
// per-line errors, and adding one participant.
import { el, fill, $, show } from '../dom.js';
import { t, errorText } from '../i18n.js';
import { fmtNumber } from '../format.js';
import { state, on, sortedPeople, check, refreshSoon, addPerson } from './model.js';
import { normalize, matches, statusText, completionText, checkLabel } from './people.js';
import { clearFieldErrors, showFieldErrors, fieldName, problemText, option } from './forms.js';

export const CATEGORIES = ['kpm_pkh_graduasi', 'koordinator_pkh', 'koordinator_tksk', 'pendamping', 'lainnya'];
const ROSTER_PAGE = 200;
let rosterLimit = ROSTER_PAGE;

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

function renderRoster() {
  const q = normalize($('#f-search').value.trim());
  const mode = $('#f-mode').value;
  const cat = $('#f-category').value;
  const region = $('#f-region').value;
  const presence = $('#f-presence').value;
  const all = sortedPeople();
  const rows = all.filter((p) => (!mode || p.mode === mode) && (!cat || p.category === cat) && (!region || p.region === region)
    && (!presence || (presence === 'present') === !!p.present_now) && matches(p, q));
  const shown = rows.slice(0, rosterLimit);
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
      'aria-label': `${checkLabel(p)}: ${p.name}`,
      onclick: () => check(p.checked_in_now ? 'checkouts' : 'checkins', { participant_id: p.id }),
    }, checkLabel(p))))));
  $('#roster-summary').textContent = t('roster.summary', { shown: fmtNumber(rows.length), total: fmtNumber(all.length) });
  show($('#roster-more'), rows.length > shown.length);
}

async function importRoster(api, ev) {
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
}

async function addParticipant(api, ev) {
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
    addPerson(p);
    refreshSoon();
  } catch (e) {
    showFieldErrors(form, e, '#add-error');
  }
}

export default {
  name: 'roster',
  init(ctx) {
    for (const id of ['#f-search', '#f-mode', '#f-category', '#f-region', '#f-presence']) {
      $(id).addEventListener('input', () => {
        rosterLimit = ROSTER_PAGE;
        renderRoster();
      });
    }
    $('#roster-more').addEventListener('click', () => {
      rosterLimit += ROSTER_PAGE;
      renderRoster();
    });
    $('#import-form').addEventListener('submit', (ev) => importRoster(ctx.api, ev));
    $('#add-form').addEventListener('submit', (ev) => addParticipant(ctx.api, ev));
    on(['all', 'people', 'completion'], () => {
      renderFilters();
      renderRoster();
    });
  },
};
