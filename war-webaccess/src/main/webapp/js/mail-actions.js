// What the mail toolbar, the keyboard and the folder tree do to messages: reply / reply all /
// forward (compose.js), delete (Shift: permanently, asked first; from Deleted Items always
// asked), restore soft-deleted items, move and copy (the folder picker or a drop on the tree),
// read / unread, flag, "mark all as read" of a folder. Ids go in requests of at most 1,000.
// app.js owns the selection and the folder shown; it hands them over in initMailActions.

import { get, post, patch, path } from './api.js';
import { $ } from './dom.js';
import { t, tn } from './i18n.js';
import { showStatus } from './status.js';
import { confirmDialog, folderPicker } from './dialogs.js';
import * as folders from './folders.js';
import * as list from './list.js';
import * as reader from './reader.js';
import * as compose from './compose.js';

const MAX_IDS = 1000;   // the most ids the server takes in one request

let ctx = {
  selection: () => ({ ids: [], rows: [] }), current: () => null, clearReading: () => {}, refreshCounts: () => {}, updateToolbar: () => {},
};

export function initMailActions(options) {
  ctx = { ...ctx, ...options };
}

const showingDeleted = () => $('show-deleted').checked;

/** Sends {@code ids} in requests of at most MAX_IDS, one after the other. */
async function chunked(ids, send) {
  for (let k = 0; k < ids.length; k += MAX_IDS) await send(ids.slice(k, k + MAX_IDS));
}

async function fullMessage(id) {
  const shown = reader.currentMessage();
  if (shown && shown.id === id) return shown;
  return get(path('messages', id));
}

/** Reply, reply all or forward (mode) to the one message selected. */
export async function respond(mode) {
  const { ids } = ctx.selection();
  if (ids.length !== 1 || showingDeleted()) return;
  try {
    const m = await fullMessage(ids[0]);
    compose.openCompose({ mode, message: m });
  } catch { /* shown */ }
}

export async function deleteSelected(permanent = false) {
  const ids = [...ctx.selection().ids];
  if (!ids.length || showingDeleted()) return;
  const current = ctx.current();
  const inTrash = current && current.special === 'trash';
  if (permanent || inTrash) {
    const choice = await confirmDialog({
      title: t('delete.confirmTitle'),
      text: tn('delete.confirmText', ids.length),
      buttons: [{ id: 'cancel', text: t('dialog.cancel') }, { id: 'delete', text: t('action.delete'), danger: true, primary: true }],
    });
    if (choice !== 'delete') return;
  }
  try {
    await chunked(ids, (part) => post('api/messages/delete', { ids: part, permanent: !!permanent }));
    showStatus(tn('delete.done', ids.length), 'success');
    ctx.clearReading();
    list.refresh({ removed: ids });
    ctx.refreshCounts();
  } catch { /* shown */ }
}

export async function restoreSelected() {
  const ids = [...ctx.selection().ids];
  const current = ctx.current();
  if (!ids.length || !current) return;
  try {
    await chunked(ids, (part) => post('api/messages/restore', { folderId: current.id, ids: part }));
    showStatus(tn('restore.done', ids.length), 'success');
    ctx.clearReading();
    list.refresh({ removed: ids });
    ctx.refreshCounts();
  } catch { /* shown */ }
}

export async function moveSelected() {
  const ids = [...ctx.selection().ids];
  if (!ids.length) return;
  const current = ctx.current();
  const target = await folderPicker({
    title: tn('move.title', ids.length),
    folders: folders.flatTree(),
    okText: t('move.ok'),
    exclude: new Set(current ? [current.id] : []),
  });
  if (target) moveMessages(ids, target, false);
}

/** Moves (or copies) messages into a folder: the picker, or a drop on the folder tree. */
export async function moveMessages(ids, folderId, copy) {
  const current = ctx.current();
  if (!ids.length || (!copy && current && folderId === current.id)) return;
  try {
    await chunked(ids, (part) => post('api/messages/move', { ids: part, folderId, copy: !!copy }));
    const name = folders.folderName(folders.getFolder(folderId));
    showStatus(tn(copy ? 'move.copied' : 'move.moved', ids.length, { folder: name }), 'success');
    if (!copy) ctx.clearReading();
    list.refresh(copy ? {} : { removed: ids });
    ctx.refreshCounts();
  } catch { /* shown */ }
}

export async function toggleUnread() {
  const { ids: selected, rows } = ctx.selection();
  const ids = [...selected];
  if (!ids.length) return;
  const allRead = rows.every((r) => r && r.read);
  const read = !allRead;
  try {
    if (ids.length === 1) await patch(path('messages', ids[0]), { read });
    else await chunked(ids, (part) => post('api/messages/read', { ids: part, read }));
    if (!read) reader.cancelMarkRead();
    list.updateRows(ids, { read });
    ctx.updateToolbar();
    ctx.refreshCounts();
  } catch { /* shown */ }
}

export async function toggleFlag(rows) {
  rows = (rows || []).filter(Boolean);
  if (!rows.length) return;
  const flagged = !rows.every((r) => r.flagged);
  const ids = rows.map((r) => r.id);
  // no bulk flag call in the API: one PATCH each, six at a time
  const queue = [...ids];
  const failed = [];
  const worker = async () => {
    while (queue.length) {
      const id = queue.shift();
      try { await patch(path('messages', id), { flagged }); } catch { failed.push(id); }
    }
  };
  await Promise.all(Array.from({ length: Math.min(6, ids.length) }, worker));
  list.updateRows(ids.filter((id) => !failed.includes(id)), { flagged });
  ctx.updateToolbar();
}

/** "Mark all as read" of a folder (its context menu). */
export async function markFolderRead(f) {
  const ids = [];
  try {
    for (let offset = 0; ; offset += 500) {
      const data = await get(path('folders', f.id, 'messages'), { offset, limit: 500, unread: 1 });
      const rows = (data && data.rows) || [];
      for (const r of rows) if (!r.read) ids.push(r.id);
      if (rows.length < 500 || ids.length >= 50000) break;
    }
    await chunked(ids, (part) => post('api/messages/read', { ids: part, read: true }));
    const current = ctx.current();
    if (current && current.id === f.id) list.refresh();
    ctx.refreshCounts();
    showStatus(t('folders.markedRead', { name: folders.folderName(f) }), 'success');
  } catch { /* shown */ }
}
