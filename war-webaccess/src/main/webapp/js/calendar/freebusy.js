// The free/busy grid of the event form (#event-freebusy): the organizer and the attendees, one
// row each, over one day of the form's time zone (GET api/freebusy), busy, tentative and out of
// office times drawn on the hours, the proposed time marked across all rows; a click on a row
// proposes that half hour (the duration kept). For screen readers every row is also said in
// words, and the line under the grid says who is busy at the proposed time.

import { el, $, debounce } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';
import { freeBusy } from './data.js';
import { addDays, instantAt, formatDay, formatHour, formatTime, ms, MINUTES_PER_DAY } from './dates.js';

let view = { users: [], day: null, eventDay: null, tz: null, slot: null };
let data = new Map();       // user → {known, busy}
let dataKey = '';
let controller = null;
let hooks = { onPick: () => {} };

export function initFreeBusy(options) {
  hooks = { ...hooks, ...options };
  const root = $('event-freebusy');
  root.addEventListener('click', (e) => {
    const nav = e.target.closest('[data-fb-step]');
    if (nav) { view.day = addDays(view.day, Number(nav.dataset.fbStep)); fetchSoon.cancel(); load(); return; }
    const track = e.target.closest('.fb-track');
    if (!track || !view.day || root.classList.contains('is-readonly')) return;
    const r = track.getBoundingClientRect();
    const minute = Math.floor((((e.clientX - r.left) / r.width) * MINUTES_PER_DAY) / 30) * 30;
    hooks.onPick(view.day, Math.max(0, Math.min(MINUTES_PER_DAY - 30, minute)));
  });
}

/** users: [{email, name, organizer?}]; day: the day shown; slot: {start, end} ISO or null. */
export function updateFreeBusy({ users, day, tz, slot, readOnly = false }) {
  const root = $('event-freebusy');
  // the grid follows the event's day; the arrows look at other days until the event's day changes
  if (day && day !== view.eventDay) { view.day = day; view.eventDay = day; }
  view = { ...view, users, tz, slot };
  root.classList.toggle('is-readonly', readOnly);
  root.hidden = !users.some((u) => !u.organizer);
  if (root.hidden) return;
  const key = `${view.day}|${tz}|${users.map((u) => u.email.toLowerCase()).sort().join(',')}`;
  if (key !== dataKey) fetchSoon();
  else render();
}

export function clearFreeBusy() {
  if (controller) controller.abort();
  fetchSoon.cancel();
  data = new Map();
  dataKey = '';
  view = { users: [], day: null, eventDay: null, tz: null, slot: null };
  $('event-freebusy').replaceChildren();
  $('event-freebusy').hidden = true;
}

const fetchSoon = debounce(() => load(), 250);

async function load() {
  if (controller) controller.abort();
  controller = new AbortController();
  const key = `${view.day}|${view.tz}|${view.users.map((u) => u.email.toLowerCase()).sort().join(',')}`;
  const from = instantAt(view.day, 0, view.tz);
  const to = instantAt(view.day, MINUTES_PER_DAY, view.tz);
  render({ loading: true });
  try {
    const users = await freeBusy(view.users.map((u) => u.email), from, to, { signal: controller.signal });
    data = new Map(users.map((u) => [String(u.user).toLowerCase(), u]));
    dataKey = key;
    render();
  } catch (err) {
    if (err && err.name === 'AbortError') return;
    data = new Map();
    dataKey = '';
    render({ error: err && err.message });
  }
}

function pct(v) { return `${Math.max(0, Math.min(100, v * 100))}%`; }

function render({ loading = false, error = null } = {}) {
  const root = $('event-freebusy');
  if (!view.day) return;
  const hadScroll = root.querySelector('.fb-scroll')?.scrollLeft;
  const from = ms(instantAt(view.day, 0, view.tz));
  const to = ms(instantAt(view.day, MINUTES_PER_DAY, view.tz));
  const span = to - from;
  const titleId = 'event-fb-title';
  const head = el('div', { className: 'fb-head' },
    el('h3', { className: 'fb-title', attrs: { id: titleId } },
      el('span', { text: t('cal.fb.title') }), el('span', { className: 'fb-day', text: formatDay(view.day, 'full') })),
    el('button', { className: 'icon-btn', attrs: { type: 'button', id: 'event-fb-prev', 'aria-label': t('cal.fb.prevDay'), title: t('cal.fb.prevDay') }, dataset: { fbStep: -1 } }, icon('back')),
    el('button', { className: 'icon-btn', attrs: { type: 'button', id: 'event-fb-next', 'aria-label': t('cal.fb.nextDay'), title: t('cal.fb.nextDay') }, dataset: { fbStep: 1 } }, icon('chevron')),
    el('ul', { className: 'fb-legend', attrs: { 'aria-label': t('cal.fb.legend') } },
      ...['busy', 'tentative', 'oof', 'unknown'].map((k) => el('li', {}, el('span', { className: `fb-key fb-${k}`, attrs: { 'aria-hidden': 'true' } }), el('span', { text: t(`cal.fb.${k}`) })))));
  const hours = el('div', { className: 'fb-row fb-hours', attrs: { 'aria-hidden': 'true' } },
    el('div', { className: 'fb-name' }),
    el('div', { className: 'fb-track' }, ...Array.from({ length: 24 }, (_, h) => {
      const n = el('span', { className: 'fb-hour', text: formatHour(h) });
      n.style.left = pct(h / 24);
      return n;
    })));
  const slotStart = view.slot ? ms(view.slot.start) : NaN;
  const slotEnd = view.slot ? ms(view.slot.end) : NaN;
  const conflicts = [];
  const rows = view.users.map((u) => {
    const info = data.get(u.email.toLowerCase());
    const known = info ? info.known !== false : false;
    const busy = info && Array.isArray(info.busy) ? info.busy : [];
    const name = u.name || u.email;
    const track = el('div', { className: `fb-track${!known && !loading ? ' fb-unknown' : ''}` });
    const said = [];
    for (const b of busy) {
      const s = Math.max(ms(b.start), from);
      const e = Math.min(ms(b.end), to);
      if (!(e > s)) continue;
      const type = ['tentative', 'oof'].includes(b.type) ? b.type : 'busy';
      const block = el('span', { className: `fb-block fb-${type}` });
      block.style.left = pct((s - from) / span);
      block.style.width = pct((e - s) / span);
      track.append(block);
      said.push(t('cal.fb.blockSaid', { type: t(`cal.fb.${type}`), from: formatTime(b.start, view.tz), to: formatTime(b.end, view.tz) }));
      if (s < slotEnd && e > slotStart) conflicts.push(name);
    }
    if (!Number.isNaN(slotStart)) {
      const slot = el('span', { className: 'fb-slot', attrs: { 'aria-hidden': 'true' } });
      slot.style.left = pct((Math.max(slotStart, from) - from) / span);
      slot.style.width = pct((Math.min(slotEnd, to) - Math.max(slotStart, from)) / span);
      if (slotEnd > from && slotStart < to) track.append(slot);
    }
    let words;
    if (loading) words = t('cal.fb.loading');
    else if (!known) words = t('cal.fb.noInfo');
    else words = said.length ? said.join(', ') : t('cal.fb.free');
    track.setAttribute('role', 'img');
    track.setAttribute('aria-label', `${name}: ${words}`);
    return el('div', { className: 'fb-row', dataset: { fbUser: u.email } },
      el('div', { className: 'fb-name', attrs: { title: u.email } },
        el('span', { className: 'fb-name-text', text: name }),
        u.organizer ? el('span', { className: 'fb-org', text: t('cal.organizer') }) : ''),
      track);
  });
  let summary;
  if (error) summary = error;
  else if (loading) summary = t('cal.fb.loading');
  else if (Number.isNaN(slotStart)) summary = '';
  else summary = [...new Set(conflicts)].length ? t('cal.fb.conflicts', { names: [...new Set(conflicts)].join(', ') }) : t('cal.fb.allFree');
  const scroller = el('div', { className: 'fb-scroll' }, el('div', { className: 'fb-table', attrs: { role: 'group', 'aria-labelledby': titleId } }, hours, ...rows));
  // one live region for the life of the form, so that its changes are said
  const summaryEl = root.querySelector('.fb-summary') || el('p', { className: 'fb-summary', attrs: { 'aria-live': 'polite', id: 'event-fb-summary' } });
  summaryEl.textContent = summary;
  summaryEl.classList.toggle('has-conflicts', conflicts.length > 0 && !loading);
  summaryEl.classList.toggle('is-error', !!error);
  root.replaceChildren(head, scroller, summaryEl);
  root.classList.toggle('is-loading', loading);
  // the proposed time in view: kept where the user scrolled unless it is out of sight
  const track = scroller.querySelector('.fb-row:not(.fb-hours) .fb-track');
  const width = track ? track.getBoundingClientRect().width : 0;
  const nameW = track ? track.getBoundingClientRect().left - scroller.getBoundingClientRect().left : 0;
  if (hadScroll) scroller.scrollLeft = hadScroll;
  if (width && !Number.isNaN(slotStart) && slotEnd > from && slotStart < to) {
    const x = ((slotStart - from) / span) * width;
    const xe = ((Math.min(slotEnd, to) - from) / span) * width;
    const visible = scroller.clientWidth - nameW;
    const hour = width / 24;
    if (x < scroller.scrollLeft + hour / 2 || xe > scroller.scrollLeft + visible - hour / 2) scroller.scrollLeft = Math.max(0, x - 1.5 * hour);
  }
}
