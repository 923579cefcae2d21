// The notes module (#notes): the user's notes folders (GET api/notes) on the left, the notes of
// the one shown as a grid of coloured sticky notes (li.note.note-<colour>[data-note-id], newest
// first, as GET api/notes/{folder}/items answers them); a click (or Enter) opens one in the note
// dialog (note-dialog.js), #note-new writes a new one. A change of the folder shown (event
// stream: notes folders are named by their entry id) reloads it.

import { get, path } from '../api.js';
import { $, el, debounce, isPhone } from '../dom.js';
import { t, tn, formatListDate, formatLongDate } from '../i18n.js';
import { renderSideList, setPane, sameId, setEmpty } from '../items.js';
import { initNoteDialog, openNoteDialog, COLORS } from './note-dialog.js';

const st = { active: false, loaded: false, stale: false, gen: 0, seq: 0, folders: [], source: null, notes: [], error: null };
let hooks = { onTitle: () => {} };

const root = () => $('notes');
const grid = () => $('notes-grid');

export function initNotes(options = {}) {
  hooks = { ...hooks, ...options };
  initNoteDialog();
  $('note-new').addEventListener('click', () => newNote());
  $('notes-back').addEventListener('click', () => { setPane(root(), 'side'); $('notes-folders').querySelector('[aria-current="true"]')?.focus(); });
  grid().addEventListener('click', (e) => {
    const li = e.target.closest('[data-note-id]');
    if (li) openNote(li.dataset.noteId);
  });
  grid().addEventListener('keydown', onGridKey);
  window.addEventListener('languagechange-app', () => { if (st.loaded) { renderSide(); render(); } });
}

export async function showNotesModule() {
  st.active = true;
  root().hidden = false;
  if (isPhone() && !root().className.includes('view-')) setPane(root(), 'list');
  if (!st.loaded) {
    try { await loadFolders(); } catch { return; }
    st.loaded = true;
    await loadNotes();
  } else if (st.stale) {
    st.stale = false;
    await loadNotes();
  }
}

export function hideNotesModule() {
  st.active = false;
  root().hidden = true;
}

export function forgetNotes() {
  st.gen++;
  Object.assign(st, { loaded: false, stale: false, folders: [], source: null, notes: [], error: null });
  $('notes-folders').replaceChildren();
  grid().replaceChildren();
  $('notes-title').textContent = '';
  $('notes-summary').textContent = '';
}

export function focusNotes() { (grid().querySelector('.note-open') || $('note-new')).focus(); }

export function notesTitle() { return folderName(st.folders.find((x) => x.id === st.source)); }

function folderName(f) {
  if (!f) return '';
  return f.default ? t('folder.notes') : (f.name || t('folder.notes'));
}

async function loadFolders() {
  const gen = st.gen;
  const data = await get('api/notes');
  if (gen !== st.gen) throw new DOMException('another session', 'AbortError');
  st.folders = ((data && data.folders) || []).map((x) => ({ ...x, id: String(x.id) }));
  if (!st.folders.some((x) => x.id === st.source)) st.source = (st.folders.find((x) => x.default) || st.folders[0] || {}).id || null;
  renderSide();
}

function renderSide() {
  renderSideList($('notes-folders'), st.folders.map((x) => ({ id: x.id, name: folderName(x) })), {
    selected: st.source, dataKey: 'notesFolderId', iconName: 'notes', onSelect: (id) => selectFolder(id),
  });
  $('note-new').disabled = !st.source;
}

function selectFolder(id) {
  if (isPhone()) setPane(root(), 'list');
  if (id === st.source) { focusNotes(); return; }
  st.source = id;
  renderSide();
  hooks.onTitle();
  loadNotes();
}

async function loadNotes() {
  $('notes-title').textContent = notesTitle();
  if (!st.source) { st.notes = []; st.error = null; render(); return; }
  const mine = ++st.seq;
  const gen = st.gen;
  grid().setAttribute('aria-busy', 'true');
  try {
    const data = await get(path('notes', st.source, 'items'), undefined, { quiet: true });
    if (mine !== st.seq || gen !== st.gen) return;
    st.notes = (data && data.notes) || [];
    st.error = null;
  } catch (err) {
    if (mine !== st.seq || gen !== st.gen) return;
    st.notes = [];
    st.error = err.message;
  }
  grid().removeAttribute('aria-busy');
  render();
}

/** The text of a note without its first line (the first line is its subject). */
function rest(n) {
  const body = String(n.body || '').replace(/\r\n?/g, '\n').trim();
  const nl = body.indexOf('\n');
  return nl < 0 ? '' : body.slice(nl + 1).trim();
}

function titleOf(n) {
  const first = String(n.body || '').trim().split(/\r?\n/)[0];
  return n.subject || first || t('notes.empty');
}

function noteElement(n) {
  const color = COLORS.includes(n.color) ? n.color : 'yellow';
  const title = titleOf(n);
  const text = rest(n);
  return el('li', { className: `note note-${color}`, dataset: { noteId: n.id, color } },
    el('button', { className: 'note-open', attrs: { type: 'button', 'aria-label': t('notes.openLabel', { title, color: t(`notes.color.${color}`) }) } },
      el('span', { className: 'note-title', text: title }),
      text ? el('span', { className: 'note-text', text }) : null,
      n.modified ? el('time', { className: 'note-date', text: formatListDate(n.modified), attrs: { datetime: n.modified, title: formatLongDate(n.modified) } }) : null));
}

function render() {
  $('notes-title').textContent = notesTitle();
  const focusedId = grid().contains(document.activeElement) ? document.activeElement.closest('[data-note-id]')?.dataset.noteId : null;
  grid().replaceChildren(...st.notes.map(noteElement));
  let empty = '';
  if (st.error) empty = st.error;
  else if (!st.source) empty = t('notes.noFolders');
  else if (!st.notes.length) empty = t('notes.none');
  setEmpty($('notes-empty'), empty, !!st.error);
  $('notes-summary').textContent = st.error || !st.source ? '' : tn('notes.count', st.notes.length);
  if (focusedId) grid().querySelector(`[data-note-id="${CSS.escape(focusedId)}"] .note-open`)?.focus();
}

export async function newNote() {
  if (!st.source) return;
  const changed = await openNoteDialog({ folder: st.source, note: null });
  if (changed) { await loadNotes(); grid().querySelector('.note-open')?.focus(); }
}

async function openNote(id) {
  const note = st.notes.find((n) => n.id === id);
  if (!note) return;
  const changed = await openNoteDialog({ folder: st.source, note });
  if (changed) await loadNotes();
}

/** Arrow keys move between the notes of the grid (by rows as they are laid out). */
function onGridKey(e) {
  const li = e.target.closest('[data-note-id]');
  if (!li || !['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) return;
  const items = [...grid().querySelectorAll('[data-note-id]')];
  const k = items.indexOf(li);
  let next = null;
  if (e.key === 'ArrowRight') next = items[k + 1];
  else if (e.key === 'ArrowLeft') next = items[k - 1];
  else if (e.key === 'Home') next = items[0];
  else if (e.key === 'End') next = items[items.length - 1];
  else {
    // the note below or above: the nearest one in the next row
    const r = li.getBoundingClientRect();
    const down = e.key === 'ArrowDown';
    const candidates = items.filter((x) => {
      const q = x.getBoundingClientRect();
      return down ? q.top > r.top + 4 : q.top < r.top - 4;
    });
    const rowTop = down ? Math.min(...candidates.map((x) => x.getBoundingClientRect().top))
      : Math.max(...candidates.map((x) => x.getBoundingClientRect().top));
    next = candidates.filter((x) => Math.abs(x.getBoundingClientRect().top - rowTop) < 4)
      .sort((a, b) => Math.abs(a.getBoundingClientRect().left - r.left) - Math.abs(b.getBoundingClientRect().left - r.left))[0];
  }
  if (next) { e.preventDefault(); next.querySelector('.note-open').focus(); }
}

// ---- live updates, keyboard ----------------------------------------------------------------------

const reloadSoon = debounce(() => loadNotes(), 300);

export function onNotesFolderChanged(folderId) {
  if (!st.loaded || !sameId(st.source, folderId)) return;
  if (st.active) reloadSoon(); else st.stale = true;
}

export const onNotesHierarchyChanged = debounce(async () => {
  if (!st.loaded) return;
  const before = st.source;
  try { await loadFolders(); } catch { return; }
  if (st.source !== before) loadNotes();
  hooks.onTitle();
}, 500);

export function onNotesShortcut(e) {
  if (e.key === 'n' || e.key === 'N') { newNote(); return true; }
  return false;
}
