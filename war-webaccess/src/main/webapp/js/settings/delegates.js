// The Delegates tab of the settings (#settings-panel-delegates): the user's delegates (GET
// api/delegates) as a listbox (li[data-delegate-user]); for the one selected, a role for each of
// the five folders (#delegate-role-calendar, -tasks, -inbox, -contacts, -notes: Outlook's
// delegate roles, and the role a folder has when it is another); added with address completion
// (#delegate-add-input, #delegate-add), removed (#delegate-remove, Delete); #delegates-save
// replaces them all (PUT api/delegates). Loaded when the tab is first shown after the dialog opened.

import { get, put } from '../api.js';
import { $, el, fieldError } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';
import { showStatus } from '../status.js';
import { addressCompletion } from '../calendar/complete.js';

export const FOLDERS = ['calendar', 'tasks', 'inbox', 'contacts', 'notes'];
const ROLES = ['none', 'reviewer', 'author', 'editor'];
const KNOWN = ['owner', 'publishingEditor', 'editor', 'publishingAuthor', 'author', 'nonEditingAuthor', 'reviewer', 'contributor', 'none'];
const NEW_ROLES = { calendar: 'editor', tasks: 'editor', inbox: 'none', contacts: 'none', notes: 'none' };

const st = { loaded: false, loading: false, delegates: [], selected: null, baseline: '', gen: 0, saving: false };
let completion = null;

export function initDelegates() {
  const input = $('delegate-add-input');
  completion = addressCompletion(input, {
    onPick: (en) => add({ user: en.email, name: en.name || en.email }),
    exclude: (en) => st.delegates.some((d) => same(d.user, en.email)),
  });
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); addTyped(); } });
  input.addEventListener('input', () => addError(''));
  $('delegate-add').addEventListener('click', () => {
    const en = completion.isOpen() ? completion.activeEntry() : null;
    if (en) { completion.close(); add({ user: en.email, name: en.name || en.email }); } else addTyped();
  });
  const list = $('delegates-list');
  list.addEventListener('click', (e) => {
    const li = e.target.closest('[data-delegate-user]');
    if (li) select(li.dataset.delegateUser, true);
  });
  list.addEventListener('keydown', (e) => {
    const k = st.delegates.findIndex((d) => d.user === st.selected);
    const go = (j) => { e.preventDefault(); select(st.delegates[j]?.user, true); };
    if (e.key === 'ArrowDown') go(Math.min(st.delegates.length - 1, k + 1));
    else if (e.key === 'ArrowUp') go(Math.max(0, k - 1));
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(st.delegates.length - 1);
    else if (e.key === 'Delete') { e.preventDefault(); remove(); }
  });
  $('delegate-remove').addEventListener('click', () => remove());
  $('delegate-detail').addEventListener('change', (e) => {
    const select = e.target.closest('.delegate-role');
    const d = current();
    if (!select || !d) return;
    d.roles[select.dataset.folder] = select.value;
    renderList();
    changed();
  });
  $('delegates-save').addEventListener('click', () => saveDelegates());
  window.addEventListener('languagechange-app', () => { if (st.loaded) { renderList(); showDetail(); } });
}

const same = (a, b) => String(a || '').toLowerCase() === String(b || '').toLowerCase();
const current = () => st.delegates.find((d) => d.user === st.selected) || null;

export async function showDelegates() {
  if (st.loaded || st.loading) return;
  const gen = st.gen;
  st.loading = true;
  $('delegates-loading').hidden = false;
  error('');
  try {
    const data = await get('api/delegates', undefined, { quiet: true });
    if (gen !== st.gen) return;
    st.delegates = ((data && data.delegates) || []).map((d) => ({
      user: String(d.user), name: d.name || String(d.user),
      roles: Object.fromEntries(FOLDERS.map((f) => [f, (d.roles && d.roles[f]) || 'none'])),
    }));
    st.selected = st.delegates[0] ? st.delegates[0].user : null;
    st.baseline = snapshot();
    st.loaded = true;
  } catch (err) {
    if (gen !== st.gen) return;
    error(err.message);
  } finally {
    if (gen === st.gen) {
      st.loading = false;
      $('delegates-loading').hidden = true;
      renderList();
      showDetail();
      changed();
    }
  }
}

export function resetDelegates() {
  st.gen++;
  Object.assign(st, { loaded: false, loading: false, delegates: [], selected: null, baseline: '', saving: false });
  $('delegates-list').replaceChildren();
  $('delegate-add-input').value = '';
  completion?.close();
  $('delegates-loading').hidden = true;
  $('delegates-state').textContent = '';
  addError('');
  error('');
  showDetail();
}

function snapshot() { return JSON.stringify(st.delegates.map((d) => [d.user, d.roles])); }
export function delegatesDirty() { return st.loaded && snapshot() !== st.baseline; }
function changed() { $('delegates-state').textContent = delegatesDirty() ? t('rules.unsaved') : ''; }

function cssId(user) { return String(user).replace(/[^a-zA-Z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`); }

function roleName(role) { return t(`perm.role.${KNOWN.includes(role) ? role : 'custom'}`); }

function renderList() {
  const list = $('delegates-list');
  list.replaceChildren(...st.delegates.map((d) => el('li', {
    className: `perm-member${d.user === st.selected ? ' selected' : ''}`,
    attrs: { role: 'option', id: `delegate-${cssId(d.user)}`, 'aria-selected': String(d.user === st.selected) },
    dataset: { delegateUser: d.user },
  }, icon('user'), el('span', { className: 'perm-member-text' },
    el('span', { className: 'perm-member-name', text: d.name }),
    el('span', { className: 'perm-member-role', text: FOLDERS.filter((f) => d.roles[f] !== 'none').map((f) => `${t(`folder.${f}`)}: ${roleName(d.roles[f])}`).join(' · ') || t('delegates.noRights') })))));
  if (!st.delegates.length && st.loaded) list.append(el('li', { className: 'perm-empty', text: t('delegates.none'), attrs: { role: 'presentation' } }));
  if (st.selected) list.setAttribute('aria-activedescendant', `delegate-${cssId(st.selected)}`);
  else list.removeAttribute('aria-activedescendant');
  $('delegate-remove').disabled = !st.selected;
  $('delegates-save').disabled = !st.loaded;
  $('delegate-add').disabled = !st.loaded;
  $('delegate-add-input').disabled = !st.loaded;
}

/** The roles of the delegate selected, one select per folder; all off when nobody is selected. */
function showDetail() {
  const d = current();
  $('delegate-detail').classList.toggle('is-disabled', !d);
  $('delegate-detail-title').textContent = d ? t('delegates.rolesOf', { name: d.name }) : t('delegates.selectOne');
  for (const f of FOLDERS) {
    const select = $(`delegate-role-${f}`);
    const role = d ? d.roles[f] : 'none';
    const options = [...ROLES];
    if (!options.includes(role)) options.push(KNOWN.includes(role) ? role : 'custom');
    select.replaceChildren(...options.map((r) => el('option', { text: roleName(r), attrs: { value: r, disabled: r === 'custom' ? true : null } })));
    select.value = KNOWN.includes(role) ? role : 'custom';
    select.disabled = !d;
  }
}

function select(user, focus) {
  if (!user) return;
  st.selected = user;
  renderList();
  showDetail();
  if (focus) {
    $('delegates-list').focus();
    $('delegates-list').querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }
}

function addTyped() {
  const input = $('delegate-add-input');
  const text = input.value.trim();
  if (!text) { addError(t('perm.addEmpty')); input.focus(); return; }
  add({ user: text, name: text });
}

function add(d) {
  const input = $('delegate-add-input');
  if (!st.loaded) return;
  if (st.delegates.some((x) => same(x.user, d.user))) { addError(t('perm.already', { name: d.name })); input.focus(); return; }
  st.delegates.push({ ...d, roles: { ...NEW_ROLES } });
  input.value = '';
  addError('');
  select(d.user, false);
  changed();
  $('delegate-role-calendar').focus();
  showStatus(t('delegates.added', { name: d.name }));
}

function remove() {
  const k = st.delegates.findIndex((d) => d.user === st.selected);
  if (k < 0) return;
  st.delegates.splice(k, 1);
  st.selected = st.delegates[Math.min(k, st.delegates.length - 1)]?.user || null;
  renderList();
  showDetail();
  changed();
  (st.selected ? $('delegates-list') : $('delegate-add-input')).focus();
}

export async function saveDelegates() {
  if (!st.loaded || st.saving) return;
  const odd = st.delegates.find((d) => FOLDERS.some((f) => !KNOWN.includes(d.roles[f])));
  if (odd) {
    select(odd.user, false);
    const f = FOLDERS.find((x) => !KNOWN.includes(odd.roles[x]));
    error(t('delegates.customRole', { name: odd.name, folder: t(`folder.${f}`) }));
    $(`delegate-role-${f}`).focus();
    return;
  }
  const gen = st.gen;
  const button = $('delegates-save');
  st.saving = true;
  button.disabled = true;
  button.classList.add('busy');
  error('');
  try {
    await put('api/delegates', { delegates: st.delegates.map((d) => ({ user: d.user, roles: d.roles })) }, { quiet: true });
    if (gen !== st.gen) return;
    st.baseline = snapshot();
    changed();
    showStatus(t('delegates.saved'), 'success');
  } catch (err) {
    if (gen !== st.gen) return;
    if (err.status === 404) error(t('delegates.notFound', { message: err.serverMessage || err.message }));
    else error(err.serverMessage ? t('delegates.refused', { message: err.serverMessage }) : err.message);
  } finally {
    st.saving = false;
    button.disabled = !st.loaded;
    button.classList.remove('busy');
  }
}

function addError(text) {
  fieldError('delegate-add-error', text);
}

function error(text) {
  fieldError('delegates-error', text);
}
