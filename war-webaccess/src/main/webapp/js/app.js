// WebAccess: start, session (logon page or application), the module switcher (mail | calendar |
// contacts | tasks | notes), the toolbar and its actions, keyboard shortcuts, phone layout (one
// pane at a time) and live updates. The views live in their own modules: folders.js (with
// stores.js: other users' mailboxes, public folders), list.js, reader.js, compose.js, the
// calendar under calendar/, contacts/, tasks/ and notes/; the API in api.js.

import { get, post, patch, del, path, setCsrf, onSessionEnded, onCsrfRejected, ApiError } from './api.js';
import { $, debounce, isTyping, isPhone, initials, avatarClass } from './dom.js';
import { hydrateIcons } from './icons.js';
import { t, tn, setLanguage, setTimeZone, preferredLanguage, currentLanguage, formatNumber, LANGUAGES } from './i18n.js';
import { showStatus, clearStatus } from './status.js';
import { openModal, confirmDialog, folderPicker } from './dialogs.js';
import { closeMenu } from './menu.js';
import * as folders from './folders.js';
import * as list from './list.js';
import * as reader from './reader.js';
import * as compose from './compose.js';
import * as settingsUi from './settings.js';
import { startEvents, stopEvents } from './events.js';
import * as calendar from './calendar/calendar.js';
import * as contacts from './contacts/contacts.js';
import * as tasks from './tasks/tasks.js';
import * as notes from './notes/notes.js';
import * as stores from './stores.js';

let session = null;
let inApp = false;
let initialized = false;
let current = null;          // the folder shown
let selection = { ids: [], rows: [], cursor: null };
let module = 'mail';         // the module shown: mail | calendar | contacts | tasks | notes
let goPrefix = 0;            // the time "g" was pressed (g m, g c, g p, g t, g n)

const MODULES = ['mail', 'calendar', 'contacts', 'tasks', 'notes'];
const GO_KEYS = { m: 'mail', c: 'calendar', p: 'contacts', t: 'tasks', n: 'notes' };
// the contacts, tasks and notes modules: one shape each (show, hide, forget, focus, title, events, keys)
const ITEMS = {
  contacts: {
    show: () => contacts.showContactsModule(), hide: () => contacts.hideContactsModule(), forget: () => contacts.forgetContacts(),
    focus: () => contacts.focusContacts(), title: () => contacts.contactsTitle(), onFolder: (id) => contacts.onContactsFolderChanged(id),
    onHierarchy: () => contacts.onContactsHierarchyChanged(), onKey: (e) => contacts.onContactsShortcut(e),
    skip: ['#contacts-list', 'app.skipToContacts'],
  },
  tasks: {
    show: () => tasks.showTasksModule(), hide: () => tasks.hideTasksModule(), forget: () => tasks.forgetTasks(),
    focus: () => tasks.focusTasks(), title: () => tasks.tasksTitle(), onFolder: (id) => tasks.onTasksFolderChanged(id),
    onHierarchy: () => tasks.onTasksHierarchyChanged(), onKey: (e) => tasks.onTasksShortcut(e),
    skip: ['#tasks-list', 'app.skipToTasks'],
  },
  notes: {
    show: () => notes.showNotesModule(), hide: () => notes.hideNotesModule(), forget: () => notes.forgetNotes(),
    focus: () => notes.focusNotes(), title: () => notes.notesTitle(), onFolder: (id) => notes.onNotesFolderChanged(id),
    onHierarchy: () => notes.onNotesHierarchyChanged(), onKey: (e) => notes.onNotesShortcut(e),
    skip: ['#notes-grid', 'app.skipToNotes'],
  },
};

// ---- start -----------------------------------------------------------------------------------

async function boot() {
  hydrateIcons();
  const lang = preferredLanguage();
  $('logon-language').value = lang;
  try {
    await setLanguage(lang, { remember: false });
  } catch {
    /* catalogs missing: the English built into the page stays */
  }
  wireLogon();
  onSessionEnded(() => sessionEnded());
  onCsrfRejected(async () => {
    try { const s = await get('api/session', undefined, { quiet: true }); if (s && s.csrf) setCsrf(s.csrf); } catch { /* 401 handled */ }
  });
  try {
    const s = await get('api/session', undefined, { quiet: true });
    await enterApp(s);
  } catch (err) {
    showLogon(err instanceof ApiError && err.status === 401 ? '' : err.message, !(err instanceof ApiError && err.status === 401));
  } finally {
    document.body.classList.remove('booting');
  }
}

// ---- logon -----------------------------------------------------------------------------------

function wireLogon() {
  const form = $('logon-form');
  $('logon-language').addEventListener('change', async () => {
    await setLanguage($('logon-language').value);
    $('logon-error').textContent = '';
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const user = $('logon-user').value.trim();
    const password = $('logon-password').value;
    const error = $('logon-error');
    error.textContent = '';
    $('logon-notice').hidden = true;
    if (!user || !password) {
      error.textContent = t('logon.missing');
      (user ? $('logon-password') : $('logon-user')).focus();
      return;
    }
    const button = $('logon-submit');
    button.disabled = true;
    button.classList.add('busy');
    try {
      const res = await post('api/session', { user, password, language: $('logon-language').value }, { quiet: true, isLogon: true });
      $('logon-password').value = '';
      await enterApp(res);
    } catch (err) {
      if (err.status === 401) error.textContent = t('logon.failed');
      else if (err.status === 429) error.textContent = t('logon.throttled');
      else error.textContent = err.message || t('error.network');
      $('logon-password').select();
    } finally {
      button.disabled = false;
      button.classList.remove('busy');
    }
  });
}

function showLogon(notice, isError = false) {
  $('app').hidden = true;
  $('logon').hidden = false;
  document.title = t('logon.documentTitle');
  const n = $('logon-notice');
  n.textContent = notice || '';
  n.hidden = !notice;
  n.classList.toggle('is-error', !!isError);
  $('logon-language').value = currentLanguage();
  const user = $('logon-user');
  (user.value ? $('logon-password') : user).focus();
}

function sessionEnded() {
  if (!inApp) return;
  leaveApp();
  showLogon(t('logon.sessionEnded'));
}

async function enterApp(s) {
  session = s || {};
  setCsrf(session.csrf);
  setTimeZone(session.timezone);
  if (session.language && LANGUAGES.includes(session.language) && session.language !== currentLanguage()) {
    await setLanguage(session.language);
  }
  const user = session.user || {};
  $('user-name').textContent = user.fullName || user.login || '';
  $('user-name').title = user.email || '';
  const avatar = $('user-avatar');
  avatar.className = `avatar avatar-small ${avatarClass({ email: user.email, name: user.fullName })}`;
  avatar.textContent = initials({ name: user.fullName || user.login, email: user.email });
  $('logon').hidden = true;
  $('app').hidden = false;
  $('logon-error').textContent = '';
  inApp = true;
  if (!initialized) { initViews(); initialized = true; }
  // the user's settings (signature, time zone) and whether automatic replies are on
  settingsUi.loadSettings();
  settingsUi.loadOutOfOffice();
  setView('list');
  setModule('mail');
  current = null;
  clearReading();
  try {
    await folders.loadFolders();
  } catch {
    return; // the error is in #status (or the session ended)
  }
  const inbox = folders.specialFolder('inbox') || folders.allFolders()[0];
  if (inbox) folders.selectFolder(inbox.id, { force: true });
  stores.loadStores();
  startEvents({
    onFolder: (ev) => {
      refreshCounts();
      if (current && ev && ev.folderId === current.id) refreshList();
      if (ev) {
        calendar.onFolderChanged(ev.folderId);
        for (const m of Object.values(ITEMS)) m.onFolder(ev.folderId);
      }
    },
    onHierarchy: () => {
      refreshCounts();
      calendar.onHierarchyChanged();
      for (const m of Object.values(ITEMS)) m.onHierarchy();
    },
    onSessionEnded: () => sessionEnded(),
  });
  list.focusList();
}

function leaveApp() {
  inApp = false;
  stopEvents();
  closeMenu();
  compose.forceClose();
  settingsUi.forgetSettings();
  for (const d of document.querySelectorAll('dialog[open]')) d.close();
  calendar.forgetCalendar();
  for (const m of Object.values(ITEMS)) m.forget();
  stores.forgetStores();
  setModule('mail');
  clearReading();
  // nothing of this mailbox stays in the page
  list.setFolder(null);
  folders.clearFolders();
  selection = { ids: [], rows: [], cursor: null };
  $('search-input').value = '';
  $('list-title').textContent = '';
  $('list-summary').textContent = '';
  setCsrf(null);
  session = null;
  current = null;
  clearStatus();
}

async function logoff() {
  if (compose.isComposeOpen() && !(await compose.requestClose())) return;
  try { await del('api/session', { quiet: true }); } catch { /* gone already */ }
  leaveApp();
  showLogon(t('logon.loggedOff'));
}

// ---- views -----------------------------------------------------------------------------------

function initViews() {
  folders.initFolders({
    onSelect: (f, opts = {}) => openFolder(f, opts),
    onDropMessages: (ids, target, copy) => moveMessages(ids, target, copy),
    onMarkAllRead: (f) => markFolderRead(f),
    onCloseStore: (user) => stores.closeStore(user),
  });
  stores.initStores();
  list.initList({
    onSelectionChange: (sel) => selectionChanged(sel),
    onActivate: (row) => activate(row),
    onToggleFlag: (rows) => toggleFlag(rows),
    onTotal: () => updateSummary(),
  });
  reader.initReader({
    onMarkedRead: (id) => { list.updateRows([id], { read: true }); updateToolbar(); refreshCounts(); },
    onReply: (m) => compose.openCompose({ mode: 'reply', message: m }),
    onReplyAll: (m) => compose.openCompose({ mode: 'replyall', message: m }),
    onForward: (m) => compose.openCompose({ mode: 'forward', message: m }),
    onBack: () => { setView('list'); list.focusList(); },
    onOpenMeeting: (m) => openMeetingInCalendar(m),
  });
  compose.initCompose({
    user: () => session && session.user,
    maxUpload: () => session && session.maxUpload,
    settings: () => settingsUi.currentSettings(),
    onSent: () => { refreshCounts(); if (current && ['sent', 'drafts', 'outbox'].includes(current.special)) refreshList(); },
    onSaved: () => { refreshCounts(); if (current && current.special === 'drafts') refreshList(); },
  });

  settingsUi.initSettings({ focusMain: () => focusMain() });
  calendar.initCalendar({ user: () => session && session.user, onTitle: () => updateTitle() });
  contacts.initContacts({ onTitle: () => updateTitle(), compose: (to) => composeTo(to) });
  tasks.initTasks({ onTitle: () => updateTitle() });
  notes.initNotes({ onTitle: () => updateTitle() });
  for (const m of MODULES) $(`nav-${m}`).addEventListener('click', () => setModule(m, { focus: true }));
  $('logoff').addEventListener('click', logoff);
  $('compose-new').addEventListener('click', () => compose.openCompose({ mode: 'new' }));
  $('action-reply').addEventListener('click', () => respond('reply'));
  $('action-replyall').addEventListener('click', () => respond('replyall'));
  $('action-forward').addEventListener('click', () => respond('forward'));
  $('action-delete').addEventListener('click', (e) => deleteSelected(e.shiftKey));
  $('action-restore').addEventListener('click', restoreSelected);
  $('action-move').addEventListener('click', moveSelected);
  $('action-unread').addEventListener('click', toggleUnread);
  $('action-flag').addEventListener('click', () => toggleFlag(selection.rows));
  $('select-all').addEventListener('click', () => { list.focusList(); list.selectAll(); });
  $('help-button').addEventListener('click', openHelp);
  for (const b of $('help-dialog').querySelectorAll('[data-close]')) b.addEventListener('click', () => $('help-dialog').close());
  $('show-deleted').addEventListener('change', () => {
    list.setShowDeleted($('show-deleted').checked);
    clearReading();
    updateToolbar();
    updateSummary();
  });
  const search = $('search-input');
  const runSearch = debounce(() => { list.setSearch(search.value.trim()); clearReading(); updateSummary(); }, 300);
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && search.value) { e.preventDefault(); search.value = ''; runSearch.cancel(); list.setSearch(''); updateSummary(); }
    else if (e.key === 'Enter') { e.preventDefault(); runSearch.cancel(); list.setSearch(search.value.trim()); updateSummary(); list.focusList(); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); list.focusList(); }
  });
  $('back-to-folders').addEventListener('click', () => { setView('folders'); $('folder-tree').querySelector('[tabindex="0"]')?.focus(); });
  document.addEventListener('keydown', onShortcut);
  new ResizeObserver(() => fitToolbar()).observe($('toolbar'));
  window.addEventListener('languagechange-app', () => { updateToolbar(); updateSummary(); updateTitle(); });
  updateToolbar();
  window.matchMedia('(max-width: 799.98px)').addEventListener('change', () => compose.composeLayoutChanged());
  compose.composeLayoutChanged();
}

/**
 * Mail, calendar, contacts, tasks or notes: the chrome of the others is hidden (the search and
 * the message toolbar are the mail's); the mail keeps its folder, list and selection while
 * another module is shown, and each module keeps its own.
 */
function setModule(name, { focus = false } = {}) {
  const next = MODULES.includes(name) ? name : 'mail';
  const changed = next !== module;
  module = next;
  const app = $('app');
  for (const m of MODULES) {
    app.classList.toggle(`module-${m}`, m === module);
    if (m === module) $(`nav-${m}`).setAttribute('aria-current', 'page'); else $(`nav-${m}`).removeAttribute('aria-current');
  }
  $('toolbar').hidden = module !== 'mail';
  app.querySelector('.panes').hidden = module !== 'mail';
  app.querySelector('.search').hidden = module !== 'mail';
  const skip = app.querySelector('.skip-link');
  const [href, key] = module === 'mail' ? ['#message-list', 'app.skipToList']
    : module === 'calendar' ? ['#cal-body', 'app.skipToCalendar'] : ITEMS[module].skip;
  skip.setAttribute('href', href);
  skip.dataset.i18n = key;
  skip.textContent = t(key);
  if (module === 'calendar') {
    if (inApp) calendar.showCalendarModule();
  } else {
    calendar.hideCalendarModule();
  }
  for (const [m, mod] of Object.entries(ITEMS)) {
    if (m !== module) mod.hide();
    else if (inApp) mod.show();
  }
  if (module === 'mail' && changed) fitToolbar();
  updateTitle();
  if (focus && changed) focusMain();
}

function focusMain() {
  if (module === 'calendar') ($('cal-body').querySelector('.ev[tabindex="0"]') || $('cal-today')).focus();
  else if (ITEMS[module]) ITEMS[module].focus();
  else list.focusList();
}

/** "Write e-mail" from the contacts: a new message to {@code to} ([{name, email}]). */
function composeTo(to) {
  compose.openCompose({ mode: 'new', to });
}

/** "Open in calendar" of a meeting request: the calendar at the meeting's day, the event open. */
async function openMeetingInCalendar(m) {
  if (!m || !m.calendarId || !m.eventId) return;
  setModule('calendar');
  await calendar.openEventById(String(m.calendarId), m.eventId, m.start);
}

/** Phones: one pane at a time (folders | list | reader). */
function setView(view) {
  const app = $('app');
  app.classList.remove('view-folders', 'view-list', 'view-reader');
  app.classList.add(`view-${view}`);
}

function openFolder(f, { reselect = false, enter = false } = {}) {
  if (!f) return;
  if (isPhone()) setView('list');
  if (reselect && current && current.id === f.id) {
    if (enter) list.focusList();
    return;
  }
  current = f;
  $('search-input').value = '';
  $('show-deleted').checked = false;
  list.setFolder(f);
  clearReading();
  updateSummary();
  updateTitle();
  updateToolbar();
}

function updateTitle() {
  if (module !== 'mail') {
    const title = module === 'calendar' ? $('cal-title').textContent : ITEMS[module].title();
    const name = t(`nav.${module}`);
    document.title = title && title !== name ? `${name}: ${title} – ${t('app.documentTitle')}` : `${name} – ${t('app.documentTitle')}`;
    return;
  }
  if (!current) { document.title = t('app.documentTitle'); return; }
  const f = folders.getFolder(current.id) || current;
  const name = folders.folderName(f);
  document.title = f.unread > 0 ? `${name} (${formatNumber(f.unread)}) – ${t('app.documentTitle')}` : `${name} – ${t('app.documentTitle')}`;
}

function updateSummary() {
  if (!current) return;
  const f = folders.getFolder(current.id) || current;
  $('list-title').textContent = folders.folderName(f);
  const st = list.listState();
  let summary;
  if (st.deleted) summary = st.known ? tn('list.deletedCount', st.total) : t('list.deletedItems');
  else if (st.q) summary = st.known ? tn('list.results', st.total, { q: st.q }) : t('list.searching');
  else summary = folders.folderSummary(f);
  $('list-summary').textContent = summary;
  $('search-input').placeholder = t('search.in', { folder: folders.folderName(f) });
}

const refreshCounts = debounce(async () => {
  if (!inApp) return;
  try {
    await folders.loadFolders();
    if (current && current.store) await stores.loadStores();
    if (current) current = folders.getFolder(current.id) || current;
    updateSummary();
    updateTitle();
  } catch { /* shown */ }
}, 400);

const refreshList = debounce(() => { if (inApp) list.refresh(); }, 250);

// ---- selection, reading ----------------------------------------------------------------------

let openedId = null;         // the message the reader shows or is fetching

const openDebounced = debounce((id) => {
  if (selection.ids.length === 1 && selection.ids[0] === id) openInReader(id);
}, 180);

function openInReader(id, { soon = false } = {}) {
  openedId = id;
  if (soon) openDebounced(id);
  else {
    openDebounced.cancel();
    reader.showMessage(id).then((m) => {
      // a failure (shown in the pane) may be retried by selecting the message again
      if (!m && openedId === id && !reader.currentMessage()) openedId = null;
    });
  }
}

function clearReading(text) {
  openedId = null;
  openDebounced.cancel();
  reader.clearReader(text);
}

function selectionChanged(sel) {
  selection = sel;
  updateToolbar();
  if (sel.ids.length === 1) {
    const id = sel.ids[0];
    if (openedId !== id) {
      openInReader(id, { soon: sel.via === 'keyboard' });
      if (sel.via === 'pointer' && isPhone()) setView('reader');
    }
  } else if (sel.ids.length > 1) {
    clearReading(() => tn('reader.selected', selection.ids.length));
  } else if (openedId) {
    clearReading();
  }
}

function updateToolbar() {
  const n = selection.ids.length;
  const deleted = $('show-deleted').checked;
  const one = n === 1;
  const set = (id, enabled) => { $(id).disabled = !enabled; };
  set('action-reply', one && !deleted);
  set('action-replyall', one && !deleted);
  set('action-forward', one && !deleted);
  set('action-delete', n > 0 && !deleted);
  set('action-move', n > 0 && !deleted);
  set('action-unread', n > 0 && !deleted);
  set('action-flag', n > 0 && !deleted);
  $('action-restore').hidden = !deleted;
  $('action-delete').hidden = deleted;
  set('action-restore', n > 0 && deleted);
  const allRead = n > 0 && selection.rows.every((r) => r && r.read);
  $('action-unread').querySelector('.tb-label').textContent = allRead || n === 0 ? t('action.markUnread') : t('action.markRead');
  const allFlagged = n > 0 && selection.rows.every((r) => r && r.flagged);
  $('action-flag').querySelector('.tb-label').textContent = allFlagged ? t('action.unflag') : t('action.flag');
  $('action-flag').setAttribute('aria-pressed', String(allFlagged));
  // the labels may be hidden on narrow screens: the buttons keep their names and tooltips
  for (const b of $('toolbar').querySelectorAll('.tb-btn, .tb-new')) {
    const label = b.querySelector('.tb-label, span:last-child').textContent;
    b.setAttribute('aria-label', label);
    b.title = label;
  }
  fitToolbar();
}

/** Hides toolbar labels step by step while they do not fit (any language, any width). */
function fitToolbar() {
  const bar = $('toolbar');
  if (!bar || bar.offsetParent === null) return;
  bar.classList.remove('compact-1', 'compact-2', 'compact-3');
  for (const level of ['compact-1', 'compact-2', 'compact-3']) {
    if (bar.scrollWidth <= bar.clientWidth + 1) break;
    bar.classList.add(level);
  }
}

async function fullMessage(id) {
  const shown = reader.currentMessage();
  if (shown && shown.id === id) return shown;
  return get(path('messages', id));
}

async function respond(mode) {
  if (selection.ids.length !== 1 || $('show-deleted').checked) return;
  try {
    const m = await fullMessage(selection.ids[0]);
    compose.openCompose({ mode, message: m });
  } catch { /* shown */ }
}

async function activate(row) {
  if (!row) return;
  if ($('show-deleted').checked) return;
  if (current && current.special === 'drafts') {
    try {
      const m = await get(path('messages', row.id));
      compose.openCompose({ mode: 'draft', message: m });
    } catch { /* shown */ }
    return;
  }
  if (isPhone()) setView('reader');
  const shown = reader.currentMessage();
  if (!shown || shown.id !== row.id) { openedId = row.id; await reader.showMessage(row.id); }
  $('reader-subject').focus();
}

// ---- actions ---------------------------------------------------------------------------------

function plural(key, n) { return tn(key, n); }

const MAX_IDS = 1000;   // the most ids the server takes in one request

/** Sends {@code ids} in requests of at most MAX_IDS, one after the other. */
async function chunked(ids, send) {
  for (let k = 0; k < ids.length; k += MAX_IDS) await send(ids.slice(k, k + MAX_IDS));
}

async function deleteSelected(permanent = false) {
  const ids = [...selection.ids];
  if (!ids.length || $('show-deleted').checked) return;
  const inTrash = current && current.special === 'trash';
  if (permanent || inTrash) {
    const choice = await confirmDialog({
      title: t('delete.confirmTitle'),
      text: plural('delete.confirmText', ids.length),
      buttons: [{ id: 'cancel', text: t('dialog.cancel') }, { id: 'delete', text: t('action.delete'), danger: true, primary: true }],
    });
    if (choice !== 'delete') return;
  }
  try {
    await chunked(ids, (part) => post('api/messages/delete', { ids: part, permanent: !!permanent }));
    showStatus(plural('delete.done', ids.length), 'success');
    clearReading();
    list.refresh({ removed: ids });
    refreshCounts();
  } catch { /* shown */ }
}

async function restoreSelected() {
  const ids = [...selection.ids];
  if (!ids.length || !current) return;
  try {
    await chunked(ids, (part) => post('api/messages/restore', { folderId: current.id, ids: part }));
    showStatus(plural('restore.done', ids.length), 'success');
    clearReading();
    list.refresh({ removed: ids });
    refreshCounts();
  } catch { /* shown */ }
}

async function moveSelected() {
  const ids = [...selection.ids];
  if (!ids.length) return;
  const target = await folderPicker({
    title: plural('move.title', ids.length),
    folders: folders.flatTree(),
    okText: t('move.ok'),
    exclude: new Set(current ? [current.id] : []),
  });
  if (target) moveMessages(ids, target, false);
}

async function moveMessages(ids, folderId, copy) {
  if (!ids.length || (!copy && current && folderId === current.id)) return;
  try {
    await chunked(ids, (part) => post('api/messages/move', { ids: part, folderId, copy: !!copy }));
    const name = folders.folderName(folders.getFolder(folderId));
    showStatus(tn(copy ? 'move.copied' : 'move.moved', ids.length, { folder: name }), 'success');
    if (!copy) clearReading();
    list.refresh(copy ? {} : { removed: ids });
    refreshCounts();
  } catch { /* shown */ }
}

async function toggleUnread() {
  const ids = [...selection.ids];
  if (!ids.length) return;
  const allRead = selection.rows.every((r) => r && r.read);
  const read = !allRead;
  try {
    if (ids.length === 1) await patch(path('messages', ids[0]), { read });
    else await chunked(ids, (part) => post('api/messages/read', { ids: part, read }));
    if (!read) reader.cancelMarkRead();
    list.updateRows(ids, { read });
    updateToolbar();
    refreshCounts();
  } catch { /* shown */ }
}

async function toggleFlag(rows) {
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
  updateToolbar();
}

async function markFolderRead(f) {
  const ids = [];
  try {
    for (let offset = 0; ; offset += 500) {
      const data = await get(path('folders', f.id, 'messages'), { offset, limit: 500, unread: 1 });
      const rows = (data && data.rows) || [];
      for (const r of rows) if (!r.read) ids.push(r.id);
      if (rows.length < 500 || ids.length >= 50000) break;
    }
    await chunked(ids, (part) => post('api/messages/read', { ids: part, read: true }));
    if (current && current.id === f.id) list.refresh();
    refreshCounts();
    showStatus(t('folders.markedRead', { name: folders.folderName(f) }), 'success');
  } catch { /* shown */ }
}

function openHelp() {
  openModal($('help-dialog'));
}

// ---- keyboard --------------------------------------------------------------------------------

function onShortcut(e) {
  if (!inApp || e.defaultPrevented) return;
  if (document.querySelector('dialog[open]') || document.querySelector('.menu')) return;
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (isTyping(e.target)) return;
  if (e.target && e.target.closest && e.target.closest('[role="tree"]') && e.key.length === 1 && e.key !== '?' && e.key !== '/') return;
  const key = e.key;
  const handled = () => e.preventDefault();
  // g then m / c / p / t / n: the modules
  if (goPrefix && Date.now() - goPrefix < 1500) {
    goPrefix = 0;
    const target = GO_KEYS[key.toLowerCase()];
    if (target) { handled(); setModule(target, { focus: true }); return; }
  }
  goPrefix = 0;
  if (key === 'g' || key === 'G') { handled(); goPrefix = Date.now(); return; }
  if (module === 'calendar') {
    if (key === ',') { handled(); settingsUi.openSettings(); } else if (key === '?') { handled(); openHelp(); } else if (calendar.onCalendarShortcut(e)) handled();
    return;
  }
  if (ITEMS[module]) {
    if (key === ',') { handled(); settingsUi.openSettings(); } else if (key === '?') { handled(); openHelp(); } else if (ITEMS[module].onKey(e)) handled();
    return;
  }
  switch (key) {
    case 'n': case 'N': handled(); compose.openCompose({ mode: 'new' }); break;
    case 'r': case 'R': handled(); respond('reply'); break;
    case 'a': case 'A': handled(); respond('replyall'); break;
    case 'f': case 'F': handled(); respond('forward'); break;
    case 'Delete': handled(); deleteSelected(e.shiftKey); break;
    case 'u': case 'U': handled(); toggleUnread(); break;
    case '/': handled(); $('search-input').focus(); $('search-input').select(); break;
    case 'j': case 'J': handled(); list.moveCursor(1); if (!$('message-list').contains(document.activeElement)) list.focusList(); break;
    case 'k': case 'K': handled(); list.moveCursor(-1); if (!$('message-list').contains(document.activeElement)) list.focusList(); break;
    case ',': handled(); settingsUi.openSettings(); break;
    case '?': handled(); openHelp(); break;
    default:
  }
}

boot();
