// The module switcher (mail | calendar | contacts | tasks | notes, the #nav-* buttons of the top
// bar): the chrome of the other modules is hidden (the search and the message toolbar are the
// mail's), the mail keeps its folder, list and selection while another module is shown, and each
// module keeps its own. Also what the modules share: the skip link's target, where the focus
// goes in each, the title of the module shown, live updates and logoff handed to each, and
// their keyboard shortcuts (shortcuts.js asks here).

import { $ } from './dom.js';
import { t } from './i18n.js';
import * as calendar from './calendar/calendar.js';
import * as contacts from './contacts/contacts.js';
import * as tasks from './tasks/tasks.js';
import * as notes from './notes/notes.js';

export const MODULES = ['mail', 'calendar', 'contacts', 'tasks', 'notes'];
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

let module = 'mail';
let hooks = { isActive: () => false, user: () => null, onTitle: () => {}, onMailShown: () => {}, focusMail: () => {}, compose: () => {} };

/** Wires the switcher and starts the modules other than mail (their views stay hidden). */
export function initModules(options) {
  hooks = { ...hooks, ...options };
  calendar.initCalendar({ user: () => hooks.user(), onTitle: () => hooks.onTitle() });
  contacts.initContacts({ onTitle: () => hooks.onTitle(), compose: (to) => hooks.compose(to) });
  tasks.initTasks({ onTitle: () => hooks.onTitle() });
  notes.initNotes({ onTitle: () => hooks.onTitle() });
  for (const m of MODULES) $(`nav-${m}`).addEventListener('click', () => setModule(m, { focus: true }));
}

/** The module shown: mail | calendar | contacts | tasks | notes. */
export function currentModule() { return module; }

/** Shows module {@code name} (mail when unknown); with {@code focus}, the focus goes into it. */
export function setModule(name, { focus = false } = {}) {
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
  const active = hooks.isActive();
  if (module === 'calendar') {
    if (active) calendar.showCalendarModule();
  } else {
    calendar.hideCalendarModule();
  }
  for (const [m, mod] of Object.entries(ITEMS)) {
    if (m !== module) mod.hide();
    else if (active) mod.show();
  }
  if (module === 'mail' && changed) hooks.onMailShown();
  hooks.onTitle();
  if (focus && changed) focusMain();
}

/** The focus into the module shown: its first event, list or grid. */
export function focusMain() {
  if (module === 'calendar') ($('cal-body').querySelector('.ev[tabindex="0"]') || $('cal-today')).focus();
  else if (ITEMS[module]) ITEMS[module].focus();
  else hooks.focusMail();
}

/** The document title while a module other than mail is shown (null for mail: app.js makes it). */
export function moduleTitle() {
  if (module === 'mail') return null;
  const title = module === 'calendar' ? $('cal-title').textContent : ITEMS[module].title();
  const name = t(`nav.${module}`);
  return title && title !== name ? `${name}: ${title} – ${t('app.documentTitle')}` : `${name} – ${t('app.documentTitle')}`;
}

/** A folder of the user's store changed (event stream): the calendar, contacts, tasks, notes look. */
export function onFolderChanged(folderId) {
  calendar.onFolderChanged(folderId);
  for (const m of Object.values(ITEMS)) m.onFolder(folderId);
}

export function onHierarchyChanged() {
  calendar.onHierarchyChanged();
  for (const m of Object.values(ITEMS)) m.onHierarchy();
}

/** Logoff: nothing of the user's calendars, contacts, tasks and notes stays in the page. */
export function forgetModules() {
  calendar.forgetCalendar();
  for (const m of Object.values(ITEMS)) m.forget();
}

/** The keys of the module shown (not mail's). Answers true when it took the key. */
export function onModuleShortcut(e) {
  if (module === 'calendar') return calendar.onCalendarShortcut(e);
  if (ITEMS[module]) return ITEMS[module].onKey(e);
  return false;
}

/** The calendar at an event's day with the event open (a meeting request, a reminder). */
export async function openInCalendar(calendarId, eventId, start) {
  if (!calendarId || !eventId) return;
  setModule('calendar');
  await calendar.openEventById(String(calendarId), eventId, start);
}
