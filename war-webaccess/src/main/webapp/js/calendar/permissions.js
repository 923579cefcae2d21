// The permission dialog of a folder (#perm-dialog), for calendars ("Share…") and any folder of
// the mail folder tree ("Permissions…"): GET/PUT api/folders/{folderId}/permissions (folderId:
// the hex entry id). The members (li[data-perm-user], a listbox), and for the one selected its
// permission level (#perm-role: Outlook's roles, the MAPI rights of docs/webaccess.md) and the
// individual rights as checkboxes, each kept in step with the other; users and groups added with
// address completion, removed with #perm-remove or Delete.

import { get, put, path } from '../api.js';
import { $, el } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';
import { openModal } from '../dialogs.js';
import { showStatus } from '../status.js';
import { addressCompletion } from './complete.js';

// org.zcp.api.mapi.Rights
export const RIGHTS = [
  { id: 'read', bit: 0x1 },
  { id: 'fb-simple', bit: 0x800, calendar: true },
  { id: 'fb-detailed', bit: 0x1000, calendar: true },
  { id: 'create', bit: 0x2 },
  { id: 'edit-own', bit: 0x8 },
  { id: 'edit-all', bit: 0x20 },
  { id: 'subfolders', bit: 0x80 },
  { id: 'delete-own', bit: 0x10 },
  { id: 'delete-all', bit: 0x40 },
  { id: 'owner', bit: 0x100 },
  { id: 'contact', bit: 0x200 },
  { id: 'visible', bit: 0x400 },
];
// the role names are the server's (the "role" of GET …/permissions)
export const ROLES = [
  ['owner', 0x7FB], ['publishingEditor', 0x4FB], ['editor', 0x47B], ['publishingAuthor', 0x49B], ['author', 0x41B],
  ['nonEditingAuthor', 0x413], ['reviewer', 0x401], ['contributor', 0x402], ['none', 0x0],
];
const FREEBUSY = 0x1800;
const bitOf = (id) => RIGHTS.find((r) => r.id === id).bit;
// a right that needs another, and the other way round: "all" includes "own", details include simple
const IMPLIES = [['edit-all', 'edit-own'], ['delete-all', 'delete-own'], ['fb-detailed', 'fb-simple']];

/**
 * The role of a rights value, as the server names it: free/busy rights aside (they may be added to
 * any role of a calendar), and "folder visible" alone is none too.
 */
export function roleOf(rights) {
  const base = rights & 0x7FF;
  const hit = ROLES.find(([, v]) => v === base);
  if (hit) return hit[0];
  return base === 0x400 ? 'none' : 'custom';
}

const st = { folderId: null, name: '', calendar: false, members: [], selected: null, baseline: '', saving: false };
let completion = null;
let initialized = false;

function init() {
  if (initialized) return;
  initialized = true;
  const role = $('perm-role');
  role.replaceChildren(...[...ROLES.map(([id]) => id), 'custom'].map((id) => el('option', {
    text: t(`perm.role.${id}`), attrs: { value: id, disabled: id === 'custom' ? true : null },
  })));
  role.addEventListener('change', () => {
    const m = current();
    if (!m || role.value === 'custom') return;
    const bits = ROLES.find(([id]) => id === role.value)[1];
    m.rights = bits | (st.calendar ? (m.rights & FREEBUSY) : 0);
    showDetail();
    renderMembers();
  });
  $('perm-detail').addEventListener('change', (e) => {
    const box = e.target.closest('.perm-right');
    const m = current();
    if (!box || !m) return;
    const bit = bitOf(box.value);
    m.rights = box.checked ? (m.rights | bit) : (m.rights & ~bit);
    for (const [strong, weak] of IMPLIES) {
      if (box.value === strong && box.checked) m.rights |= bitOf(weak);
      if (box.value === weak && !box.checked) m.rights &= ~bitOf(strong);
    }
    showDetail();
    renderMembers();
  });
  const list = $('perm-members');
  list.addEventListener('click', (e) => {
    const li = e.target.closest('[data-perm-user]');
    if (li) select(li.dataset.permUser, true);
  });
  list.addEventListener('keydown', (e) => {
    const k = st.members.findIndex((m) => m.user === st.selected);
    if (e.key === 'ArrowDown') { e.preventDefault(); select(st.members[Math.min(st.members.length - 1, k + 1)]?.user, true); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); select(st.members[Math.max(0, k - 1)]?.user, true); }
    else if (e.key === 'Home') { e.preventDefault(); select(st.members[0]?.user, true); }
    else if (e.key === 'End') { e.preventDefault(); select(st.members[st.members.length - 1]?.user, true); }
    else if (e.key === 'Delete') { e.preventDefault(); removeSelected(); }
  });
  $('perm-remove').addEventListener('click', () => removeSelected());
  const input = $('perm-add-input');
  completion = addressCompletion(input, {
    onPick: (en) => { addMember({ user: en.email, name: en.name || en.email, type: en.source === 'group' ? 'group' : 'user' }); },
    exclude: (en) => st.members.some((m) => same(m.user, en.email)),
  });
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); addTyped(); } });
  input.addEventListener('input', () => addError(''));
  $('perm-add').addEventListener('click', () => {
    const en = completion.isOpen() ? completion.activeEntry() : null;
    if (en) { completion.close(); addMember({ user: en.email, name: en.name || en.email, type: en.source === 'group' ? 'group' : 'user' }); } else addTyped();
  });
  $('perm-form').addEventListener('submit', (e) => { e.preventDefault(); save(); });
  $('perm-dialog').addEventListener('close', () => {
    // nothing of the folder's members stays in the page
    st.members = [];
    st.selected = null;
    $('perm-members').replaceChildren();
    completion.close();
  });
  $('perm-cancel').addEventListener('click', () => $('perm-dialog').close());
  $('perm-close').addEventListener('click', () => $('perm-dialog').close());
  window.addEventListener('languagechange-app', () => {
    for (const o of role.options) o.textContent = t(`perm.role.${o.value}`);
    if ($('perm-dialog').open) { renderMembers(); showDetail(); }
  });
}

const same = (a, b) => String(a || '').toLowerCase() === String(b || '').toLowerCase();
const current = () => st.members.find((m) => m.user === st.selected) || null;

/** Opens the dialog for a folder: {folderId (hex entry id), name, calendar (free/busy rights)}. */
export async function openPermissions({ folderId, name, calendar = false }) {
  init();
  if (!folderId) { showStatus(t('perm.noFolder'), 'error'); return; }
  let data;
  try {
    data = await get(path('folders', folderId, 'permissions'), undefined, { quiet: true });
  } catch (err) {
    showStatus(err.status === 403 ? t('perm.denied', { name }) : err.message, 'error');
    return;
  }
  Object.assign(st, {
    folderId, name, calendar,
    members: ((data && data.permissions) || []).map((p) => ({ user: String(p.user), name: p.name || String(p.user), type: p.type === 'group' ? 'group' : 'user', rights: Number(p.rights) || 0 })),
    selected: null, saving: false,
  });
  st.selected = st.members[0] ? st.members[0].user : null;
  st.baseline = JSON.stringify(st.members.map((m) => [m.user, m.rights]));
  $('perm-title').textContent = t(calendar ? 'perm.titleCalendar' : 'perm.title', { name });
  $('perm-intro').textContent = t(calendar ? 'perm.introCalendar' : 'perm.intro', { name });
  $('perm-add-input').value = '';
  addError('');
  formError('');
  for (const r of RIGHTS) $(`perm-right-${r.id}`).closest('.check').hidden = !!r.calendar && !calendar;
  renderMembers();
  showDetail();
  openModal($('perm-dialog'), { initialFocus: $('perm-add-input') });
}

function renderMembers() {
  const list = $('perm-members');
  list.replaceChildren(...st.members.map((m) => {
    const li = el('li', {
      className: `perm-member${m.user === st.selected ? ' selected' : ''}`,
      attrs: { role: 'option', id: `perm-member-${cssId(m.user)}`, 'aria-selected': String(m.user === st.selected) },
      dataset: { permUser: m.user },
    }, icon(m.type === 'group' ? 'people' : 'user'),
    el('span', { className: 'perm-member-text' },
      el('span', { className: 'perm-member-name', text: m.name }),
      el('span', { className: 'perm-member-role', text: t(`perm.role.${roleOf(m.rights)}`) })));
    return li;
  }));
  if (!st.members.length) list.append(el('li', { className: 'perm-empty', text: t('perm.nobody'), attrs: { role: 'presentation' } }));
  if (st.selected) list.setAttribute('aria-activedescendant', `perm-member-${cssId(st.selected)}`);
  else list.removeAttribute('aria-activedescendant');
  $('perm-remove').disabled = !st.selected;
}

function cssId(user) { return String(user).replace(/[^a-zA-Z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`); }

function select(user, focus) {
  if (!user) return;
  st.selected = user;
  renderMembers();
  showDetail();
  if (focus) {
    $('perm-members').focus();
    $('perm-members').querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }
}

/** The selected member's level and rights, or all off and disabled when nobody is selected. */
function showDetail() {
  const m = current();
  const detail = $('perm-detail');
  detail.classList.toggle('is-disabled', !m);
  $('perm-role').disabled = !m;
  $('perm-role').value = m ? roleOf(m.rights) : 'none';
  $('perm-detail-title').textContent = m ? t('perm.rightsOf', { name: m.name }) : t('perm.selectMember');
  for (const r of RIGHTS) {
    const box = $(`perm-right-${r.id}`);
    box.checked = !!m && (m.rights & r.bit) !== 0;
    box.disabled = !m;
  }
}

function addTyped() {
  const input = $('perm-add-input');
  const text = input.value.trim();
  if (!text) { addError(t('perm.addEmpty')); input.focus(); return; }
  addMember({ user: text, name: text, type: 'user' });
}

function addMember(m) {
  const input = $('perm-add-input');
  if (st.members.some((x) => same(x.user, m.user))) { addError(t('perm.already', { name: m.name })); input.focus(); return; }
  st.members.push({ ...m, rights: ROLES.find(([id]) => id === 'reviewer')[1] | (st.calendar ? 0x800 : 0) });
  input.value = '';
  addError('');
  select(m.user, false);
  $('perm-role').focus();
  showStatus(t('perm.added', { name: m.name }));
}

function removeSelected() {
  const k = st.members.findIndex((m) => m.user === st.selected);
  if (k < 0) return;
  st.members.splice(k, 1);
  st.selected = st.members[Math.min(k, st.members.length - 1)]?.user || null;
  renderMembers();
  showDetail();
  (st.selected ? $('perm-members') : $('perm-add-input')).focus();
}

function addError(text) {
  const p = $('perm-add-error');
  p.textContent = text;
  p.hidden = !text;
}

function formError(text) {
  const p = $('perm-error');
  p.textContent = text;
  p.hidden = !text;
}

async function save() {
  if (st.saving) return;
  const now = JSON.stringify(st.members.map((m) => [m.user, m.rights]));
  if (now === st.baseline) { $('perm-dialog').close(); return; }
  const button = $('perm-save');
  st.saving = true;
  button.disabled = true;
  button.classList.add('busy');
  try {
    await put(path('folders', st.folderId, 'permissions'), {
      permissions: st.members.map((m) => ({ user: m.user, type: m.type, rights: m.rights })),
    }, { quiet: true });
    $('perm-dialog').close();
    showStatus(t('perm.saved', { name: st.name }), 'success');
  } catch (err) {
    formError(err.status === 403 ? t('perm.denied', { name: st.name }) : err.message);
  } finally {
    st.saving = false;
    button.disabled = false;
    button.classList.remove('busy');
  }
}
