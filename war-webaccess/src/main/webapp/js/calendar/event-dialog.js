// The event form (#event-dialog): a new event (POST), an event or a whole series (PUT), or one
// occurrence of a series (PUT ?occurrence=); times in a time zone of the event's own (the user's
// by default), all day, show as, reminder, private, description, recurrence (recurrence.js),
// attendees (attendees.js) with their free/busy (freebusy.js); delete (this occurrence or the
// series); and for an attendee, the answer (accept, tentative, decline) instead of editing.

import { $, el } from '../dom.js';
import { t, currentTimeZone, timeZones, wallTimeToIso, isoToWallTime, zoneOffsetLabel } from '../i18n.js';
import { openModal, confirmDialog } from '../dialogs.js';
import { showStatus } from '../status.js';
import { loadEvent, createEvent, updateEvent, respondEvent } from './data.js';
import { toBody, occurrenceBody, deleteInstance } from './actions.js';
import { initRecurrence, setRecurrence, recurrenceValue, startChanged } from './recurrence.js';
import { initAttendees, setAttendees, attendeeList, organizerOf, addTyped } from './attendees.js';
import { initFreeBusy, updateFreeBusy, clearFreeBusy } from './freebusy.js';
import { allCalendars, calendarName } from './calendars.js';
import { addDays, daysBetween, isDayKey, formatDuration, formatWhen, instantAt, ms } from './dates.js';
import { subjectOf } from './common.js';

const REMINDERS = [null, 0, 5, 10, 15, 30, 60, 120, 1440, 2880, 10080];
const ANSWERS = { 'event-accept': 'accepted', 'event-tentative': 'tentative', 'event-decline': 'declined' };

const d = {
  open: false, mode: 'new', calendar: null, event: null, eventId: null, instance: null,
  readOnly: false, attendee: false, durationMs: 1800000, baseline: '', resolve: null, saving: false, zonesFilled: false,
};
let hooks = { user: () => null, onChanged: () => {} };
const dialog = () => $('event-dialog');

export function initEventDialog(options) {
  hooks = { ...hooks, ...options };
  $('event-form').addEventListener('submit', (e) => { e.preventDefault(); save(); });
  $('event-cancel').addEventListener('click', () => requestClose());
  $('event-close').addEventListener('click', () => requestClose());
  $('event-delete').addEventListener('click', () => remove());
  for (const id of Object.keys(ANSWERS)) $(id).addEventListener('click', () => respond(ANSWERS[id]));
  $('event-open-series').addEventListener('click', () => openSeries());
  $('event-allday').addEventListener('change', () => allDayChanged());
  for (const id of ['event-start-date', 'event-start-time']) $(id).addEventListener('change', () => startMoved());
  for (const id of ['event-end-date', 'event-end-time']) $(id).addEventListener('change', () => endMoved());
  $('event-timezone').addEventListener('change', () => whenChanged());
  initRecurrence({ onChange: () => {} });
  initAttendees({ onChange: () => { whenChanged(); updateSaveLabel(); } });
  initFreeBusy({ onPick: (day, minutes) => pickTime(day, minutes) });
  dialog().addEventListener('close', () => finish());
  // a reminder dismissed or snoozed meanwhile (reminders.js) changed only that: the form's etag follows
  window.addEventListener('zcp-event-etag', (e) => {
    const { id, from, to } = e.detail || {};
    if (!d.open || !id || String(d.eventId) !== String(id)) return;
    for (const x of [d.event, d.instance]) if (x && x.etag === from) x.etag = to;
  });
  fillReminders();
  window.addEventListener('languagechange-app', () => { fillReminders(); if (d.open) { updateTitle(); updateHint(); updateResponse(); updateSaveLabel(); } });
}

export function isEventDialogOpen() { return d.open; }

/**
 * Opens the form: {create: {start, end, allDay}} for a new event, {instance} for an event shown,
 * or {eventId} (from a meeting request); {calendar} the calendar. Resolves when it closes.
 */
export async function openEventDialog({ create, instance, eventId, calendar }) {
  if (d.open || !calendar) return;
  let event;
  let mode = 'new';
  if (create) {
    event = {
      subject: '', location: '', description: '', start: create.start, end: create.end, allDay: !!create.allDay,
      timeZone: currentTimeZone(), busy: create.allDay ? 'free' : 'busy', reminder: create.allDay ? null : 15, private: false,
      recurrence: null, attendees: [], organizer: null,
    };
  } else {
    try {
      event = await loadEvent(calendar.id, instance ? instance.id : eventId);
    } catch { return; /* shown in #status */ }
    mode = instance && instance.recurring && instance.occurrence ? 'occurrence' : 'edit';
  }
  Object.assign(d, {
    open: true, mode, calendar, event, eventId: create ? null : (instance ? instance.id : eventId), instance: instance || null, saving: false,
  });
  fill();
  return new Promise((resolve) => {
    d.resolve = resolve;
    const first = d.attendee && !d.readOnlyCalendar ? $('event-accept') : (d.readOnly ? $('event-cancel') : $('event-subject'));
    openModal(dialog(), { initialFocus: first, onCancel: () => requestClose() });
    if (!d.readOnly && mode === 'new') $('event-subject').select();
  });
}

// ---- filling -----------------------------------------------------------------------------------

function me() {
  const u = hooks.user() || {};
  return u.email ? { name: u.fullName || u.login || '', email: u.email } : null;
}

function fill() {
  const { event, instance, mode, calendar } = d;
  const src = mode === 'occurrence' ? { ...event, ...pickInstance(instance) } : event;
  clearErrors();
  fillZones();
  setZone(validZone(src.timeZone) ? src.timeZone : currentTimeZone());
  $('event-subject').value = src.subject || '';
  $('event-location').value = src.location || '';
  $('event-description').value = event.description || '';
  $('event-private').checked = !!src.private;
  $('event-busy').value = ['free', 'tentative', 'busy', 'oof'].includes(src.busy) ? src.busy : 'busy';
  setReminder(src.reminder);
  setWhen(src.start, src.end, !!src.allDay);
  fillCalendars();
  const myResponse = src.myResponse || (instance && instance.myResponse) || null;
  d.myResponse = myResponse;
  d.attendee = !!(myResponse && myResponse !== 'organizer');
  d.readOnlyCalendar = !(calendar.rights && calendar.rights.edit) && mode !== 'new';
  d.readOnly = d.readOnlyCalendar || d.attendee;
  const org = event.organizer && event.organizer.email ? event.organizer : (mode === 'new' ? me() : null);
  setAttendees(event.attendees || [], org, { readOnly: d.readOnly });
  $('event-occurrence-note').hidden = mode !== 'occurrence';
  $('event-open-series').hidden = d.readOnly;
  $('event-recurrence-box').hidden = mode === 'occurrence' || (d.readOnly && !event.recurrence);
  if (mode !== 'occurrence') setRecurrence(event.recurrence, dayOf('start'));
  for (const c of $('event-form').querySelectorAll('.event-body input, .event-body select, .event-body textarea')) {
    if (c.closest('#event-freebusy')) continue;
    c.disabled = d.readOnly;
  }
  if (!d.readOnly) { allDayFields(); $('event-calendar').disabled = mode !== 'new'; }
  $('event-attendees-box').hidden = d.readOnly && !(event.attendees || []).length;
  $('event-save').hidden = d.readOnly;
  $('event-cancel').textContent = t(d.readOnly ? 'dialog.close' : 'dialog.cancel');
  $('event-delete').hidden = mode === 'new' || !(calendar.rights && calendar.rights.delete);
  updateTitle();
  updateResponse();
  updateSaveLabel();
  updateHint();
  refreshFreeBusy();
  d.baseline = snapshot();
}

function pickInstance(ev) {
  const own = {};
  for (const k of ['subject', 'location', 'start', 'end', 'allDay', 'busy', 'reminder', 'private', 'myResponse']) if (ev[k] !== undefined && ev[k] !== null) own[k] = ev[k];
  return own;
}

function updateTitle() {
  let key = 'cal.newEvent';
  if (d.readOnly) key = 'cal.viewEvent';
  else if (d.mode === 'occurrence') key = 'cal.editOccurrence';
  else if (d.mode === 'edit') key = d.event && d.event.recurrence ? 'cal.editSeries' : 'cal.editEvent';
  $('event-title').textContent = t(key);
  if (d.mode === 'occurrence' && d.instance) $('event-occurrence-text').textContent = t('cal.occurrenceNote', { when: formatWhen(d.instance) });
}

function updateResponse() {
  const bar = $('event-response');
  bar.hidden = !d.attendee;
  if (!d.attendee) return;
  const org = d.event && d.event.organizer;
  const who = org ? (org.name || org.email) : '';
  $('event-response-text').textContent = [who ? t('cal.invitedBy', { name: who }) : '', t(`cal.yourAnswer.${d.myResponse}`)].filter(Boolean).join(' · ');
  for (const [id, answer] of Object.entries(ANSWERS)) {
    $(id).setAttribute('aria-pressed', String(d.myResponse === answer));
    $(id).disabled = d.readOnlyCalendar;
  }
}

function updateSaveLabel() {
  const invites = attendeeList().length > 0 && (d.mode === 'new' || !d.attendee);
  $('event-save').textContent = t(invites ? 'cal.send' : 'cal.save');
}

function fillCalendars() {
  const sel = $('event-calendar');
  const list = d.mode === 'new' ? allCalendars().filter((c) => c.rights && c.rights.create) : [d.calendar];
  sel.replaceChildren(...list.map((c) => el('option', { text: calendarName(c), attrs: { value: c.id } })));
  sel.value = d.calendar.id;
  sel.closest('.field').hidden = list.length < 2 && d.mode === 'new' && d.calendar.mine;
}

function fillReminders() {
  const sel = $('event-reminder');
  const value = sel.value;
  sel.replaceChildren(...REMINDERS.map((m) => el('option', {
    text: m === null ? t('cal.reminderNone') : (m === 0 ? t('cal.reminderAtStart') : t('cal.reminderBefore', { duration: formatDuration(m, 'long') })),
    attrs: { value: m === null ? '' : String(m) },
  })));
  sel.value = value;
}

function setReminder(minutes) {
  const sel = $('event-reminder');
  const v = minutes === null || minutes === undefined ? '' : String(minutes);
  if (![...sel.options].some((o) => o.value === v)) {
    sel.append(el('option', { text: t('cal.reminderBefore', { duration: formatDuration(Number(minutes), 'long') }), attrs: { value: v } }));
  }
  sel.value = v;
}

// ---- time zone -----------------------------------------------------------------------------------

function validZone(zone) {
  if (!zone) return false;
  try { new Intl.DateTimeFormat('en', { timeZone: zone }); return true; } catch { return false; }
}

function fillZones() {
  if (d.zonesFilled) return;
  d.zonesFilled = true;
  const zones = timeZones() || [currentTimeZone()];
  const groups = new Map();
  const label = (z) => { try { return `${z.replace(/_/g, ' ')} (${zoneOffsetLabel(z)})`; } catch { return z; } };
  for (const zone of zones) {
    const region = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : '';
    if (!groups.has(region)) groups.set(region, []);
    groups.get(region).push(el('option', { text: label(zone), attrs: { value: zone } }));
  }
  const children = zones.includes('UTC') ? [] : [el('option', { text: 'UTC', attrs: { value: 'UTC' } })];
  for (const [region, options] of groups) {
    if (!region) children.push(...options);
    else children.push(el('optgroup', { attrs: { label: region.replace(/_/g, ' ') } }, ...options));
  }
  $('event-timezone').replaceChildren(...children);
}

function setZone(zone) {
  const sel = $('event-timezone');
  if (![...sel.options].some((o) => o.value === zone)) sel.prepend(el('option', { text: zone, attrs: { value: zone } }));
  sel.value = zone;
}

const zone = () => $('event-timezone').value || currentTimeZone();

// ---- when --------------------------------------------------------------------------------------

function setWhen(start, end, allDay) {
  $('event-allday').checked = allDay;
  const tz = zone();
  if (allDay) {
    const s = String(start).slice(0, 10);
    let e = addDays(String(end || start).slice(0, 10), -1);
    if (daysBetween(s, e) < 0) e = s;
    $('event-start-date').value = s;
    $('event-end-date').value = e;
    $('event-start-time').value = '09:00';
    $('event-end-time').value = '09:30';
    d.durationMs = 1800000;
    d.allDayDays = daysBetween(s, e);
  } else {
    const ws = isoToWallTime(start, tz);
    const we = isoToWallTime(end || start, tz);
    $('event-start-date').value = ws.slice(0, 10);
    $('event-start-time').value = ws.slice(11, 16);
    $('event-end-date').value = we.slice(0, 10);
    $('event-end-time').value = we.slice(11, 16);
    d.durationMs = Math.max(0, ms(end) - ms(start));
    d.allDayDays = Math.max(0, daysBetween(ws.slice(0, 10), we.slice(0, 10)));
  }
  allDayFields();
}

const dayOf = (which) => $(`event-${which}-date`).value;

/** The times as the API takes them, or {error} (a key of the message). */
function readWhen() {
  const sd = dayOf('start');
  const ed = dayOf('end');
  if (!isDayKey(sd)) return { error: 'cal.badDate', control: $('event-start-date') };
  if (!isDayKey(ed)) return { error: 'cal.badDate', control: $('event-end-date') };
  if ($('event-allday').checked) {
    if (daysBetween(sd, ed) < 0) return { error: 'cal.endBeforeStart', control: $('event-end-date') };
    return { start: sd, end: addDays(ed, 1), allDay: true, day: sd };
  }
  const tz = zone();
  const s = wallTimeToIso(`${sd}T${$('event-start-time').value}`, tz);
  const e = wallTimeToIso(`${ed}T${$('event-end-time').value}`, tz);
  if (!s) return { error: 'cal.badTime', control: $('event-start-time') };
  if (!e) return { error: 'cal.badTime', control: $('event-end-time') };
  if (ms(e) < ms(s)) return { error: 'cal.endBeforeStart', control: $('event-end-time') };
  return { start: s, end: e, allDay: false, day: sd };
}

/** The start moved: the end keeps the duration. */
function startMoved() {
  const sd = dayOf('start');
  if (!isDayKey(sd)) return;
  if ($('event-allday').checked) {
    $('event-end-date').value = addDays(sd, d.allDayDays || 0);
  } else {
    const s = wallTimeToIso(`${sd}T${$('event-start-time').value}`, zone());
    if (s) {
      const we = isoToWallTime(new Date(ms(s) + d.durationMs).toISOString(), zone());
      $('event-end-date').value = we.slice(0, 10);
      $('event-end-time').value = we.slice(11, 16);
    }
  }
  startChanged(sd);
  whenChanged();
}

function endMoved() {
  const w = readWhen();
  if (!w.error) {
    if (w.allDay) d.allDayDays = daysBetween(w.start, w.end) - 1;
    else d.durationMs = ms(w.end) - ms(w.start);
  }
  whenChanged();
}

function allDayChanged() {
  if ($('event-allday').checked) {
    if (daysBetween(dayOf('start'), dayOf('end')) < 0) $('event-end-date').value = dayOf('start');
    d.allDayDays = Math.max(0, daysBetween(dayOf('start'), dayOf('end')));
    if (d.mode === 'new' && $('event-busy').value === 'busy') $('event-busy').value = 'free';
  } else {
    if (d.mode === 'new' && $('event-busy').value === 'free') $('event-busy').value = 'busy';
    startMoved();
  }
  allDayFields();
  whenChanged();
}

function allDayFields() {
  const on = $('event-allday').checked;
  for (const id of ['event-start-time', 'event-end-time']) { $(id).hidden = on; $(id).disabled = on || d.readOnly; }
  $('event-timezone').closest('.field').hidden = on;
}

/** A half hour picked on the free/busy grid: the event moves there, its length kept. */
function pickTime(day, minutes) {
  if (d.readOnly) return;
  if ($('event-allday').checked) { $('event-start-date').value = day; startMoved(); return; }
  $('event-start-date').value = day;
  $('event-start-time').value = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  startMoved();
}

function whenChanged() {
  clearWhenError();
  updateHint();
  refreshFreeBusy();
}

function updateHint() {
  const w = readWhen();
  const p = $('event-when-hint');
  if (w.error) { p.textContent = ''; return; }
  const parts = [];
  if (!w.allDay) {
    parts.push(t('cal.duration', { duration: formatDuration(Math.round((ms(w.end) - ms(w.start)) / 60000)) }));
    if (zone() !== currentTimeZone()) parts.push(t('cal.inYourZone', { when: formatWhen({ start: w.start, end: w.end }) }));
  } else if (daysBetween(w.start, w.end) > 1) {
    parts.push(t('cal.duration', { duration: formatDuration(daysBetween(w.start, w.end) * 1440) }));
  }
  p.textContent = parts.join(' · ');
}

function refreshFreeBusy() {
  if (!d.open) return;
  const w = readWhen();
  const org = organizerOf() || me();
  const users = [];
  if (org && org.email) users.push({ email: org.email, name: org.name, organizer: true });
  for (const a of attendeeList()) users.push({ email: a.email, name: a.name });
  updateFreeBusy({
    users, day: w.error ? dayOf('start') : w.day, tz: w.allDay || w.error ? currentTimeZone() : zone(),
    slot: w.error ? null : { start: w.allDay ? instantAt(w.start, 0) : w.start, end: w.allDay ? instantAt(w.end, 0) : w.end },
    readOnly: d.readOnly,
  });
}

// ---- errors ------------------------------------------------------------------------------------

function clearErrors() {
  clearWhenError();
  formError('');
}

function clearWhenError() {
  const p = $('event-when-error');
  p.textContent = '';
  p.hidden = true;
  for (const c of $('event-dialog').querySelectorAll('.event-when [aria-invalid]')) c.removeAttribute('aria-invalid');
}

function formError(text) {
  const p = $('event-error');
  p.textContent = text || '';
  p.hidden = !text;
}

// ---- saving, deleting, answering ---------------------------------------------------------------

function snapshot() {
  const ids = ['event-subject', 'event-location', 'event-start-date', 'event-start-time', 'event-end-date', 'event-end-time',
    'event-timezone', 'event-busy', 'event-reminder', 'event-description', 'event-recurrence', 'event-interval', 'event-count',
    'event-until', 'event-monthday'];
  const checks = [...$('event-dialog').querySelectorAll('input[type="checkbox"], input[type="radio"]')].map((c) => c.checked);
  return JSON.stringify([ids.map((id) => $(id).value), checks, attendeeList()]);
}

async function save() {
  if (d.saving || d.readOnly || !d.open) return;
  clearErrors();
  if (!addTyped()) return;
  const w = readWhen();
  if (w.error) {
    const p = $('event-when-error');
    p.textContent = t(w.error);
    p.hidden = false;
    w.control.setAttribute('aria-invalid', 'true');
    w.control.focus();
    return;
  }
  const recurrence = d.mode === 'occurrence' ? null : recurrenceValue(w.day);
  if (recurrence && recurrence.error) return;
  const attendees = attendeeList();
  const organizer = attendees.length ? (organizerOf() || me()) : ((d.event && d.event.organizer) || null);
  const reminder = $('event-reminder').value;
  const fields = {
    subject: $('event-subject').value.trim(), location: $('event-location').value.trim(), start: w.start, end: w.end,
    allDay: w.allDay, timeZone: w.allDay ? currentTimeZone() : zone(), busy: $('event-busy').value,
    reminder: reminder === '' ? null : Number(reminder), description: $('event-description').value, private: $('event-private').checked,
    attendees, organizer,
  };
  const button = $('event-save');
  d.saving = true;
  button.disabled = true;
  button.classList.add('busy');
  try {
    let calendarId = d.calendar.id;
    if (d.mode === 'new') {
      calendarId = $('event-calendar').value || calendarId;
      await createEvent(calendarId, { ...fields, recurrence });
    } else if (d.mode === 'occurrence') {
      await updateEvent(calendarId, d.eventId, occurrenceBody(d.event, d.instance, fields), { etag: d.event.etag || d.instance.etag, occurrence: d.instance.occurrence });
    } else {
      await updateEvent(calendarId, d.eventId, toBody(d.event, { ...fields, recurrence }), { etag: d.event.etag || (d.instance && d.instance.etag) });
    }
    let key = 'cal.saved';
    if (attendees.length) key = d.mode === 'new' ? 'cal.savedInvited' : 'cal.savedUpdated';
    showStatus(t(key, { subject: fields.subject || t('cal.noSubject') }), 'success');
    close();
    hooks.onChanged();
  } catch (err) {
    formError(err && err.status === 409 ? t('cal.conflictForm') : (err && err.message) || t('error.network'));
  } finally {
    d.saving = false;
    button.disabled = false;
    button.classList.remove('busy');
  }
}

async function remove() {
  const master = d.event || {};
  const ev = d.instance ? { ...d.instance, calendarId: d.calendar.id } : {
    ...master, id: d.eventId, calendarId: d.calendar.id, recurring: !!master.recurrence, occurrence: null,
    meeting: !!(master.attendees || []).length, myResponse: master.myResponse || null,
  };
  if (d.mode === 'edit' && d.instance && !d.instance.occurrence) ev.recurring = !!master.recurrence;
  const ok = await deleteInstance(ev, { etag: master.etag });
  if (ok) { close(); hooks.onChanged(); }
}

async function respond(answer) {
  try {
    await respondEvent(d.calendar.id, d.eventId, answer);
    showStatus(t(`cal.responded.${answer}`, { subject: subjectOf(d.event) }), 'success');
    close();
    hooks.onChanged();
  } catch (err) {
    formError((err && err.message) || t('error.network'));
  }
}

/** From one occurrence to its series (the master as the server has it). */
function openSeries() {
  d.mode = 'edit';
  fill();
  $('event-subject').focus();
}

async function requestClose() {
  if (!d.open) return;
  if (!d.readOnly && snapshot() !== d.baseline) {
    const choice = await confirmDialog({
      title: t('cal.discardTitle'),
      text: t('cal.discardText'),
      buttons: [{ id: 'keep', text: t('cal.keepEditing') }, { id: 'discard', text: t('compose.discard'), danger: true, primary: true, elementId: 'event-discard' }],
    });
    if (choice !== 'discard') return;
  }
  close();
}

function close() { if (dialog().open) dialog().close(); }

function finish() {
  if (!d.open) return;
  d.open = false;
  clearFreeBusy();
  // nothing of the event stays in the page (a logoff closes the form too)
  for (const id of ['event-subject', 'event-location', 'event-description', 'event-attendee-input']) $(id).value = '';
  setAttendees([], null);
  const r = d.resolve;
  d.resolve = null;
  d.event = null;
  d.instance = null;
  if (r) r();
}
