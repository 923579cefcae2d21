// The task form (#task-dialog): subject, start and due day, status, percent complete (kept in
// step with the status, as Outlook does), priority, private, notes; a new task is POSTed, a
// changed one PUT with If-Match (409: changed elsewhere meanwhile), one deleted (#task-delete)
// with If-Match after a question. What the form does not show (categories) is kept.

import { post, put, del, path } from '../api.js';
import { $, fieldError } from '../dom.js';
import { t, formatLongDate } from '../i18n.js';
import { openModal, confirmDialog, confirmDiscard } from '../dialogs.js';
import { showStatus } from '../status.js';

const FIELDS = ['task-subject', 'task-start', 'task-due', 'task-status', 'task-percent', 'task-priority', 'task-description'];
const STATUSES = ['needs-action', 'in-process', 'completed', 'cancelled'];

const f = { open: false, list: null, task: null, baseline: '', saving: false, resolve: null };
const dialog = () => $('task-dialog');

/** The task as PUT and POST take it, from a task as the list answers it. */
export function taskBody(task) {
  return {
    subject: task.subject || '', description: task.description || '', start: task.start || null, due: task.due || null,
    status: task.status || 'needs-action', percent: Number(task.percent) || 0, priority: task.priority || 'normal',
    private: !!task.private, categories: task.categories || [],
  };
}

export function initTaskForm() {
  $('task-form').addEventListener('submit', (e) => { e.preventDefault(); save(); });
  $('task-cancel').addEventListener('click', () => requestClose());
  $('task-close').addEventListener('click', () => requestClose());
  $('task-delete').addEventListener('click', () => remove());
  $('task-status').addEventListener('change', () => statusChanged());
  $('task-percent').addEventListener('change', () => percentChanged());
  $('task-form').addEventListener('input', () => clearFieldErrors());
  dialog().addEventListener('close', () => finish());
  window.addEventListener('languagechange-app', () => { if (f.open) updateTitle(); });
}

/** Opens the form for {@code task} (from the list) or a new one in {@code list}; resolves true when something changed. */
export function openTaskForm({ list, task }) {
  if (f.open) return Promise.resolve(false);
  Object.assign(f, { open: true, list, task, saving: false });
  fill(task ? taskBody(task) : { status: 'needs-action', percent: 0, priority: 'normal' });
  $('task-delete').hidden = !task;
  const note = $('task-completed-note');
  note.hidden = !(task && task.completed && task.status === 'completed');
  note.textContent = note.hidden ? '' : t('tasks.completedOn', { date: formatLongDate(task.completed) });
  return new Promise((resolve) => {
    f.resolve = resolve;
    openModal(dialog(), { initialFocus: $('task-subject'), onCancel: () => requestClose() });
  });
}

function updateTitle() {
  $('task-dialog-title').textContent = f.task ? t('tasks.editTitle') : t('tasks.newTitle');
}

function fill(task) {
  clearFieldErrors();
  formError('');
  updateTitle();
  $('task-subject').value = task.subject || '';
  $('task-start').value = (task.start || '').slice(0, 10);
  $('task-due').value = (task.due || '').slice(0, 10);
  $('task-status').value = STATUSES.includes(task.status) ? task.status : 'needs-action';
  $('task-percent').value = String(Math.max(0, Math.min(100, Number(task.percent) || 0)));
  $('task-priority').value = ['high', 'normal', 'low'].includes(task.priority) ? task.priority : 'normal';
  $('task-private').checked = !!task.private;
  $('task-description').value = task.description || '';
  f.baseline = snapshot();
}

function snapshot() { return JSON.stringify([FIELDS.map((id) => $(id).value), $('task-private').checked]); }

/** Completed is 100 %; back from completed to not started is 0 %. */
function statusChanged() {
  const status = $('task-status').value;
  const pct = Number($('task-percent').value) || 0;
  if (status === 'completed') $('task-percent').value = '100';
  else if (status === 'needs-action' && pct > 0) $('task-percent').value = '0';
  else if (status === 'in-process' && pct >= 100) $('task-percent').value = '0';
}

/** 100 % is completed; between, in progress; 0 %, not started (a cancelled task stays cancelled). */
function percentChanged() {
  const pct = Number($('task-percent').value);
  const status = $('task-status').value;
  if (!Number.isFinite(pct) || status === 'cancelled') return;
  if (pct >= 100) $('task-status').value = 'completed';
  else if (pct > 0) $('task-status').value = 'in-process';
  else if (status !== 'needs-action') $('task-status').value = 'needs-action';
}

function validate() {
  if (!$('task-subject').value.trim()) return fail('task-subject-error', t('tasks.subjectRequired'), $('task-subject'));
  for (const id of ['task-start', 'task-due']) {
    if ($(id).validity.badInput) return fail('task-date-error', t('tasks.badDate'), $(id));
  }
  const start = $('task-start').value;
  const due = $('task-due').value;
  if (start && due && due < start) return fail('task-date-error', t('tasks.dueBeforeStart'), $('task-due'));
  const pct = $('task-percent').value.trim();
  if (pct !== '' && !(/^\d{1,3}$/.test(pct) && Number(pct) <= 100)) return fail('task-percent-error', t('tasks.badPercent'), $('task-percent'));
  return true;
}

function fail(id, text, control) {
  fieldError(id, text, [control]);
  control.focus();
  return false;
}

async function save() {
  if (f.saving || !f.open) return;
  clearFieldErrors();
  formError('');
  if (!validate()) return;
  const body = {
    ...(f.task ? taskBody(f.task) : { categories: [] }),
    subject: $('task-subject').value.trim(), start: $('task-start').value || null, due: $('task-due').value || null,
    status: $('task-status').value, percent: Number($('task-percent').value) || 0, priority: $('task-priority').value,
    private: $('task-private').checked, description: $('task-description').value,
  };
  const button = $('task-save');
  f.saving = true;
  button.disabled = true;
  button.classList.add('busy');
  try {
    if (f.task) {
      await put(path('tasks', f.list, 'items', f.task.id), body, { quiet: true, headers: f.task.etag ? { 'If-Match': f.task.etag } : {} });
    } else {
      await post(path('tasks', f.list, 'items'), body, { quiet: true });
    }
    showStatus(t('tasks.saved', { subject: body.subject }), 'success');
    done(true);
  } catch (err) {
    formError(err.status === 409 ? t('tasks.conflictForm') : err.message);
  } finally {
    f.saving = false;
    button.disabled = false;
    button.classList.remove('busy');
  }
}

async function remove() {
  if (!f.task) return;
  const subject = f.task.subject || t('tasks.noSubject');
  const choice = await confirmDialog({
    title: t('tasks.deleteTitle'), text: t('tasks.deleteText', { subject }),
    buttons: [{ id: 'cancel', text: t('dialog.cancel') }, { id: 'delete', text: t('action.delete'), danger: true, primary: true, elementId: 'task-delete-confirm' }],
  });
  if (choice !== 'delete') return;
  try {
    await del(path('tasks', f.list, 'items', f.task.id), { quiet: true, headers: f.task.etag ? { 'If-Match': f.task.etag } : {} });
    showStatus(t('tasks.deleted', { subject }), 'success');
    done(true);
  } catch (err) {
    formError(err.status === 409 ? t('tasks.conflictForm') : err.message);
  }
}

async function requestClose() {
  if (!f.open) return;
  if (snapshot() !== f.baseline) {
    if (!(await confirmDiscard('task-discard'))) return;
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
  for (const id of ['task-subject', 'task-description']) $(id).value = '';
  f.task = null;
  const r = f.resolve;
  f.resolve = null;
  if (r) r(false);
}

function clearFieldErrors() {
  for (const p of dialog().querySelectorAll('.field-error')) { p.textContent = ''; p.hidden = true; }
  for (const c of dialog().querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
}

function formError(text) {
  const p = $('task-error');
  p.textContent = text || '';
  p.hidden = !text;
}
