// Reminders of the user's own calendars, from logon to logoff (app.js). Every minute, at the
// start and when one of those calendars changes (the event stream), the events from an hour ago
// to 25 hours ahead of the own calendars the calendar list shows (GET api/calendars, then
// api/calendars/{id}/events) are read; an instance with a reminder is due when its start minus
// the reminder has come, and stays until an hour after its start (all-day events: until their
// last day is over). The due ones are listed in #reminders-dialog (role=alertdialog; a row per
// instance, li[data-reminder-key="<id>|<occurrence>"]): open the event, snooze it (5, 10, 15 or 30
// minutes) or dismiss it, or dismiss all. Dismissals and snoozes are kept in the event itself
// (POST api/calendars/{cal}/events/{id}/reminder: RFC 9074's ACKNOWLEDGED and snooze alarm, which
// the events list gives back as reminderAcknowledged / reminderSnoozed), so the user's other
// browsers, phones and CalDAV clients see them too: a reminder whose due time is at or before the
// acknowledgement is done, unless a snooze after it brings it back; a dismissed event moved to
// later comes back. Until the server has answered (or when it refused) the page keeps what the
// user did itself. The dialog takes the focus only when the user is not typing and no other
// dialog is open; otherwise, and whenever reminders are left after it closes, a banner
// (#reminders-banner, role=status) says so and opens it. Desktop notifications only when the user
// allowed them before (the page never asks by itself; #reminders-notify in the dialog does).
// #reminders-dialog's data-checked counts the evaluations (tests wait for the first one).

import { get } from '../api.js';
import { $, el, isTyping, debounce } from '../dom.js';
import { icon } from '../icons.js';
import { t, tn } from '../i18n.js';
import { openModal } from '../dialogs.js';
import { listInstances, reminderAction } from './data.js';
import { showStatus } from '../status.js';
import { shownSet } from './calendars.js';
import { addDays, formatWhen, formatDuration, instantAt } from './dates.js';

const POLL_MS = 60000;
const CALENDARS_MS = 15 * 60000;    // the list of calendars is read again after this (and when folders change)
const LATE_MS = 3600000;            // a timed event's reminder stays until an hour after its start
const AHEAD_MS = 25 * 3600000;
export const SNOOZE_MINUTES = [5, 10, 15, 30];
const OLD_STORAGE_PREFIX = 'zcp.webaccess.reminders.'; // where earlier versions kept dismissals in the browser

const r = {
  running: false,
  user: '',
  gen: 0,                 // bumped at start and stop: answers for an earlier session are dropped
  poll: 0,
  wake: 0,
  calendars: null,        // the own calendars, as GET api/calendars answered
  calendarsAt: 0,
  events: new Map(),      // calendar id → its instances of the window
  local: new Map(),       // event id → {ack, until} (ms) the user did here, until the server's list says so too
  checked: 0,
  active: [],             // the reminders due now: [{key, ev, startMs}]
  seen: new Set(),        // keys the dialog or the banner has told about (a new one opens the dialog again)
  notified: new Set(),
  bannerClosed: false,    // the user closed the banner: it stays away until a new reminder comes
};
let hooks = { onOpen: () => {}, focusMain: () => {} };

const dialog = () => $('reminders-dialog');
const banner = () => $('reminders-banner');

export function initReminders(options = {}) {
  hooks = { ...hooks, ...options };
  $('reminders-close').addEventListener('click', () => dialog().close());
  $('reminders-dismiss-all').addEventListener('click', () => dismiss(r.active.map((a) => a.key)));
  $('reminders-notify').addEventListener('click', () => askNotifications());
  $('reminders-banner-open').addEventListener('click', () => openDialog());
  $('reminders-banner-close').addEventListener('click', () => { r.bannerClosed = true; hideBanner(); });
  $('reminders-list').addEventListener('click', (e) => {
    const row = e.target.closest('[data-reminder-key]');
    if (!row) return;
    const key = row.dataset.reminderKey;
    if (e.target.closest('.reminder-dismiss')) dismiss([key]);
    else if (e.target.closest('.reminder-snooze')) snooze(key, Number(row.querySelector('.reminder-snooze-time').value));
    else if (e.target.closest('.reminder-open')) openEvent(key);
  });
  dialog().addEventListener('close', () => {
    if (r.running && r.active.length && !r.bannerClosed) showBanner();
    // opened from the banner, which went away meanwhile: the focus goes back to the view
    setTimeout(() => { if (r.running && (!document.activeElement || document.activeElement === document.body)) hooks.focusMain(); }, 0);
  });
  window.addEventListener('languagechange-app', () => { if (r.running) { renderRows(); updateBanner(); } });
}

/** After logon: reminders of {@code user} ({login, email}) from now on. */
export function startReminders({ user } = {}) {
  stopReminders();
  r.running = true;
  r.user = String((user && (user.login || user.email)) || '');
  try { localStorage.removeItem(`${OLD_STORAGE_PREFIX}${r.user}`); } catch { /* storage disabled */ }
  r.poll = setInterval(() => refresh(), POLL_MS);
  refresh();
}

/** Logoff: no more reminders; nothing of the user stays in the page. */
export function stopReminders() {
  r.running = false;
  r.gen++;
  clearInterval(r.poll);
  clearTimeout(r.wake);
  refreshSoon.cancel();
  Object.assign(r, { user: '', calendars: null, calendarsAt: 0, active: [], bannerClosed: false });
  r.events.clear();
  r.local.clear();
  r.checked = 0;
  r.seen.clear();
  r.notified.clear();
  if (dialog().open) dialog().close();
  $('reminders-list').replaceChildren();
  hideBanner();
}

/** A folder changed (event stream): one of the own calendars, and the events are read again. */
export function onRemindersFolderChanged(folderId) {
  if (!r.running || !folderId || !r.calendars) return;
  const id = String(folderId).toLowerCase();
  if (r.calendars.some((c) => c.folderId && String(c.folderId).toLowerCase() === id)) refreshSoon();
}

/** Folders were added, renamed or deleted: the calendars are read again. */
export function onRemindersHierarchyChanged() {
  if (!r.running) return;
  r.calendars = null;
  refreshSoon();
}

const refreshSoon = debounce(() => refresh(), 1500);

// ---- reading -----------------------------------------------------------------------------------

async function refresh() {
  if (!r.running) return;
  const gen = r.gen;
  try {
    if (!r.calendars || Date.now() - r.calendarsAt > CALENDARS_MS) {
      const data = await get('api/calendars', undefined, { quiet: true });
      if (gen !== r.gen) return;
      r.calendars = ((data && Array.isArray(data.calendars)) ? data.calendars : []).filter((c) => c && c.mine);
      r.calendarsAt = Date.now();
    }
  } catch {
    if (!r.calendars) return; // tried again in a minute
  }
  const shown = shownSet();
  const own = r.calendars.filter((c) => (shown ? shown.has(String(c.id)) : c.default));
  const now = Date.now();
  const from = new Date(now - LATE_MS).toISOString();
  const to = new Date(now + AHEAD_MS).toISOString();
  const results = await Promise.allSettled(own.map((c) => listInstances(String(c.id), from, to)));
  if (gen !== r.gen) return;
  const ids = new Set(own.map((c) => String(c.id)));
  for (const id of [...r.events.keys()]) if (!ids.has(id)) r.events.delete(id);
  // a calendar that could not be read keeps what it had
  results.forEach((res, k) => {
    if (res.status === 'fulfilled') r.events.set(String(own[k].id), res.value.map((ev) => ({ ...ev, calendarId: String(own[k].id) })));
  });
  evaluate();
}

/** "id|occurrence": one instance of one event. */
export function reminderKey(ev) { return `${ev.id}|${ev.occurrence || ''}`; }

/** Which reminders are due now; the next time one will be is when we look again. */
function evaluate() {
  if (!r.running) return;
  clearTimeout(r.wake);
  const now = Date.now();
  const active = new Map();
  let next = Infinity;
  for (const ev of [...r.events.values()].flat()) {
    if (!ev || !ev.id || ev.freeBusyOnly || ev.cancelled || ev.myResponse === 'declined') continue;
    if (ev.reminder === null || ev.reminder === undefined) continue;
    const minutes = Number(ev.reminder);
    if (!Number.isFinite(minutes) || minutes < 0) continue;
    const span = spanOf(ev);
    if (!span || now >= span.end) continue;
    const key = reminderKey(ev);
    const due = span.start - minutes * 60000;
    if (due > now) { next = Math.min(next, due); continue; }
    const { ack, until } = handled(ev);
    if (due <= ack) {
      if (!(until > ack)) continue;                                 // dismissed
      if (until > now) { next = Math.min(next, until); continue; }  // snoozed
    }
    if (!active.has(key)) active.set(key, { key, ev, startMs: span.start });
  }
  r.active = [...active.values()].sort((a, b) => a.startMs - b.startMs || String(a.ev.subject).localeCompare(String(b.ev.subject)));
  // a reminder due before the next look: woken for it (the minute's look covers the rest)
  if (next - now < POLL_MS) r.wake = setTimeout(() => evaluate(), Math.max(250, next - now + 250));
  dialog().dataset.checked = String(++r.checked);
  present();
}

/** Acknowledged up to and snoozed until (ms, NaN: never) as the event says, or as done here since. */
function handled(ev) {
  let ack = Date.parse(ev.reminderAcknowledged || '');
  let until = Date.parse(ev.reminderSnoozed || '');
  const mine = r.local.get(String(ev.id));
  if (mine && !(ack >= mine.ack)) { ack = mine.ack; until = mine.until; }
  return { ack, until };
}

/** The instant an instance starts and the one its reminder goes away. */
function spanOf(ev) {
  if (ev.allDay) {
    const first = String(ev.start).slice(0, 10);
    const endDay = ev.end ? String(ev.end).slice(0, 10) : addDays(first, 1);
    const start = Date.parse(instantAt(first, 0));
    const end = Date.parse(instantAt(endDay > first ? endDay : addDays(first, 1), 0));
    return Number.isNaN(start) || Number.isNaN(end) ? null : { start, end };
  }
  const start = Date.parse(ev.start);
  return Number.isNaN(start) ? null : { start, end: start + LATE_MS };
}

// ---- kept in the event ---------------------------------------------------------------------------

/** Dismisses the reminders {@code keys}: acknowledged in their events for every device. */
function dismiss(keys) {
  if (!keys.length) return;
  const now = Date.now();
  const chosen = keys.map((key) => r.active.find((x) => x.key === key)).filter(Boolean);
  for (const a of chosen) r.local.set(String(a.ev.id), { ack: now, until: NaN });
  afterChange(keys);
  store(chosen, { action: 'dismiss' });
}

function snooze(key, minutes) {
  const m = SNOOZE_MINUTES.includes(minutes) ? minutes : SNOOZE_MINUTES[0];
  const a = r.active.find((x) => x.key === key);
  if (!a) return;
  const now = Date.now();
  r.local.set(String(a.ev.id), { ack: now, until: now + m * 60000 });
  // when it comes back it is new again: the dialog opens for it
  r.seen.delete(key);
  r.notified.delete(key);
  afterChange([key]);
  store([a], { action: 'snooze', minutes: m });
}

/** Writes what the user did into the events (once per event); the page keeps it if that fails. */
async function store(chosen, body) {
  const gen = r.gen;
  const events = new Map();
  for (const a of chosen) events.set(String(a.ev.id), a.ev);
  const results = await Promise.allSettled([...events.values()].map(async (ev) => {
    const ref = await reminderAction(ev.calendarId, ev.id, body);
    if (ref && ref.etag) window.dispatchEvent(new CustomEvent('zcp-event-etag', { detail: { id: ev.id, from: ev.etag, to: ref.etag } }));
  }));
  if (gen !== r.gen) return;
  const failed = results.find((x) => x.status === 'rejected');
  if (failed) showStatus(t('reminders.notKept', { reason: (failed.reason && failed.reason.message) || t('error.network') }), 'error');
  refreshSoon();
}

/** After dismissing or snoozing in the dialog: the focus goes to the next row (or out). */
function afterChange(keys) {
  const rows = [...$('reminders-list').querySelectorAll('[data-reminder-key]')];
  const index = rows.findIndex((row) => keys.includes(row.dataset.reminderKey));
  const hadFocus = dialog().contains(document.activeElement);
  evaluate();
  if (!dialog().open || !hadFocus) return;
  const left = [...$('reminders-list').querySelectorAll('[data-reminder-key]')];
  const target = left[Math.min(Math.max(index, 0), left.length - 1)];
  (target ? target.querySelector('.reminder-dismiss') : $('reminders-dismiss-all')).focus();
}

// ---- showing -----------------------------------------------------------------------------------

/** The dialog may take the focus: the user is not typing and no other dialog or menu is open. */
function mayTakeFocus() {
  return !isTyping(document.activeElement) && !document.querySelector('dialog[open]') && !document.querySelector('.menu');
}

function present() {
  const fresh = r.active.filter((a) => !r.seen.has(a.key));
  for (const a of r.active) r.seen.add(a.key);
  notify(fresh);
  if (!r.active.length) {
    if (dialog().open) dialog().close();
    hideBanner();
    return;
  }
  if (fresh.length) r.bannerClosed = false;
  if (dialog().open) { renderRows(); return; }
  if (fresh.length && mayTakeFocus()) openDialog();
  else if (!r.bannerClosed) showBanner();
}

function openDialog() {
  if (!r.active.length) return;
  hideBanner();
  renderRows();
  if (dialog().open) return;
  openModal(dialog(), { initialFocus: $('reminders-list').querySelector('.reminder-open') || $('reminders-dismiss-all') });
}

function relative(startMs, allDay) {
  if (allDay) return t('reminders.allDay');
  const minutes = Math.round((startMs - Date.now()) / 60000);
  if (minutes > 0) return t('reminders.startsIn', { duration: formatDuration(minutes) });
  if (minutes === 0) return t('reminders.startsNow');
  return t('reminders.started', { duration: formatDuration(-minutes) });
}

function subjectOf(ev) {
  return ev.subject || (ev.private ? t('cal.privateEvent') : t('cal.noSubject'));
}

function renderRows() {
  const list = $('reminders-list');
  $('reminders-title').textContent = tn('reminders.title', r.active.length);
  const focusedKey = document.activeElement && document.activeElement.closest && document.activeElement.closest('[data-reminder-key]')
    ? document.activeElement.closest('[data-reminder-key]').dataset.reminderKey : null;
  const focusedClass = focusedKey ? [...document.activeElement.classList].find((c) => c.startsWith('reminder-')) : null;
  list.replaceChildren(...r.active.map((a, k) => {
    const subject = subjectOf(a.ev);
    const selectId = `reminder-snooze-time-${k}`;
    const select = el('select', {
      className: 'reminder-snooze-time',
      attrs: { id: selectId, 'aria-label': t('reminders.snoozeFor', { subject }) },
    }, ...SNOOZE_MINUTES.map((m) => el('option', { text: formatDuration(m, 'long'), attrs: { value: String(m) } })));
    const where = a.ev.location ? t('meeting.where', { location: a.ev.location }) : '';
    return el('li', { className: 'reminder', dataset: { reminderKey: a.key } },
      icon('calendar', 'reminder-icon'),
      el('div', { className: 'reminder-main' },
        el('button', { className: 'btn-link reminder-open', text: subject, attrs: { type: 'button', title: t('reminders.open') } }),
        el('p', { className: 'reminder-when', text: [formatWhen(a.ev), where].filter(Boolean).join(' · ') }),
        el('p', { className: 'reminder-due', text: relative(a.startMs, !!a.ev.allDay) })),
      el('div', { className: 'reminder-actions' },
        select,
        el('button', { className: 'btn btn-small reminder-snooze', text: t('reminders.snooze'), attrs: { type: 'button', 'aria-label': t('reminders.snoozeOne', { subject }) } }),
        el('button', { className: 'btn btn-small reminder-dismiss', text: t('reminders.dismiss'), attrs: { type: 'button', 'aria-label': t('reminders.dismissOne', { subject }) } })));
  }));
  if (focusedKey && focusedClass) {
    const row = [...list.querySelectorAll('[data-reminder-key]')].find((x) => x.dataset.reminderKey === focusedKey);
    row?.querySelector(`.${focusedClass}`)?.focus();
  }
  $('reminders-notify-row').hidden = !(typeof Notification !== 'undefined' && Notification.permission === 'default');
}

function popoverOpen(b) {
  try { return b.matches(':popover-open'); } catch { return false; }
}

function showBanner() {
  const b = banner();
  if (!r.active.length) return;
  const shown = !b.hidden;
  placeBanner();
  b.hidden = false;
  if (typeof b.showPopover === 'function' && !popoverOpen(b)) {
    try { b.showPopover(); } catch { /* shown in the page */ }
  }
  // a live region says what changes in it: the text comes once it is shown
  if (shown) updateBanner();
  else { $('reminders-banner-text').textContent = ''; setTimeout(() => updateBanner(), 100); }
}

/**
 * The banner is usable while another dialog is open (a modal dialog makes the rest of the page
 * inert): it goes into that dialog (over its backdrop, away from its middle), and back when the
 * dialog closes.
 */
function placeBanner() {
  const b = banner();
  const modal = [...document.querySelectorAll('dialog[open]')].filter((x) => x !== dialog() && x.matches(':modal')).pop() || null;
  const parent = modal || document.body;
  if (b.parentElement === parent) return;
  const open = popoverOpen(b);
  parent.append(b);   // moving a popover closes it
  b.classList.toggle('reminders-banner-over', !!modal);
  if (open && typeof b.showPopover === 'function') {
    try { b.showPopover(); } catch { /* shown in the page */ }
  }
  if (modal) {
    modal.addEventListener('close', () => {
      if (b.parentElement !== modal) return;
      if (b.hidden) { document.body.append(b); b.classList.remove('reminders-banner-over'); } else placeBanner();
    }, { once: true });
  }
}

function hideBanner() {
  const b = banner();
  if (typeof b.hidePopover === 'function' && popoverOpen(b)) {
    try { b.hidePopover(); } catch { /* hidden below */ }
  }
  b.hidden = true;
}

function updateBanner() {
  if (!r.active.length) return;
  const first = r.active[0];
  $('reminders-banner-text').textContent = tn('reminders.banner', r.active.length, {
    subject: subjectOf(first.ev), when: relative(first.startMs, !!first.ev.allDay),
  });
}

/** Opens the event of a reminder (the calendar at its day); the reminder stays until dismissed. */
function openEvent(key) {
  const a = r.active.find((x) => x.key === key);
  if (!a) return;
  // the banner stays (under the event's form) until the reminder is dismissed
  if (dialog().open) dialog().close();
  hooks.onOpen(a.ev);
}

// ---- desktop notifications -----------------------------------------------------------------------

/** New reminders as desktop notifications: only when allowed before, and the page is not in front. */
function notify(fresh) {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  if (document.visibilityState === 'visible' && document.hasFocus()) return;
  for (const a of fresh) {
    if (r.notified.has(a.key)) continue;
    r.notified.add(a.key);
    try {
      const n = new Notification(subjectOf(a.ev), { body: `${formatWhen(a.ev)} · ${relative(a.startMs, !!a.ev.allDay)}`, tag: `zcp-reminder-${a.key}` });
      n.addEventListener('click', () => { window.focus(); n.close(); if (mayTakeFocus()) openDialog(); });
    } catch { /* not allowed here (some browsers only from a service worker) */ }
  }
}

async function askNotifications() {
  if (typeof Notification === 'undefined') return;
  try { await Notification.requestPermission(); } catch { /* refused */ }
  renderRows();
  $('reminders-dismiss-all').focus();
}
