// The status line (#status, role=status, aria-live=polite): what happened, and every error.
// Information fades after a few seconds, errors stay longer and can be dismissed.

import { icon } from './icons.js';
import { t } from './i18n.js';

let timer = 0;

export function showStatus(text, kind = 'info', { timeout } = {}) {
  const el = document.getElementById('status');
  if (!el) return;
  clearTimeout(timer);
  el.replaceChildren();
  el.classList.remove('status-error', 'status-info', 'status-success', 'show');
  if (!text) return;
  const msg = document.createElement('span');
  msg.className = 'status-text';
  msg.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'status-close';
  close.setAttribute('aria-label', t('status.dismiss'));
  close.append(icon('close'));
  close.addEventListener('click', () => clearStatus());
  el.append(kind === 'error' ? icon('warning', 'status-icon') : icon('check', 'status-icon'), msg, close);
  el.classList.add(`status-${kind}`, 'show');
  timer = setTimeout(clearStatus, timeout ?? (kind === 'error' ? 12000 : 5000));
}

export function clearStatus() {
  const el = document.getElementById('status');
  if (!el) return;
  clearTimeout(timer);
  el.classList.remove('show');
  el.replaceChildren();
}
