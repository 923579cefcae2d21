// Address completion for one text field (attendees, the members of a permission dialog): GET
// api/addresses?q= as the user types, the entries in a listbox under the field (the compose
// window's look: .addr-suggest), arrows and Enter or a click to pick, Escape to close.

import { get } from '../api.js';
import { el, debounce } from '../dom.js';
import { t } from '../i18n.js';

let seqIds = 0;

/**
 * {@code input}: the field (in a positioned wrapper); {@code onPick(entry)}: an entry
 * {name, email, source} chosen; {@code exclude(entry)}: true for entries not to offer.
 * Answers {close(), isOpen(), activeEntry()}.
 */
export function addressCompletion(input, { onPick, exclude = () => false }) {
  const listId = `${input.id || `ac-${++seqIds}`}-list`;
  const list = el('ul', { className: 'addr-suggest', attrs: { id: listId, role: 'listbox', 'aria-label': t('cal.suggestions') }, hidden: true });
  input.after(list);
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  input.setAttribute('autocomplete', 'off');
  const st = { items: [], active: -1, seq: 0 };

  const render = () => {
    list.replaceChildren(...st.items.map((en, k) => el('li', {
      className: `suggest-item${k === st.active ? ' active' : ''}`,
      attrs: { role: 'option', id: `${listId}-${k}`, 'aria-selected': String(k === st.active) },
      dataset: { index: k },
    }, el('span', { className: 'suggest-name', text: en.name || en.email }),
    el('span', { className: 'suggest-email', text: en.name ? en.email : '' }),
    en.source ? el('span', { className: 'suggest-source', text: sourceText(en.source) }) : null)));
    const open = st.items.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    if (open && st.active >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${st.active}`);
      list.children[st.active]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    st.items = [];
    st.active = -1;
    st.seq++;
    render();
  };
  const lookup = debounce(async () => {
    const q = input.value.trim();
    const mine = ++st.seq;
    if (!q) { close(); return; }
    let data;
    try { data = await get('api/addresses', { q }, { quiet: true }); } catch { data = null; }
    if (mine !== st.seq || input.value.trim() !== q) return;
    st.items = ((data && data.entries) || []).filter((en) => en && !exclude(en)).slice(0, 20);
    st.active = st.items.length ? 0 : -1;
    render();
  }, 200);
  const pick = (en) => { if (!en) return; close(); onPick(en); };

  input.addEventListener('input', () => lookup());
  input.addEventListener('keydown', (e) => {
    const open = !list.hidden && st.items.length > 0;
    if (e.key === 'ArrowDown' && open) { e.preventDefault(); st.active = (st.active + 1) % st.items.length; render(); }
    else if (e.key === 'ArrowUp' && open) { e.preventDefault(); st.active = (st.active - 1 + st.items.length) % st.items.length; render(); }
    else if (e.key === 'Enter' && open && st.active >= 0) { e.preventDefault(); e.stopImmediatePropagation(); pick(st.items[st.active]); }
    else if (e.key === 'Escape' && open) { e.preventDefault(); e.stopPropagation(); close(); }
  });
  input.addEventListener('blur', () => setTimeout(() => { if (document.activeElement !== input) close(); }, 150));
  list.addEventListener('mousedown', (e) => e.preventDefault());
  list.addEventListener('click', (e) => {
    const li = e.target.closest('[role="option"]');
    if (li) pick(st.items[Number(li.dataset.index)]);
  });
  return { close, isOpen: () => !list.hidden && st.items.length > 0, activeEntry: () => st.items[st.active] || null };
}

/** "Address book", "Contacts", … ("contact" and "contacts" alike). */
function sourceText(source) {
  for (const key of [`compose.source.${source}`, `compose.source.${source}s`]) {
    const text = t(key);
    if (text !== key) return text;
  }
  return source;
}
