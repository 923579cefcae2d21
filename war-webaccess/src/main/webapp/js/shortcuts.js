// Keyboard shortcuts of the application (the help dialog lists them): G then M / C / P / T / N
// switch the module, "," opens the settings, "?" the help; the mail's own keys (N, R, A, F,
// Delete, U, /, J, K) and, in the other modules, theirs (modules.js). Off while the user types,
// while a dialog, a menu or the search panel has the focus, and with Ctrl, Cmd or Alt; in the
// folder tree the letters are its type-ahead.

import { $, isTyping } from './dom.js';

const GO_KEYS = { m: 'mail', c: 'calendar', p: 'contacts', t: 'tasks', n: 'notes' };

let goPrefix = 0;            // the time "g" was pressed (g m, g c, g p, g t, g n)
let h = null;

/**
 * {@code handlers}: isActive(), module(), go(name), moduleKey(e) (true when taken), openSettings(),
 * openHelp(), and mail: {newMessage, reply, replyAll, forward, delete(permanent), toggleUnread,
 * search, next, previous}.
 */
export function initShortcuts(handlers) {
  h = handlers;
  document.addEventListener('keydown', onShortcut);
}

function onShortcut(e) {
  if (!h || !h.isActive() || e.defaultPrevented) return;
  if (document.querySelector('dialog[open]') || document.querySelector('.menu')) return;
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (isTyping(e.target)) return;
  // the search panel's check box and buttons: its keys are the form's
  if (e.target && e.target.closest && e.target.closest('#search-panel')) return;
  if (e.target && e.target.closest && e.target.closest('[role="tree"]') && e.key.length === 1 && e.key !== '?' && e.key !== '/') return;
  const key = e.key;
  const handled = () => e.preventDefault();
  // g then m / c / p / t / n: the modules
  if (goPrefix && Date.now() - goPrefix < 1500) {
    goPrefix = 0;
    const target = GO_KEYS[key.toLowerCase()];
    if (target) { handled(); h.go(target); return; }
  }
  goPrefix = 0;
  if (key === 'g' || key === 'G') { handled(); goPrefix = Date.now(); return; }
  if (h.module() !== 'mail') {
    if (key === ',') { handled(); h.openSettings(); } else if (key === '?') { handled(); h.openHelp(); } else if (h.moduleKey(e)) handled();
    return;
  }
  const mail = h.mail;
  switch (key) {
    case 'n': case 'N': handled(); mail.newMessage(); break;
    case 'r': case 'R': handled(); mail.reply(); break;
    case 'a': case 'A': handled(); mail.replyAll(); break;
    case 'f': case 'F': handled(); mail.forward(); break;
    case 'Delete': handled(); mail.delete(e.shiftKey); break;
    case 'u': case 'U': handled(); mail.toggleUnread(); break;
    case '/': handled(); mail.search(); break;
    case 'j': case 'J': handled(); mail.next(); break;
    case 'k': case 'K': handled(); mail.previous(); break;
    case ',': handled(); h.openSettings(); break;
    case '?': handled(); h.openHelp(); break;
    default:
  }
}

/** Whether the focus is in the message list (j / k move the cursor there, and focus it if not). */
export function inMessageList() {
  return $('message-list').contains(document.activeElement);
}
