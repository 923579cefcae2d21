// The reading pane (#reader): headers built with the DOM, the body in the sandboxed frame
// #reader-frame (no allow-scripts, no allow-same-origin) loaded from api/messages/{id}/body, a
// page the server sanitised and sends with a policy of its own and a CSP sandbox (a srcdoc frame
// would inherit the app's policy, which keeps mail styles out and cannot be loosened from
// inside). Remote images stay blocked until "show images" (the page again with images=1). An
// unread message is marked read after it has been shown for a second. A meeting request, an
// answer, a proposal of a new time or a cancellation gets a bar above the body (#reader-meeting,
// meeting.js).

import { get, patch, path } from './api.js';
import { el, $, displayName, fullAddress, initials, avatarClass } from './dom.js';
import { icon } from './icons.js';
import { t, formatLongDate, formatSize, tn } from './i18n.js';
import { initMeetingBar, renderMeeting } from './meeting.js';

const MARK_READ_DELAY = 1000;
const imagesAllowed = new Set();   // message ids whose remote images the user asked for
let current = null;                 // the message shown
let seq = 0;
let controller = null;
let readTimer = 0;
let hooks = {
  onMarkedRead: () => {}, onReply: () => {}, onReplyAll: () => {}, onForward: () => {}, onBack: () => {}, onOpenMeeting: () => {},
  onMeetingChanged: () => {},
};

export function initReader(options) {
  hooks = { ...hooks, ...options };
  $('show-images').addEventListener('click', () => {
    if (!current) return;
    imagesAllowed.add(current.id);
    showMessage(current.id, { keepScroll: true });
  });
  $('reader-reply').addEventListener('click', () => current && hooks.onReply(current));
  $('reader-replyall').addEventListener('click', () => current && hooks.onReplyAll(current));
  $('reader-forward').addEventListener('click', () => current && hooks.onForward(current));
  $('back-to-list').addEventListener('click', () => hooks.onBack());
  initMeetingBar({ onOpen: (m) => hooks.onOpenMeeting(m), onChanged: () => hooks.onMeetingChanged() });
  window.addEventListener('languagechange-app', () => { if (current) render(current); else if (emptyText) clearReader(emptyText()); });
}

export function currentMessage() { return current; }

let emptyText = null;

/** Shows the empty state; {@code text}: e.g. "3 messages selected". */
export function clearReader(text) {
  seq++;
  if (controller) controller.abort();
  clearTimeout(readTimer);
  current = null;
  emptyText = typeof text === 'function' ? text : (text ? () => text : null);
  $('reader-content').hidden = true;
  $('reader-empty').hidden = false;
  $('reader').classList.remove('is-loading');
  const p = $('reader-empty').querySelector('p');
  p.textContent = emptyText ? emptyText() : t('reader.empty');
  const frame = $('reader-frame');
  frame.src = 'about:blank';
}

/** Fetches and shows message {@code id}. Answers the message, or null if superseded. */
export async function showMessage(id, { keepScroll = false } = {}) {
  const mine = ++seq;
  clearTimeout(readTimer);
  if (controller) controller.abort();
  controller = new AbortController();
  const reader = $('reader');
  reader.classList.add('is-loading');
  let msg;
  try {
    msg = await get(path('messages', id), { images: imagesAllowed.has(id) ? 1 : undefined }, { signal: controller.signal });
  } catch (err) {
    if (mine === seq) reader.classList.remove('is-loading');
    if (err && err.name === 'AbortError') return null;
    if (mine === seq && !keepScroll) clearReader(err.message);
    return null;
  }
  if (mine !== seq) return null;
  reader.classList.remove('is-loading');
  current = msg;
  emptyText = null;
  render(msg);
  if (!msg.read) {
    readTimer = setTimeout(async () => {
      if (mine !== seq) return;
      try {
        await patch(path('messages', id), { read: true });
        if (current && current.id === id) current.read = true;
        hooks.onMarkedRead(id);
      } catch { /* shown in #status */ }
    }, MARK_READ_DELAY);
  }
  return msg;
}

/** Forgets the pending mark-as-read (the user marked it unread themselves). */
export function cancelMarkRead() { clearTimeout(readTimer); }

function addressList(list) {
  const frag = document.createDocumentFragment();
  (list || []).forEach((a, k) => {
    if (k) frag.append(el('span', { className: 'sep', text: '; ' }));
    frag.append(el('span', { className: 'addr', text: displayName(a), attrs: { title: typeof a === 'object' ? (a.email || '') : '' } }));
  });
  return frag;
}

function render(msg) {
  $('reader-empty').hidden = true;
  $('reader-content').hidden = false;
  const subject = msg.subject || t('list.noSubject');
  $('reader-subject').textContent = subject;
  const avatar = $('reader-avatar');
  avatar.className = `avatar ${avatarClass(msg.from)}`;
  avatar.textContent = initials(msg.from);

  const from = $('reader-from');
  from.replaceChildren(el('strong', { className: 'from-name', text: displayName(msg.from) || t('list.noSender') }));
  if (msg.from && msg.from.email && msg.from.name && msg.from.name !== msg.from.email) {
    from.append(el('span', { className: 'from-email', text: `<${msg.from.email}>` }));
  }
  if (msg.sender && msg.from && msg.sender.email && msg.sender.email !== msg.from.email) {
    from.append(el('span', { className: 'on-behalf', text: t('reader.onBehalf', { sender: fullAddress(msg.sender), from: displayName(msg.from) }) }));
  }
  if (msg.importance === 2) from.append(el('span', { className: 'badge badge-high', text: t('reader.highImportance') }));
  const date = $('reader-date');
  date.textContent = formatLongDate(msg.date);
  if (msg.date) date.setAttribute('datetime', msg.date); else date.removeAttribute('datetime');

  for (const key of ['to', 'cc', 'bcc']) {
    const list = msg[key] || [];
    $(`reader-${key}-row`).hidden = list.length === 0 && key !== 'to';
    $(`reader-${key}`).replaceChildren(list.length ? addressList(list) : el('span', { className: 'muted', text: t('reader.noRecipients') }));
  }

  const banner = $('reader-banner');
  const blocked = (msg.remoteImages || 0) > 0 && !imagesAllowed.has(msg.id);
  banner.hidden = !blocked;
  if (blocked) $('reader-banner-text').textContent = tn('reader.imagesBlockedN', msg.remoteImages);

  renderAttachments(msg);
  renderMeeting(msg);

  const frame = $('reader-frame');
  frame.title = t('reader.bodyOf', { subject });
  frame.src = `${path('messages', msg.id, 'body')}${imagesAllowed.has(msg.id) ? '?images=1' : ''}`;
}

function renderAttachments(msg) {
  const list = $('reader-attachments');
  const files = (msg.attachments || []).filter((a) => !(a.inline && a.contentId && msg.html));
  list.hidden = files.length === 0;
  list.replaceChildren(...files.map((a) => {
    const href = `${path('messages', msg.id, 'attachments', a.num)}`;
    const name = a.name || t('reader.unnamed');
    const previewable = /^image\/(png|jpe?g|gif|webp|bmp)$/i.test(a.mimeType || '') || /^application\/pdf$/i.test(a.mimeType || '');
    const link = el('a', {
      className: 'att-link',
      attrs: { href, download: name, title: t('reader.download', { name }) },
    }, icon(/^image\//.test(a.mimeType || '') ? 'image' : 'file', 'att-icon'),
    el('span', { className: 'att-text' }, el('span', { className: 'att-name ellipsis', text: name }),
      el('span', { className: 'att-size', text: formatSize(a.size) })));
    const li = el('li', { className: 'att' }, link);
    if (previewable) {
      li.append(el('a', {
        className: 'icon-btn att-preview',
        attrs: { href: `${href}?inline=1`, target: '_blank', rel: 'noopener noreferrer', 'aria-label': t('reader.preview', { name }), title: t('reader.preview', { name }) },
      }, icon('preview')));
    }
    return li;
  }));
}
