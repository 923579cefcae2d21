// The calendar part of the API (docs/webaccess.md, "Calendar, free/busy, meeting requests and
// sharing"): calendars, their events (instances of a range, the event itself, create, change,
// delete with If-Match and occurrence=, respond), free/busy; and the question every change of a
// recurring event asks first: this occurrence, or the whole series?

import { get, post, put, del, path } from '../api.js';
import { t } from '../i18n.js';
import { confirmDialog } from '../dialogs.js';

export const listCalendars = () => get('api/calendars');
export const openShared = (user) => post('api/calendars/open', { user }, { quiet: true });
export const closeShared = (id) => del(path('calendars', 'open', id));

/** The instances of a calendar from..to (ISO instants), recurrences expanded. */
export async function listInstances(calendarId, from, to, { signal } = {}) {
  const data = await get(path('calendars', calendarId, 'events'), { from, to }, { quiet: true, signal });
  return (data && Array.isArray(data.events)) ? data.events : [];
}

/** The event (the series master, or the single event). */
export const loadEvent = (calendarId, id) => get(path('calendars', calendarId, 'events', id));

export const createEvent = (calendarId, event) => post(path('calendars', calendarId, 'events'), event, { quiet: true });

/** PUT: the whole event, or with {@code occurrence} that one instance only; If-Match the etag. */
export function updateEvent(calendarId, id, event, { etag, occurrence, quiet = true } = {}) {
  return put(path('calendars', calendarId, 'events', id), event, {
    quiet, query: occurrence ? { occurrence } : undefined, headers: etag ? { 'If-Match': etag } : {},
  });
}

export function deleteEvent(calendarId, id, { etag, occurrence, quiet = true } = {}) {
  return del(path('calendars', calendarId, 'events', id), {
    quiet, query: occurrence ? { occurrence } : undefined, headers: etag ? { 'If-Match': etag } : {},
  });
}

/** Dismisses ({action: 'dismiss'}) or snoozes ({action: 'snooze', minutes}) a reminder, kept in the event: {id, etag}. */
export const reminderAction = (calendarId, id, body) =>
  post(path('calendars', calendarId, 'events', id, 'reminder'), body, { quiet: true });

export const respondEvent = (calendarId, id, answer, comment) =>
  post(path('calendars', calendarId, 'events', id, 'respond'), comment ? { answer, comment } : { answer }, { quiet: true });

/**
 * Answers the meeting request of a message (the mail view): {@code answer} accepted, tentative or
 * declined; {@code extra}: comment, and proposedStart / proposedEnd (instants) for a new time.
 */
export function respondMessage(messageId, answer, extra = {}) {
  const body = { answer };
  for (const k of ['comment', 'proposedStart', 'proposedEnd']) if (extra[k]) body[k] = extra[k];
  return post(path('messages', messageId, 'respond'), body, { quiet: true });
}

/** The organizer takes the time an attendee proposed in message {@code messageId}. */
export const acceptProposal = (messageId) => post(path('messages', messageId, 'accept-proposal'), undefined, { quiet: true });

/** Free/busy of {@code users} (e-mail addresses or logins) from..to: {users:[{user, known, busy:[…]}]}. */
export async function freeBusy(users, from, to, { signal } = {}) {
  if (!users.length) return [];
  const data = await get('api/freebusy', { users: users.join(','), from, to }, { quiet: true, signal });
  return (data && Array.isArray(data.users)) ? data.users : [];
}

/**
 * "This occurrence or the whole series?" for {@code action} (move, change, delete). Resolves to
 * 'occurrence', 'series' or null (cancelled). Buttons #scope-occurrence and #scope-series.
 */
export function chooseScope(action = 'change') {
  return confirmDialog({
    title: t(`cal.scope.${action}Title`),
    text: t(`cal.scope.${action}Text`),
    buttons: [
      { id: 'cancel', text: t('dialog.cancel') },
      { id: 'series', text: t('cal.scope.series'), elementId: 'scope-series' },
      { id: 'occurrence', text: t('cal.scope.occurrence'), elementId: 'scope-occurrence', primary: true },
    ],
  }).then((choice) => (choice === 'occurrence' || choice === 'series' ? choice : null));
}

/** An ISO instant or date shifted by {@code ms} (dates by whole days), in the same form. */
export function shiftTime(value, deltaMs) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
    const d = new Date(Date.parse(`${value}T00:00:00Z`) + Math.round(deltaMs / 86400000) * 86400000);
    return d.toISOString().slice(0, 10);
  }
  return new Date(Date.parse(value) + deltaMs).toISOString().replace('.000Z', 'Z');
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** A weekly rule's days moved with its series by {@code days}. */
export function shiftByDay(byDay, days) {
  if (!Array.isArray(byDay) || !days) return byDay;
  return byDay.map((d) => {
    const s = String(d);
    const i = WEEKDAYS.indexOf(s.slice(-2).toUpperCase());
    return i < 0 ? d : s.slice(0, -2) + WEEKDAYS[(((i + days) % 7) + 7) % 7];
  });
}
