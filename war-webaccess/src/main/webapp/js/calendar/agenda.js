// The agenda: the next 30 days from the day chosen, as a list by day (days without events left
// out); an event of several days is listed on each of them.

import { el } from '../dom.js';
import { t, currentTimeZone } from '../i18n.js';
import { addDays, daysBetween, spanOf, formatDay, formatTime, todayKey } from './dates.js';
import { eventElement, eventIcons, subjectOf, byStart } from './common.js';
import { getCalendar, calendarName } from './calendars.js';

/** ctx: {first, days, events, showCalendar (bool), onOpen(ev)}. Answers {order, destroy}. */
export function renderAgenda(container, ctx) {
  const tz = currentTimeZone();
  const today = todayKey(tz);
  const last = addDays(ctx.first, ctx.days - 1);
  const perDay = new Map();
  for (const ev of [...ctx.events].sort(byStart)) {
    const span = spanOf(ev, tz);
    if (!span) continue;
    let d = daysBetween(ctx.first, span.first) < 0 ? ctx.first : span.first;
    const b = daysBetween(span.last, last) < 0 ? last : span.last;
    for (; daysBetween(d, b) >= 0; d = addDays(d, 1)) {
      if (!perDay.has(d)) perDay.set(d, []);
      perDay.get(d).push({ ev, span, day: d });
    }
  }
  const order = [];
  const sections = [];
  for (const day of [...perDay.keys()].sort()) {
    const items = perDay.get(day).sort((x, y) => Number(!x.ev.allDay) - Number(!y.ev.allDay) || byStart(x.ev, y.ev));
    const rel = daysBetween(today, day);
    const headId = `ag-day-${day}`;
    const head = el('h2', { className: `ag-dayhead${day === today ? ' is-today' : ''}`, attrs: { id: headId } },
      el('span', { className: 'ag-date', text: formatDay(day, 'long') }),
      rel === 0 || rel === 1 ? el('span', { className: 'ag-rel', text: t(rel === 0 ? 'cal.today' : 'cal.tomorrow') }) : '');
    const list = el('ul', { className: 'ag-list', attrs: { 'aria-labelledby': headId } }, ...items.map((item) => {
      const node = row(item, ctx);
      order.push(node);
      return el('li', { className: 'ag-item' }, node);
    }));
    sections.push(el('section', { className: 'ag-day' }, head, list));
  }
  const root = el('div', { className: 'ag' });
  if (sections.length) root.append(...sections);
  else root.append(el('p', { className: 'ag-empty', text: t('cal.agendaEmpty') }));
  container.replaceChildren(root);
  root.addEventListener('click', (e) => {
    const node = e.target.closest('.ev');
    if (node) ctx.onOpen(node._event);
  });
  return { order, destroy: () => {} };
}

function whenText({ ev, span, day }) {
  if (ev.allDay) return t('cal.allDay');
  const first = day === span.first;
  const lastDay = day === span.last;
  if (first && lastDay) return `${formatTime(ev.start)} – ${formatTime(ev.end)}`;
  if (first) return t('cal.fromTime', { time: formatTime(ev.start) });
  if (lastDay) return t('cal.untilTime', { time: formatTime(ev.end) });
  return t('cal.allDay');
}

function row(item, ctx) {
  const { ev } = item;
  const node = eventElement(ev, { className: 'ag-ev' });
  const cal = getCalendar(ev.calendarId);
  node.append(
    el('span', { className: 'ag-time', text: whenText(item) }),
    el('span', { className: 'ag-swatch', attrs: { 'aria-hidden': 'true' } }),
    el('span', { className: 'ag-main' },
      el('span', { className: 'ag-subject' }, el('span', { className: 'ev-subject', text: subjectOf(ev) }), eventIcons(ev) || ''),
      ev.location ? el('span', { className: 'ag-location', text: ev.location }) : ''),
    ctx.showCalendar && cal ? el('span', { className: 'ag-cal', text: calendarName(cal) }) : '',
  );
  return node;
}
