// Calendar dates. Days are civil dates "YYYY-MM-DD" (no zone: what a column of the week view or
// an all-day event is); instants are ISO 8601 strings; between the two stands the wall clock of
// the user's time zone (i18n.js currentTimeZone). Formatting is Intl in the user's language;
// days are formatted in UTC so that the zone cannot shift them.

import {
  currentLanguage, currentLocale, currentTimeZone, wallTimeToIso, isoToWallTime,
} from '../i18n.js';

export const MINUTES_PER_DAY = 1440;
const DAY_MS = 86400000;
const pad = (n) => String(n).padStart(2, '0');

/** "YYYY-MM-DD" of a UTC midnight in milliseconds. */
function keyOfUtc(ms) {
  const d = new Date(ms);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The UTC midnight (milliseconds) of a day key. */
export function utcOf(key) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(key || ''));
  if (!m) return NaN;
  return Date.UTC(+m[1], +m[2] - 1, +m[3]);
}

export function isDayKey(key) { return /^\d{4}-\d{2}-\d{2}$/.test(String(key || '')) && !Number.isNaN(utcOf(key)); }
export function addDays(key, n) { return keyOfUtc(utcOf(key) + n * DAY_MS); }
export function daysBetween(a, b) { return Math.round((utcOf(b) - utcOf(a)) / DAY_MS); }
/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(key) { return new Date(utcOf(key)).getUTCDay(); }
export function dayOfMonth(key) { return new Date(utcOf(key)).getUTCDate(); }
export function monthOf(key) { return String(key).slice(0, 7); }

/** The same day {@code n} months later (the last of the month when it has no such day). */
export function addMonths(key, n) {
  const d = new Date(utcOf(key));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return keyOfUtc(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

export function firstOfMonth(key) { return `${String(key).slice(0, 7)}-01`; }

/** The first day of the week, 0 = Sunday … 6: the locale's (Intl weekInfo), else Monday but in the US. */
export function weekStart() {
  const lang = currentLanguage();
  const tags = [];
  // the browser's region when it speaks the language we show (en-US: Sunday, en-GB: Monday)
  for (const l of navigator.languages || [navigator.language]) {
    if (l && String(l).toLowerCase().startsWith(`${lang}-`)) { tags.push(String(l)); break; }
  }
  tags.push(currentLocale());
  for (const tag of tags) {
    try {
      const loc = new Intl.Locale(tag);
      const info = typeof loc.getWeekInfo === 'function' ? loc.getWeekInfo() : loc.weekInfo;
      if (info && info.firstDay) return info.firstDay % 7;
    } catch { /* no weekInfo in this browser */ }
  }
  return tags[0].toLowerCase() === 'en-us' ? 0 : 1;
}

export function startOfWeek(key, first = weekStart()) {
  return addDays(key, -((dayOfWeek(key) - first + 7) % 7));
}

/** Today in the user's time zone. */
export function todayKey(tz = currentTimeZone()) {
  return isoToWallTime(new Date().toISOString(), tz).slice(0, 10);
}

/** The instant a wall-clock minute of a day begins, e.g. (2026-12-07, 540) → 09:00 there. */
export function instantAt(key, minutes, tz = currentTimeZone()) {
  const day = addDays(key, Math.floor(minutes / MINUTES_PER_DAY));
  const m = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return wallTimeToIso(`${day}T${pad(Math.floor(m / 60))}:${pad(m % 60)}`, tz);
}

/** An instant as {day, minutes} on the wall clock of the zone. */
export function wallOf(iso, tz = currentTimeZone()) {
  const w = isoToWallTime(iso, tz);
  if (!w) return null;
  return { day: w.slice(0, 10), minutes: Number(w.slice(11, 13)) * 60 + Number(w.slice(14, 16)) };
}

export function ms(iso) {
  if (isDayKey(iso)) return utcOf(iso);
  const v = Date.parse(iso);
  return Number.isNaN(v) ? NaN : v;
}

/**
 * The days an instance covers on the user's calendar: {first, last} (day keys, inclusive). All-day
 * events have dates with an exclusive end; a timed event that ends at midnight ends the day before.
 */
export function spanOf(ev, tz = currentTimeZone()) {
  if (ev.allDay) {
    const first = String(ev.start).slice(0, 10);
    const endKey = ev.end ? String(ev.end).slice(0, 10) : addDays(first, 1);
    const last = daysBetween(first, endKey) >= 1 ? addDays(endKey, -1) : first;
    return { first, last };
  }
  const s = wallOf(ev.start, tz);
  const e = wallOf(ev.end || ev.start, tz) || s;
  if (!s) return null;
  let last = e.day;
  if (e.minutes === 0 && daysBetween(s.day, e.day) >= 1) last = addDays(e.day, -1);
  if (daysBetween(s.day, last) < 0) last = s.day;
  return { first: s.day, last };
}

/** Shown in the all-day row: all-day events, and timed ones of 24 hours or more. */
export function isLong(ev) {
  if (ev.allDay) return true;
  return ms(ev.end) - ms(ev.start) >= DAY_MS;
}

// ---- formatting ------------------------------------------------------------------------------

const formatters = new Map();
function fmt(kind, options, zone) {
  const key = `${currentLocale()}|${zone}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(currentLocale(), { ...options, timeZone: zone });
    formatters.set(key, f);
  }
  return f;
}

const DAY_FORMATS = {
  weekday: { weekday: 'short' },
  weekdayLong: { weekday: 'long' },
  dayHead: { weekday: 'short', day: 'numeric' },
  short: { day: 'numeric', month: 'short' },
  medium: { weekday: 'short', day: 'numeric', month: 'short' },
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  full: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
  dayMonth: { day: 'numeric', month: 'long' },
  monthYear: { month: 'long', year: 'numeric' },
  monthShort: { month: 'short' },
  day: { day: 'numeric' },
};

/** A day key formatted: kind one of DAY_FORMATS. */
export function formatDay(key, kind = 'medium') {
  const v = utcOf(key);
  if (Number.isNaN(v)) return '';
  return fmt(`d-${kind}`, DAY_FORMATS[kind] || DAY_FORMATS.medium, 'UTC').format(new Date(v));
}

/** "7–13 December 2026", "30 Nov – 6 Dec 2026": a range of days. */
export function formatDayRange(a, b) {
  if (a === b) return formatDay(a, 'long');
  const f = fmt('d-range', { day: 'numeric', month: 'short', year: 'numeric' }, 'UTC');
  if (typeof f.formatRange === 'function') return f.formatRange(new Date(utcOf(a)), new Date(utcOf(b)));
  return `${f.format(new Date(utcOf(a)))} – ${f.format(new Date(utcOf(b)))}`;
}

/** An instant's time of day in the user's zone (or {@code tz}), e.g. "09:30" or "9:30 AM". */
export function formatTime(iso, tz = currentTimeZone()) {
  const v = ms(iso);
  if (Number.isNaN(v)) return '';
  return fmt('t', { hour: 'numeric', minute: '2-digit' }, tz).format(new Date(v));
}

/** A wall-clock hour label for the grid, e.g. "09:00" or "9 AM". */
export function formatHour(h) {
  const f = fmt('h', { hour: 'numeric', minute: '2-digit' }, 'UTC');
  const parts = f.formatToParts(new Date(Date.UTC(2000, 0, 1, h, 0)));
  const has12 = parts.some((p) => p.type === 'dayPeriod');
  if (!has12) return f.format(new Date(Date.UTC(2000, 0, 1, h, 0)));
  return fmt('h12', { hour: 'numeric' }, 'UTC').format(new Date(Date.UTC(2000, 0, 1, h, 0)));
}

/** Minutes of a day as "09:30" / "9:30 AM". */
export function formatMinutes(m) {
  return fmt('m', { hour: 'numeric', minute: '2-digit' }, 'UTC').format(new Date(Date.UTC(2000, 0, 1, 0, m)));
}

/** An instant with its date: "Mon 7 Dec 2026, 09:30". */
export function formatDateTime(iso, tz = currentTimeZone()) {
  const v = ms(iso);
  if (Number.isNaN(v)) return '';
  return fmt('dt', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' }, tz)
    .format(new Date(v));
}

/**
 * When an event takes place, in words: "Mon 7 Dec 2026, 09:00 – 10:00", "Mon 7 – Wed 9 Dec 2026"
 * (all day), "Mon 7 Dec 2026, 22:00 – Tue 8 Dec, 02:00".
 */
export function formatWhen(ev, tz = currentTimeZone()) {
  if (!ev || !ev.start) return '';
  if (ev.allDay) {
    const span = spanOf(ev, tz);
    return span.first === span.last ? formatDay(span.first, 'full') : formatDayRange(span.first, span.last);
  }
  const s = wallOf(ev.start, tz);
  const e = wallOf(ev.end || ev.start, tz);
  if (!s || !e) return '';
  const sameDay = s.day === e.day || (e.minutes === 0 && daysBetween(s.day, e.day) === 1);
  if (sameDay) return `${formatDay(s.day, 'full')}, ${formatTime(ev.start, tz)} – ${formatTime(ev.end, tz)}`;
  return `${formatDateTime(ev.start, tz)} – ${formatDateTime(ev.end, tz)}`;
}

/** A duration of minutes in words, in the user's language: "30 min", "1 hr 30 min", "2 days", "1 week". */
export function formatDuration(minutes, display = 'short') {
  const unit = (v, u) => new Intl.NumberFormat(currentLocale(), { style: 'unit', unit: u, unitDisplay: display }).format(v);
  if (minutes > 0 && minutes % 10080 === 0) return unit(minutes / 10080, 'week');
  if (minutes > 0 && minutes % 1440 === 0) return unit(minutes / 1440, 'day');
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h && m) return `${unit(h, 'hour')} ${unit(m, 'minute')}`;
  if (h) return unit(h, 'hour');
  return unit(m, 'minute');
}
