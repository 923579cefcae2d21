// Small DOM helpers. Server data only ever goes in through textContent and attributes.

/**
 * el('button', {className: 'btn', text: 'OK', attrs: {type: 'button'}, dataset: {id: 1},
 *     on: {click: fn}}, child, ...)
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  const { className, text, attrs, dataset, on, hidden } = props;
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'style' || k.startsWith('on')) throw new Error(`refused attribute ${k}`);
      node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  if (dataset) for (const [k, v] of Object.entries(dataset)) node.dataset[k] = String(v);
  if (on) for (const [k, fn] of Object.entries(on)) node.addEventListener(k, fn);
  if (hidden) node.hidden = true;
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

export const $ = (id) => document.getElementById(id);

/** "Name" or "email" or "?" for an address {name, email}. */
export function displayName(addr) {
  if (!addr) return '';
  if (typeof addr === 'string') return addr;
  return addr.name || addr.email || '';
}

/** "Name <email>" when both are known. */
export function fullAddress(addr) {
  if (!addr) return '';
  if (typeof addr === 'string') return addr;
  if (addr.name && addr.email && addr.name !== addr.email) return `${addr.name} <${addr.email}>`;
  return addr.name || addr.email || '';
}

/** Up to two initials for an avatar. */
export function initials(addr) {
  const name = displayName(addr).replace(/[<>"']/g, '').trim();
  if (!name) return '?';
  const parts = name.includes('@') ? [name[0]] : name.split(/[\s.,_-]+/).filter(Boolean);
  const first = parts[0] ? [...parts[0]][0] : '';
  const last = parts.length > 1 ? [...parts[parts.length - 1]][0] : '';
  return (first + last).toUpperCase() || '?';
}

/** A stable colour class (av-0 … av-7) for an avatar, from the address. */
export function avatarClass(addr) {
  const key = (addr && (addr.email || addr.name)) || String(addr || '');
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return `av-${h % 8}`;
}

export function debounce(fn, ms) {
  let timer = 0;
  const wrapped = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  wrapped.cancel = () => clearTimeout(timer);
  return wrapped;
}

/** True when the event's target is a place where the user types (shortcuts stay off there). */
export function isTyping(target) {
  if (!target || !(target instanceof Element)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target.getAttribute('type') || 'text').toLowerCase();
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file'].includes(type);
  }
  return false;
}

export const isPhone = () => window.matchMedia('(max-width: 799.98px)').matches;

/**
 * Shows {@code text} in the error line #{@code id} (hidden when empty) and marks {@code controls}
 * aria-invalid while there is an error.
 */
export function fieldError(id, text, controls = []) {
  const p = document.getElementById(id);
  p.textContent = text || '';
  p.hidden = !text;
  for (const c of controls) {
    if (text) c.setAttribute('aria-invalid', 'true'); else c.removeAttribute('aria-invalid');
  }
}
