// The recurrence part of the event form (#event-recurrence-box): none, daily, weekly on chosen
// weekdays (#event-byday-MO … SU, in the locale's week order), monthly on a day of the month,
// yearly on the start's date; every N (#event-interval); ending never, after N occurrences
// (#event-count) or on a date (#event-until). The rule is the API's recurrence object.

import { el, $ } from '../dom.js';
import { t, tn } from '../i18n.js';
import { addDays, dayOfWeek, dayOfMonth, daysBetween, formatDay, weekStart, isDayKey } from './dates.js';

export const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const FREQS = ['none', 'daily', 'weekly', 'monthly', 'yearly'];
let startDay = null;
// the rule as loaded, sent back as it is while the user changes nothing of it: a rule this editor
// cannot show (the second Tuesday of the month, BYMONTH, …) is not rewritten by opening the form
let original = null;
let touched = false;
let hooks = { onChange: () => {} };

export function initRecurrence(options) {
  hooks = { ...hooks, ...options };
  buildWeekdays();
  for (const type of ['input', 'change']) $('event-recurrence-box').addEventListener(type, () => { touched = true; });
  $('event-recurrence').addEventListener('change', () => {
    if ($('event-recurrence').value === 'weekly' && !checkedDays().length && startDay) setDays([WEEKDAYS[dayOfWeek(startDay)]]);
    update();
    hooks.onChange();
  });
  for (const id of ['event-interval', 'event-count', 'event-until', 'event-monthday']) {
    $(id).addEventListener('input', () => { clearError(); if (id === 'event-interval') updateUnit(); hooks.onChange(); });
  }
  $('event-count').addEventListener('focus', () => { $('event-end-count').checked = true; update(); });
  $('event-until').addEventListener('focus', () => { $('event-end-until').checked = true; update(); });
  for (const r of document.querySelectorAll('input[name="event-end"]')) r.addEventListener('change', () => { clearError(); update(); hooks.onChange(); });
  $('event-byday').addEventListener('change', () => { clearError(); hooks.onChange(); });
  window.addEventListener('languagechange-app', () => { const days = checkedDays(); buildWeekdays(); setDays(days); update(); });
}

/** The weekday checkboxes in the order of the user's week, named by Intl in their language. */
function buildWeekdays() {
  const first = weekStart();
  const base = '2026-11-29'; // a Sunday
  const box = $('event-byday');
  box.replaceChildren(...Array.from({ length: 7 }, (_, k) => {
    const wd = (first + k) % 7;
    const day = addDays(base, wd);
    const id = `event-byday-${WEEKDAYS[wd]}`;
    return el('label', { className: 'day-check', attrs: { for: id, title: formatDay(day, 'weekdayLong') } },
      el('input', { attrs: { type: 'checkbox', id, value: WEEKDAYS[wd], 'aria-label': formatDay(day, 'weekdayLong') } }),
      el('span', { text: formatDay(day, 'weekday'), attrs: { 'aria-hidden': 'true' } }));
  }));
}

function checkedDays() {
  return [...$('event-byday').querySelectorAll('input:checked')].map((i) => i.value);
}

function setDays(days) {
  for (const i of $('event-byday').querySelectorAll('input')) i.checked = days.includes(i.value);
}

/** Fills the editor from {@code rec} (or none), for an event starting on {@code day}. */
export function setRecurrence(rec, day) {
  startDay = day;
  original = rec && rec.freq ? rec : null;
  touched = false;
  clearError();
  const freq = rec && FREQS.includes(rec.freq) ? rec.freq : 'none';
  $('event-recurrence').value = freq;
  $('event-interval').value = String(rec && rec.interval > 0 ? rec.interval : 1);
  setDays(rec && Array.isArray(rec.byDay) && rec.byDay.length ? rec.byDay.map((d) => String(d).slice(-2)) : [WEEKDAYS[dayOfWeek(day)]]);
  $('event-monthday').value = String(rec && rec.byMonthDay ? rec.byMonthDay : dayOfMonth(day));
  $('event-count').value = String(rec && rec.count ? rec.count : 10);
  $('event-until').value = rec && rec.until ? String(rec.until).slice(0, 10) : addDays(day, 90);
  const end = rec && rec.count ? 'count' : (rec && rec.until ? 'until' : 'never');
  $(`event-end-${end}`).checked = true;
  update();
}

/** The start moved: the weekly day, the day of the month and the yearly date follow it. */
export function startChanged(day) {
  const before = startDay;
  startDay = day;
  if (before && isDayKey(day) && day !== before) {
    const days = checkedDays();
    if (days.length === 1 && days[0] === WEEKDAYS[dayOfWeek(before)]) setDays([WEEKDAYS[dayOfWeek(day)]]);
    if (Number($('event-monthday').value) === dayOfMonth(before)) $('event-monthday').value = String(dayOfMonth(day));
    // the rule follows the new start: what the form shows is what is saved
    touched = true;
  }
  update();
}

export function setRecurrenceDisabled(disabled) {
  for (const c of $('event-recurrence-box').querySelectorAll('input, select')) c.disabled = disabled;
}

function update() {
  const freq = $('event-recurrence').value;
  const on = freq !== 'none';
  $('event-rec-every').hidden = !on;
  $('event-byday').hidden = freq !== 'weekly';
  $('event-monthday-row').hidden = freq !== 'monthly';
  $('event-yearly-hint').hidden = freq !== 'yearly';
  $('event-rec-end').hidden = !on;
  if (freq === 'yearly' && startDay) $('event-yearly-hint').textContent = t('cal.rec.yearlyOn', { date: formatDay(startDay, 'dayMonth') });
  $('event-count').disabled = !$('event-end-count').checked || $('event-recurrence').disabled;
  $('event-until').disabled = !$('event-end-until').checked || $('event-recurrence').disabled;
  updateUnit();
}

function updateUnit() {
  const freq = $('event-recurrence').value;
  if (freq === 'none') return;
  $('event-interval-label').textContent = t(`cal.rec.every.${freq}`);
  const n = Math.max(1, Number($('event-interval').value) || 1);
  $('event-interval-unit').textContent = tn(`cal.rec.unit.${freq}`, n);
}

function clearError() {
  const p = $('event-rec-error');
  p.textContent = '';
  p.hidden = true;
  for (const c of $('event-recurrence-box').querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
}

function fail(control, key) {
  const p = $('event-rec-error');
  p.textContent = t(key);
  p.hidden = false;
  if (control) { control.setAttribute('aria-invalid', 'true'); control.focus(); }
  return { error: true };
}

/**
 * The rule as the API takes it, null for none, or {error: true} after showing what is wrong.
 * {@code day}: the first day of the event.
 */
export function recurrenceValue(day) {
  clearError();
  if (original && !touched) return original;
  const freq = $('event-recurrence').value;
  if (freq === 'none') return null;
  const interval = Number($('event-interval').value);
  if (!Number.isInteger(interval) || interval < 1 || interval > 999) return fail($('event-interval'), 'cal.rec.badInterval');
  const rec = { freq, interval };
  if (freq === 'weekly') {
    const days = checkedDays();
    if (!days.length) return fail($('event-byday').querySelector('input'), 'cal.rec.noDays');
    rec.byDay = WEEKDAYS.filter((d) => days.includes(d));
  }
  if (freq === 'monthly') {
    const md = Number($('event-monthday').value);
    if (!Number.isInteger(md) || md < 1 || md > 31) return fail($('event-monthday'), 'cal.rec.badMonthDay');
    rec.byMonthDay = md;
  }
  if ($('event-end-count').checked) {
    const count = Number($('event-count').value);
    if (!Number.isInteger(count) || count < 1 || count > 999) return fail($('event-count'), 'cal.rec.badCount');
    rec.count = count;
  } else if ($('event-end-until').checked) {
    const until = $('event-until').value;
    if (!isDayKey(until) || daysBetween(day, until) < 0) return fail($('event-until'), 'cal.rec.badUntil');
    rec.until = until;
  }
  return rec;
}
