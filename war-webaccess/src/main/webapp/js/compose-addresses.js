// The address lines of the compose window (compose.js): To, Cc and Bcc as chips, with completion
// (GET api/addresses) as the user types, several addresses pasted at once, Backspace to take the
// last one back; and the From line (#compose-from-row, shown by #compose-from-toggle, with the
// same completion) for sending on behalf of someone else or as them. compose.js owns the
// message: it hands over its recipients, and is told of every change.

import { get } from './api.js';
import { el, $, displayName, fullAddress, debounce } from './dom.js';
import { icon } from './icons.js';
import { t } from './i18n.js';
import { addressCompletion } from './calendar/complete.js';

let recipients = () => ({ to: [], cc: [], bcc: [] });
let changed = () => {};
let setError = () => {};
let picked = null;        // the address picked for the From line ({name, email}), while its text is unchanged

/**
 * {@code options}: recipients() (the message's {to, cc, bcc} lists, changed in place), changed()
 * (after every change), setError(text) (the window's error line).
 */
export function initAddresses(options) {
  ({ recipients, changed, setError } = { recipients, changed, setError, ...options });
  for (const field of ['to', 'cc', 'bcc']) initAddressField(field);
  initFromField();
}

/** Two addresses are the same when their e-mail addresses are, in any case. */
export function sameAddress(a, b) {
  return !!a && !!b && !!a.email && !!b.email && a.email.toLowerCase() === b.email.toLowerCase();
}

/** The From line to send ({name, email}) when it holds an address, else null. */
export function fromForDraft() {
  const from = fromValue();
  return from && EMAIL_RE.test(from.email || '') ? { name: from.name || '', email: from.email } : null;
}

// ---- addresses -------------------------------------------------------------------------------

export const EMAIL_RE = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;

/** "Name <a@b>", "a@b", "\"Last, First\" <a@b>" or a bare name → {name, email}. */
export function parseAddress(text) {
  const s = String(text).trim().replace(/^[,;]+|[,;]+$/g, '').trim();
  if (!s) return null;
  const m = s.match(/^(.*?)\s*<([^<>]+)>$/);
  if (m) return { name: m[1].replace(/^"|"$/g, '').trim(), email: m[2].trim() };
  return { name: '', email: s };
}

function splitAddresses(text) {
  const out = [];
  let cur = '';
  let quoted = false;
  let angle = false;
  for (const ch of String(text)) {
    if (ch === '"') quoted = !quoted;
    if (ch === '<') angle = true;
    if (ch === '>') angle = false;
    if ((ch === ',' || ch === ';' || ch === '\n') && !quoted && !angle) { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out.map(parseAddress).filter(Boolean);
}

const suggestState = {};

function initAddressField(field) {
  const input = $(`compose-${field}`);
  const box = input.closest('.addr-field');
  const list = $(`compose-${field}-list`);
  suggestState[field] = { items: [], active: -1, seq: 0 };
  box.addEventListener('click', (e) => { if (e.target === box || e.target.classList.contains('chips')) input.focus(); });
  const lookup = debounce(async () => {
    const q = input.value.trim();
    const st = suggestState[field];
    const mine = ++st.seq;
    if (!q) { closeSuggest(field); return; }
    let data;
    try { data = await get('api/addresses', { q }, { quiet: true }); } catch { data = null; }
    if (mine !== st.seq || input.value.trim() !== q) return;
    const entries = (data && data.entries) || [];
    const taken = recipients()[field];
    st.items = entries.filter((en) => !taken.some((x) => sameAddress(x, en))).slice(0, 20);
    st.active = st.items.length ? 0 : -1;
    renderSuggest(field);
  }, 200);
  input.addEventListener('input', () => {
    if (/[,;]/.test(input.value)) {
      const parts = splitAddresses(input.value);
      const endsWithSep = /[,;]\s*$/.test(input.value);
      const keepLast = !endsWithSep && parts.length ? parts.pop() : null;
      for (const a of parts) addRecipient(field, a);
      input.value = keepLast ? (keepLast.name ? `${keepLast.name} <${keepLast.email}>` : keepLast.email) : '';
    }
    lookup();
  });
  input.addEventListener('keydown', (e) => {
    const st = suggestState[field];
    const open = !list.hidden && st.items.length > 0;
    if (e.key === 'ArrowDown' && open) { e.preventDefault(); st.active = (st.active + 1) % st.items.length; renderSuggest(field); }
    else if (e.key === 'ArrowUp' && open) { e.preventDefault(); st.active = (st.active - 1 + st.items.length) % st.items.length; renderSuggest(field); }
    else if (e.key === 'Enter') {
      e.preventDefault();
      if (open && st.active >= 0) pick(field, st.items[st.active]);
      else commitTyped(field);
    } else if (e.key === 'Tab' && !e.shiftKey) {
      if (open && st.active >= 0) { e.preventDefault(); pick(field, st.items[st.active]); } else commitTyped(field);
    } else if (e.key === 'Escape' && open) { e.preventDefault(); e.stopPropagation(); closeSuggest(field); }
    else if (e.key === 'Backspace' && !input.value && recipients()[field].length) {
      e.preventDefault();
      removeRecipient(field, recipients()[field].length - 1);
    }
  });
  input.addEventListener('blur', () => {
    // a click on a suggestion comes first (mousedown keeps the focus)
    setTimeout(() => { if (document.activeElement !== input) { commitTyped(field); closeSuggest(field); } }, 120);
  });
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const li = e.target.closest('[role="option"]');
    if (li) pick(field, suggestState[field].items[Number(li.dataset.index)]);
  });
}

function renderSuggest(field) {
  const st = suggestState[field];
  const input = $(`compose-${field}`);
  const list = $(`compose-${field}-list`);
  list.replaceChildren(...st.items.map((en, k) => el('li', {
    className: `suggest-item${k === st.active ? ' active' : ''}`,
    attrs: { role: 'option', id: `compose-${field}-opt-${k}`, 'aria-selected': String(k === st.active) },
    dataset: { index: k },
  }, el('span', { className: 'suggest-name', text: en.name || en.email }),
  el('span', { className: 'suggest-email', text: en.name ? en.email : '' }),
  en.source ? el('span', { className: 'suggest-source', text: t(`compose.source.${en.source}`) === `compose.source.${en.source}` ? en.source : t(`compose.source.${en.source}`) }) : null)));
  const open = st.items.length > 0;
  list.hidden = !open;
  input.setAttribute('aria-expanded', String(open));
  if (open && st.active >= 0) {
    input.setAttribute('aria-activedescendant', `compose-${field}-opt-${st.active}`);
    list.children[st.active]?.scrollIntoView({ block: 'nearest' });
  } else input.removeAttribute('aria-activedescendant');
}

export function closeSuggest(field) {
  const st = suggestState[field];
  if (!st) return;
  st.items = [];
  st.active = -1;
  st.seq++;
  const list = $(`compose-${field}-list`);
  list.hidden = true;
  list.replaceChildren();
  const input = $(`compose-${field}`);
  input.setAttribute('aria-expanded', 'false');
  input.removeAttribute('aria-activedescendant');
}

function pick(field, entry) {
  if (!entry) return;
  addRecipient(field, { name: entry.name || '', email: entry.email || '' });
  $(`compose-${field}`).value = '';
  closeSuggest(field);
  $(`compose-${field}`).focus();
}

export function commitTyped(field) {
  const input = $(`compose-${field}`);
  const text = input.value.trim();
  if (!text) return;
  for (const a of splitAddresses(text)) addRecipient(field, a);
  input.value = '';
  closeSuggest(field);
}

function addRecipient(field, a) {
  if (!a || !(a.email || a.name)) return;
  if (recipients()[field].some((x) => sameAddress(x, a))) return;
  recipients()[field].push(a);
  renderChips(field);
  changed();
}

function removeRecipient(field, index) {
  recipients()[field].splice(index, 1);
  renderChips(field);
  changed();
  $(`compose-${field}`).focus();
}

export function renderChips(field) {
  const ul = $(`compose-${field}`).closest('.addr-field').querySelector('.chips');
  ul.replaceChildren(...recipients()[field].map((a, k) => {
    const valid = EMAIL_RE.test(a.email || '');
    const label = displayName(a);
    const remove = el('button', {
      className: 'chip-x',
      attrs: { type: 'button', 'aria-label': t('compose.removeRecipient', { name: label }), title: t('compose.removeRecipient', { name: label }) },
    }, icon('close'));
    remove.addEventListener('click', () => removeRecipient(field, k));
    return el('li', {
      className: `chip${valid ? '' : ' chip-unresolved'}`,
      attrs: { title: valid ? fullAddress(a) : t('compose.unresolved', { address: a.email || a.name }) },
      dataset: { email: a.email || '' },
    }, el('span', { className: 'chip-text', text: label }), remove);
  }));
}

// ---- from ------------------------------------------------------------------------------------

/** "Name <a@b>", or the address alone. */
function formatFrom(a) {
  return a.name && a.name !== a.email ? `${a.name} <${a.email}>` : a.email;
}

export function initFromField() {
  const input = $('compose-from');
  addressCompletion(input, {
    onPick: (en) => { setFrom({ name: en.name || '', email: en.email || '' }); changed(); },
    exclude: (en) => !en.email,
  });
  input.addEventListener('input', () => {
    picked = null;
    input.removeAttribute('aria-invalid');
    changed();
  });
  $('compose-from-toggle').addEventListener('click', () => showFrom(!fromShown(), { focus: true }));
  $('compose-from-remove').addEventListener('click', () => showFrom(false, { focus: true }));
}

export const fromShown = () => !$('compose-from-row').hidden;

/** Shows the From line (empty, or with {@code addr}), or hides and empties it (null). */
export function setFrom(addr) {
  picked = addr && addr.email ? { name: addr.name || '', email: addr.email } : null;
  $('compose-from').value = picked ? formatFrom(picked) : '';
  $('compose-from').removeAttribute('aria-invalid');
  if (picked) showFrom(true); else if (!addr) showFrom(false);
}

/** The From line shown or hidden (hidden: nothing is sent for anyone else). */
function showFrom(show, { focus = false } = {}) {
  const row = $('compose-from-row');
  const had = fromValue();
  row.hidden = !show;
  if (!show) {
    picked = null;
    $('compose-from').value = '';
    $('compose-from').removeAttribute('aria-invalid');
    if (had) changed();
  }
  updateFromToggle();
  if (focus) (show ? $('compose-from') : $('compose-from-toggle')).focus();
}

export function updateFromToggle() {
  const toggle = $('compose-from-toggle');
  toggle.setAttribute('aria-expanded', String(fromShown()));
  toggle.title = t(fromShown() ? 'compose.fromHide' : 'compose.fromShow');
}

/** The From line's address ({name, email}, the email not checked), or null when there is none. */
function fromValue() {
  if (!fromShown()) return null;
  const text = $('compose-from').value.trim();
  if (!text) return null;
  if (picked && text === formatFrom(picked)) return picked;
  return parseAddress(text);
}

/** False (and the error shown) when the From line holds something that is no address. */
export function checkFrom() {
  const from = fromValue();
  if (!from || EMAIL_RE.test(from.email || '')) return true;
  setError(t('compose.badFrom'));
  $('compose-from').setAttribute('aria-invalid', 'true');
  $('compose-from').focus();
  return false;
}
