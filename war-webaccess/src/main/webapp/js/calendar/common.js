// What the views share about an event shown: its element (role=button, data-event-id,
// data-occurrence, data-calendar-id, busy and response classes, the calendar's colour), the name
// a screen reader says for it, and the keyboard between the events of a view (a roving tab stop:
// arrows move, Home/End, Enter or Space opens, Delete deletes).

import { el } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';
import { formatWhen } from './dates.js';
import { paint, getCalendar, calendarName } from './calendars.js';

export const BUSY = ['free', 'tentative', 'busy', 'oof'];

export function subjectOf(ev) {
  // a calendar shared with its free/busy times only: the time and the status, nothing more
  if (ev.freeBusyOnly) return t(`cal.busy.${BUSY.includes(ev.busy) ? ev.busy : 'busy'}`);
  return ev.subject || (ev.private ? t('cal.privateEvent') : t('cal.noSubject'));
}

/** The accessible name: subject, when, where, calendar, status, recurring, meeting answer. */
export function eventLabel(ev) {
  const parts = [subjectOf(ev), formatWhen(ev)];
  if (ev.location) parts.push(t('cal.label.location', { location: ev.location }));
  const cal = getCalendar(ev.calendarId);
  if (cal) parts.push(t('cal.label.calendar', { name: calendarName(cal) }));
  if (BUSY.includes(ev.busy) && !ev.freeBusyOnly) parts.push(t(`cal.busy.${ev.busy}`));
  if (ev.cancelled) parts.push(t('cal.label.cancelled'));
  if (ev.recurring) parts.push(t('cal.label.recurring'));
  if (ev.private) parts.push(t('cal.private'));
  if (ev.meeting && ev.myResponse && ev.myResponse !== 'organizer') parts.push(t(`cal.response.${ev.myResponse}`));
  return parts.filter(Boolean).join(', ');
}

/** The element of an event in any view; the caller adds its content and position. */
export function eventElement(ev, { tag = 'div', className = '' } = {}) {
  const busy = BUSY.includes(ev.busy) ? ev.busy : 'busy';
  const classes = ['ev', `busy-${busy}`, className];
  if (ev.recurring) classes.push('ev-recurring');
  if (ev.private) classes.push('ev-private');
  if (ev.meeting) classes.push('ev-meeting');
  if (ev.myResponse && ev.myResponse !== 'organizer') classes.push(`response-${ev.myResponse}`);
  if (ev.allDay) classes.push('ev-allday');
  if (ev.cancelled) classes.push('ev-cancelled');
  if (ev.freeBusyOnly) classes.push('ev-busy-only');
  const dataset = { eventId: ev.id, calendarId: ev.calendarId };
  if (ev.occurrence) dataset.occurrence = ev.occurrence;
  const node = el(tag, {
    className: classes.filter(Boolean).join(' '),
    attrs: { role: tag === 'button' ? null : 'button', type: tag === 'button' ? 'button' : null, tabindex: '-1', 'aria-label': eventLabel(ev) },
    dataset,
  });
  node._event = ev;
  paint(node, ev.calendarId);
  return node;
}

/** Small icons after the subject: recurring, private, meeting. */
export function eventIcons(ev) {
  const icons = [];
  if (ev.recurring) icons.push(icon('repeat', 'ev-icon'));
  if (ev.private) icons.push(icon('lock', 'ev-icon'));
  if (ev.meeting) icons.push(icon('people', 'ev-icon'));
  return icons.length ? el('span', { className: 'ev-icons' }, ...icons) : null;
}

/**
 * The keyboard between the events of {@code root} ({@code order}: the elements in time order):
 * one of them is the tab stop; arrows move it; Enter/Space open, Delete deletes.
 */
export function rovingEvents(root, order, { onOpen, onDelete, focusId } = {}) {
  const items = order.filter((n) => n.isConnected);
  let stop = (focusId && items.find((n) => keyOf(n._event) === focusId)) || items[0];
  for (const n of items) n.tabIndex = n === stop ? 0 : -1;
  const move = (to) => {
    if (!to) return;
    if (stop) stop.tabIndex = -1;
    stop = to;
    stop.tabIndex = 0;
    stop.focus();
    stop.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  const onKey = (e) => {
    const node = e.target.closest('.ev');
    if (!node || !root.contains(node)) return;
    const k = items.indexOf(node);
    if (k < 0) return;
    switch (e.key) {
      case 'ArrowRight': case 'ArrowDown': e.preventDefault(); move(items[k + 1]); break;
      case 'ArrowLeft': case 'ArrowUp': e.preventDefault(); move(items[k - 1]); break;
      case 'Home': e.preventDefault(); move(items[0]); break;
      case 'End': e.preventDefault(); move(items[items.length - 1]); break;
      case 'Enter': case ' ': e.preventDefault(); onOpen?.(node._event); break;
      case 'Delete': e.preventDefault(); e.stopPropagation(); onDelete?.(node._event); break;
      default:
    }
  };
  const onFocus = (e) => {
    const node = e.target.closest('.ev');
    if (node && items.includes(node) && node !== stop) { if (stop) stop.tabIndex = -1; stop = node; node.tabIndex = 0; }
  };
  root.addEventListener('keydown', onKey);
  root.addEventListener('focusin', onFocus);
  return () => { root.removeEventListener('keydown', onKey); root.removeEventListener('focusin', onFocus); };
}

/** Identifies an instance across renders. */
export function keyOf(ev) {
  return ev ? `${ev.calendarId}|${ev.id}|${ev.occurrence || ''}` : '';
}

/** Instances in start order, longer first at equal starts. */
export function byStart(a, b) {
  return (Date.parse(a.start) - Date.parse(b.start)) || (Date.parse(b.end) - Date.parse(a.end))
    || String(a.subject || '').localeCompare(String(b.subject || ''));
}
