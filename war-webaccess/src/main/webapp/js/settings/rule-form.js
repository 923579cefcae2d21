// The rule form (#rule-dialog, over the settings): its name; the conditions (from, sent to and
// subject contain one of some words, size above or below so many KB, sent only to me); what it
// does (#rule-action: move or copy to a folder picked with the folder picker, delete, forward or
// redirect to addresses, mark as read; "also mark as read"), and whether later rules still run.
// What the form does not show of a rule (header conditions, further actions) is kept.

import { $, fieldError } from '../dom.js';
import { t } from '../i18n.js';
import { openModal, folderPicker } from '../dialogs.js';
import { flatTree, allFolders, folderName } from '../folders.js';

const EMAIL = /^[^\s<>"@]+@[^\s<>"@]+$/;
const FIELDS = ['rule-name', 'rule-from', 'rule-to', 'rule-subject', 'rule-size-above', 'rule-size-below', 'rule-action', 'rule-addresses'];

const f = { open: false, rule: null, folderId: null, resolve: null, extra: [] };
const dialog = () => $('rule-dialog');

export function initRuleForm() {
  $('rule-form').addEventListener('submit', (e) => { e.preventDefault(); submit(); });
  $('rule-cancel').addEventListener('click', () => done(null));
  $('rule-close').addEventListener('click', () => done(null));
  $('rule-action').addEventListener('change', () => actionChanged());
  $('rule-folder').addEventListener('click', () => pickFolder());
  $('rule-form').addEventListener('input', () => clearErrors());
  dialog().addEventListener('close', () => done(null));
  window.addEventListener('languagechange-app', () => { if (f.open) { updateTitle(); showFolder(); } });
}

/** The name of a folder of the user's store by its entry id (any case), or "a folder that no longer exists". */
export function ruleFolderName(id) {
  const lower = String(id || '').toLowerCase();
  const hit = lower ? allFolders().find((x) => String(x.id).toLowerCase() === lower) : null;
  return hit ? folderName(hit) : t('rules.unknownFolder');
}

/** Opens the form for {@code rule} (null: a new one); resolves to the rule as changed, or null. */
export function openRuleForm(rule) {
  if (f.open) return Promise.resolve(null);
  f.open = true;
  f.rule = rule;
  fill(rule || { name: '', enabled: true, condition: {}, actions: [{ type: 'MOVE' }], stop: false });
  return new Promise((resolve) => {
    f.resolve = resolve;
    openModal(dialog(), { initialFocus: $('rule-name'), onCancel: () => done(null) });
  });
}

function updateTitle() {
  $('rule-dialog-title').textContent = f.rule ? t('rules.editTitle', { name: f.rule.name || '' }) : t('rules.newTitle');
}

function fill(r) {
  clearErrors();
  updateTitle();
  const c = r.condition || {};
  const kb = (bytes) => (bytes === null || bytes === undefined ? '' : String(Math.round(Number(bytes) / 1024)));
  $('rule-name').value = r.name || '';
  $('rule-from').value = (c.fromContains || []).join(', ');
  $('rule-to').value = (c.sentToContains || []).join(', ');
  $('rule-subject').value = (c.subjectContains || []).join(', ');
  $('rule-size-above').value = kb(c.sizeAbove);
  $('rule-size-below').value = kb(c.sizeBelow);
  $('rule-only-me').checked = !!c.sentOnlyToMe;
  const actions = r.actions || [];
  const main = actions.find((a) => a.type !== 'MARK_READ') || actions[0] || { type: 'MOVE' };
  const markRead = actions.some((a) => a.type === 'MARK_READ') && main.type !== 'MARK_READ';
  f.extra = actions.filter((a) => a !== main && a.type !== 'MARK_READ');
  $('rule-action').value = main.type;
  f.folderId = main.folderId || null;
  $('rule-addresses').value = (main.addresses || []).join(', ');
  $('rule-mark-read').checked = markRead;
  $('rule-stop').checked = !!r.stop;
  showFolder();
  actionChanged();
}

function actionChanged() {
  const type = $('rule-action').value;
  $('rule-folder-row').hidden = type !== 'MOVE' && type !== 'COPY';
  $('rule-addresses-row').hidden = type !== 'FORWARD' && type !== 'REDIRECT';
  $('rule-mark-read-row').hidden = type === 'MARK_READ' || type === 'DELETE';
}

function showFolder() {
  $('rule-folder-name').textContent = f.folderId ? ruleFolderName(f.folderId) : t('rules.pickFolder');
}

async function pickFolder() {
  const id = await folderPicker({ title: t('rules.pickFolderTitle'), folders: flatTree(), okText: t('rules.pickOk') });
  if (!id) return;
  f.folderId = id;
  showFolder();
  clearErrors();
}

/** "a, b; c" → ["a", "b", "c"]. */
function split(text) {
  return String(text || '').split(/[,;\n]/).map((x) => x.trim()).filter(Boolean);
}

function sizeOf(id) {
  const v = $(id).value.trim();
  if (!v) return { bytes: null };
  if (!/^\d{1,9}$/.test(v)) return { error: true };
  return { bytes: Number(v) * 1024 };
}

function submit() {
  clearErrors();
  const name = $('rule-name').value.trim();
  if (!name) return fail('rule-name-error', t('rules.nameRequired'), $('rule-name'));
  const above = sizeOf('rule-size-above');
  const below = sizeOf('rule-size-below');
  if (above.error) return fail('rule-size-error', t('rules.badSize'), $('rule-size-above'));
  if (below.error) return fail('rule-size-error', t('rules.badSize'), $('rule-size-below'));
  const lists = { fromContains: split($('rule-from').value), sentToContains: split($('rule-to').value), subjectContains: split($('rule-subject').value) };
  for (const [key, id] of [['fromContains', 'rule-from'], ['sentToContains', 'rule-to'], ['subjectContains', 'rule-subject']]) {
    if (lists[key].some((w) => w.length > 255)) return fail('rule-name-error', t('rules.wordTooLong'), $(id));
  }
  const type = $('rule-action').value;
  const action = { type, folderId: null, addresses: [] };
  if (type === 'MOVE' || type === 'COPY') {
    if (!f.folderId) return fail('rule-folder-error', t('rules.folderRequired'), $('rule-folder'));
    action.folderId = f.folderId;
  }
  if (type === 'FORWARD' || type === 'REDIRECT') {
    const addresses = split($('rule-addresses').value);
    if (!addresses.length) return fail('rule-addresses-error', t('rules.addressRequired'), $('rule-addresses'));
    const bad = addresses.find((a) => !EMAIL.test(a));
    if (bad) return fail('rule-addresses-error', t('contacts.badEmail', { value: bad }), $('rule-addresses'));
    action.addresses = addresses;
  }
  const actions = [action, ...f.extra];
  if ($('rule-mark-read').checked && type !== 'MARK_READ' && type !== 'DELETE') actions.push({ type: 'MARK_READ', folderId: null, addresses: [] });
  const before = f.rule || {};
  const condition = {
    ...lists, headers: (before.condition && before.condition.headers) || [],
    sizeAbove: above.bytes, sizeBelow: below.bytes, sentOnlyToMe: $('rule-only-me').checked,
  };
  done({ ...before, name, enabled: before.enabled !== false, condition, actions, stop: $('rule-stop').checked });
  return true;
}

function fail(id, text, control) {
  fieldError(id, text, [control]);
  control.focus();
  return false;
}

function clearErrors() {
  for (const p of dialog().querySelectorAll('.field-error')) { p.textContent = ''; p.hidden = true; }
  for (const c of dialog().querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
}

function done(result) {
  if (!f.open) return;
  f.open = false;
  const r = f.resolve;
  f.resolve = null;
  if (dialog().open) dialog().close();
  for (const id of FIELDS) if ($(id).tagName !== 'SELECT') $(id).value = '';
  if (r) r(result);
}
