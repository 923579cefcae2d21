// Changes made to events straight from the views: moving and resizing (a drag), deleting (the
// Delete key), each asking first "this occurrence or the whole series?" for a recurring event;
// PUT/DELETE with If-Match, and a clear word when someone else changed the event meanwhile.

import { t } from '../i18n.js';
import { showStatus } from '../status.js';
import { confirmDialog } from '../dialogs.js';
import { loadEvent, updateEvent, deleteEvent, chooseScope, shiftTime, shiftByDay } from './data.js';
import { wallOf, instantAt, addDays, dayOfMonth, ms } from './dates.js';
import { subjectOf } from './common.js';

const EVENT_FIELDS = ['uid', 'subject', 'location', 'start', 'end', 'allDay', 'timeZone', 'busy', 'reminder', 'description',
  'private', 'recurrence', 'organizer', 'attendees'];

/** The Event to PUT or POST, from an event as GET answers it (read-only parts left out). */
export function toBody(event, overrides = {}) {
  const body = {};
  for (const k of EVENT_FIELDS) if (event[k] !== undefined) body[k] = event[k];
  return { ...body, ...overrides };
}

/** The instance's own values over the series' (an occurrence may differ from its master). */
export function occurrenceBody(master, ev, overrides = {}) {
  const own = {};
  for (const k of ['subject', 'location', 'start', 'end', 'allDay', 'busy', 'reminder', 'private']) if (ev[k] !== undefined) own[k] = ev[k];
  return toBody(master, { ...own, recurrence: null, ...overrides });
}

/** The new start and end of an instance after a drag: {start, end} given, or {days} moved. */
function moved(ev, change) {
  if (!change.days) return { start: change.start, end: change.end };
  if (ev.allDay) return { start: shiftTime(ev.start, change.days * 86400000), end: shiftTime(ev.end, change.days * 86400000) };
  const s = wallOf(ev.start);
  const e = wallOf(ev.end);
  return { start: instantAt(addDays(s.day, change.days), s.minutes), end: instantAt(addDays(e.day, change.days), e.minutes) };
}

/** Tells what went wrong; 409: someone changed it first. */
export function changeFailed(err) {
  if (err && err.status === 409) showStatus(t('cal.conflict'), 'error');
  else if (err && err.message) showStatus(err.message, 'error');
}

/**
 * Moves or resizes {@code ev} (an instance) as dragged. Resolves true when the server took it
 * (the caller reloads in any case, which also puts back an event whose move failed).
 */
export async function moveInstance(ev, change) {
  let scope = 'series';
  if (ev.recurring && ev.occurrence) {
    scope = await chooseScope(change.end && change.start === ev.start ? 'resize' : 'move');
    if (!scope) return false;
  }
  const { start, end } = moved(ev, change);
  try {
    const master = await loadEvent(ev.calendarId, ev.id);
    let body;
    if (scope === 'occurrence') {
      body = occurrenceBody(master, ev, { start, end });
    } else if (ev.recurring) {
      // the series moves by what the instance moved; its weekdays and day of month with it
      const delta = ms(start) - ms(ev.start);
      const newStart = shiftTime(master.start, delta);
      const newEnd = master.allDay ? shiftTime(newStart, ms(end) - ms(start)) : new Date(ms(newStart) + (ms(end) - ms(start))).toISOString().replace('.000Z', 'Z');
      const recurrence = master.recurrence ? { ...master.recurrence } : null;
      const days = Math.round(delta / 86400000);
      if (recurrence && days) {
        if (Array.isArray(recurrence.byDay) && recurrence.byDay.length) recurrence.byDay = shiftByDay(recurrence.byDay, days);
        if (recurrence.byMonthDay > 0) recurrence.byMonthDay = dayOfMonth(master.allDay ? newStart : wallOf(newStart).day);
      }
      body = toBody(master, { start: newStart, end: newEnd, recurrence });
    } else {
      body = toBody(master, { start, end });
    }
    await updateEvent(ev.calendarId, ev.id, body, { etag: master.etag || ev.etag, occurrence: scope === 'occurrence' ? ev.occurrence : null });
    showStatus(t(change.start === ev.start && !change.days ? 'cal.resized' : 'cal.moved', { subject: subjectOf(ev) }), 'success');
    return true;
  } catch (err) {
    changeFailed(err);
    return false;
  }
}

/**
 * Deletes an instance: for a recurring one the user chooses occurrence or series ({@code scope}
 * when already known); others are confirmed. Organizers' meetings are cancelled, attendees'
 * declined (the server sends either).
 */
export async function deleteInstance(ev, { scope = null, etag = null } = {}) {
  if (!scope && ev.recurring && ev.occurrence) {
    scope = await chooseScope('delete');
    if (!scope) return false;
  } else if (!scope) {
    const meeting = ev.meeting && ev.myResponse;
    const text = !meeting ? t('cal.deleteText', { subject: subjectOf(ev) })
      : t(ev.myResponse === 'organizer' ? 'cal.deleteTextOrganizer' : 'cal.deleteTextAttendee', { subject: subjectOf(ev) });
    const choice = await confirmDialog({
      title: t('cal.deleteTitle'),
      text,
      buttons: [{ id: 'cancel', text: t('dialog.cancel') }, { id: 'delete', text: t('cal.delete'), danger: true, primary: true, elementId: 'confirm-delete' }],
    });
    if (choice !== 'delete') return false;
    scope = 'series';
  }
  try {
    await deleteEvent(ev.calendarId, ev.id, { etag: etag || ev.etag, occurrence: scope === 'occurrence' ? ev.occurrence : null });
    showStatus(t(scope === 'occurrence' ? 'cal.deletedOccurrence' : 'cal.deleted', { subject: subjectOf(ev) }), 'success');
    return true;
  } catch (err) {
    changeFailed(err);
    return false;
  }
}
