// The note dialog (#note-dialog): the text of a sticky note (#note-body; its first line is its
// subject, as Outlook has it), its colour (#note-color-<colour>, pressed buttons), save (POST a
// new note, PUT a changed one), delete (#note-delete, after a question). A new note without text
// is not created.

import { post, put, del, path } from '../api.js';
import { $ } from '../dom.js';
import { t } from '../i18n.js';
import { openModal, confirmDialog, confirmDiscard } from '../dialogs.js';
import { showStatus } from '../status.js';

export const COLORS = ['yellow', 'blue', 'green', 'pink', 'white'];

const f = { open: false, folder: null, note: null, color: 'yellow', baseline: '', saving: false, resolve: null };
const dialog = () => $('note-dialog');

export function initNoteDialog() {
  $('note-form').addEventListener('submit', (e) => { e.preventDefault(); save(); });
  $('note-cancel').addEventListener('click', () => requestClose());
  $('note-close').addEventListener('click', () => requestClose());
  $('note-delete').addEventListener('click', () => remove());
  for (const c of COLORS) $(`note-color-${c}`).addEventListener('click', () => setColor(c));
  $('note-body').addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); save(); }
  });
  dialog().addEventListener('close', () => finish());
  window.addEventListener('languagechange-app', () => { if (f.open) updateTitle(); });
}

/** Opens {@code note} ({id, body, color}) or a new one in {@code folder}; resolves true when it changed. */
export function openNoteDialog({ folder, note }) {
  if (f.open) return Promise.resolve(false);
  Object.assign(f, { open: true, folder, note, saving: false });
  updateTitle();
  formError('');
  $('note-body').value = note ? String(note.body || '') : '';
  setColor(note && COLORS.includes(note.color) ? note.color : 'yellow');
  $('note-delete').hidden = !note;
  f.baseline = snapshot();
  return new Promise((resolve) => {
    f.resolve = resolve;
    openModal(dialog(), { initialFocus: $('note-body'), onCancel: () => requestClose() });
    const body = $('note-body');
    body.setSelectionRange(body.value.length, body.value.length);
  });
}

function updateTitle() { $('note-dialog-title').textContent = t(f.note ? 'notes.editTitle' : 'notes.newTitle'); }

function setColor(color) {
  f.color = color;
  for (const c of COLORS) $(`note-color-${c}`).setAttribute('aria-pressed', String(c === color));
  const paper = $('note-paper');
  paper.classList.remove(...COLORS.map((c) => `note-${c}`));
  paper.classList.add(`note-${color}`);
}

function snapshot() { return JSON.stringify([$('note-body').value, f.color]); }

async function save() {
  if (f.saving || !f.open) return;
  formError('');
  const body = $('note-body').value;
  if (!f.note && !body.trim()) { done(false); return; }
  if (f.note && snapshot() === f.baseline) { done(false); return; }
  const button = $('note-save');
  f.saving = true;
  button.disabled = true;
  button.classList.add('busy');
  try {
    if (f.note) await put(path('notes', f.folder, 'items', f.note.id), { body, color: f.color }, { quiet: true });
    else await post(path('notes', f.folder, 'items'), { body, color: f.color }, { quiet: true });
    showStatus(t('notes.saved'), 'success');
    done(true);
  } catch (err) {
    formError(err.message);
  } finally {
    f.saving = false;
    button.disabled = false;
    button.classList.remove('busy');
  }
}

async function remove() {
  if (!f.note) return;
  const choice = await confirmDialog({
    title: t('notes.deleteTitle'), text: t('notes.deleteText'),
    buttons: [{ id: 'cancel', text: t('dialog.cancel') }, { id: 'delete', text: t('action.delete'), danger: true, primary: true, elementId: 'note-delete-confirm' }],
  });
  if (choice !== 'delete') return;
  try {
    await del(path('notes', f.folder, 'items', f.note.id), { quiet: true });
    showStatus(t('notes.deleted'), 'success');
    done(true);
  } catch (err) {
    formError(err.message);
  }
}

async function requestClose() {
  if (!f.open) return;
  if (snapshot() !== f.baseline && $('note-body').value.trim()) {
    if (!(await confirmDiscard('note-discard'))) return;
  }
  done(false);
}

function done(changed) {
  const r = f.resolve;
  f.resolve = null;
  if (dialog().open) dialog().close();
  if (r) r(changed);
}

function finish() {
  if (!f.open) return;
  f.open = false;
  $('note-body').value = '';
  f.note = null;
  const r = f.resolve;
  f.resolve = null;
  if (r) r(false);
}

function formError(text) {
  const p = $('note-error');
  p.textContent = text || '';
  p.hidden = !text;
}
