// What the contacts, tasks and notes modules share: the list of their folders on the left
// (address books, task lists, notes folders: one button each, the one shown aria-current, arrow
// keys between them), the phone layout (one pane at a time: the module's root carries
// view-side, view-list or view-card, as the mail's app root carries view-folders, ...), the
// comparison of folder ids from the event stream, and the day a date-only value means.

import { el } from './dom.js';
import { icon } from './icons.js';
import { currentLocale } from './i18n.js';

const VIEWS = ['view-side', 'view-list', 'view-card'];

/**
 * Fills {@code ul} with one button per folder: {id, name}; {@code selected} the id shown,
 * {@code dataKey} the data attribute naming the id (bookId, listId, ...), {@code onSelect(id)}.
 * Entries may carry {iconName, extraClass, dataset}.
 */
export function renderSideList(ul, entries, { selected, dataKey, iconName, onSelect }) {
  const focusedId = ul.contains(document.activeElement) ? document.activeElement.dataset[dataKey] : null;
  ul.replaceChildren(...entries.map((f) => {
    const button = el('button', {
      className: `side-item${f.extraClass ? ` ${f.extraClass}` : ''}`,
      attrs: { type: 'button', 'aria-current': f.id === selected ? 'true' : null, title: f.name },
      dataset: { [dataKey]: f.id, ...(f.dataset || {}) },
    }, icon(f.iconName || iconName), el('span', { className: 'side-name', text: f.name }),
    f.count !== undefined && f.count !== null ? el('span', { className: 'side-count', text: f.count, attrs: { 'aria-hidden': 'true' } }) : null);
    return el('li', { className: 'side-entry' }, button);
  }));
  if (!ul.dataset.wired) {
    ul.dataset.wired = '1';
    ul.addEventListener('click', (e) => {
      const b = e.target.closest('.side-item');
      if (b) ul._onSelect?.(b.dataset[ul.dataset.key]);
    });
    ul.addEventListener('keydown', (e) => {
      const buttons = [...ul.querySelectorAll('.side-item')];
      const k = buttons.indexOf(document.activeElement);
      if (k < 0) return;
      let next = null;
      if (e.key === 'ArrowDown') next = buttons[Math.min(buttons.length - 1, k + 1)];
      else if (e.key === 'ArrowUp') next = buttons[Math.max(0, k - 1)];
      else if (e.key === 'Home') next = buttons[0];
      else if (e.key === 'End') next = buttons[buttons.length - 1];
      if (next) { e.preventDefault(); next.focus(); }
    });
  }
  ul.dataset.key = dataKey;
  ul._onSelect = onSelect;
  if (focusedId) ul.querySelector(`[data-${kebab(dataKey)}="${CSS.escape(focusedId)}"]`)?.focus();
}

function kebab(key) { return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`); }

/** Phones: which pane of the module is shown (side | list | card); wider screens show them all. */
export function setPane(root, view) {
  root.classList.remove(...VIEWS);
  root.classList.add(`view-${view}`);
}

/** True when two folder ids (hex entry ids, any case) name the same folder. */
export function sameId(a, b) {
  return !!a && !!b && String(a).toLowerCase() === String(b).toLowerCase();
}

/** "2026-12-24" (or an ISO instant's date part) as "24 December 2026" in the page's language. */
export function formatDate(value, options = { day: 'numeric', month: 'long', year: 'numeric' }) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value || ''));
  if (!m) return '';
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(currentLocale(), { ...options, timeZone: 'UTC' }).format(d);
}

/** An empty-state or error line of a list ({@code node}), or nothing. */
export function setEmpty(node, text, isError = false) {
  node.textContent = text || '';
  node.hidden = !text;
  node.classList.toggle('is-error', !!isError);
}
