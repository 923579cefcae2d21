// The Rules tab of the settings (#settings-panel-rules): the Inbox rules the server runs on
// delivery (GET api/rules), in the order they run: each with a checkbox that turns it on or off
// (.rule-enabled), a summary of what it does, up and down (.rule-up, .rule-down), edit
// (.rule-edit: rule-form.js) and delete (.rule-delete); "New rule" (#rule-add). Nothing is stored
// until #rules-save replaces the whole list (PUT api/rules; a 400 says which rule is wrong).
// Loaded when the tab is first shown after the dialog opened.

import { get, put } from '../api.js';
import { $, el, fieldError } from '../dom.js';
import { icon } from '../icons.js';
import { t, formatSize, currentLocale } from '../i18n.js';
import { showStatus } from '../status.js';
import { initRuleForm, openRuleForm, ruleFolderName } from './rule-form.js';

const st = { loaded: false, loading: false, rules: [], baseline: '', gen: 0, saving: false };
const BUTTONS = ['rule-up', 'rule-down', 'rule-edit', 'rule-delete'];

export function initRules() {
  initRuleForm();
  $('rule-add').addEventListener('click', () => addRule());
  $('rules-save').addEventListener('click', () => saveRules());
  const list = $('rules-list');
  list.addEventListener('change', (e) => {
    const box = e.target.closest('.rule-enabled');
    if (!box) return;
    st.rules[indexOf(box)].enabled = box.checked;
    box.closest('.rule-item').classList.toggle('is-off', !box.checked);
    changed();
  });
  list.addEventListener('click', (e) => {
    const b = e.target.closest('button');
    if (!b || b.disabled) return;
    const k = indexOf(b);
    if (b.classList.contains('rule-up')) move(k, -1);
    else if (b.classList.contains('rule-down')) move(k, 1);
    else if (b.classList.contains('rule-edit')) editRule(k);
    else if (b.classList.contains('rule-delete')) removeRule(k);
  });
  window.addEventListener('languagechange-app', () => { if (st.loaded) render(); });
}

const indexOf = (node) => Number(node.closest('[data-rule-index]').dataset.ruleIndex);

/** The tab is shown: the rules are read (once per opening of the dialog). */
export async function showRules() {
  if (st.loaded || st.loading) return;
  const gen = st.gen;
  st.loading = true;
  $('rules-loading').hidden = false;
  error('');
  try {
    const data = await get('api/rules', undefined, { quiet: true });
    if (gen !== st.gen) return;
    st.rules = ((data && data.rules) || []).map((r) => ({ ...r, actions: r.actions || [] }));
    st.baseline = JSON.stringify(st.rules);
    st.loaded = true;
  } catch (err) {
    if (gen !== st.gen) return;
    error(err.message);
  } finally {
    if (gen === st.gen) {
      st.loading = false;
      $('rules-loading').hidden = true;
      render();
    }
  }
}

/** The dialog closed or opens again: read afresh next time; logoff: nothing stays. */
export function resetRules() {
  st.gen++;
  Object.assign(st, { loaded: false, loading: false, rules: [], baseline: '', saving: false });
  $('rules-list').replaceChildren();
  $('rules-loading').hidden = true;
  $('rules-empty').hidden = true;
  $('rules-state').textContent = '';
  error('');
}

export function rulesDirty() { return st.loaded && JSON.stringify(st.rules) !== st.baseline; }

// ---- the list ----------------------------------------------------------------------------------

function words(list) {
  const quoted = (list || []).map((w) => t('rules.quoted', { text: w }));
  try { return new Intl.ListFormat(currentLocale(), { type: 'disjunction' }).format(quoted); } catch { return quoted.join(', '); }
}

function all(list) {
  try { return new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(list); } catch { return list.join(', '); }
}

/** "from contains “a” or “b”, larger than 1 MB" for the rule's condition. */
export function conditionText(c) {
  c = c || {};
  const parts = [];
  if (c.fromContains && c.fromContains.length) parts.push(t('rules.sum.from', { words: words(c.fromContains) }));
  if (c.sentToContains && c.sentToContains.length) parts.push(t('rules.sum.to', { words: words(c.sentToContains) }));
  if (c.subjectContains && c.subjectContains.length) parts.push(t('rules.sum.subject', { words: words(c.subjectContains) }));
  if (c.headers && c.headers.length) parts.push(t('rules.sum.headers', { names: all(c.headers.map((h) => h.name)) }));
  if (c.sizeAbove !== null && c.sizeAbove !== undefined) parts.push(t('rules.sum.above', { size: formatSize(c.sizeAbove) }));
  if (c.sizeBelow !== null && c.sizeBelow !== undefined) parts.push(t('rules.sum.below', { size: formatSize(c.sizeBelow) }));
  if (c.sentOnlyToMe) parts.push(t('rules.sum.onlyMe'));
  return parts.length ? all(parts) : t('rules.sum.all');
}

function actionText(a) {
  switch (a.type) {
    case 'MOVE': return t('rules.sum.move', { folder: ruleFolderName(a.folderId) });
    case 'COPY': return t('rules.sum.copy', { folder: ruleFolderName(a.folderId) });
    case 'FORWARD': return t('rules.sum.forward', { to: all(a.addresses || []) });
    case 'REDIRECT': return t('rules.sum.redirect', { to: all(a.addresses || []) });
    case 'DELETE': return t('rules.sum.delete');
    case 'MARK_READ': return t('rules.sum.markRead');
    default: return a.type || '';
  }
}

function summary(r) {
  const then = (r.actions || []).map(actionText);
  if (r.stop) then.push(t('rules.sum.stop'));
  return t('rules.sum.line', { when: conditionText(r.condition), then: all(then) });
}

function button(cls, iconName, label, disabled) {
  return el('button', { className: `icon-btn ${cls}`, attrs: { type: 'button', 'aria-label': label, title: label, disabled: disabled ? true : null } }, icon(iconName));
}

function render() {
  const list = $('rules-list');
  const n = st.rules.length;
  list.replaceChildren(...st.rules.map((r, k) => {
    const box = el('input', {
      className: 'rule-enabled',
      attrs: { type: 'checkbox', id: `rule-enabled-${k}`, 'aria-describedby': `rule-summary-${k}`, title: t('rules.enabled') },
    });
    box.checked = r.enabled !== false;
    return el('li', { className: `rule-item${r.enabled === false ? ' is-off' : ''}`, dataset: { ruleIndex: k } },
      box,
      el('div', { className: 'rule-text' },
        el('label', { className: 'rule-name', text: r.name || '', attrs: { for: box.id } }),
        el('span', { className: 'rule-summary', text: summary(r), attrs: { id: `rule-summary-${k}` } })),
      el('div', { className: 'rule-buttons' },
        button('rule-up', 'up', t('rules.moveUp', { name: r.name }), k === 0),
        button('rule-down', 'down', t('rules.moveDown', { name: r.name }), k === n - 1),
        button('rule-edit', 'rename', t('rules.editLabel', { name: r.name })),
        button('rule-delete', 'delete', t('rules.deleteLabel', { name: r.name }))));
  }));
  $('rules-empty').hidden = !st.loaded || n > 0;
  for (const id of ['rule-add', 'rules-save']) $(id).disabled = !st.loaded;
  changed();
}

function changed() {
  $('rules-state').textContent = rulesDirty() ? t('rules.unsaved') : '';
}

/** Focuses the button {@code cls} of rule {@code k} (the next enabled one of its row, else the add button). */
function focusButton(k, cls) {
  const li = $('rules-list').querySelector(`[data-rule-index="${k}"]`);
  if (!li) { $('rule-add').focus(); return; }
  const order = [cls, ...BUTTONS.filter((x) => x !== cls)];
  for (const c of order) {
    const b = li.querySelector(`.${c}`);
    if (b && !b.disabled) { b.focus(); return; }
  }
}

function move(k, dir) {
  const j = k + dir;
  if (j < 0 || j >= st.rules.length) return;
  [st.rules[k], st.rules[j]] = [st.rules[j], st.rules[k]];
  render();
  focusButton(j, dir < 0 ? 'rule-up' : 'rule-down');
  showStatus(t('rules.moved', { name: st.rules[j].name, n: j + 1 }));
}

async function addRule() {
  const r = await openRuleForm(null);
  if (!r) return;
  st.rules.push(r);
  render();
  focusButton(st.rules.length - 1, 'rule-edit');
}

async function editRule(k) {
  const r = await openRuleForm(st.rules[k]);
  if (!r) return;
  st.rules[k] = r;
  render();
  focusButton(k, 'rule-edit');
}

function removeRule(k) {
  const [r] = st.rules.splice(k, 1);
  render();
  focusButton(Math.min(k, st.rules.length - 1), 'rule-delete');
  showStatus(t('rules.removed', { name: r.name }));
}

export async function saveRules() {
  if (!st.loaded || st.saving) return;
  const gen = st.gen;
  const button = $('rules-save');
  st.saving = true;
  button.disabled = true;
  button.classList.add('busy');
  error('');
  try {
    await put('api/rules', { rules: st.rules }, { quiet: true });
    if (gen !== st.gen) return;
    st.baseline = JSON.stringify(st.rules);
    changed();
    showStatus(t('rules.saved'), 'success');
  } catch (err) {
    if (gen !== st.gen) return;
    error(err.serverMessage ? t('rules.refused', { message: err.serverMessage }) : err.message);
  } finally {
    st.saving = false;
    button.disabled = !st.loaded;
    button.classList.remove('busy');
  }
}

function error(text) {
  fieldError('rules-error', text);
}
