// Translations (i18n/<lang>.json, flat "key": "text" catalogs with {name} placeholders) and the
// locale-aware formatting of dates and sizes. Changing the language re-labels the static page
// (data-i18n*, below) and fires "languagechange" on window so the views re-render their parts.

export const LANGUAGES = ['en', 'nl', 'de', 'fr', 'pl'];
const STORAGE_KEY = 'zcp.webaccess.language';

let language = 'en';
let catalog = {};
let fallback = {};
let timeZone;
const loaded = new Map();

async function load(lang) {
  if (loaded.has(lang)) return loaded.get(lang);
  const res = await fetch(`i18n/${lang}.json`, { credentials: 'same-origin' });
  if (!res.ok) throw new Error(`catalog ${lang}: ${res.status}`);
  const data = await res.json();
  loaded.set(lang, data);
  return data;
}

/** The language kept from the last visit, else the browser's if we have it, else English. */
export function preferredLanguage() {
  let stored = null;
  try { stored = localStorage.getItem(STORAGE_KEY); } catch { /* storage disabled */ }
  if (LANGUAGES.includes(stored)) return stored;
  for (const l of navigator.languages || [navigator.language || 'en']) {
    const short = String(l).slice(0, 2).toLowerCase();
    if (LANGUAGES.includes(short)) return short;
  }
  return 'en';
}

export function currentLanguage() { return language; }

/** Loads the catalog of {@code lang}, relabels the page and tells the views. */
export async function setLanguage(lang, { remember = true } = {}) {
  if (!LANGUAGES.includes(lang)) lang = 'en';
  fallback = await load('en');
  try {
    catalog = await load(lang);
  } catch {
    catalog = fallback;
    lang = 'en';
  }
  language = lang;
  if (remember) {
    try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* storage disabled */ }
  }
  document.documentElement.lang = lang;
  applyTranslations(document);
  window.dispatchEvent(new CustomEvent('languagechange-app', { detail: { language: lang } }));
}

/**
 * The time zone dates are shown in (the session's from logon, then the user's setting); invalid
 * names are ignored. With {@code notify}, the views are told (languagechange-app) when it changed.
 */
export function setTimeZone(tz, { notify = false } = {}) {
  const before = timeZone;
  timeZone = undefined;
  if (tz) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      timeZone = tz;
    } catch { /* unknown zone: the browser's own */ }
  }
  if (notify && timeZone !== before) {
    window.dispatchEvent(new CustomEvent('languagechange-app', { detail: { language, timeZone } }));
  }
}

/** The browser's own time zone (IANA name), or undefined when it does not say. */
export function browserTimeZone() {
  try { return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined; } catch { return undefined; }
}

/** The time zone dates are shown in: the one set, else the browser's. */
export function currentTimeZone() {
  return timeZone || browserTimeZone() || 'UTC';
}

/** The IANA time zones the browser knows, or null when it cannot list them. */
export function timeZones() {
  try {
    return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : null;
  } catch { return null; }
}

const wallFormatters = new Map();
function wallParts(ms, tz) {
  let f = wallFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    wallFormatters.set(tz, f);
  }
  const p = {};
  for (const { type, value } of f.formatToParts(new Date(ms))) p[type] = Number(value);
  return p;
}

/** The offset of {@code tz} from UTC at the instant {@code ms}, in milliseconds. */
function zoneOffset(ms, tz) {
  const p = wallParts(ms, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * A wall-clock time "YYYY-MM-DDTHH:MM" (an <input type=datetime-local>) in the time zone
 * {@code tz} as an ISO 8601 instant in UTC, or null when empty or not a time. A time skipped by
 * a daylight saving change counts as the one an hour later.
 */
export function wallTimeToIso(value, tz = currentTimeZone()) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(String(value || ''));
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
  if (Number.isNaN(wall)) return null;
  let ms = wall - zoneOffset(wall, tz);
  const again = wall - zoneOffset(ms, tz);
  if (again !== ms) ms = Math.max(ms, again);
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** An ISO 8601 instant as the wall-clock time "YYYY-MM-DDTHH:MM" in {@code tz}, or '' for none. */
export function isoToWallTime(iso, tz = currentTimeZone()) {
  if (!iso) return '';
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return '';
  const p = wallParts(ms, tz);
  const two = (n) => String(n).padStart(2, '0');
  return `${String(p.year).padStart(4, '0')}-${two(p.month)}-${two(p.day)}T${two(p.hour % 24)}:${two(p.minute)}`;
}

/** "UTC+01:00" for {@code tz} now (the offset changes with daylight saving time). */
export function zoneOffsetLabel(tz, at = Date.now()) {
  const minutes = Math.round(zoneOffset(at, tz) / 60000);
  const sign = minutes < 0 ? '−' : '+';
  const a = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** The text for {@code key} with {name} replaced from {@code vars}; the key itself if missing. */
export function t(key, vars) {
  let text = catalog[key] ?? fallback[key] ?? key;
  if (vars) text = text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
  return text;
}

/** Plural form: {@code key.one}, {@code key.few}, {@code key.many} or {@code key.other}, {n} filled. */
export function tn(key, n, vars = {}) {
  const rule = new Intl.PluralRules(language).select(n);
  const k = (`${key}.${rule}` in catalog || `${key}.${rule}` in fallback) ? `${key}.${rule}` : `${key}.other`;
  return t(k, { n: formatNumber(n), ...vars });
}

/** Re-labels elements under {@code root}: data-i18n (text), -aria, -title, -placeholder. */
export function applyTranslations(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria));
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
}

function locale() {
  return { en: 'en-GB', nl: 'nl-NL', de: 'de-DE', fr: 'fr-FR', pl: 'pl-PL' }[language] || 'en-GB';
}

/** The BCP 47 locale dates and numbers are formatted in ("en-GB" for English, ...). */
export function currentLocale() { return locale(); }

const formatters = new Map();
function fmt(kind, options) {
  const key = `${language}|${timeZone}|${kind}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(), timeZone ? { ...options, timeZone } : options);
    formatters.set(key, f);
  }
  return f;
}

function dayKey(date) {
  return fmt('day', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** List date: the time for today, day and month within this year, else the full short date. */
export function formatListDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const now = new Date();
  if (dayKey(d) === dayKey(now)) return fmt('time', { hour: '2-digit', minute: '2-digit' }).format(d);
  const yearOf = (x) => fmt('year', { year: 'numeric' }).format(x);
  if (yearOf(d) === yearOf(now) && now - d < 300 * 86400000) {
    return fmt('dm', { day: 'numeric', month: 'short' }).format(d);
  }
  return fmt('date', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** Reader date: weekday, full date and time. */
export function formatLongDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return fmt('long', { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit' }).format(d);
}

/** Hours and minutes, e.g. for "saved at 14:02". */
export function formatTime(date = new Date()) {
  return fmt('time', { hour: '2-digit', minute: '2-digit' }).format(date);
}

export function formatNumber(n) {
  return new Intl.NumberFormat(locale()).format(n);
}

/** 1234567 → "1.2 MB" in the user's locale. */
export function formatSize(bytes) {
  const n = Number(bytes) || 0;
  const nf = (v, digits) => new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(v);
  if (n < 1024) return t('size.bytes', { n: nf(n, 0) });
  if (n < 1024 * 1024) return t('size.kb', { n: nf(n / 1024, n < 10240 ? 1 : 0) });
  if (n < 1024 * 1024 * 1024) return t('size.mb', { n: nf(n / 1048576, 1) });
  return t('size.gb', { n: nf(n / 1073741824, 1) });
}
