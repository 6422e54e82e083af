// A participant as the dashboard's tabs show one: live status, completion, and the search that
// finds people by name, region or access code.
import { el } from '../dom.js';
import { t } from '../i18n.js';
import { fmtTime, fmtMinutes } from '../format.js';
import { state, tz } from './model.js';

// An access code as printed on the invitations.
export const CODE_RE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

// Lower case without accents, for searching.
export function normalize(s) {
  return (s || '').toLocaleLowerCase('id').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

// Whether "p" matches the normalized query "q" (name or region contains it; or its access code).
export function matches(p, q) {
  if (!q) return true;
  const code = q.replace(/[\s-]/g, '').toUpperCase();
  return normalize(p.name).includes(q) || normalize(p.region).includes(q) || (p.access_code && p.access_code === code);
}

export function statusText(p) {
  if (p.checked_in_now) {
    return el('span', { class: 'status-dot status-onsite' }, `● ${t('roster.status_onsite')}`,
      p.checked_in_at ? el('span', { class: 'muted' }, ` ${t('roster.since', { time: fmtTime(p.checked_in_at, tz()) })}`) : null);
  }
  if (p.present_now) return el('span', { class: 'status-dot status-online' }, `● ${t('roster.status_online')}`);
  return el('span', { class: 'status-dot status-absent' }, `○ ${t('roster.status_absent')}`);
}

export function completionText(p) {
  const c = state.completionOf.get(p.id);
  if (!c) return '';
  const revoked = c.certificate && c.certificate.revoked;
  return el('span', { dataset: { status: c.status } },
    el('span', { class: c.status === 'completed' ? 'badge ok' : c.status === 'not_completed' ? 'badge pending' : 'badge' },
      t(`completion.${c.status}`)),
    el('span', { class: 'muted' }, ` ${fmtMinutes(c.total_minutes)}`),
    revoked ? el('span', { class: 'muted' }, ` · ${t('completion.revoked')}`) : null);
}

// The label of the check-in (or check-out) button for "p".
export function checkLabel(p) {
  return t(p.checked_in_now ? 'checkin.out' : 'checkin.in');
}
