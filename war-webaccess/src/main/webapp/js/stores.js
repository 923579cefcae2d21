// Other users' mailboxes and the public folders in the folder tree (docs/webaccess.md,
// "Sharing"): GET api/stores (the mailboxes the user opened, each with the folders its owner lets
// them see) and GET api/stores/public (404: the server has none, and the root is not shown),
// handed to folders.js as roots below the user's own folders. "Open a shared mailbox…"
// (#open-shared-store) asks for a user with address completion (#store-dialog: POST
// api/stores/open; 404 no such user, 403 nothing shared, both said in the dialog), "Close" on a
// root (its button, its menu, Delete) forgets it (DELETE api/stores/open/{user}).

import { get, post, del, path } from './api.js';
import { t } from './i18n.js';
import { openModal } from './dialogs.js';
import { showStatus } from './status.js';
import { addressCompletion } from './calendar/complete.js';
import { $, debounce } from './dom.js';
import { restartEvents } from './events.js';
import * as folders from './folders.js';

let stores = [];          // [{user, name, email, folders}]
let publicStore = null;   // {name, folders} or null
let generation = 0;
let completion = null;
let opening = false;

export function initStores() {
  $('open-shared-store').addEventListener('click', () => openStoreDialog());
  $('store-form').addEventListener('submit', (e) => { e.preventDefault(); openStore(); });
  $('store-cancel').addEventListener('click', () => $('store-dialog').close());
  $('store-close').addEventListener('click', () => $('store-dialog').close());
  $('store-user').addEventListener('input', () => storeError(''));
  completion = addressCompletion($('store-user'), {
    onPick: (en) => { $('store-user').value = en.email || en.name; openStore(); },
  });
  $('store-dialog').addEventListener('close', () => { completion.close(); $('store-user').value = ''; storeError(''); });
  window.addEventListener('languagechange-app', () => publish());
}

/** GET api/stores and api/stores/public (after logon, and when a count may have changed). */
export async function loadStores() {
  const gen = generation;
  const [s, p] = await Promise.allSettled([
    get('api/stores', undefined, { quiet: true }),
    get('api/stores/public', undefined, { quiet: true }),
  ]);
  if (gen !== generation) return;
  if (s.status === 'fulfilled') stores = ((s.value && s.value.stores) || []).filter((x) => x && x.user);
  if (p.status === 'fulfilled') publicStore = p.value && Array.isArray(p.value.folders) ? p.value : null;
  else if (p.reason && p.reason.status === 404) publicStore = null;
  publish();
}

/** A folder changed (event stream): one of another store's, and the counts are read again. */
export function onStoresFolderChanged(folderId) {
  if (!folderId) return;
  const id = String(folderId).toLowerCase();
  const all = [...stores.flatMap((s) => s.folders || []), ...((publicStore && publicStore.folders) || [])];
  if (all.some((f) => f && String(f.id).toLowerCase() === id)) reloadSoon();
}

/** Folders were added, renamed or deleted: other stores' too, perhaps. */
export function onStoresHierarchyChanged() {
  if (stores.length || publicStore) reloadSoon();
}

const reloadSoon = debounce(() => loadStores(), 500);

/** Logoff: nothing of the other stores stays in the page. */
export function forgetStores() {
  generation++;
  reloadSoon.cancel();
  stores = [];
  publicStore = null;
  if ($('store-dialog').open) $('store-dialog').close();
}

function publish() {
  const roots = stores.map((s) => ({ key: `store:${String(s.user).toLowerCase()}`, user: s.user, name: s.name || s.user, email: s.email, folders: s.folders || [] }));
  if (publicStore) roots.push({ key: 'public', public: true, name: t('stores.public'), folders: publicStore.folders || [] });
  folders.setExtraRoots(roots);
}

function openStoreDialog() {
  storeError('');
  $('store-user').value = '';
  openModal($('store-dialog'), { initialFocus: $('store-user') });
}

function storeError(text) {
  const p = $('store-error');
  p.textContent = text || '';
  p.hidden = !text;
  if (text) $('store-user').setAttribute('aria-invalid', 'true'); else $('store-user').removeAttribute('aria-invalid');
}

async function openStore() {
  const user = $('store-user').value.trim();
  if (opening) return;
  if (!user) { storeError(t('stores.userRequired')); $('store-user').focus(); return; }
  const gen = generation;
  const button = $('store-open');
  opening = true;
  button.disabled = true;
  button.classList.add('busy');
  try {
    const s = await post('api/stores/open', { user }, { quiet: true });
    if (gen !== generation) return;
    if (s && s.user) {
      stores = [...stores.filter((x) => String(x.user).toLowerCase() !== String(s.user).toLowerCase()), s];
      publish();
      restartEvents();
    }
    // the new root gets the focus once the dialog has given it back to its opener
    if (s && s.user) {
      $('store-dialog').addEventListener('close', () => folders.focusRoot(`store:${String(s.user).toLowerCase()}`), { once: true });
    }
    $('store-dialog').close();
    const name = (s && (s.name || s.user)) || user;
    showStatus(t('stores.opened', { name }), 'success');
  } catch (err) {
    if (err.status === 404) storeError(t('stores.notFound', { user }));
    else if (err.status === 403) storeError(t('stores.denied', { user }));
    else storeError(err.message);
    $('store-user').focus();
  } finally {
    opening = false;
    button.disabled = false;
    button.classList.remove('busy');
  }
}

/** Closes another user's mailbox (no longer shown); its folder shown is left for the Inbox. */
export async function closeStore(user) {
  if (!user) return;
  const s = stores.find((x) => String(x.user).toLowerCase() === String(user).toLowerCase());
  const name = (s && (s.name || s.user)) || user;
  try {
    await del(path('stores', 'open', user));
    stores = stores.filter((x) => x !== s);
    publish();
    restartEvents();
    showStatus(t('stores.closed', { name }), 'success');
    $('open-shared-store').focus();
  } catch { /* shown in #status */ }
}
