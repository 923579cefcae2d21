// A context menu (role=menu) at a point: arrow keys, Enter, Escape; focus returns to the opener.

import { el } from './dom.js';
import { icon } from './icons.js';

let current = null;

export function closeMenu() {
  if (!current) return;
  const { node, opener, onDocDown } = current;
  current = null;
  document.removeEventListener('pointerdown', onDocDown, true);
  node.remove();
  if (opener && opener.isConnected) opener.focus();
}

/**
 * items: [{label, icon?, disabled?, danger?, id?, action}] or 'separator'; x, y: viewport coordinates.
 */
export function showMenu(items, x, y, { opener, label } = {}) {
  closeMenu();
  const node = el('ul', { className: 'menu', attrs: { role: 'menu', 'aria-label': label || null, tabindex: '-1' } });
  const buttons = [];
  for (const item of items) {
    if (item === 'separator') {
      node.append(el('li', { className: 'menu-sep', attrs: { role: 'separator' } }));
      continue;
    }
    const li = el('li', {
      className: `menu-item${item.danger ? ' menu-danger' : ''}`,
      attrs: { role: 'menuitem', tabindex: '-1', 'aria-disabled': item.disabled ? 'true' : null, id: item.id || null },
    }, item.icon ? icon(item.icon) : el('span', { className: 'icon-space' }), el('span', { text: item.label }));
    li.addEventListener('click', (e) => {
      e.stopPropagation();
      if (item.disabled) return;
      closeMenu();
      item.action();
    });
    buttons.push({ li, item });
    node.append(li);
  }
  node.addEventListener('keydown', (e) => {
    const enabled = buttons.filter((b) => !b.item.disabled).map((b) => b.li);
    const idx = enabled.indexOf(document.activeElement);
    if (e.key === 'ArrowDown') { e.preventDefault(); enabled[(idx + 1) % enabled.length]?.focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); enabled[(idx - 1 + enabled.length) % enabled.length]?.focus(); }
    else if (e.key === 'Home') { e.preventDefault(); enabled[0]?.focus(); }
    else if (e.key === 'End') { e.preventDefault(); enabled[enabled.length - 1]?.focus(); }
    else if (e.key === 'Escape' || e.key === 'Tab') { e.preventDefault(); closeMenu(); }
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (document.activeElement && document.activeElement.classList.contains('menu-item')) document.activeElement.click();
    }
  });
  document.body.append(node);
  // keep it on screen
  const w = node.offsetWidth;
  const h = node.offsetHeight;
  const left = Math.max(4, Math.min(x, window.innerWidth - w - 4));
  const top = Math.max(4, Math.min(y, window.innerHeight - h - 4));
  node.style.setProperty('--menu-x', `${left}px`);
  node.style.setProperty('--menu-y', `${top}px`);
  const onDocDown = (e) => { if (!node.contains(e.target)) closeMenu(); };
  document.addEventListener('pointerdown', onDocDown, true);
  current = { node, opener, onDocDown };
  const first = buttons.find((b) => !b.item.disabled);
  (first ? first.li : node).focus();
}
