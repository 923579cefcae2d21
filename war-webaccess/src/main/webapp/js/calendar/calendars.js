// The calendar list (#cal-list) on the left of the calendar: the user's own calendars, then the
// other users' calendars they opened (GET api/calendars), each with a checkbox that shows it (all
// shown ones overlaid in one grid, or side by side), a colour of its own, and a menu (the "…"
// button, right click, Shift+F10): show only this one, share / permissions, close. "Open a shared
// calendar…" (#cal-open-shared) asks for a user (POST api/calendars/open).

import { el, $ } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';
import { showMenu } from '../menu.js';
import { promptDialog } from '../dialogs.js';
import { showStatus } from '../status.js';
import { listCalendars, openShared, closeShared } from './data.js';
import { restartEvents } from '../events.js';

const SHOWN_KEY = 'zcp.webaccess.calendarsShown';
const COLORS_KEY = 'zcp.webaccess.calendarColors';
// the avatars' colours (app.css .av-*): AA contrast for white text, distinct from each other
export const PALETTE = ['#0f6cbd', '#0e700e', '#8b1a74', '#8a3707', '#4f3ba9', '#005b70', '#a4262c', '#5b5fc7'];

let calendars = [];
let generation = 0;            // bumped at logoff: answers for an earlier session are dropped
let shown = null;              // Set of ids, or null before the first load (then: the default one)
let colors = {};               // id → palette index
let hooks = { onChange: () => {}, onPermissions: () => {} };

export function initCalendarList(options) {
  hooks = { ...hooks, ...options };
  try { colors = JSON.parse(localStorage.getItem(COLORS_KEY) || '{}') || {}; } catch { colors = {}; }
  try {
    const stored = JSON.parse(localStorage.getItem(SHOWN_KEY) || 'null');
    shown = Array.isArray(stored) ? new Set(stored.map(String)) : null;
  } catch { shown = null; }
  const list = $('cal-list');
  list.addEventListener('change', (e) => {
    const box = e.target.closest('.cal-check');
    if (!box) return;
    const id = box.closest('[data-calendar-id]').dataset.calendarId;
    if (box.checked) shown.add(id); else shown.delete(id);
    saveShown();
    hooks.onChange({ shown: id });
  });
  list.addEventListener('click', (e) => {
    const more = e.target.closest('.cal-more');
    if (more) openMenuFor(more.closest('[data-calendar-id]'), more);
  });
  list.addEventListener('contextmenu', (e) => {
    const item = e.target.closest('[data-calendar-id]');
    if (!item) return;
    e.preventDefault();
    openMenuFor(item, null, e.clientX, e.clientY);
  });
  list.addEventListener('keydown', (e) => {
    const item = e.target.closest('[data-calendar-id]');
    if (!item) return;
    if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) { e.preventDefault(); openMenuFor(item, item.querySelector('.cal-more')); }
  });
  $('cal-open-shared').addEventListener('click', () => openSharedCalendar());
  window.addEventListener('languagechange-app', () => render());
}

export function allCalendars() { return calendars; }
export function getCalendar(id) { return calendars.find((c) => c.id === String(id)) || null; }
export function shownCalendars() { return calendars.filter((c) => shown && shown.has(c.id)); }
export function isShown(id) { return !!shown && shown.has(String(id)); }
/** The ids of the calendars the user shows (a copy), or null before they ever chose (then: the default one). */
export function shownSet() { return shown ? new Set(shown) : null; }

/** The calendar new events go into: the default one, else the first one the user may write. */
export function defaultCalendar() {
  return calendars.find((c) => c.mine && c.default) || calendars.find((c) => c.rights && c.rights.create) || calendars[0] || null;
}

/** The calendar's display name: "Calendar" translated for default ones, the owner's for others'. */
export function calendarName(c) {
  if (!c) return '';
  if (!c.mine) return c.ownerName ? t('cal.ofOwner', { name: c.name || t('folder.calendar'), owner: c.ownerName }) : (c.name || '');
  return c.default ? t('folder.calendar') : (c.name || t('folder.calendar'));
}

/** The calendar's colour: its own (when the server has one), else one of the palette, kept per id. */
export function calendarColor(id) {
  const c = getCalendar(id);
  if (c && typeof c.color === 'string' && /^#[0-9a-f]{6}$/i.test(c.color)) return c.color;
  return PALETTE[(colors[id] ?? 0) % PALETTE.length];
}

/** Sets the element's --cal-color (CSSOM: allowed by the CSP, unlike a style attribute). */
export function paint(node, calendarId) {
  node.style.setProperty('--cal-color', calendarColor(calendarId));
  return node;
}

export function forgetCalendars() {
  generation++;
  calendars = [];
  $('cal-list').replaceChildren();
}

/** GET api/calendars; new calendars get a colour; the default one is shown the first time. */
export async function loadCalendars() {
  const gen = generation;
  const data = await listCalendars();
  if (gen !== generation) throw new DOMException('another session', 'AbortError');
  calendars = ((data && Array.isArray(data.calendars)) ? data.calendars : []).map((c) => ({ ...c, id: String(c.id) }));
  const used = new Set(Object.values(colors));
  let changed = false;
  for (const c of calendars) {
    if (colors[c.id] !== undefined) continue;
    let k = 0;
    while (used.has(k) && k < PALETTE.length) k++;
    colors[c.id] = k % PALETTE.length;
    used.add(colors[c.id]);
    changed = true;
  }
  if (changed) { try { localStorage.setItem(COLORS_KEY, JSON.stringify(colors)); } catch { /* storage disabled */ } }
  if (!shown) {
    const def = defaultCalendar();
    shown = new Set(def ? [def.id] : []);
    saveShown();
  }
  render();
  return calendars;
}

function saveShown() {
  try { localStorage.setItem(SHOWN_KEY, JSON.stringify([...shown])); } catch { /* storage disabled */ }
}

/** Shows only {@code id} (or adds it to the shown ones). */
export function showCalendar(id, { only = false } = {}) {
  if (!shown) shown = new Set();
  if (only) shown.clear();
  shown.add(String(id));
  saveShown();
  render();
}

function render() {
  const list = $('cal-list');
  if (!list) return;
  const focused = list.contains(document.activeElement) ? document.activeElement.closest('[data-calendar-id]')?.dataset.calendarId : null;
  const mine = calendars.filter((c) => c.mine);
  const others = calendars.filter((c) => !c.mine);
  const group = (key, items) => {
    const id = `cal-group-${key}`;
    return el('div', { className: 'cal-group' },
      el('h3', { className: 'cal-group-title', text: t(`cal.group.${key}`), attrs: { id } }),
      el('ul', { className: 'cal-items', attrs: { 'aria-labelledby': id } }, ...items.map(item)));
  };
  const parts = [];
  if (mine.length) parts.push(group('mine', mine));
  if (others.length) parts.push(group('others', others));
  if (!calendars.length) parts.push(el('p', { className: 'cal-list-empty', text: t('cal.noCalendars') }));
  list.replaceChildren(...parts);
  if (focused) list.querySelector(`[data-calendar-id="${CSS.escape(focused)}"] .cal-check`)?.focus();
}

function item(c) {
  const boxId = `cal-check-${c.id}`;
  const name = calendarName(c);
  const box = el('input', { className: 'cal-check', attrs: { type: 'checkbox', id: boxId } });
  box.checked = isShown(c.id);
  const li = el('li', { className: 'cal-item', dataset: { calendarId: c.id } },
    box,
    el('label', { className: 'cal-label', attrs: { for: boxId, title: c.mine ? name : `${name}${c.owner ? ` (${c.owner})` : ''}` } },
      el('span', { className: 'cal-name', text: name })),
    el('button', {
      className: 'icon-btn cal-more',
      attrs: { type: 'button', 'aria-haspopup': 'menu', 'aria-label': t('cal.optionsFor', { name }), title: t('cal.options') },
    }, icon('more')));
  paint(li, c.id);
  return li;
}

function openMenuFor(li, opener, x, y) {
  if (!li) return;
  const c = getCalendar(li.dataset.calendarId);
  if (!c) return;
  if (x === undefined) {
    const r = (opener || li).getBoundingClientRect();
    x = r.left;
    y = r.bottom;
  }
  const items = [
    { id: 'cal-menu-only', label: t('cal.showOnly'), icon: 'calendar', action: () => { showCalendar(c.id, { only: true }); hooks.onChange({ shown: c.id }); } },
  ];
  if (c.mine) {
    items.push({ id: 'cal-menu-permissions', label: t('cal.share'), icon: 'share', action: () => hooks.onPermissions(c) });
  } else {
    items.push({ id: 'cal-menu-permissions', label: t('perm.menu'), icon: 'key', action: () => hooks.onPermissions(c) });
    items.push('separator');
    items.push({ id: 'cal-menu-close', label: t('cal.closeShared'), icon: 'close', action: () => closeSharedCalendar(c) });
  }
  showMenu(items, x, y, { opener: opener || li.querySelector('.cal-check'), label: calendarName(c) });
}

/** "Open a shared calendar": a user's default calendar, added to the list and shown. */
export async function openSharedCalendar() {
  const user = await promptDialog({ title: t('cal.openShared'), label: t('cal.openSharedUser'), okText: t('cal.openSharedOk') });
  if (!user) return;
  try {
    const cal = await openShared(user);
    restartEvents(); // the stream follows the new calendar from now on
    await loadCalendars();
    if (cal && cal.id !== undefined) showCalendar(String(cal.id));
    showStatus(t('cal.openedShared', { name: calendarName(getCalendar(cal && cal.id)) || user }), 'success');
    hooks.onChange({ shown: cal && String(cal.id) });
  } catch (err) {
    if (err && err.name === 'AbortError') return;
    let text = err.message;
    if (err.status === 404) text = t('cal.sharedNotFound', { user });
    else if (err.status === 403) text = t('cal.sharedDenied', { user });
    showStatus(text, 'error');
  }
}

async function closeSharedCalendar(c) {
  try {
    await closeShared(c.id);
    restartEvents();
    shown.delete(c.id);
    saveShown();
    await loadCalendars();
    showStatus(t('cal.closedShared', { name: calendarName(c) }), 'success');
    hooks.onChange({});
    $('cal-open-shared').focus();
  } catch { /* shown (or the session ended) */ }
}
