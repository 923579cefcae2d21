// The calendar module (#calendar): the view chosen (day, work week, week, month, agenda; kept
// in the browser), the day it shows, the toolbar (today, previous, next, the views, new event),
// the shown calendars' events of the range in view (GET api/calendars/{id}/events, all shown
// calendars overlaid in one grid or side by side), live updates (a changed calendar folder
// reloads the range), keyboard shortcuts, and the phone layout (one day or the agenda; the
// calendar list as a panel of its own). The views are timegrid.js, month.js and agenda.js; the
// event form is event-dialog.js, the sharing dialog permissions.js.

import { $, isPhone, debounce } from '../dom.js';
import { t } from '../i18n.js';
import { showStatus } from '../status.js';
import * as cals from './calendars.js';
import { initMini, updateMini } from './mini.js';
import { listInstances } from './data.js';
import { moveInstance, deleteInstance } from './actions.js';
import { renderTimeGrid } from './timegrid.js';
import { renderMonth } from './month.js';
import { renderAgenda } from './agenda.js';
import { initEventDialog, openEventDialog } from './event-dialog.js';
import { openPermissions } from './permissions.js';
import { rovingEvents, keyOf } from './common.js';
import {
  addDays, addMonths, startOfWeek, firstOfMonth, daysBetween, dayOfWeek, todayKey, instantAt, formatDay, formatDayRange, wallOf, isDayKey,
} from './dates.js';

export const VIEWS = ['day', 'workweek', 'week', 'month', 'agenda'];
const VIEW_KEY = 'zcp.webaccess.calendarView';
const SIDE_KEY = 'zcp.webaccess.calendarSideBySide';
const AGENDA_DAYS = 30;

const st = {
  active: false,
  loaded: false,
  view: 'week',
  anchor: null,
  cache: new Map(),        // calendar id → {range, events}
  seq: 0,
  controller: null,
  shown: null,             // what render() drew: {destroy, scrollTop, order}
  scrollTop: null,
  focusKey: null,
  stale: false,
};
let hooks = { user: () => null, onTitle: () => {} };

export function initCalendar(options = {}) {
  hooks = { ...hooks, ...options };
  try { const v = localStorage.getItem(VIEW_KEY); if (VIEWS.includes(v)) st.view = v; } catch { /* storage disabled */ }
  try { $('cal-side-by-side').checked = localStorage.getItem(SIDE_KEY) === '1'; } catch { /* storage disabled */ }
  $('cal-today').addEventListener('click', () => goToday());
  $('cal-prev').addEventListener('click', () => step(-1));
  $('cal-next').addEventListener('click', () => step(1));
  $('cal-new').addEventListener('click', () => newEvent());
  for (const v of VIEWS) $(`cal-view-${v}`).addEventListener('click', () => setView(v));
  $('cal-side-by-side').addEventListener('change', () => {
    try { localStorage.setItem(SIDE_KEY, $('cal-side-by-side').checked ? '1' : '0'); } catch { /* storage disabled */ }
    st.scrollTop = currentScroll();
    render();
  });
  $('cal-show-list').addEventListener('click', () => toggleList());
  $('cal-list-close').addEventListener('click', () => toggleList(false));
  $('calendar').addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && $('calendar').classList.contains('show-list')) { e.preventDefault(); toggleList(false); }
  });
  cals.initCalendarList({
    onChange: () => { if (isPhone()) toggleList(false); reload(); },
    onPermissions: (c) => openPermissions({ folderId: c.folderId, name: cals.calendarName(c), calendar: true }),
  });
  initMini({ onPick: (day) => { goTo(day); if (isPhone()) toggleList(false); } });
  initEventDialog({ user: () => hooks.user(), onChanged: () => reload({ force: true }) });
  window.addEventListener('languagechange-app', () => { if (st.active) reload({ force: true }); else st.stale = true; });
  window.matchMedia('(max-width: 799.98px)').addEventListener('change', () => { if (st.active) { fitViewToWidth(); reload(); } });
}

/** The module comes into view (the switcher): calendars loaded once, the range (re)loaded. */
export async function showCalendarModule() {
  st.active = true;
  $('calendar').hidden = false;
  if (!st.anchor) st.anchor = todayKey();
  fitViewToWidth();
  updateToolbar();
  if (!st.loaded) {
    try {
      await cals.loadCalendars();
      st.loaded = true;
    } catch { return; /* shown in #status */ }
  }
  await reload({ force: st.stale });
  st.stale = false;
}

export function hideCalendarModule() {
  st.active = false;
  toggleList(false);
  $('calendar').hidden = true;
}

export function isCalendarActive() { return st.active; }

/** Logoff: nothing of this user's calendars stays in the page. */
export function forgetCalendar() {
  st.seq++;
  if (st.controller) st.controller.abort();
  if (st.shown) st.shown.destroy();
  st.shown = null;
  st.cache.clear();
  st.loaded = false;
  st.anchor = null;
  st.scrollTop = null;
  st.focusKey = null;
  cals.forgetCalendars();
  $('cal-body').replaceChildren();
  $('cal-title').textContent = '';
}

/** Phones show one day (or the month, or the agenda): the weeks do not fit. */
function fitViewToWidth() {
  if (isPhone() && (st.view === 'week' || st.view === 'workweek')) st.view = 'day';
}

// ---- the range -------------------------------------------------------------------------------

/** {first, days, weeks?} of the view around the anchor. */
function range(view = st.view, anchor = st.anchor) {
  switch (view) {
    case 'day': return { first: anchor, days: 1 };
    case 'workweek': {
      // Monday to Friday of the week the anchor is in (a week of the locale's)
      const weekFirst = startOfWeek(anchor);
      return { first: addDays(weekFirst, (8 - dayOfWeek(weekFirst)) % 7), days: 5 };
    }
    case 'week': return { first: startOfWeek(anchor), days: 7 };
    case 'month': {
      const first = startOfWeek(firstOfMonth(anchor));
      const weeks = Math.ceil(daysBetween(first, addMonths(firstOfMonth(anchor), 1)) / 7);
      return { first, days: weeks * 7, weeks };
    }
    default: return { first: anchor, days: AGENDA_DAYS };
  }
}

function step(dir) {
  const a = st.anchor;
  switch (st.view) {
    case 'day': st.anchor = addDays(a, dir); break;
    case 'workweek': case 'week': st.anchor = addDays(a, 7 * dir); break;
    case 'month': st.anchor = addMonths(firstOfMonth(a), dir); break;
    default: st.anchor = addDays(a, AGENDA_DAYS * dir);
  }
  reload();
}

function goToday() { st.anchor = todayKey(); reload(); }

export function goTo(day, view) {
  if (!isDayKey(day)) return;
  st.anchor = day;
  if (view && VIEWS.includes(view)) setView(view, { quiet: true });
  reload();
}

function setView(view, { quiet = false } = {}) {
  if (!VIEWS.includes(view)) return;
  st.view = view;
  if (isPhone() && (view === 'week' || view === 'workweek')) st.view = 'day';
  try { localStorage.setItem(VIEW_KEY, view); } catch { /* storage disabled */ }
  st.scrollTop = null;
  updateToolbar();
  if (!quiet) reload();
}

function updateToolbar() {
  for (const v of VIEWS) $(`cal-view-${v}`).setAttribute('aria-pressed', String(v === st.view));
  $('calendar').dataset.view = st.view;
}

function titleText() {
  const r = range();
  if (st.view === 'day') return formatDay(st.anchor, 'long');
  if (st.view === 'month') return formatDay(st.anchor, 'monthYear');
  return formatDayRange(r.first, addDays(r.first, r.days - 1));
}

// ---- loading ---------------------------------------------------------------------------------

/** Fetches the events of the range for the shown calendars (only what is not cached), then draws. */
export async function reload({ force = false } = {}) {
  if (!st.active || !st.loaded) return;
  const mine = ++st.seq;
  if (st.controller) st.controller.abort();
  const controller = new AbortController();
  st.controller = controller;
  const r = range();
  const from = instantAt(r.first, 0);
  const to = instantAt(addDays(r.first, r.days), 0);
  const key = `${from}|${to}`;
  updateToolbar();
  $('cal-title').textContent = titleText();
  hooks.onTitle();
  updateMini(st.anchor, r.first, addDays(r.first, r.days - 1));
  const wanted = cals.shownCalendars().filter((c) => force || !st.cache.has(c.id) || st.cache.get(c.id).range !== key);
  if (wanted.length) {
    $('cal-main').classList.add('is-loading');
    $('cal-main').setAttribute('aria-busy', 'true');
  }
  const results = await Promise.allSettled(wanted.map((c) => listInstances(c.id, from, to, { signal: controller.signal })
    .then((events) => ({ c, events }))));
  if (mine !== st.seq) return;
  $('cal-main').classList.remove('is-loading');
  $('cal-main').removeAttribute('aria-busy');
  const failed = [];
  results.forEach((res, k) => {
    if (res.status === 'fulfilled') st.cache.set(wanted[k].id, { range: key, events: res.value.events });
    else if (!(res.reason && res.reason.name === 'AbortError')) { failed.push(wanted[k]); st.cache.delete(wanted[k].id); }
  });
  if (failed.length) {
    const err = results.find((x) => x.status === 'rejected').reason;
    showStatus(t('cal.loadFailed', { name: failed.map(cals.calendarName).join(', '), message: (err && err.message) || '' }), 'error');
  }
  render();
}

/** A calendar folder changed (event stream): the range is fetched again if it is shown. */
export function onFolderChanged(folderId) {
  if (!folderId) return;
  const id = String(folderId).toLowerCase();
  const hit = cals.allCalendars().find((c) => c.folderId && String(c.folderId).toLowerCase() === id);
  if (!hit) return;
  st.cache.delete(hit.id);
  if (!cals.isShown(hit.id)) return;
  if (st.active) reloadSoon(); else st.stale = true;
}

const reloadSoon = debounce(() => reload(), 300);

/** Folders were added, renamed or deleted (event stream): the list of calendars is read again. */
export const onHierarchyChanged = debounce(async () => {
  if (!st.loaded) return;
  try { await cals.loadCalendars(); } catch { return; }
  if (st.active) reload(); else st.stale = true;
}, 500);

// ---- drawing ---------------------------------------------------------------------------------

function currentScroll() { return st.shown && st.shown.scrollTop ? st.shown.scrollTop() : null; }

function render() {
  const body = $('cal-body');
  const hadFocus = body.contains(document.activeElement);
  const focused = hadFocus && document.activeElement._event ? keyOf(document.activeElement._event) : st.focusKey;
  const scrollTop = st.shown && st.shown.view === st.view && st.shown.first === range().first ? currentScroll() : st.scrollTop;
  if (st.shown) st.shown.destroy();
  const r = range();
  const shownCals = cals.shownCalendars();
  const eventsOf = (c) => ((st.cache.get(c.id) || {}).events || []).map((ev) => ({ ...ev, calendarId: c.id }));
  const all = shownCals.flatMap(eventsOf);
  const common = {
    canCreate: (calendarId) => {
      const c = calendarId ? cals.getCalendar(calendarId) : cals.defaultCalendar();
      return !!(c && c.rights && c.rights.create);
    },
    canEdit: (ev) => {
      if (ev.freeBusyOnly) return false;
      const c = cals.getCalendar(ev.calendarId);
      if (!c || !c.rights || !c.rights.edit) return false;
      return !(ev.meeting && ev.myResponse && ev.myResponse !== 'organizer');
    },
    onOpen: (ev) => openInstance(ev),
    onCreate: (init, done) => newEvent(init).then(() => done && done()),
    onMove: (ev, change) => moveInstance(ev, change).then(() => reload({ force: true })),
    onGotoDay: (day) => goTo(day, 'day'),
  };
  let shown;
  if (st.view === 'month') {
    shown = renderMonth(body, { ...common, first: r.first, weeks: r.weeks, month: st.anchor.slice(0, 7), events: all });
  } else if (st.view === 'agenda') {
    shown = renderAgenda(body, { ...common, first: r.first, days: r.days, events: all, showCalendar: shownCals.length > 1 });
  } else {
    const side = $('cal-side-by-side').checked && shownCals.length > 1;
    const groups = side ? shownCals.map((c) => ({ calendar: c, events: eventsOf(c) })) : [{ calendar: null, events: all }];
    const days = Array.from({ length: r.days }, (_, k) => addDays(r.first, k));
    shown = renderTimeGrid(body, { ...common, days, groups, scrollTop: scrollTop ?? undefined });
  }
  const unroll = rovingEvents(body, shown.order, {
    onOpen: (ev) => openInstance(ev),
    onDelete: (ev) => { if (common.canEdit(ev) || isAttendee(ev)) deleteInstance(ev).then((ok) => ok && reload({ force: true })); },
    focusId: focused,
  });
  st.shown = { ...shown, view: st.view, first: r.first, destroy: () => { unroll(); shown.destroy(); } };
  st.scrollTop = null;
  body.dataset.eventCount = String(all.length);
  if (hadFocus && focused) {
    const again = shown.order.find((n) => keyOf(n._event) === focused);
    if (again) again.focus();
  }
}

const isAttendee = (ev) => !ev.freeBusyOnly && ev.meeting && ev.myResponse && ev.myResponse !== 'organizer'
  && !!(cals.getCalendar(ev.calendarId) || {}).rights?.delete;

// ---- opening and creating ----------------------------------------------------------------------

async function openInstance(ev) {
  st.focusKey = keyOf(ev);
  if (ev.freeBusyOnly) { showStatus(t('cal.busyOnly'), 'info'); return; }
  const cal = cals.getCalendar(ev.calendarId);
  await openEventDialog({ instance: ev, calendar: cal });
}

/** A new event: from the toolbar (the next half hour of the day in view), or a slot chosen. */
async function newEvent(init = {}) {
  const cal = (init.calendarId && cals.getCalendar(init.calendarId)) || cals.defaultCalendar();
  if (!cal || !(cal.rights && cal.rights.create)) { showStatus(t('cal.noWritable'), 'error'); return; }
  let { start, end, allDay } = init;
  if (!start) {
    // the next half hour today when today is in view, else 09:00 on the day in view
    const now = wallOf(new Date().toISOString());
    const r = range();
    const todayInView = now && daysBetween(r.first, now.day) >= 0 && daysBetween(now.day, addDays(r.first, r.days - 1)) >= 0;
    const day = todayInView ? now.day : st.anchor || todayKey();
    const minutes = todayInView ? Math.min(Math.ceil((now.minutes + 1) / 30) * 30, 1410) : 9 * 60;
    start = instantAt(day, minutes);
    end = instantAt(day, minutes + 30);
    allDay = false;
  }
  await openEventDialog({ create: { start, end, allDay: !!allDay }, calendar: cal });
}

/** Opens an event from elsewhere (a meeting request): its day in view, then the event. */
export async function openEventById(calendarId, eventId, start) {
  if (!st.loaded) { try { await cals.loadCalendars(); st.loaded = true; } catch { return; } }
  const cal = cals.getCalendar(calendarId);
  if (!cal) { showStatus(t('cal.notShown'), 'error'); return; }
  if (!cals.isShown(cal.id)) cals.showCalendar(cal.id);
  const w = start ? (isDayKey(String(start).slice(0, 10)) && String(start).length === 10 ? { day: start } : wallOf(start)) : null;
  if (w) st.anchor = w.day;
  if (st.view === 'agenda' || st.view === 'month') setView(isPhone() ? 'day' : 'week', { quiet: true });
  await reload();
  await openEventDialog({ eventId, calendar: cal });
}

function toggleList(open) {
  const root = $('calendar');
  const show = open ?? !root.classList.contains('show-list');
  root.classList.toggle('show-list', show);
  $('cal-show-list').setAttribute('aria-expanded', String(show));
  if (show) $('cal-sidebar').querySelector('button, input')?.focus();
}

// ---- keyboard --------------------------------------------------------------------------------

/** Shortcuts of the calendar (app.js passes the keys it does not take itself). Answers handled. */
export function onCalendarShortcut(e) {
  if (!st.active) return false;
  switch (e.key) {
    case 'n': case 'N': case 'c': case 'C': newEvent(); return true;
    case 't': case 'T': goToday(); return true;
    case 'j': case 'J': step(1); return true;
    case 'k': case 'K': step(-1); return true;
    case 'd': case 'D': setView('day'); return true;
    case 'x': case 'X': setView('workweek'); return true;
    case 'w': case 'W': setView('week'); return true;
    case 'm': case 'M': setView('month'); return true;
    case 'a': case 'A': setView('agenda'); return true;
    default: return false;
  }
}
