// The month: the weeks that hold the month's days, seven cells each with the day's events (an
// event of several days in each of its days); what does not fit becomes "+N more" (the day).
// Events can be dragged to another day; a double click on a day makes an all-day event there.

import { el } from '../dom.js';
import { t, tn, currentTimeZone } from '../i18n.js';
import { addDays, daysBetween, spanOf, formatDay, formatTime, todayKey, monthOf } from './dates.js';
import { eventElement, eventIcons, subjectOf, byStart } from './common.js';

const DRAG_TYPE = 'application/x-zcp-event';

/**
 * ctx: {first, weeks, month ("YYYY-MM"), events, canCreate(calendarId), canEdit(ev), onOpen(ev),
 * onCreate({start, end, allDay}), onMove(ev, {days}), onGotoDay(day)}. Answers {order, destroy}.
 */
export function renderMonth(container, ctx) {
  const tz = currentTimeZone();
  const today = todayKey(tz);
  const last = addDays(ctx.first, ctx.weeks * 7 - 1);
  const perDay = new Map();
  for (const ev of [...ctx.events].sort(byStart)) {
    const span = spanOf(ev, tz);
    if (!span) continue;
    const a = daysBetween(ctx.first, span.first) < 0 ? ctx.first : span.first;
    const b = daysBetween(span.last, last) < 0 ? last : span.last;
    for (let d = a; daysBetween(d, b) >= 0; d = addDays(d, 1)) {
      if (!perDay.has(d)) perDay.set(d, []);
      perDay.get(d).push({ ev, first: d === span.first, last: d === span.last, multi: span.first !== span.last });
    }
  }
  // all-day and multi-day first in a day, then by time
  for (const list of perDay.values()) list.sort((x, y) => (Number(!(x.ev.allDay || x.multi)) - Number(!(y.ev.allDay || y.multi))) || byStart(x.ev, y.ev));

  const order = [];
  const head = el('div', { className: 'mv-head', attrs: { 'aria-hidden': 'true' } },
    ...Array.from({ length: 7 }, (_, k) => el('div', { className: 'mv-wd', text: formatDay(addDays(ctx.first, k), 'weekday') })));
  const weeks = [];
  for (let w = 0; w < ctx.weeks; w++) {
    const cells = [];
    for (let k = 0; k < 7; k++) {
      const day = addDays(ctx.first, w * 7 + k);
      const other = monthOf(day) !== ctx.month;
      const cell = el('div', {
        className: `mv-cell${other ? ' is-other' : ''}${day === today ? ' is-today' : ''}`,
        dataset: { day },
      });
      const num = el('button', {
        className: 'mv-daynum',
        text: Number(day.slice(8)) === 1 ? `${formatDay(day, 'day')} ${formatDay(day, 'monthShort')}` : formatDay(day, 'day'),
        attrs: { type: 'button', 'aria-label': t('cal.gotoDay', { day: formatDay(day, 'long') }) },
      });
      if (day === today) num.setAttribute('aria-current', 'date');
      num.addEventListener('click', () => ctx.onGotoDay(day));
      const list = el('div', { className: 'mv-events' });
      for (const item of perDay.get(day) || []) {
        const node = chip(item, ctx);
        order.push(node);
        list.append(node);
      }
      cell.append(num, list);
      cells.push(cell);
    }
    weeks.push(el('div', { className: 'mv-week' }, ...cells));
  }
  const body = el('div', { className: 'mv-weeks' }, ...weeks);
  body.style.setProperty('--weeks', String(ctx.weeks));
  const root = el('div', { className: 'mv' }, head, body);
  container.replaceChildren(root);

  wireDrag(body, ctx);
  body.addEventListener('click', (e) => {
    const node = e.target.closest('.ev');
    if (node) ctx.onOpen(node._event);
  });
  body.addEventListener('dblclick', (e) => {
    if (e.target.closest('.ev, .mv-daynum, .mv-more')) return;
    const cell = e.target.closest('.mv-cell');
    if (cell && ctx.canCreate(null)) ctx.onCreate({ start: cell.dataset.day, end: addDays(cell.dataset.day, 1), allDay: true });
  });

  const fit = () => fitCells(body, ctx);
  fit();
  const observer = new ResizeObserver(() => fit());
  observer.observe(body);
  return { order, destroy: () => observer.disconnect() };
}

function chip({ ev, first, last, multi }, ctx) {
  const long = ev.allDay || multi;
  const node = eventElement(ev, { className: `mv-ev${long ? ' mv-ev-long' : ''}` });
  if (long && !first) node.classList.add('continues-before');
  if (long && !last) node.classList.add('continues-after');
  if (!ev.allDay && first) node.append(el('span', { className: 'ev-time', text: formatTime(ev.start) }));
  node.append(el('span', { className: 'ev-subject', text: subjectOf(ev) }), eventIcons(ev) || '');
  if (ctx.canEdit(ev)) node.draggable = true;
  return node;
}

/** Hides the events a cell has no room for behind "+N more" (recomputed when the size changes). */
function fitCells(body, ctx) {
  for (const cell of body.querySelectorAll('.mv-cell')) {
    const list = cell.querySelector('.mv-events');
    for (const m of list.querySelectorAll('.mv-more')) m.remove();
    const items = [...list.querySelectorAll('.ev')];
    for (const i of items) i.hidden = false;
    const room = list.clientHeight;
    if (!items.length || list.scrollHeight <= room + 1) continue;
    // each event and the gap after it; the "+N more" line is as tall as an event
    const itemH = items[0].offsetHeight + 2;
    const fits = Math.max(0, Math.floor((room - items[0].offsetHeight) / itemH));
    items.forEach((i, k) => { i.hidden = k >= fits; });
    const hiddenCount = items.length - fits;
    const more = el('button', {
      className: 'mv-more',
      text: tn('cal.more', hiddenCount),
      attrs: { type: 'button', 'aria-label': tn('cal.moreOn', hiddenCount, { day: formatDay(cell.dataset.day, 'long') }) },
    });
    more.addEventListener('click', () => ctx.onGotoDay(cell.dataset.day));
    list.append(more);
  }
}

/** HTML drag and drop of events between days. */
function wireDrag(body, ctx) {
  let dragged = null;
  body.addEventListener('dragstart', (e) => {
    const node = e.target.closest('.ev');
    if (!node || !node.draggable) return;
    dragged = { node, from: node.closest('.mv-cell').dataset.day };
    e.dataTransfer.setData(DRAG_TYPE, node.dataset.eventId);
    e.dataTransfer.effectAllowed = 'move';
    node.classList.add('is-dragging');
  });
  body.addEventListener('dragend', () => {
    if (dragged) dragged.node.classList.remove('is-dragging');
    for (const c of body.querySelectorAll('.drop-target')) c.classList.remove('drop-target');
    dragged = null;
  });
  body.addEventListener('dragover', (e) => {
    const cell = e.target.closest('.mv-cell');
    if (!cell || !dragged || ![...e.dataTransfer.types].includes(DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    for (const c of body.querySelectorAll('.drop-target')) if (c !== cell) c.classList.remove('drop-target');
    cell.classList.add('drop-target');
  });
  body.addEventListener('drop', (e) => {
    const cell = e.target.closest('.mv-cell');
    if (!cell || !dragged) return;
    e.preventDefault();
    const days = daysBetween(dragged.from, cell.dataset.day);
    const ev = dragged.node._event;
    cell.classList.remove('drop-target');
    if (days) ctx.onMove(ev, { days });
  });
}
