// WebAccess: start, session (logon page or application), the mail view (folder, list, reader,
// toolbar state, phone layout: one pane at a time) and live updates. The rest lives in modules
// of its own: modules.js (the module switcher: calendar, contacts, tasks, notes), shortcuts.js
// (the keyboard), mail-actions.js (what the toolbar does to messages), search.js (the quick and
// the advanced search), folders.js (with stores.js: other users' mailboxes, public folders),
// list.js, reader.js, compose.js, settings.js, calendar/reminders.js; the API in api.js.

import { get, post, del, path, setCsrf, onSessionEnded, onCsrfRejected, ApiError } from './api.js';
import { $, debounce, isPhone, initials, avatarClass } from './dom.js';
import { hydrateIcons } from './icons.js';
import { t, tn, setLanguage, setTimeZone, preferredLanguage, currentLanguage, formatNumber, LANGUAGES } from './i18n.js';
import { clearStatus } from './status.js';
import { openModal } from './dialogs.js';
import { closeMenu } from './menu.js';
import * as folders from './folders.js';
import * as list from './list.js';
import * as reader from './reader.js';
import * as compose from './compose.js';
import * as settingsUi from './settings.js';
import { startEvents, stopEvents } from './events.js';
import * as modules from './modules.js';
import * as actions from './mail-actions.js';
import * as search from './search.js';
import * as reminders from './calendar/reminders.js';
import { initShortcuts, inMessageList } from './shortcuts.js';
import * as stores from './stores.js';

let session = null;
let inApp = false;
let initialized = false;
let current = null;          // the folder shown
let selection = { ids: [], rows: [], cursor: null };

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
  modules.setModule('mail');
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
        stores.onStoresFolderChanged(ev.folderId);
        modules.onFolderChanged(ev.folderId);
        reminders.onRemindersFolderChanged(ev.folderId);
      }
    },
    onHierarchy: () => {
      refreshCounts();
      stores.onStoresHierarchyChanged();
      modules.onHierarchyChanged();
      reminders.onRemindersHierarchyChanged();
    },
    onSessionEnded: () => sessionEnded(),
  });
  reminders.startReminders({ user: session.user || {} });
  list.focusList();
}

function leaveApp() {
  inApp = false;
  stopEvents();
  reminders.stopReminders();
  closeMenu();
  compose.forceClose();
  settingsUi.forgetSettings();
  for (const d of document.querySelectorAll('dialog[open]')) d.close();
  modules.forgetModules();
  stores.forgetStores();
  modules.setModule('mail');
  clearReading();
  // nothing of this mailbox stays in the page
  list.setFolder(null);
  folders.clearFolders();
  selection = { ids: [], rows: [], cursor: null };
  search.resetSearch();
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
    onDropMessages: (ids, target, copy) => actions.moveMessages(ids, target, copy),
    onMarkAllRead: (f) => actions.markFolderRead(f),
    onCloseStore: (user) => stores.closeStore(user),
  });
  stores.initStores();
  list.initList({
    onSelectionChange: (sel) => selectionChanged(sel),
    onActivate: (row) => activate(row),
    onToggleFlag: (rows) => actions.toggleFlag(rows),
    onTotal: () => updateSummary(),
  });
  reader.initReader({
    onMarkedRead: (id) => { list.updateRows([id], { read: true }); updateToolbar(); refreshCounts(); },
    onReply: (m) => compose.openCompose({ mode: 'reply', message: m }),
    onReplyAll: (m) => compose.openCompose({ mode: 'replyall', message: m }),
    onForward: (m) => compose.openCompose({ mode: 'forward', message: m }),
    onBack: () => { setView('list'); list.focusList(); },
    onOpenMeeting: (m) => m && modules.openInCalendar(m.calendarId, m.eventId, m.start),
    onMeetingChanged: () => refreshCounts(),
  });
  compose.initCompose({
    user: () => session && session.user,
    maxUpload: () => session && session.maxUpload,
    settings: () => settingsUi.currentSettings(),
    draftsFolder: () => folders.specialFolder('drafts'),
    onSent: () => { refreshCounts(); if (current && ['sent', 'drafts', 'outbox'].includes(current.special)) refreshList(); },
    onSaved: () => { refreshCounts(); if (current && current.special === 'drafts') refreshList(); },
  });
  actions.initMailActions({
    selection: () => selection, current: () => current, clearReading: () => clearReading(),
    refreshCounts: () => refreshCounts(), updateToolbar: () => updateToolbar(),
  });
  search.initSearch({
    onChange: ({ clearReader }) => { if (clearReader) clearReading(); updateSummary(); },
  });

  settingsUi.initSettings({ focusMain: () => modules.focusMain() });
  modules.initModules({
    isActive: () => inApp,
    user: () => session && session.user,
    onTitle: () => updateTitle(),
    onMailShown: () => fitToolbar(),
    focusMail: () => list.focusList(),
    compose: (to) => compose.openCompose({ mode: 'new', to }),
  });
  reminders.initReminders({
    onOpen: (ev) => modules.openInCalendar(ev.calendarId, ev.id, ev.start),
    focusMain: () => modules.focusMain(),
  });
  $('logoff').addEventListener('click', logoff);
  $('compose-new').addEventListener('click', () => compose.openCompose({ mode: 'new' }));
  $('action-reply').addEventListener('click', () => actions.respond('reply'));
  $('action-replyall').addEventListener('click', () => actions.respond('replyall'));
  $('action-forward').addEventListener('click', () => actions.respond('forward'));
  $('action-delete').addEventListener('click', (e) => actions.deleteSelected(e.shiftKey));
  $('action-restore').addEventListener('click', () => actions.restoreSelected());
  $('action-move').addEventListener('click', () => actions.moveSelected());
  $('action-unread').addEventListener('click', () => actions.toggleUnread());
  $('action-flag').addEventListener('click', () => actions.toggleFlag(selection.rows));
  $('select-all').addEventListener('click', () => { list.focusList(); list.selectAll(); });
  $('help-button').addEventListener('click', openHelp);
  for (const b of $('help-dialog').querySelectorAll('[data-close]')) b.addEventListener('click', () => $('help-dialog').close());
  $('show-deleted').addEventListener('change', () => {
    list.setShowDeleted($('show-deleted').checked);
    clearReading();
    updateToolbar();
    updateSummary();
  });
  $('back-to-folders').addEventListener('click', () => { setView('folders'); $('folder-tree').querySelector('[tabindex="0"]')?.focus(); });
  initShortcuts({
    isActive: () => inApp,
    module: () => modules.currentModule(),
    go: (name) => modules.setModule(name, { focus: true }),
    moduleKey: (e) => modules.onModuleShortcut(e),
    openSettings: () => settingsUi.openSettings(),
    openHelp: () => openHelp(),
    mail: {
      newMessage: () => compose.openCompose({ mode: 'new' }),
      reply: () => actions.respond('reply'),
      replyAll: () => actions.respond('replyall'),
      forward: () => actions.respond('forward'),
      delete: (permanent) => actions.deleteSelected(permanent),
      toggleUnread: () => actions.toggleUnread(),
      search: () => search.focusSearch(),
      next: () => { list.moveCursor(1); if (!inMessageList()) list.focusList(); },
      previous: () => { list.moveCursor(-1); if (!inMessageList()) list.focusList(); },
    },
  });
  new ResizeObserver(() => fitToolbar()).observe($('toolbar'));
  window.addEventListener('languagechange-app', () => { updateToolbar(); updateSummary(); updateTitle(); });
  updateToolbar();
  window.matchMedia('(max-width: 799.98px)').addEventListener('change', () => compose.composeLayoutChanged());
  compose.composeLayoutChanged();
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
  search.resetSearch();
  $('show-deleted').checked = false;
  list.setFolder(f);
  clearReading();
  updateSummary();
  updateTitle();
  updateToolbar();
}

function updateTitle() {
  const other = modules.moduleTitle();
  if (other) { document.title = other; return; }
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
  else if (st.filtered) summary = st.known ? tn('list.matches', st.total) : t('list.searching');
  else if (st.q) summary = st.known ? tn('list.results', st.total, { q: st.q }) : t('list.searching');
  else summary = folders.folderSummary(f);
  $('list-summary').textContent = summary;
  search.renderFilter();
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

function openHelp() {
  openModal($('help-dialog'));
}

boot();
