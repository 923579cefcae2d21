// The folder tree's context menu (right click, the context menu key, Shift+F10) and what it
// does: a new (sub)folder, rename (F2), mark all as read, the permission dialog, delete (Delete;
// into Deleted Items), and moving a folder under another (dropped on it, folders.js). The
// folders of other users' mailboxes get "mark all as read" and their permissions only; a
// mailbox's root, "close". The tree itself (folders.js) calls these.

import { post, patch, del, path } from './api.js';
import { t } from './i18n.js';
import { showMenu } from './menu.js';
import { promptDialog, confirmDialog } from './dialogs.js';
import { showStatus } from './status.js';
import { openPermissions } from './calendar/permissions.js';
import {
  getFolder, folderName, loadFolders, selectFolder, selectedFolder, specialFolder, descendants, expandFolder, itemFor, focusItem,
} from './folders.js';

let hooks = { onMarkAllRead: () => {}, onCloseStore: () => {} };

export function initFolderActions(options) {
  hooks = { ...hooks, ...options };
  document.getElementById('folder-tree').addEventListener('contextmenu', onContextMenu);
}

/** The menu of a tree item at x, y (under the item when not given): a folder's, or a mailbox root's. */
export function openMenuFor(li, x, y) {
  if (x === undefined) {
    const r = li.querySelector('.tree-row').getBoundingClientRect();
    x = r.left + 24;
    y = r.bottom;
  }
  if (li.dataset.storeUser) {
    const name = li.querySelector('.tree-name').textContent;
    showMenu([{ id: 'store-menu-close', label: t('stores.close'), icon: 'close', action: () => hooks.onCloseStore?.(li.dataset.storeUser) }],
      x, y, { opener: li, label: name });
    return;
  }
  const f = getFolder(li.dataset.folderId);
  if (!f) return;
  if (f.store) {
    // another store's folder: read, mark read, its permissions (when its owner let us) — no changes to the tree
    showMenu([
      { label: t('folders.markAllRead'), icon: 'read', disabled: !(f.unread > 0), action: () => hooks.onMarkAllRead?.(f) },
      { id: 'folder-menu-permissions', label: t('perm.menu'), icon: 'key', action: () => openPermissions({ folderId: f.id, name: folderName(f), calendar: /^IPF\.Appointment/i.test(f.containerClass || '') }) },
    ], x, y, { opener: li, label: folderName(f) });
    return;
  }
  const fixed = !!f.special;
  showMenu([
    { label: t('folders.newSub'), icon: 'folderAdd', action: () => newFolder(f.id) },
    { label: t('folders.rename'), icon: 'rename', disabled: fixed, action: () => renameFolder(f.id) },
    { label: t('folders.markAllRead'), icon: 'read', disabled: !(f.unread > 0), action: () => hooks.onMarkAllRead?.(f) },
    {
      id: 'folder-menu-permissions', label: t('perm.menu'), icon: 'key',
      action: () => openPermissions({ folderId: f.id, name: folderName(f), calendar: f.special === 'calendar' || /^IPF\.Appointment/i.test(f.containerClass || '') }),
    },
    'separator',
    { label: t('folders.delete'), icon: 'delete', disabled: fixed, danger: true, action: () => deleteFolder(f.id) },
  ], x, y, { opener: li, label: folderName(f) });
}

function onContextMenu(e) {
  const li = e.target.closest('[role="treeitem"]');
  if (!li) return;
  e.preventDefault();
  focusItem(li);
  openMenuFor(li, e.clientX, e.clientY);
}

/** Asks for a name and creates a folder (at the top, or under {@code parentId}). */
export async function newFolder(parentId) {
  const parent = parentId ? getFolder(parentId) : null;
  const name = await promptDialog({
    title: parent ? t('folders.newSubTitle', { name: folderName(parent) }) : t('folders.newTitle'),
    label: t('folders.name'), okText: t('folders.create'),
  });
  if (!name) return;
  try {
    const res = await post('api/folders', { parentId: parentId || null, name }, { quiet: true });
    if (parentId) expandFolder(parentId);
    await loadFolders();
    showStatus(t('folders.created', { name }));
    if (res && res.id) focusItem(itemFor(res.id));
  } catch (err) {
    showStatus(err.code === 'exists' || err.status === 409 ? t('folders.exists', { name }) : err.message, 'error');
  }
}

export async function renameFolder(id) {
  const f = getFolder(id);
  if (!f || f.special || f.store) return;
  const name = await promptDialog({ title: t('folders.renameTitle'), label: t('folders.name'), value: f.name, okText: t('folders.rename') });
  if (!name || name === f.name) return;
  try {
    await patch(path('folders', id), { name }, { quiet: true });
    await loadFolders();
    focusItem(itemFor(id));
  } catch (err) {
    showStatus(err.code === 'exists' || err.status === 409 ? t('folders.exists', { name }) : err.message, 'error');
  }
}

export async function deleteFolder(id) {
  const f = getFolder(id);
  if (!f || f.special || f.store) return;
  const choice = await confirmDialog({
    title: t('folders.deleteTitle'),
    text: t('folders.deleteText', { name: folderName(f) }),
    buttons: [{ id: 'cancel', text: t('dialog.cancel') }, { id: 'delete', text: t('folders.delete'), danger: true, primary: true }],
  });
  if (choice !== 'delete') return;
  await del(path('folders', id));
  showStatus(t('folders.deleted', { name: folderName(f) }));
  const selectedId = selectedFolder()?.id;
  if (selectedId === id || descendants(id).has(selectedId)) {
    const inbox = specialFolder('inbox');
    if (inbox) selectFolder(inbox.id);
  }
  await loadFolders();
}

/** Moves a folder of the user's own under another (a drop on the tree). */
export async function moveFolder(id, parentId) {
  const f = getFolder(id);
  if (!f || f.special || f.store || id === parentId || descendants(id).has(parentId) || f.parentId === parentId) return;
  if (getFolder(parentId)?.store) return; // not into another store
  await patch(path('folders', id), { parentId });
  expandFolder(parentId);
  await loadFolders();
  showStatus(t('folders.moved', { name: folderName(f), target: folderName(getFolder(parentId)) }));
}
