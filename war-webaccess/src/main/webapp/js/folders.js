// The folder tree (#folder-tree, role=tree) from GET api/folders: nested by parentId, special
// folders first in Outlook's order, unread counts, expand/collapse (remembered), keyboard
// (arrows, Home/End, Enter, type-ahead, Shift+F10), context actions (new subfolder, rename,
// permissions, delete) and drop target for messages dragged from the list (and for folders).
// Below the user's own folders: the other users' mailboxes they opened and the public folders
// (stores.js loads them), each a root of its own (li[data-store-user], li[data-public-root])
// whose folders are rows like the others (data-folder-id), without special-folder behaviour.
// The context menu and what it does (new, rename, move, delete) are folder-actions.js's.

import { get } from './api.js';
import { el, $ } from './dom.js';
import { icon } from './icons.js';
import { t, tn, formatNumber } from './i18n.js';
import { initFolderActions, openMenuFor, newFolder, renameFolder, deleteFolder, moveFolder } from './folder-actions.js';

export { newFolder, renameFolder, deleteFolder };

export const SPECIAL_ORDER = ['inbox', 'drafts', 'sent', 'trash', 'junk', 'outbox',
  'calendar', 'contacts', 'tasks', 'notes', 'journal'];
const SPECIAL_ICON = { inbox: 'inbox', drafts: 'drafts', sent: 'sent', trash: 'trash', junk: 'junk', outbox: 'outbox',
  calendar: 'calendar', contacts: 'contacts', tasks: 'tasks', notes: 'notes', journal: 'journal' };
const EXPANDED_KEY = 'zcp.webaccess.expanded';
export const MESSAGE_DRAG_TYPE = 'application/x-zcp-messages';
const FOLDER_DRAG_TYPE = 'application/x-zcp-folder';

let folders = [];
let extra = [];              // [{key, user?, public?, name, folders}]: other stores' roots, in order
const byId = new Map();
const kids = new Map();
let selectedId = null;
let expanded = new Set();
let hooks = { onSelect: () => {}, onDropMessages: () => {} };
let selectTimer = 0;
let typeahead = { text: '', at: 0 };
let loadSeq = 0;
let firstRun = false;

function tree() { return $('folder-tree'); }

export function initFolders(options) {
  hooks = { ...hooks, ...options };
  let stored = null;
  try { stored = localStorage.getItem(EXPANDED_KEY); } catch { /* storage disabled */ }
  try { expanded = new Set(JSON.parse(stored || '[]')); } catch { expanded = new Set(); }
  firstRun = stored === null;
  const root = tree();
  root.addEventListener('click', onClick);
  root.addEventListener('keydown', onKeyDown);
  root.addEventListener('dragstart', onDragStart);
  root.addEventListener('dragover', onDragOver);
  root.addEventListener('dragleave', onDragLeave);
  root.addEventListener('drop', onDrop);
  initFolderActions({
    onMarkAllRead: (f) => hooks.onMarkAllRead?.(f),
    onCloseStore: (user) => hooks.onCloseStore?.(user),
  });
  $('folder-new').addEventListener('click', () => newFolder(null));
  window.addEventListener('languagechange-app', () => render());
}

/** The translated name of a folder: special folders by their role, others as named. */
export function folderName(f) {
  if (!f) return '';
  if (f.special && SPECIAL_ORDER.includes(f.special)) return t(`folder.${f.special}`);
  return f.name || '';
}

export function folderIcon(f) { return icon((f && SPECIAL_ICON[f.special]) || 'folder'); }
export function getFolder(id) { return byId.get(id) || null; }
const rootKey = (key) => `@${key}`;   // the kids key of a store root (entry ids are hex: no clash)
export function specialFolder(special) { return folders.find((f) => f.special === special) || null; }
export function selectedFolder() { return byId.get(selectedId) || null; }
export function allFolders() { return folders; }

function sortedChildren(parentId) {
  const list = kids.get(parentId ?? '') || [];
  const rank = (f) => {
    const i = SPECIAL_ORDER.indexOf(f.special);
    return i < 0 ? SPECIAL_ORDER.length : i;
  };
  return [...list].sort((a, b) => rank(a) - rank(b) || folderName(a).localeCompare(folderName(b), undefined, { sensitivity: 'base' }));
}

/** The tree in display order, flat, with depths (for the move-to picker). */
export function flatTree() {
  const out = [];
  const walk = (parentId, depth) => {
    for (const f of sortedChildren(parentId)) {
      out.push({ id: f.id, name: folderName(f), depth, icon: folderIcon(f), special: f.special });
      walk(f.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The ids of the folders below {@code id}, at any depth. */
export function descendants(id) {
  const out = new Set();
  const walk = (pid) => {
    for (const c of kids.get(pid) || []) { out.add(c.id); walk(c.id); }
  };
  walk(id);
  return out;
}

/** Forgets everything (logoff): no folder of the previous user stays in the page. */
export function clearFolders() {
  loadSeq++;
  folders = [];
  extra = [];
  byId.clear();
  kids.clear();
  selectedId = null;
  tree().replaceChildren();
}

/** The own folders and the other stores' ones, nested by parent (a store's top ones under its root). */
function rebuild() {
  byId.clear();
  kids.clear();
  const add = (parent, f) => {
    if (!kids.has(parent)) kids.set(parent, []);
    kids.get(parent).push(f);
  };
  for (const f of folders) byId.set(f.id, f);
  for (const f of folders) add(f.parentId && byId.has(f.parentId) ? f.parentId : '', f);
  for (const r of extra) {
    const own = new Set();
    for (const f of r.folders) {
      const g = { ...f, special: null, store: r.key };
      byId.set(g.id, g);
      own.add(g.id);
      add(g.parentId && own.has(g.parentId) ? g.parentId : rootKey(r.key), g);
    }
  }
}

/**
 * The other users' mailboxes and the public folders (stores.js): [{key, user?, public?, name,
 * folders}], shown below the own folders; a new root is open the first time.
 */
export function setExtraRoots(roots) {
  const before = new Set(extra.map((r) => r.key));
  extra = roots || [];
  let opened = false;
  for (const r of extra) {
    if (!before.has(r.key) && !seenRoots().includes(r.key)) { expanded.add(rootKey(r.key)); opened = true; rememberRoot(r.key); }
  }
  if (opened) saveExpanded();
  rebuild();
  render();
  if (selectedId && !byId.has(selectedId)) {
    const inbox = specialFolder('inbox') || folders[0];
    if (inbox) selectFolder(inbox.id);
  }
}

const SEEN_KEY = 'zcp.webaccess.storesSeen';
function seenRoots() {
  try { return JSON.parse(localStorage.getItem(SEEN_KEY) || '[]'); } catch { return []; }
}
function rememberRoot(key) {
  try { localStorage.setItem(SEEN_KEY, JSON.stringify([...new Set([...seenRoots(), key])].slice(-50))); } catch { /* storage disabled */ }
}

/** The tree item of a store's root (to focus it after opening). */
export function rootItem(key) {
  return tree().querySelector(`[data-tree-key="${CSS.escape(rootKey(key))}"]`);
}

export function focusRoot(key) { focusItem(rootItem(key)); }

/** GET api/folders and re-render; keeps the selection when the folder still exists. */
export async function loadFolders() {
  const seq = ++loadSeq;
  const data = await get('api/folders');
  if (seq !== loadSeq) return;
  folders = (data && Array.isArray(data.folders)) ? data.folders : [];
  rebuild();
  if (firstRun) {
    // first visit: the top level is open
    for (const f of kids.get('') || []) if (kids.has(f.id)) expanded.add(f.id);
    firstRun = false;
    saveExpanded();
  }
  render();
  if (selectedId && !byId.has(selectedId)) {
    const inbox = specialFolder('inbox') || folders[0];
    if (inbox) selectFolder(inbox.id);
  }
}

/** Opens folder {@code id} in the tree (remembered), e.g. the parent a new folder went into. */
export function expandFolder(id) {
  expanded.add(id);
  saveExpanded();
}

function saveExpanded() {
  try { localStorage.setItem(EXPANDED_KEY, JSON.stringify([...expanded])); } catch { /* storage disabled */ }
}

function isExpanded(f) {
  return expanded.has(f.id);
}

function countText(f) {
  if (f.special === 'drafts' || f.special === 'outbox') return f.count > 0 ? formatNumber(f.count) : '';
  return f.unread > 0 ? formatNumber(f.unread) : '';
}

function render() {
  const root = tree();
  if (!root) return;
  const hadFocus = root.contains(document.activeElement);
  const focusedId = hadFocus ? document.activeElement.closest('[role="treeitem"]')?.dataset.folderId : null;
  const focusedKey = hadFocus ? document.activeElement.closest('[role="treeitem"]')?.dataset.treeKey : null;
  root.replaceChildren(...sortedChildren(null).map((f) => renderItem(f, 1)), ...extra.map(renderRoot));
  updateTabStop();
  if (focusedId) itemFor(focusedId)?.focus();
  else if (focusedKey) root.querySelector(`[data-tree-key="${CSS.escape(focusedKey)}"]`)?.focus();
}

/** A root of another user's mailbox (with a close button) or of the public folders. */
function renderRoot(r) {
  const key = rootKey(r.key);
  const children = sortedChildren(key);
  const has = children.length > 0;
  const open = has && expanded.has(key);
  const li = el('li', {
    className: 'tree-item tree-root',
    attrs: { role: 'treeitem', 'aria-level': 1, 'aria-expanded': has ? String(open) : null, 'aria-selected': 'false', tabindex: '-1',
      'aria-label': r.public ? r.name : t('stores.rootLabel', { name: r.name }) },
    dataset: r.public ? { treeKey: key, publicRoot: '1' } : { treeKey: key, storeUser: r.user },
  });
  const row = el('div', { className: 'tree-row' },
    el('span', { className: `tree-twisty${has ? '' : ' tree-leaf'}`, attrs: { 'aria-hidden': 'true' } }, has ? icon('chevron') : null),
    icon(r.public ? 'globe' : 'mailbox'),
    el('span', { className: 'tree-name', text: r.name, attrs: { title: r.email ? `${r.name} <${r.email}>` : r.name } }),
    r.public ? null : el('button', {
      className: 'icon-btn tree-root-close',
      attrs: { type: 'button', tabindex: '-1', 'aria-label': t('stores.closeLabel', { name: r.name }), title: t('stores.close') },
    }, icon('close')));
  row.style.setProperty('--level', '0');
  li.append(row);
  if (has) {
    const group = el('ul', { className: 'tree-group', attrs: { role: 'group' } }, ...children.map((c) => renderItem(c, 2)));
    group.hidden = !open;
    li.append(group);
  } else {
    li.append(el('p', { className: 'tree-root-empty', text: t('stores.noFolders') }));
  }
  return li;
}

function renderItem(f, level) {
  const children = sortedChildren(f.id);
  const has = children.length > 0;
  const open = has && isExpanded(f);
  const name = folderName(f);
  const count = countText(f);
  const label = f.unread > 0 && f.special !== 'drafts' && f.special !== 'outbox'
    ? t('folders.itemUnread', { name, n: formatNumber(f.unread) })
    : (count ? t('folders.itemCount', { name, n: count }) : name);
  const li = el('li', {
    className: `tree-item${f.unread > 0 ? ' has-unread' : ''}`,
    attrs: {
      role: 'treeitem', 'aria-level': level, 'aria-selected': String(f.id === selectedId),
      'aria-expanded': has ? String(open) : null, 'aria-label': label, tabindex: '-1',
      draggable: f.special || f.store ? null : 'true',
    },
    dataset: { folderId: f.id, special: f.special || '' },
  });
  const twisty = el('span', { className: `tree-twisty${has ? '' : ' tree-leaf'}`, attrs: { 'aria-hidden': 'true' } }, has ? icon('chevron') : null);
  const row = el('div', { className: 'tree-row' }, twisty, folderIcon(f),
    el('span', { className: 'tree-name', text: name, attrs: { title: name } }),
    count ? el('span', { className: `tree-count${f.special === 'drafts' || f.special === 'outbox' ? ' tree-count-total' : ''}`, text: count, attrs: { 'aria-hidden': 'true' } }) : null);
  row.style.setProperty('--level', String(level - 1));
  li.append(row);
  if (has) {
    const group = el('ul', { className: 'tree-group', attrs: { role: 'group' } }, ...children.map((c) => renderItem(c, level + 1)));
    group.hidden = !open;
    li.append(group);
  }
  return li;
}

/** The tree item of folder {@code id}, or null. */
export function itemFor(id) {
  return tree().querySelector(`[role="treeitem"][data-folder-id="${CSS.escape(id)}"]`);
}

function visibleItems() {
  return [...tree().querySelectorAll('[role="treeitem"]')].filter((li) => !li.parentElement.closest('.tree-group[hidden]'));
}

function updateTabStop() {
  const items = [...tree().querySelectorAll('[role="treeitem"]')];
  let stop = selectedId ? itemFor(selectedId) : null;
  if (!stop || stop.parentElement.closest('.tree-group[hidden]')) stop = visibleItems()[0];
  for (const li of items) li.tabIndex = li === stop ? 0 : -1;
}

/** Moves the tree's tab stop to {@code li} and focuses it. */
export function focusItem(li) {
  if (!li) return;
  for (const x of tree().querySelectorAll('[role="treeitem"][tabindex="0"]')) x.tabIndex = -1;
  li.tabIndex = 0;
  li.focus();
  li.querySelector('.tree-row').scrollIntoView({ block: 'nearest' });
}

function setExpanded(li, open) {
  const group = li.querySelector(':scope > .tree-group');
  if (!group) return;
  group.hidden = !open;
  li.setAttribute('aria-expanded', String(open));
  const id = li.dataset.folderId || li.dataset.treeKey;
  if (open) expanded.add(id); else expanded.delete(id);
  saveExpanded();
}

/** Selects a folder (and tells the list); expands its ancestors so it can be seen. */
export function selectFolder(id, { focus = false, force = false } = {}) {
  if (!byId.has(id)) return;
  const changed = force || id !== selectedId;
  selectedId = id;
  let p = byId.get(id).parentId;
  let opened = false;
  while (p && byId.has(p)) {
    if (!expanded.has(p)) { expanded.add(p); opened = true; }
    p = byId.get(p).parentId;
  }
  const store = byId.get(id).store;
  if (store && !expanded.has(rootKey(store))) { expanded.add(rootKey(store)); opened = true; }
  if (opened) { saveExpanded(); render(); }
  for (const li of tree().querySelectorAll('[role="treeitem"]')) li.setAttribute('aria-selected', String(li.dataset.folderId === id));
  updateTabStop();
  if (focus) focusItem(itemFor(id));
  if (changed) hooks.onSelect(byId.get(id));
}

function onClick(e) {
  const li = e.target.closest('[role="treeitem"]');
  if (!li) return;
  if (!li.dataset.folderId) {
    // a store's root: open or close it, or close the mailbox (its button)
    if (e.target.closest('.tree-root-close')) { hooks.onCloseStore?.(li.dataset.storeUser); return; }
    focusItem(li);
    if (li.hasAttribute('aria-expanded')) setExpanded(li, li.getAttribute('aria-expanded') !== 'true');
    return;
  }
  if (e.target.closest('.tree-twisty') && li.hasAttribute('aria-expanded')) {
    setExpanded(li, li.getAttribute('aria-expanded') !== 'true');
    return;
  }
  clearTimeout(selectTimer);
  focusItem(li);
  if (li.dataset.folderId === selectedId) hooks.onSelect(byId.get(selectedId), { reselect: true });
  else selectFolder(li.dataset.folderId);
}

function onKeyDown(e) {
  const li = e.target.closest('[role="treeitem"]');
  if (!li) return;
  const items = visibleItems();
  const idx = items.indexOf(li);
  const followFocus = (target) => {
    if (!target) return;
    focusItem(target);
    clearTimeout(selectTimer);
    selectTimer = setTimeout(() => selectFolder(target.dataset.folderId), 350);
  };
  switch (e.key) {
    case 'ArrowDown': e.preventDefault(); followFocus(items[idx + 1]); break;
    case 'ArrowUp': e.preventDefault(); followFocus(items[idx - 1]); break;
    case 'Home': e.preventDefault(); followFocus(items[0]); break;
    case 'End': e.preventDefault(); followFocus(items[items.length - 1]); break;
    case 'ArrowRight':
      e.preventDefault();
      if (li.getAttribute('aria-expanded') === 'false') setExpanded(li, true);
      else if (li.getAttribute('aria-expanded') === 'true') followFocus(li.querySelector(':scope > .tree-group > [role="treeitem"]'));
      break;
    case 'ArrowLeft':
      e.preventDefault();
      if (li.getAttribute('aria-expanded') === 'true') setExpanded(li, false);
      else followFocus(li.parentElement.closest('[role="treeitem"]'));
      break;
    case 'Enter':
    case ' ':
      e.preventDefault();
      clearTimeout(selectTimer);
      if (!li.dataset.folderId) {
        if (li.hasAttribute('aria-expanded')) setExpanded(li, li.getAttribute('aria-expanded') !== 'true');
        break;
      }
      selectFolder(li.dataset.folderId);
      hooks.onSelect(byId.get(li.dataset.folderId), { reselect: true, enter: true });
      break;
    case 'F2':
      e.preventDefault();
      renameFolder(li.dataset.folderId);
      break;
    case 'Delete':
      e.preventDefault();
      e.stopPropagation();
      if (li.dataset.storeUser) hooks.onCloseStore?.(li.dataset.storeUser);
      else deleteFolder(li.dataset.folderId);
      break;
    case 'ContextMenu':
      e.preventDefault();
      openMenuFor(li);
      break;
    default:
      if (e.key === 'F10' && e.shiftKey) { e.preventDefault(); openMenuFor(li); break; }
      if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey && /\S/.test(e.key)) {
        e.preventDefault();
        e.stopPropagation();
        const now = Date.now();
        typeahead.text = (now - typeahead.at < 700 ? typeahead.text : '') + e.key.toLowerCase();
        typeahead.at = now;
        const start = typeahead.text.length === 1 ? idx + 1 : idx;
        const order = [...items.slice(start), ...items.slice(0, start)];
        const hit = order.find((x) => x.querySelector('.tree-name').textContent.toLowerCase().startsWith(typeahead.text));
        if (hit) followFocus(hit);
      }
  }
}

// ---- drag and drop -------------------------------------------------------------------------

function onDragStart(e) {
  const li = e.target.closest('[role="treeitem"]');
  if (!li || !li.draggable) return;
  e.dataTransfer.setData(FOLDER_DRAG_TYPE, li.dataset.folderId);
  e.dataTransfer.effectAllowed = 'move';
}

function dropTarget(e) {
  const li = e.target.closest('[role="treeitem"]');
  if (!li || !li.dataset.folderId) return null;
  const types = [...e.dataTransfer.types];
  if (types.includes(MESSAGE_DRAG_TYPE)) return li;
  if (types.includes(FOLDER_DRAG_TYPE)) return li;
  return null;
}

function onDragOver(e) {
  const li = dropTarget(e);
  if (!li) return;
  e.preventDefault();
  const copy = e.ctrlKey || e.metaKey;
  e.dataTransfer.dropEffect = [...e.dataTransfer.types].includes(FOLDER_DRAG_TYPE) ? 'move' : (copy ? 'copy' : 'move');
  for (const x of tree().querySelectorAll('.drop-target')) if (x !== li) x.classList.remove('drop-target');
  li.classList.add('drop-target');
  // hovering a closed folder opens it after a moment
  if (li.getAttribute('aria-expanded') === 'false' && !li._openTimer) {
    li._openTimer = setTimeout(() => { li._openTimer = 0; if (li.classList.contains('drop-target')) setExpanded(li, true); }, 800);
  }
}

function onDragLeave(e) {
  const li = e.target.closest('[role="treeitem"]');
  if (li && !li.contains(e.relatedTarget)) {
    li.classList.remove('drop-target');
    clearTimeout(li._openTimer);
    li._openTimer = 0;
  }
}

function onDrop(e) {
  const li = dropTarget(e);
  for (const x of tree().querySelectorAll('.drop-target')) x.classList.remove('drop-target');
  if (!li) return;
  e.preventDefault();
  const target = li.dataset.folderId;
  const folderId = e.dataTransfer.getData(FOLDER_DRAG_TYPE);
  if (folderId) { moveFolder(folderId, target); return; }
  let ids = [];
  try { ids = JSON.parse(e.dataTransfer.getData(MESSAGE_DRAG_TYPE) || '[]'); } catch { ids = []; }
  if (ids.length) hooks.onDropMessages(ids, target, e.ctrlKey || e.metaKey);
}

/** Counts line for the list header: "1,234 items, 12 unread". */
export function folderSummary(f) {
  if (!f) return '';
  const parts = [tn('folders.items', f.count || 0)];
  if (f.unread > 0) parts.push(tn('folders.unread', f.unread));
  return parts.join(' · ');
}
