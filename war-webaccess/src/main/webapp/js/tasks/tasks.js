// The tasks module (#tasks): the user's task lists (GET api/tasks) on the left, the tasks of the
// one shown (GET api/tasks/{list}/items: open ones by due day, then done ones) with a checkbox to
// complete or reopen each (PUT with If-Match), the due day (red when overdue), priority and
// percent complete; the filter active | completed | all (#tasks-filter, kept in the browser); a
// quick-add field (#task-quick-add: Enter creates a task with that subject); the task form
// (task-form.js). A task completed or reopened here stays in view until the filter or the list
// changes. A change of the list shown (event stream) reloads it.

import { get, post, put, del, path } from '../api.js';
import { $, el, debounce, isPhone } from '../dom.js';
import { icon } from '../icons.js';
import { t, tn, currentLocale } from '../i18n.js';
import { confirmDialog } from '../dialogs.js';
import { showStatus } from '../status.js';
import { renderSideList, setPane, sameId, setEmpty, formatDate } from '../items.js';
import { todayKey, addDays } from '../calendar/dates.js';
import { initTaskForm, openTaskForm, taskBody } from './task-form.js';

const FILTERS = ['active', 'completed', 'all'];
const FILTER_KEY = 'zcp.webaccess.tasksFilter';

const st = {
  active: false, loaded: false, stale: false, gen: 0, seq: 0,
  lists: [], source: null, tasks: [], error: null, filter: 'active',
  sticky: new Set(),      // ids completed or reopened here: shown whatever the filter until it changes
  busy: new Set(),
};
let hooks = { onTitle: () => {} };

const root = () => $('tasks');
const listEl = () => $('tasks-list');
export const isDone = (task) => task.status === 'completed' || task.status === 'cancelled';

export function initTasks(options = {}) {
  hooks = { ...hooks, ...options };
  initTaskForm();
  try { const f = localStorage.getItem(FILTER_KEY); if (FILTERS.includes(f)) st.filter = f; } catch { /* storage disabled */ }
  $('tasks-filter').value = st.filter;
  $('tasks-filter').addEventListener('change', () => {
    st.filter = FILTERS.includes($('tasks-filter').value) ? $('tasks-filter').value : 'active';
    try { localStorage.setItem(FILTER_KEY, st.filter); } catch { /* storage disabled */ }
    st.sticky.clear();
    render();
  });
  $('task-new').addEventListener('click', () => newTask());
  $('tasks-back').addEventListener('click', () => { setPane(root(), 'side'); $('tasks-lists').querySelector('[aria-current="true"]')?.focus(); });
  const quick = $('task-quick-add');
  quick.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); quickAdd(); }
    else if (e.key === 'Escape' && quick.value) { e.preventDefault(); e.stopPropagation(); quick.value = ''; }
  });
  listEl().addEventListener('change', (e) => {
    const box = e.target.closest('.task-done');
    if (box) toggle(box.closest('[data-task-id]').dataset.taskId, box);
  });
  listEl().addEventListener('click', (e) => {
    const b = e.target.closest('.task-open');
    if (b) openTask(b.closest('[data-task-id]').dataset.taskId);
  });
  listEl().addEventListener('keydown', onListKey);
  window.addEventListener('languagechange-app', () => { if (st.loaded) { renderSide(); render(); } });
}

export async function showTasksModule() {
  st.active = true;
  root().hidden = false;
  if (isPhone() && !root().className.includes('view-')) setPane(root(), 'list');
  if (!st.loaded) {
    try { await loadLists(); } catch { return; }
    st.loaded = true;
    await loadTasks();
  } else if (st.stale) {
    st.stale = false;
    await loadTasks();
  }
}

export function hideTasksModule() {
  st.active = false;
  root().hidden = true;
}

export function forgetTasks() {
  st.gen++;
  Object.assign(st, { loaded: false, stale: false, lists: [], source: null, tasks: [], error: null });
  st.sticky.clear();
  $('tasks-lists').replaceChildren();
  listEl().replaceChildren();
  $('task-quick-add').value = '';
  $('tasks-title').textContent = '';
  $('tasks-summary').textContent = '';
}

export function focusTasks() {
  (listEl().querySelector('.task-done') || $('task-quick-add')).focus();
}

export function tasksTitle() { return listName(st.lists.find((l) => l.id === st.source)); }

function listName(l) {
  if (!l) return '';
  return l.default ? t('folder.tasks') : (l.name || t('folder.tasks'));
}

async function loadLists() {
  const gen = st.gen;
  const data = await get('api/tasks');
  if (gen !== st.gen) throw new DOMException('another session', 'AbortError');
  st.lists = ((data && data.lists) || []).map((l) => ({ ...l, id: String(l.id) }));
  if (!st.lists.some((l) => l.id === st.source)) st.source = (st.lists.find((l) => l.default) || st.lists[0] || {}).id || null;
  renderSide();
}

function renderSide() {
  renderSideList($('tasks-lists'), st.lists.map((l) => ({ id: l.id, name: listName(l) })), {
    selected: st.source, dataKey: 'listId', iconName: 'tasks', onSelect: (id) => selectList(id),
  });
  $('task-new').disabled = !st.source;
  $('task-quick-add').disabled = !st.source;
}

function selectList(id) {
  if (isPhone()) setPane(root(), 'list');
  if (id === st.source) { focusTasks(); return; }
  st.source = id;
  st.sticky.clear();
  renderSide();
  hooks.onTitle();
  loadTasks();
}

async function loadTasks() {
  $('tasks-title').textContent = tasksTitle();
  if (!st.source) { st.tasks = []; st.error = null; render(); return; }
  const mine = ++st.seq;
  const gen = st.gen;
  listEl().setAttribute('aria-busy', 'true');
  try {
    const data = await get(path('tasks', st.source, 'items'), undefined, { quiet: true });
    if (mine !== st.seq || gen !== st.gen) return;
    st.tasks = (data && data.tasks) || [];
    st.error = null;
  } catch (err) {
    if (mine !== st.seq || gen !== st.gen) return;
    st.tasks = [];
    st.error = err.message;
  }
  listEl().removeAttribute('aria-busy');
  render();
}

// ---- drawing -----------------------------------------------------------------------------------

function passes(task) {
  if (st.sticky.has(task.id) || st.filter === 'all') return true;
  return st.filter === 'completed' ? isDone(task) : !isDone(task);
}

const isOverdue = (task) => !!task.due && !isDone(task) && task.due.slice(0, 10) < todayKey();

function dueText(due) {
  const day = due.slice(0, 10);
  const today = todayKey();
  if (day === today) return t('tasks.dueToday');
  if (day === addDays(today, 1)) return t('tasks.dueTomorrow');
  const sameYear = day.slice(0, 4) === today.slice(0, 4);
  return t('tasks.due', { date: formatDate(day, sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' }) });
}

function rowElement(task) {
  const subject = task.subject || t('tasks.noSubject');
  const done = task.status === 'completed';
  const box = el('input', {
    className: 'task-done',
    attrs: { type: 'checkbox', 'aria-label': t('tasks.doneLabel', { subject }) },
  });
  box.checked = done;
  const meta = [];
  if (task.due) {
    const overdue = isOverdue(task);
    meta.push(el('span', { className: `task-due${overdue ? ' task-overdue' : ''}` }, icon('clock'), el('span', { text: dueText(task.due) }),
      overdue ? el('span', { className: 'visually-hidden', text: ` (${t('tasks.overdue')})` }) : null));
  }
  if (task.priority === 'high' || task.priority === 'low') {
    meta.push(el('span', { className: `task-prio prio-${task.priority}` }, icon(task.priority === 'high' ? 'important' : 'down'),
      el('span', { text: t(`tasks.prio.${task.priority}`) })));
  }
  const percent = Number(task.percent) || 0;
  if (percent > 0 && percent < 100 && !isDone(task)) {
    const bar = el('span', { className: 'task-bar-fill' });
    bar.style.setProperty('--pct', `${percent}%`);
    meta.push(el('span', { className: 'task-percent' }, el('span', { className: 'task-bar', attrs: { 'aria-hidden': 'true' } }, bar),
      el('span', { text: t('tasks.percentDone', { pct: new Intl.NumberFormat(currentLocale(), { style: 'percent' }).format(percent / 100) }) })));
  }
  if (task.status === 'cancelled') meta.push(el('span', { className: 'task-state', text: t('tasks.status.cancelled') }));
  if (task.private) meta.push(el('span', { className: 'task-private', attrs: { title: t('tasks.private') } }, icon('lock'), el('span', { className: 'visually-hidden', text: t('tasks.private') })));
  const open = el('button', { className: 'task-open', attrs: { type: 'button' } },
    el('span', { className: 'task-subject', text: subject }),
    meta.length ? el('span', { className: 'task-meta' }, ...meta) : null);
  return el('li', {
    className: `task-row${isDone(task) ? ' is-done' : ''}${task.status === 'cancelled' ? ' is-cancelled' : ''}`,
    dataset: { taskId: task.id, status: task.status || 'needs-action' },
  }, box, open);
}

function render() {
  $('tasks-title').textContent = tasksTitle();
  const ul = listEl();
  const focused = ul.contains(document.activeElement) ? document.activeElement : null;
  const focusId = focused ? focused.closest('[data-task-id]')?.dataset.taskId : null;
  const focusClass = focused ? (focused.classList.contains('task-done') ? '.task-done' : '.task-open') : null;
  const shown = st.tasks.filter(passes);
  ul.replaceChildren(...shown.map(rowElement));
  let empty = '';
  if (st.error) empty = st.error;
  else if (!st.source) empty = t('tasks.noLists');
  else if (!shown.length) empty = t(`tasks.empty.${st.filter}`);
  setEmpty($('tasks-empty'), empty, !!st.error);
  const open = st.tasks.filter((x) => !isDone(x)).length;
  const overdue = st.tasks.filter(isOverdue).length;
  $('tasks-summary').textContent = st.error || !st.source ? '' : [tn('tasks.openCount', open), overdue ? tn('tasks.overdueCount', overdue) : null].filter(Boolean).join(' · ');
  if (focusId) {
    const again = ul.querySelector(`[data-task-id="${CSS.escape(focusId)}"] ${focusClass}`);
    if (again) again.focus(); else focusTasks();
  }
}

// ---- actions -----------------------------------------------------------------------------------

const byId = (id) => st.tasks.find((x) => x.id === id);

async function toggle(id, box) {
  const task = byId(id);
  const done = box.checked;
  if (!task || st.busy.has(id)) { box.checked = !done; return; }
  const percent = Number(task.percent) || 0;
  const reopenedPercent = percent >= 100 ? 0 : percent;
  const changes = done ? { status: 'completed', percent: 100 } : { status: reopenedPercent > 0 ? 'in-process' : 'needs-action', percent: reopenedPercent };
  st.busy.add(id);
  box.closest('[data-task-id]').setAttribute('aria-busy', 'true');
  try {
    const res = await put(path('tasks', st.source, 'items', id), { ...taskBody(task), ...changes },
      { quiet: true, headers: task.etag ? { 'If-Match': task.etag } : {} });
    Object.assign(task, changes, { etag: (res && res.etag) || task.etag, completed: done ? new Date().toISOString() : null });
    st.sticky.add(id);
    showStatus(t(done ? 'tasks.completedOne' : 'tasks.reopened', { subject: task.subject || t('tasks.noSubject') }), 'success');
  } catch (err) {
    showStatus(err.status === 409 ? t('tasks.conflict') : err.message, 'error');
    if (err.status === 409) loadTasks();
  } finally {
    st.busy.delete(id);
    render();
  }
}

async function quickAdd() {
  const input = $('task-quick-add');
  const subject = input.value.trim();
  if (!subject || !st.source || input.dataset.busy) return;
  input.dataset.busy = '1';
  try {
    await post(path('tasks', st.source, 'items'), { subject, status: 'needs-action', priority: 'normal', percent: 0 }, { quiet: true });
    input.value = '';
    showStatus(t('tasks.added', { subject }), 'success');
    await loadTasks();
  } catch (err) {
    showStatus(err.message, 'error');
  } finally {
    delete input.dataset.busy;
    input.focus();
  }
}

export async function newTask() {
  if (!st.source) return;
  const done = await openTaskForm({ list: st.source, task: null });
  if (done) await loadTasks();
}

async function openTask(id) {
  const task = byId(id);
  if (!task) return;
  const done = await openTaskForm({ list: st.source, task });
  if (done) await loadTasks();
}

async function deleteTask(id) {
  const task = byId(id);
  if (!task) return;
  const subject = task.subject || t('tasks.noSubject');
  const choice = await confirmDialog({
    title: t('tasks.deleteTitle'), text: t('tasks.deleteText', { subject }),
    buttons: [{ id: 'cancel', text: t('dialog.cancel') }, { id: 'delete', text: t('action.delete'), danger: true, primary: true, elementId: 'task-delete-confirm' }],
  });
  if (choice !== 'delete') return;
  try {
    await del(path('tasks', st.source, 'items', id), { quiet: true, headers: task.etag ? { 'If-Match': task.etag } : {} });
    showStatus(t('tasks.deleted', { subject }), 'success');
  } catch (err) {
    showStatus(err.status === 409 ? t('tasks.conflict') : err.message, 'error');
  }
  await loadTasks();
}

/** Up and down move between the rows' checkboxes (or their subjects); Delete deletes the task. */
function onListKey(e) {
  const row = e.target.closest('[data-task-id]');
  if (!row) return;
  if (e.key === 'Delete') { e.preventDefault(); deleteTask(row.dataset.taskId); return; }
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const target = e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling;
  if (!target) return;
  e.preventDefault();
  target.querySelector(e.target.classList.contains('task-done') ? '.task-done' : '.task-open')?.focus();
}

// ---- live updates, keyboard ----------------------------------------------------------------------

const reloadSoon = debounce(() => loadTasks(), 300);

export function onTasksFolderChanged(folderId) {
  if (!st.loaded) return;
  const l = st.lists.find((x) => x.id === st.source);
  if (!l || !sameId(l.folderId, folderId)) return;
  if (st.active) reloadSoon(); else st.stale = true;
}

export const onTasksHierarchyChanged = debounce(async () => {
  if (!st.loaded) return;
  const before = st.source;
  try { await loadLists(); } catch { return; }
  if (st.source !== before) loadTasks();
  hooks.onTitle();
}, 500);

export function onTasksShortcut(e) {
  switch (e.key) {
    case 'n': case 'N': newTask(); return true;
    case '/': $('task-quick-add').focus(); return true;
    default: return false;
  }
}
