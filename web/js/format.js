// Times shown in the event's time zone (the API gives UTC), numbers and sizes in the page's
// language.
import { locale, lang } from './i18n.js';

const cache = new Map();
function formatter(tz, options) {
  const key = `${locale()}|${tz}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale(), { ...options, timeZone: tz || DEFAULT_ZONE });
    } catch (_) {
      f = new Intl.DateTimeFormat(locale(), options);
    }
    cache.set(key, f);
  }
  return f;
}

const ZONES = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
export const DEFAULT_ZONE = 'Asia/Jakarta';

// The time zone an event's times are shown in: its own, WIB until it is known.
export function eventZone(event) {
  return event && event.timezone ? event.timezone : DEFAULT_ZONE;
}

// "WIB" for Asia/Jakarta; the zone's name otherwise.
export function zoneLabel(tz) {
  return ZONES[tz] || tz || '';
}

export function fmtTime(iso, tz) {
  if (!iso) return '';
  return formatter(tz, { hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

// "09:00 WIB"
export function fmtTimeZone(iso, tz) {
  if (!iso) return '';
  return `${fmtTime(iso, tz)} ${zoneLabel(tz)}`.trim();
}

export function fmtDate(iso, tz) {
  if (!iso) return '';
  return formatter(tz, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

export function fmtDateTime(iso, tz) {
  if (!iso) return '';
  return `${formatter(tz, { day: 'numeric', month: 'short' }).format(new Date(iso))} ${fmtTime(iso, tz)}`;
}

// "09:00–10:30 WIB"
export function fmtRange(a, b, tz) {
  return `${fmtTime(a, tz)}–${fmtTime(b, tz)} ${zoneLabel(tz)}`.trim();
}

export function fmtNumber(n) {
  return new Intl.NumberFormat(locale()).format(n || 0);
}

export function fmtPercent(x) {
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(x || 0);
}

export function fmtSize(bytes) {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes || 0;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${new Intl.NumberFormat(locale(), { maximumFractionDigits: i ? 1 : 0 }).format(v)} ${units[i]}`;
}

// The wall-clock "YYYY-MM-DDTHH:MM" of an instant in zone "tz", for <input type=datetime-local>
// (the API reads such a time back in the event's zone).
export function toLocalInput(iso, tz) {
  if (!iso) return '';
  const parts = {};
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: tz || DEFAULT_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  for (const p of f.formatToParts(new Date(iso))) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

// Minutes as "1 j 25 m" / "1 h 25 min".
export function fmtMinutes(m) {
  const total = Math.floor(m || 0);
  const h = Math.floor(total / 60);
  const r = total % 60;
  if (lang() === 'en') return h ? `${h} h ${r} min` : `${r} min`;
  return h ? `${h} jam ${r} menit` : `${r} menit`;
}

// The kind of a material's file, in a word people know ("PDF", "PowerPoint", "PNG").
export function fileKind(contentType) {
  const type = contentType || '';
  if (type === 'application/pdf') return 'PDF';
  if (type.startsWith('image/')) return type.slice(6).toUpperCase();
  if (type === 'video/mp4') return 'MP4';
  if (type.includes('presentationml')) return 'PowerPoint';
  if (type.includes('wordprocessingml')) return 'Word';
  if (type.includes('spreadsheetml')) return 'Excel';
  return '';
}

// PDFs and pictures open in the browser (the download link with ?inline=1).
export function viewable(contentType) {
  return contentType === 'application/pdf' || (contentType || '').startsWith('image/');
}
