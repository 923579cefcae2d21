// The date navigator above the calendar list (#cal-mini): a small month, the days in view
// marked, today ringed; a day goes to it. Keyboard: arrows by day and week, Page Up/Down by
// month, Home/End for the week, Enter.

import { el, $ } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';
import {
  addDays, addMonths, daysBetween, firstOfMonth, monthOf, startOfWeek, formatDay, todayKey,
} from './dates.js';

let shownMonth = null;      // "YYYY-MM-01"
let focusDay = null;
let range = { first: null, last: null };
let hooks = { onPick: () => {} };

export function initMini(options) {
  hooks = { ...hooks, ...options };
  const root = $('cal-mini');
  root.addEventListener('click', (e) => {
    const nav = e.target.closest('[data-step]');
    if (nav) { shownMonth = addMonths(shownMonth, Number(nav.dataset.step)); render(); return; }
    const day = e.target.closest('[data-day]');
    if (day) { focusDay = day.dataset.day; hooks.onPick(focusDay); }
  });
  root.addEventListener('keydown', (e) => {
    const day = e.target.closest('[data-day]');
    if (!day) return;
    const steps = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    let next = null;
    if (e.key in steps) next = addDays(day.dataset.day, steps[e.key]);
    else if (e.key === 'PageUp') next = addMonths(day.dataset.day, -1);
    else if (e.key === 'PageDown') next = addMonths(day.dataset.day, 1);
    else if (e.key === 'Home') next = startOfWeek(day.dataset.day);
    else if (e.key === 'End') next = addDays(startOfWeek(day.dataset.day), 6);
    if (!next) return;
    e.preventDefault();
    focusDay = next;
    shownMonth = firstOfMonth(next);
    render();
    root.querySelector(`[data-day="${next}"]`)?.focus();
  });
}

/** Shows the month of {@code anchor} with {@code first}..{@code last} marked. */
export function updateMini(anchor, first, last) {
  range = { first, last };
  focusDay = anchor;
  shownMonth = firstOfMonth(anchor);
  render();
}

function render() {
  const root = $('cal-mini');
  if (!root || !shownMonth) return;
  const hadFocus = root.contains(document.activeElement) ? document.activeElement.dataset.day || document.activeElement.dataset.step : null;
  const today = todayKey();
  const first = startOfWeek(shownMonth);
  const month = monthOf(shownMonth);
  const weeks = Math.ceil((daysBetween(first, addMonths(shownMonth, 1))) / 7);
  if (!focusDay || monthOf(focusDay) !== month) focusDay = monthOf(today) === month ? today : shownMonth;
  const titleId = 'cal-mini-title';
  const head = el('div', { className: 'mini-head' },
    el('button', { className: 'icon-btn mini-nav', attrs: { type: 'button', 'aria-label': t('cal.prevMonth'), title: t('cal.prevMonth') }, dataset: { step: -1 } }, icon('back')),
    el('h2', { className: 'mini-title', text: formatDay(shownMonth, 'monthYear'), attrs: { id: titleId, 'aria-live': 'polite' } }),
    el('button', { className: 'icon-btn mini-nav', attrs: { type: 'button', 'aria-label': t('cal.nextMonth'), title: t('cal.nextMonth') }, dataset: { step: 1 } }, icon('chevron')));
  const wd = el('tr', {}, ...Array.from({ length: 7 }, (_, k) => {
    const d = addDays(first, k);
    return el('th', { attrs: { scope: 'col', abbr: formatDay(d, 'weekdayLong') }, text: formatDay(d, 'weekday').slice(0, 2) });
  }));
  const rows = [];
  for (let w = 0; w < weeks; w++) {
    const cells = [];
    for (let k = 0; k < 7; k++) {
      const d = addDays(first, w * 7 + k);
      const inRange = range.first && daysBetween(range.first, d) >= 0 && daysBetween(d, range.last) >= 0;
      const b = el('button', {
        className: `mini-day${monthOf(d) !== month ? ' is-other' : ''}${d === today ? ' is-today' : ''}${inRange ? ' in-range' : ''}`,
        text: formatDay(d, 'day'),
        attrs: { type: 'button', tabindex: d === focusDay ? '0' : '-1', 'aria-label': formatDay(d, 'long') },
        dataset: { day: d },
      });
      if (d === today) b.setAttribute('aria-current', 'date');
      cells.push(el('td', {}, b));
    }
    rows.push(el('tr', {}, ...cells));
  }
  const table = el('table', { className: 'mini-grid', attrs: { 'aria-labelledby': titleId } }, el('thead', {}, wd), el('tbody', {}, ...rows));
  root.replaceChildren(head, table);
  if (hadFocus) root.querySelector(`[data-step="${hadFocus}"], [data-day="${hadFocus}"]`)?.focus();
}
