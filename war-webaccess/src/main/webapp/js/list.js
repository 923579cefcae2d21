// The message list (#message-list, role=grid) of one folder, virtual: a spacer as tall as
// total × row height, and only the rows in view plus a margin in the DOM. Rows come in pages of
// 100 (GET api/folders/{id}/messages), fetched when they come into view and kept in a bounded
// LRU cache; sort and search run on the server, and change the cache's generation.
// Selection: click, Ctrl/Cmd-click, Shift-click, arrows (Shift extends), Home/End, PageUp/Down.
// Search: the quick search (q) and the search by fields of the advanced panel (search.js: from,
// to, subject, body, after, before, attachments), both sent with every page.

import { get, path } from './api.js';
import { el, $, displayName, fullAddress } from './dom.js';
import { icon } from './icons.js';
import { t, tn, formatListDate, formatLongDate, formatSize, formatNumber } from './i18n.js';
import { MESSAGE_DRAG_TYPE } from './folders.js';
import { showStatus } from './status.js';

export const PAGE_SIZE = 100;
const MAX_PAGES = 24;          // LRU bound: 2,400 rows at most in memory
const OVERSCAN = 12;           // rows rendered above and below the viewport
const MAX_BULK = 10000;        // Ctrl+A / Shift-ranges over unloaded rows load at most this many
const RECIPIENT_FOLDERS = new Set(['sent', 'drafts', 'outbox']);
// In Sent Items, Drafts and Outbox the second column shows the recipients and sorts by them.
// docs/webaccess.md lists no such sort key yet: 'to' is asked of the server.
const RECIPIENT_SORT = 'to';

const COLUMNS = [
  { key: 'icon', sort: null, label: 'list.col.icon', cls: 'c-icon' },
  { key: 'attach', sort: null, label: 'list.col.attachment', cls: 'c-attach' },
  { key: 'from', sort: 'from', label: 'list.col.from', cls: 'c-from' },
  { key: 'subject', sort: 'subject', label: 'list.col.subject', cls: 'c-subject' },
  { key: 'date', sort: 'date', label: 'list.col.date', cls: 'c-date' },
  { key: 'size', sort: 'size', label: 'list.col.size', cls: 'c-size' },
  { key: 'flag', sort: 'flag', label: 'list.col.flag', cls: 'c-flag' },
];

const state = {
  folder: null,
  sort: 'date',
  order: 'desc',
  q: '',
  fields: {},              // the search by fields: {from, to, subject, body, after, before, attachments}
  deleted: false,
  total: 0,
  known: false,            // total known (first page answered)
  gen: 0,
  pages: new Map(),        // page index → {rows, stale}; Map order = LRU order
  pending: new Map(),      // page index → {gen, controller}
  rowH: 34,
  rendered: new Map(),     // row index → element
  ver: 0,                  // bumped when row data changes in place
  selected: new Map(),     // id → row
  anchor: -1,
  cursor: -1,
  cursorId: null,
  selectAfterRefresh: false,
  error: null,
};

let hooks = {
  onSelectionChange: () => {}, onActivate: () => {}, onToggleFlag: () => {}, onDelete: () => {},
};
let scroller;
let spacer;
let grid;
let rafPending = false;
let fetchTimer = 0;
let dragImage = null;

export function initList(options) {
  hooks = { ...hooks, ...options };
  grid = $('message-list');
  scroller = $('mlist-scroller');
  spacer = $('mlist-spacer');
  scroller.addEventListener('scroll', scheduleRender, { passive: true });
  scroller.addEventListener('click', onClick);
  scroller.addEventListener('dblclick', onDblClick);
  scroller.addEventListener('dragstart', onDragStart);
  scroller.addEventListener('mousedown', (e) => { if (e.shiftKey) e.preventDefault(); }); // no text selection on shift-click
  grid.addEventListener('keydown', onKeyDown);
  grid.addEventListener('focus', () => {
    if (state.cursor < 0 && state.total > 0) setCursor(0, { select: false });
    else updateActiveDescendant();
  });
  new ResizeObserver(() => { measure(); scheduleRender(); }).observe(scroller);
  renderHeader();
  window.addEventListener('languagechange-app', () => { renderHeader(); state.ver++; renderEmpty(); scheduleRender(); });
}

// ---- queries ---------------------------------------------------------------------------------

function recipientMode() { return !!state.folder && RECIPIENT_FOLDERS.has(state.folder.special); }

/** Shows {@code folder}: search, selection and scroll position start anew. */
export function setFolder(folder) {
  state.folder = folder || null;
  if (state.sort === RECIPIENT_SORT && !recipientMode()) state.sort = 'from';
  else if (state.sort === 'from' && recipientMode()) state.sort = RECIPIENT_SORT;
  state.q = '';
  state.fields = {};
  state.deleted = false;
  reset();
  renderHeader();
}

export function setSearch(q) {
  if (q === state.q) return;
  state.q = q;
  reset();
}

/** The search by fields ({} for none); empty values are left out. */
export function setFilter(fields) {
  const clean = {};
  for (const [k, v] of Object.entries(fields || {})) if (v !== undefined && v !== null && v !== '' && v !== false) clean[k] = v;
  if (JSON.stringify(clean) === JSON.stringify(state.fields)) return;
  state.fields = clean;
  reset();
}

const filtered = () => Object.keys(state.fields).length > 0;

/** The query of a page: sort, the searches, the soft-deleted items. */
function query(offset, limit) {
  return {
    offset, limit, sort: state.sort, order: state.order, q: state.q || undefined, ...state.fields,
    attachments: state.fields.attachments ? 1 : undefined, deleted: state.deleted ? 1 : undefined,
  };
}

export function setShowDeleted(on) {
  if (on === state.deleted) return;
  state.deleted = on;
  reset();
}

export function setSort(key) {
  if (state.sort === key) state.order = state.order === 'desc' ? 'asc' : 'desc';
  else {
    state.sort = key;
    state.order = key === 'date' || key === 'size' || key === 'flag' ? 'desc' : 'asc';
  }
  renderHeader();
  reset({ keepSelection: true });
}

export function listState() {
  return {
    folder: state.folder, q: state.q, fields: { ...state.fields }, filtered: filtered(), deleted: state.deleted,
    total: state.total, known: state.known, sort: state.sort, order: state.order,
  };
}

function reset({ keepSelection = false } = {}) {
  state.gen++;
  for (const p of state.pending.values()) p.controller.abort();
  state.pending.clear();
  state.pages.clear();
  state.total = 0;
  state.known = false;
  state.error = null;
  state.anchor = -1;
  state.cursor = -1;
  state.selectAfterRefresh = false;
  if (!keepSelection) {
    state.selected.clear();
    state.cursorId = null;
  }
  for (const node of state.rendered.values()) node.remove();
  state.rendered.clear();
  scroller.scrollTop = 0;
  spacer.style.height = '0px';
  grid.setAttribute('aria-rowcount', '-1');
  grid.classList.add('loading');
  renderEmpty();
  if (state.folder) ensurePage(0);
  notifySelection();
}

/**
 * Re-fetches what is in view (after a live event or an action); pages out of view are
 * dropped. Rows stay on screen until their fresh copies arrive.
 */
export function refresh({ removed } = {}) {
  if (!state.folder) return;
  if (removed && removed.length) {
    // messages the user just moved away: the one that takes their place is selected next
    for (const id of removed) state.selected.delete(id);
    if (state.cursorId && removed.includes(state.cursorId)) state.cursorId = null;
    state.selectAfterRefresh = state.selected.size === 0 && state.cursor >= 0;
    notifySelection(true);
  }
  const [first, last] = visibleRange();
  const firstPage = Math.floor(first / PAGE_SIZE);
  const lastPage = Math.floor(Math.max(first, last) / PAGE_SIZE);
  for (const [p, entry] of state.pages) {
    if (p >= firstPage && p <= lastPage) entry.stale = true;
    else state.pages.delete(p);
  }
  state.gen++;
  for (const p of state.pending.values()) p.controller.abort();
  state.pending.clear();
  if (!state.pages.size) ensurePage(firstPage);
  else for (let p = firstPage; p <= lastPage; p++) ensurePage(p);
}

function ensurePage(p) {
  if (!state.folder || p < 0) return null;
  const entry = state.pages.get(p);
  if (entry && !entry.stale) return Promise.resolve(entry.rows);
  const pending = state.pending.get(p);
  if (pending && pending.gen === state.gen) return pending.promise;
  const gen = state.gen;
  const controller = new AbortController();
  const folderId = state.folder.id;
  const promise = get(path('folders', folderId, 'messages'), query(p * PAGE_SIZE, PAGE_SIZE), { signal: controller.signal }).then((data) => {
    if (gen !== state.gen) return null;
    state.pending.delete(p);
    const rows = (data && Array.isArray(data.rows)) ? data.rows : [];
    state.pages.delete(p);
    state.pages.set(p, { rows, stale: false });
    trimCache();
    const total = Number.isFinite(data && data.total) ? data.total : rows.length;
    const wasKnown = state.known;
    state.known = true;
    state.error = null;
    grid.classList.remove('loading');
    if (total !== state.total || !wasKnown) setTotal(total);
    for (const r of rows) if (state.selected.has(r.id)) state.selected.set(r.id, r);
    relocateCursor();
    if (state.selectAfterRefresh) {
      const i = Math.min(state.cursor, state.total - 1);
      const r = i >= 0 ? rowAt(i) : null;
      if (r || state.total === 0) {
        state.selectAfterRefresh = false;
        if (r) { state.cursor = i; state.cursorId = r.id; state.anchor = i; state.selected.set(r.id, r); }
      }
    }
    state.ver++;
    scheduleRender();
    notifySelection(false);
    return rows;
  }).catch((err) => {
    if (gen === state.gen) {
      state.pending.delete(p);
      if (!(err && err.name === 'AbortError')) {
        state.error = err;
        grid.classList.remove('loading');
        renderEmpty();
      }
    }
    return null;
  });
  state.pending.set(p, { gen, controller, promise });
  return promise;
}

function trimCache() {
  if (state.pages.size <= MAX_PAGES) return;
  const [first, last] = visibleRange();
  const keepFrom = Math.floor(first / PAGE_SIZE);
  const keepTo = Math.floor(last / PAGE_SIZE);
  for (const p of state.pages.keys()) {
    if (state.pages.size <= MAX_PAGES) break;
    if (p >= keepFrom && p <= keepTo) continue;
    state.pages.delete(p);
  }
}

function rowAt(i) {
  const p = Math.floor(i / PAGE_SIZE);
  const entry = state.pages.get(p);
  if (!entry) return null;
  return entry.rows[i - p * PAGE_SIZE] || null;
}

function touchPage(p) {
  const entry = state.pages.get(p);
  if (entry) { state.pages.delete(p); state.pages.set(p, entry); }
}

function indexOfId(id) {
  for (const [p, entry] of state.pages) {
    const k = entry.rows.findIndex((r) => r.id === id);
    if (k >= 0) return p * PAGE_SIZE + k;
  }
  return -1;
}

/** After a re-fetch the cursor follows its message if that is still loaded. */
function relocateCursor() {
  if (!state.cursorId) return;
  const atCursor = state.cursor >= 0 ? rowAt(state.cursor) : null;
  if (atCursor && atCursor.id === state.cursorId) return;
  const idx = indexOfId(state.cursorId);
  if (idx >= 0) {
    state.cursor = idx;
    state.anchor = idx;
  } else if (atCursor && state.cursor >= 0) {
    // the message went away (deleted, moved): the one now at its place takes over
    state.cursor = Math.min(state.cursor, state.total - 1);
  }
}

function setTotal(total) {
  state.total = Math.max(0, total);
  spacer.style.height = `${Math.round(state.total * state.rowH)}px`;
  grid.setAttribute('aria-rowcount', String(state.total + 1));
  if (state.cursor >= state.total) state.cursor = state.total - 1;
  // drop selections that no longer exist in a shrunk list (they are re-validated on fetch)
  renderEmpty();
  hooks.onTotal?.(state.total);
}

// ---- rendering -------------------------------------------------------------------------------

function measure() {
  const h = parseFloat(getComputedStyle(scroller).getPropertyValue('--row-h')) || 34;
  if (h !== state.rowH) {
    const top = Math.floor(scroller.scrollTop / state.rowH);
    state.rowH = h;
    spacer.style.height = `${Math.round(state.total * h)}px`;
    scroller.scrollTop = top * h;
    for (const [i, node] of state.rendered) node.style.transform = `translateY(${i * h}px)`;
  }
}

function visibleRange() {
  const h = scroller.clientHeight || 600;
  const first = Math.max(0, Math.floor(scroller.scrollTop / state.rowH) - OVERSCAN);
  const last = Math.min(state.total - 1, Math.ceil((scroller.scrollTop + h) / state.rowH) + OVERSCAN);
  return [first, Math.max(first, last)];
}

function scheduleRender() {
  if (rafPending) return;
  rafPending = true;
  requestAnimationFrame(() => { rafPending = false; render(); });
}

function render() {
  if (!state.folder) return;
  const [first, last] = state.total > 0 ? visibleRange() : [0, -1];
  for (const [i, node] of state.rendered) {
    if (i < first || i > last) { node.remove(); state.rendered.delete(i); }
  }
  const missing = new Set();
  for (let i = first; i <= last; i++) {
    const row = rowAt(i);
    const p = Math.floor(i / PAGE_SIZE);
    if (!row || state.pages.get(p)?.stale) missing.add(p);
    else touchPage(p);
    let node = state.rendered.get(i);
    if (!node) {
      node = el('div', { className: 'mrow', attrs: { role: 'row', id: `mrow-${i}`, 'aria-rowindex': i + 2 } });
      node.style.transform = `translateY(${i * state.rowH}px)`;
      node._index = i;
      state.rendered.set(i, node);
      scroller.append(node);
    }
    fill(node, row, i);
  }
  updateActiveDescendant();
  if (missing.size) {
    clearTimeout(fetchTimer);
    // while the scrollbar is dragged fast, wait until it rests a moment
    fetchTimer = setTimeout(() => {
      const [f2, l2] = visibleRange();
      for (const p of missing) {
        if ((p + 1) * PAGE_SIZE > f2 && p * PAGE_SIZE <= l2) ensurePage(p);
      }
      // abandon pages that scrolled away before they came
      for (const [p, pend] of state.pending) {
        if ((p + 1) * PAGE_SIZE <= f2 - PAGE_SIZE || p * PAGE_SIZE > l2 + PAGE_SIZE) {
          pend.controller.abort();
          state.pending.delete(p);
        }
      }
    }, state.pages.size ? 60 : 0);
  }
}

function fromOf(row) {
  if (recipientMode()) {
    const to = row.to;
    if (Array.isArray(to)) return to.map(displayName).filter(Boolean).join('; ');
    if (to && typeof to === 'object') return displayName(to);
    return to ? String(to) : '';
  }
  return displayName(row.from);
}

function fromTitle(row) {
  if (recipientMode()) {
    const to = row.to;
    if (Array.isArray(to)) return to.map(fullAddress).join('; ');
    return typeof to === 'string' ? to : fullAddress(to);
  }
  return fullAddress(row.from);
}

function stateIcon(row) {
  if (!row.read) return ['unread', 'list.state.unread'];
  if (row.answered) return ['reply', 'list.state.answered'];
  if (row.forwarded) return ['forward', 'list.state.forwarded'];
  return ['read', 'list.state.read'];
}

function fill(node, row, i) {
  const selected = !!row && state.selected.has(row.id);
  node.classList.toggle('selected', selected);
  node.classList.toggle('cursor', i === state.cursor);
  node.setAttribute('aria-selected', String(selected));
  if (node._row === row && node._ver === state.ver) return;
  node._row = row;
  node._ver = state.ver;
  if (!row) {
    node.className = `mrow placeholder${i === state.cursor ? ' cursor' : ''}`;
    node.removeAttribute('data-message-id');
    node.draggable = false;
    node.replaceChildren(el('div', { className: 'mcell c-skeleton', attrs: { role: 'gridcell' } },
      el('span', { className: 'skeleton skeleton-a' }), el('span', { className: 'skeleton skeleton-b' })));
    node.setAttribute('aria-label', t('list.loadingRow'));
    return;
  }
  node.removeAttribute('aria-label');
  node.className = 'mrow';
  node.classList.toggle('unread', !row.read);
  node.classList.toggle('flagged', !!row.flagged);
  node.classList.toggle('high', row.importance === 2);
  node.classList.toggle('low', row.importance === 0);
  node.classList.toggle('selected', selected);
  node.classList.toggle('cursor', i === state.cursor);
  node.dataset.messageId = row.id;
  node.draggable = true;
  const [stateName, stateLabel] = stateIcon(row);
  const cell = (cls, ...kids) => el('div', { className: `mcell ${cls}`, attrs: { role: 'gridcell' } }, ...kids);
  const subject = row.subject || t('list.noSubject');
  const who = fromOf(row) || t('list.noSender');
  node.replaceChildren(
    cell('c-icon', el('span', { className: 'state-icon', attrs: { title: t(stateLabel) } }, icon(stateName)),
      el('span', { className: 'visually-hidden', text: t(stateLabel) }),
      row.importance === 2 ? el('span', { className: 'imp-icon', attrs: { title: t('list.state.high') } }, icon('important'),
        el('span', { className: 'visually-hidden', text: t('list.state.high') })) : null),
    cell('c-attach', row.attachments ? el('span', { attrs: { title: t('list.state.attachment') } }, icon('attach'),
      el('span', { className: 'visually-hidden', text: t('list.state.attachment') })) : null),
    cell('c-from', el('span', { className: 'ellipsis', text: who, attrs: { title: fromTitle(row) } })),
    cell('c-subject', el('span', { className: 'ellipsis', text: subject, attrs: { title: subject } })),
    cell('c-date', el('time', { text: formatListDate(row.date), attrs: { datetime: row.date || null, title: formatLongDate(row.date) } })),
    cell('c-size', el('span', { text: formatSize(row.size) })),
    cell('c-flag', el('button', {
      className: `flag-btn${row.flagged ? ' on' : ''}`,
      attrs: { type: 'button', tabindex: '-1', 'aria-pressed': String(!!row.flagged), 'aria-label': t(row.flagged ? 'list.unflag' : 'list.flag'), title: t(row.flagged ? 'list.unflag' : 'list.flag') },
    }, icon('flag'))),
  );
}

function renderHeader() {
  const header = $('mlist-header-row');
  if (!header) return;
  header.replaceChildren(...COLUMNS.map((c) => {
    let label = t(c.label);
    if (recipientMode() && c.key === 'from') label = t('list.col.to');
    if (recipientMode() && c.key === 'date') label = t('list.col.sentDate');
    const sortKey = c.key === 'from' && recipientMode() ? RECIPIENT_SORT : c.sort;
    const sorted = sortKey && state.sort === sortKey;
    const cellAttrs = { role: 'columnheader', 'aria-sort': sorted ? (state.order === 'asc' ? 'ascending' : 'descending') : (sortKey ? 'none' : null) };
    if (!sortKey) {
      const iconName = { icon: 'read', attach: 'attach' }[c.key];
      return el('div', { className: `mcell hcell ${c.cls}`, attrs: cellAttrs },
        el('span', { attrs: { title: label } }, icon(iconName)), el('span', { className: 'visually-hidden', text: label }));
    }
    const btn = el('button', {
      className: `sort-btn${sorted ? ' sorted' : ''}${sorted && state.order === 'asc' ? ' asc' : ''}`,
      attrs: { type: 'button', title: t('list.sortBy', { column: label }) },
    });
    if (c.key === 'flag') btn.append(icon('flag'), el('span', { className: 'visually-hidden', text: label }));
    else btn.append(el('span', { className: 'ellipsis', text: label }));
    if (sorted) btn.append(el('span', { className: 'sort-arrow', attrs: { 'aria-hidden': 'true' } }, icon('chevron')));
    btn.addEventListener('click', () => { setSort(sortKey); hooks.onSortChange?.(); });
    return el('div', { className: `mcell hcell ${c.cls}`, attrs: cellAttrs }, btn);
  }));
}

function renderEmpty() {
  const empty = $('mlist-empty');
  if (!empty) return;
  let text = '';
  let isError = false;
  if (!state.folder) text = '';
  else if (state.error && !state.known) { text = state.error.message || t('error.network'); isError = true; }
  else if (!state.known) text = t('list.loading');
  else if (state.total === 0) {
    if (filtered()) text = t('list.noMatches');
    else if (state.q) text = t('list.noResults', { q: state.q });
    else if (state.deleted) text = t('list.noDeleted');
    else text = t('list.emptyFolder');
  }
  empty.hidden = !text;
  empty.classList.toggle('is-error', isError);
  empty.classList.toggle('is-loading', !state.known && !isError);
  empty.replaceChildren();
  if (text) {
    if (!state.known && !isError) empty.append(el('span', { className: 'spinner', attrs: { 'aria-hidden': 'true' } }));
    else empty.append(icon(isError ? 'warning' : (state.q || filtered() ? 'search' : 'inbox'), 'empty-icon'));
    empty.append(el('p', { text }));
    if (isError) {
      const retry = el('button', { className: 'btn btn-small', text: t('list.retry'), attrs: { type: 'button' } });
      retry.addEventListener('click', () => reset({ keepSelection: true }));
      empty.append(retry);
    }
  }
}

function updateActiveDescendant() {
  const node = state.cursor >= 0 ? state.rendered.get(state.cursor) : null;
  if (node) grid.setAttribute('aria-activedescendant', node.id);
  else grid.removeAttribute('aria-activedescendant');
}

// ---- selection -------------------------------------------------------------------------------

/** Ids of the selected messages, in no particular order. */
export function selectedIds() { return [...state.selected.keys()]; }

/** The selected rows as last fetched. */
export function selectedRows() { return [...state.selected.values()]; }

export function cursorRow() { return state.cursor >= 0 ? rowAt(state.cursor) : null; }

let notifyTimer = 0;
function notifySelection(immediate = true, via = 'code') {
  clearTimeout(notifyTimer);
  const fire = () => hooks.onSelectionChange({ ids: selectedIds(), rows: selectedRows(), cursor: cursorRow(), via });
  if (immediate) fire();
  else notifyTimer = setTimeout(fire, 0);
}

function ensureVisible(i) {
  const top = i * state.rowH;
  const bottom = top + state.rowH;
  if (top < scroller.scrollTop) scroller.scrollTop = top;
  else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = bottom - scroller.clientHeight;
}

function setCursor(i, { select = true, extend = false, toggle = false, via = 'code' } = {}) {
  if (state.total === 0) return;
  i = Math.max(0, Math.min(state.total - 1, i));
  state.cursor = i;
  const row = rowAt(i);
  state.cursorId = row ? row.id : null;
  if (extend && state.anchor >= 0) {
    selectRange(state.anchor, i, via);
  } else if (toggle) {
    if (row) {
      if (state.selected.has(row.id)) state.selected.delete(row.id);
      else state.selected.set(row.id, row);
    }
    state.anchor = i;
    notifySelection(true, via);
  } else if (select) {
    state.selected.clear();
    if (row) state.selected.set(row.id, row);
    state.anchor = i;
    notifySelection(true, via);
  }
  ensureVisible(i);
  scheduleRender();
  if (!row) {
    // selected before its page came: finish once it is there
    ensurePage(Math.floor(i / PAGE_SIZE))?.then(() => {
      if (state.cursor !== i) return;
      const r = rowAt(i);
      if (!r) return;
      state.cursorId = r.id;
      if (select && !extend && !toggle) { state.selected.clear(); state.selected.set(r.id, r); }
      else if (toggle) state.selected.set(r.id, r);
      state.ver++;
      scheduleRender();
      notifySelection(true, via);
    });
  }
}

async function selectRange(from, to, via) {
  const lo = Math.min(from, to);
  const hi = Math.min(Math.max(from, to), lo + MAX_BULK - 1);
  const gen = state.gen;
  const needed = [];
  for (let p = Math.floor(lo / PAGE_SIZE); p <= Math.floor(hi / PAGE_SIZE); p++) {
    if (!state.pages.has(p)) needed.push(p);
  }
  const apply = () => {
    state.selected.clear();
    for (let i = lo; i <= hi; i++) {
      const r = rowAt(i);
      if (r) state.selected.set(r.id, r);
    }
    state.ver++;
    scheduleRender();
    notifySelection(true, via);
  };
  apply();
  if (needed.length) {
    const rows = await loadRows(lo, hi, gen);
    if (gen !== state.gen) return;
    state.selected.clear();
    for (const r of rows) state.selected.set(r.id, r);
    state.ver++;
    scheduleRender();
    notifySelection(true, via);
  }
}

/** Loads rows lo..hi (500 a request); complete pages also go into the cache. */
async function loadRows(lo, hi, gen) {
  const out = [];
  const LIMIT = 500;
  for (let offset = lo; offset <= hi && gen === state.gen; offset += LIMIT) {
    const data = await get(path('folders', state.folder.id, 'messages'), query(offset, Math.min(LIMIT, hi - offset + 1)));
    const rows = (data && data.rows) || [];
    out.push(...rows);
    if (rows.length === 0) break;
  }
  if (gen !== state.gen) return out;
  const end = lo + out.length;
  for (let p = Math.ceil(lo / PAGE_SIZE); p * PAGE_SIZE < end; p++) {
    const from = p * PAGE_SIZE;
    const to = Math.min(from + PAGE_SIZE, state.total);
    if (to > end || state.pages.has(p)) continue;
    state.pages.set(p, { rows: out.slice(from - lo, to - lo), stale: false });
  }
  trimCache();
  return out;
}

/** Ctrl+A: everything in the folder (at most MAX_BULK). */
export async function selectAll() {
  if (!state.total) return;
  const gen = state.gen;
  const hi = Math.min(state.total, MAX_BULK) - 1;
  let rows = [];
  let complete = true;
  for (let i = 0; i <= hi; i++) { const r = rowAt(i); if (!r) { complete = false; break; } }
  if (!complete) rows = await loadRows(0, hi, gen);
  if (gen !== state.gen) return;
  state.selected.clear();
  if (complete) for (let i = 0; i <= hi; i++) { const r = rowAt(i); state.selected.set(r.id, r); }
  else for (const r of rows) state.selected.set(r.id, r);
  state.anchor = 0;
  if (state.cursor < 0) state.cursor = 0;
  state.ver++;
  scheduleRender();
  notifySelection(true, 'keyboard');
  if (state.total > MAX_BULK) showStatus(t('list.selectedFirst', { n: formatNumber(MAX_BULK) }));
  else showStatus(tn('list.selected', state.selected.size));
}

export function clearSelection() {
  state.selected.clear();
  state.ver++;
  scheduleRender();
  notifySelection(true);
}

/** Next (+1) / previous (-1) message: j / k. */
export function moveCursor(delta) {
  if (!state.total) return;
  setCursor(state.cursor < 0 ? 0 : state.cursor + delta, { via: 'keyboard' });
}

export function focusList() { grid.focus(); }

/** Changes rows in place (read, flagged, ...) without a re-fetch. */
export function updateRows(ids, changes) {
  const set = new Set(ids);
  for (const entry of state.pages.values()) {
    for (const r of entry.rows) if (r && set.has(r.id)) Object.assign(r, changes);
  }
  for (const [id, r] of state.selected) if (set.has(id)) Object.assign(r, changes);
  state.ver++;
  scheduleRender();
}

export function rowById(id) {
  const i = indexOfId(id);
  return i >= 0 ? rowAt(i) : state.selected.get(id) || null;
}

// ---- events ----------------------------------------------------------------------------------

function rowIndexOf(target) {
  const node = target.closest('.mrow');
  return node && typeof node._index === 'number' ? node._index : -1;
}

function onClick(e) {
  const i = rowIndexOf(e.target);
  if (i < 0) return;
  const flagBtn = e.target.closest('.flag-btn');
  if (flagBtn) {
    const row = rowAt(i);
    if (row) hooks.onToggleFlag([row]);
    return;
  }
  grid.focus({ preventScroll: true });
  if (e.shiftKey) {
    if (state.anchor < 0) state.anchor = Math.max(0, state.cursor);
    setCursor(i, { extend: true, via: 'pointer' });
  } else if (e.ctrlKey || e.metaKey) setCursor(i, { toggle: true, via: 'pointer' });
  else setCursor(i, { via: 'pointer' });
}

function onDblClick(e) {
  const i = rowIndexOf(e.target);
  if (i < 0 || e.target.closest('.flag-btn')) return;
  const row = rowAt(i);
  if (row) hooks.onActivate(row);
}

function pageRows() { return Math.max(1, Math.floor(scroller.clientHeight / state.rowH) - 1); }

function onKeyDown(e) {
  if (e.target !== grid) return;
  const extend = e.shiftKey;
  const onlyMove = (e.ctrlKey || e.metaKey) && !e.shiftKey;
  const go = (i) => {
    e.preventDefault();
    if (onlyMove) {
      state.cursor = Math.max(0, Math.min(state.total - 1, i));
      state.cursorId = rowAt(state.cursor)?.id || null;
      ensureVisible(state.cursor);
      scheduleRender();
    } else setCursor(i, { extend, via: 'keyboard' });
  };
  const cur = state.cursor < 0 ? -1 : state.cursor;
  switch (e.key) {
    case 'ArrowDown': go(cur + 1); break;
    case 'ArrowUp': go(Math.max(0, cur - 1)); break;
    case 'PageDown': go(cur + pageRows()); break;
    case 'PageUp': go(Math.max(0, cur - pageRows())); break;
    case 'Home': go(0); break;
    case 'End': go(state.total - 1); break;
    case ' ':
      if (e.ctrlKey || e.metaKey) { e.preventDefault(); setCursor(cur, { toggle: true, via: 'keyboard' }); }
      break;
    case 'Enter': {
      e.preventDefault();
      const row = cursorRow();
      if (row) hooks.onActivate(row);
      break;
    }
    case 'a':
    case 'A':
      if (e.ctrlKey || e.metaKey) { e.preventDefault(); e.stopPropagation(); selectAll(); }
      break;
    case 'Escape':
      if (state.selected.size > 1) { e.preventDefault(); const row = cursorRow(); state.selected.clear(); if (row) state.selected.set(row.id, row); state.ver++; scheduleRender(); notifySelection(true, 'keyboard'); }
      break;
    default:
  }
}

function onDragStart(e) {
  const i = rowIndexOf(e.target);
  const row = i >= 0 ? rowAt(i) : null;
  if (!row) { e.preventDefault(); return; }
  if (!state.selected.has(row.id)) setCursor(i, { via: 'pointer' });
  const ids = selectedIds();
  e.dataTransfer.setData(MESSAGE_DRAG_TYPE, JSON.stringify(ids));
  e.dataTransfer.setData('text/plain', selectedRows().map((r) => r.subject || '').join('\n'));
  e.dataTransfer.effectAllowed = 'copyMove';
  if (!dragImage) {
    dragImage = el('div', { className: 'drag-image', attrs: { 'aria-hidden': 'true' } });
    document.body.append(dragImage);
  }
  dragImage.replaceChildren(icon('unread'), el('span', { text: ids.length === 1 ? (row.subject || t('list.noSubject')) : tn('list.dragCount', ids.length) }));
  e.dataTransfer.setDragImage(dragImage, 12, 12);
}
