// Writing mail (#compose-dialog): address fields with completion (compose-addresses.js), subject, HTML (contenteditable) or plain text, attachments uploaded at once
// (POST api/uploads, with progress; by the file picker or dropped on the window), send
// (POST api/send), save (POST api/drafts) and autosave every 30 s while changed; replies and
// forwards are prefilled from the original. "From" (#compose-from-toggle shows the line,
// #compose-from, with completion) sends for another user: on their behalf (a delegate) or as
// them (send-as); a send the store refuses (403 send) is said in the window, which stays open,
// and the message stays in Drafts.
//
// Attachments and drafts: before the first save, kept attachments are the original's numbers
// (a forward) and new files are upload ids. After each save the draft is read back
// (GET api/messages/{draftId}) and every attachment then is one of the draft's own (its num);
// uploads are never sent twice.

import { get, post, upload, path } from './api.js';
import { el, $, fullAddress, isPhone } from './dom.js';
import { icon } from './icons.js';
import { t, formatLongDate, formatSize, formatTime } from './i18n.js';
import { openModal, confirmDialog } from './dialogs.js';
import { safeFragment, htmlToText, textToFragment } from './richtext.js';
import { richEditor } from './editor.js';
import { showStatus } from './status.js';
import {
  initAddresses, sameAddress, renderChips, closeSuggest, commitTyped, setFrom, fromShown, checkFrom, fromForDraft, updateFromToggle,
} from './compose-addresses.js';

export { parseAddress } from './compose-addresses.js';

const AUTOSAVE_MS = 30000;
const FORMAT_KEY = 'zcp.webaccess.composeHtml';
const FIELDS = ['to', 'cc', 'bcc'];

const c = {
  open: false,
  draftId: null,
  savedByUser: false,
  action: null,
  inReplyTo: null,
  forwardOf: null,
  signature: null,    // the signature put into this message (to convert it with the format)
  recipients: { to: [], cc: [], bcc: [] },
  attachments: [],
  changes: 0,         // bumped on every edit
  savedChanges: 0,    // the value of changes at the last save
  saving: null,       // the pending save promise
  sending: false,
  timer: 0,
};
let hooks = { user: () => null, maxUpload: () => 0, settings: () => null, draftsFolder: () => null, onSent: () => {}, onSaved: () => {} };
let keySeq = 0;

const dialog = () => $('compose-dialog');
const editor = () => document.querySelector('#compose-dialog .compose-editor');
const plain = () => document.querySelector('#compose-dialog .compose-plain');
const isHtml = () => $('compose-html').checked;
const dirty = () => c.changes !== c.savedChanges;

export function isComposeOpen() { return c.open; }

export function initCompose(options) {
  hooks = { ...hooks, ...options };
  const d = dialog();
  initAddresses({ recipients: () => c.recipients, changed: () => changed(), setError: (text) => setError(text) });
  $('compose-subject').addEventListener('input', () => { changed(); updateTitle(); });
  $('compose-importance').addEventListener('change', changed);
  editor().addEventListener('input', changed);
  plain().addEventListener('input', changed);
  $('compose-html').addEventListener('change', () => { switchFormat($('compose-html').checked); changed(); });
  richEditor({ editor: editor(), buttons: $('format-buttons'), onChange: changed, onError: setError });
  $('compose-attach').addEventListener('change', (e) => {
    addFiles([...e.target.files]);
    e.target.value = '';
  });
  $('compose-send').addEventListener('click', () => send());
  $('compose-save').addEventListener('click', () => save({ byUser: true }));
  $('compose-close').addEventListener('click', () => requestClose());
  $('compose-form').addEventListener('submit', (e) => e.preventDefault());
  d.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); send(); }
    else if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S')) { e.preventDefault(); save({ byUser: true }); }
  });
  // files dropped anywhere on the window
  let depth = 0;
  d.addEventListener('dragenter', (e) => { if (hasFiles(e)) { depth++; d.classList.add('dropping'); } });
  d.addEventListener('dragleave', () => { depth = Math.max(0, depth - 1); if (!depth) d.classList.remove('dropping'); });
  d.addEventListener('dragover', (e) => { if (hasFiles(e)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; } });
  d.addEventListener('drop', (e) => {
    depth = 0;
    d.classList.remove('dropping');
    if (!hasFiles(e)) return;
    e.preventDefault();
    addFiles([...e.dataTransfer.files]);
  });
  window.addEventListener('beforeunload', (e) => {
    if (c.open && dirty()) { e.preventDefault(); e.returnValue = ''; }
  });
  window.addEventListener('languagechange-app', () => { if (c.open) { updateTitle(); renderAttachments(); for (const f of FIELDS) renderChips(f); updateFromToggle(); } });
}

function hasFiles(e) { return e.dataTransfer && [...e.dataTransfer.types].includes('Files'); }

function changed() {
  c.changes++;
  setState('');
}

function setState(text) { $('compose-state').textContent = text; }

function setError(text) {
  const p = $('compose-error');
  p.textContent = text || '';
  p.hidden = !text;
}

// ---- opening ---------------------------------------------------------------------------------

const PREFIX_RE = /^\s*((re|aw|antw|sv|vs|odp|fw|fwd|wg|doorst|tr|rv|pd)\s*(\[\d+\])?\s*:\s*)+/i;

function prefixed(prefix, subject) {
  const s = String(subject || '');
  const stripped = s.replace(PREFIX_RE, '');
  const already = prefix === 'Re:' ? /^\s*(re|aw|antw|sv|odp)\s*:/i.test(s) : /^\s*(fw|fwd|wg|doorst|tr|pd)\s*:/i.test(s);
  return already ? s : `${prefix} ${stripped}`;
}

function uniqueWithout(list, own) {
  const out = [];
  for (const a of list || []) {
    if (!a || !(a.email || a.name)) continue;
    if (own && sameAddress(a, own)) continue;
    if (out.some((x) => sameAddress(x, a) || (!a.email && x.name === a.name))) continue;
    out.push({ name: a.name || '', email: a.email || '' });
  }
  return out;
}

/**
 * Opens the window. mode: new | reply | replyall | forward | draft; message: the original (or
 * the draft) as GET api/messages/{id} answers it; to: prefilled recipients for new mail.
 */
export async function openCompose({ mode = 'new', message = null, to = [] } = {}) {
  if (c.open) {
    const ok = await requestClose();
    if (!ok) return;
  }
  reset();
  const own = hooks.user() ? { email: hooks.user().email } : null;
  const m = message;
  if (mode === 'reply' || mode === 'replyall') {
    const replyTo = m.replyTo && m.replyTo.length ? m.replyTo : [m.from];
    let toList = uniqueWithout(replyTo, own);
    let ccList = [];
    if (mode === 'replyall') {
      toList = uniqueWithout([...replyTo, ...(m.to || [])], own);
      ccList = uniqueWithout(m.cc || [], own).filter((a) => !toList.some((x) => sameAddress(x, a)));
    }
    if (!toList.length) toList = uniqueWithout(m.to || [], null); // a reply to one's own message
    c.recipients.to = toList;
    c.recipients.cc = ccList;
    c.action = mode;
    c.inReplyTo = m.id;
    $('compose-subject').value = prefixed('Re:', m.subject);
  } else if (mode === 'forward') {
    c.action = 'forward';
    c.forwardOf = m.id;
    $('compose-subject').value = prefixed('Fw:', m.subject);
    c.attachments = (m.attachments || []).filter((a) => !(a.inline && a.contentId && m.html)).map((a) => ({
      key: ++keySeq, kind: 'keep', num: a.num, name: a.name, size: a.size, mimeType: a.mimeType,
    }));
  } else if (mode === 'draft') {
    c.draftId = m.id;
    c.savedByUser = true;
    c.recipients.to = uniqueWithout(m.to, null);
    c.recipients.cc = uniqueWithout(m.cc, null);
    c.recipients.bcc = uniqueWithout(m.bcc, null);
    $('compose-subject').value = m.subject || '';
    $('compose-importance').value = String(m.importance ?? 1);
    c.attachments = (m.attachments || []).map((a) => ({ key: ++keySeq, kind: 'keep', num: a.num, name: a.name, size: a.size, mimeType: a.mimeType }));
    // a draft written for someone else keeps its From line
    if (m.from && m.from.email && !(own && own.email && sameAddress(m.from, own))) setFrom({ name: m.from.name || '', email: m.from.email });
  } else {
    c.recipients.to = uniqueWithout(to, null);
  }

  let html = true;
  try { html = localStorage.getItem(FORMAT_KEY) !== '0'; } catch { /* storage disabled */ }
  if (mode === 'draft') html = !!m.html;
  setFormatControls(html);
  if (mode === 'draft') {
    if (html) editor().replaceChildren(safeFragment(m.body));
    else plain().value = m.body || '';
  } else {
    // the signature: at the end of new mail; above the quoted text of replies and forwards
    // only when the user asked for it (Settings, "also on replies and forwards")
    const sig = signature();
    c.signature = sig && (!m || sig.onReply) ? sig : null;
    if (m) fillQuote(m, mode, html, c.signature);
    else fillNew(html, c.signature);
  }

  for (const f of FIELDS) renderChips(f);
  renderAttachments();
  updateTitle();
  c.open = true;
  c.savedChanges = c.changes;
  c.timer = setInterval(() => { if (dirty() && !c.saving && !c.sending) save({ auto: true }); }, AUTOSAVE_MS);
  const focusTarget = c.recipients.to.length ? bodyElement() : $('compose-to');
  openModal(dialog(), { initialFocus: focusTarget, onCancel: () => requestClose() });
  // the caret starts above the signature and the quoted text, however the text is reached
  if (focusTarget === bodyElement() || !isHtml()) placeCaretAtStart(bodyElement());
  dialog().scrollTop = 0;
}

function reset() {
  clearInterval(c.timer);
  for (const a of c.attachments) if (a.request) a.request.abort();
  Object.assign(c, {
    draftId: null, savedByUser: false, action: null, inReplyTo: null, forwardOf: null, signature: null,
    recipients: { to: [], cc: [], bcc: [] }, attachments: [], changes: 0, savedChanges: 0, saving: null, sending: false,
  });
  for (const f of FIELDS) { $(`compose-${f}`).value = ''; closeSuggest(f); }
  setFrom(null);
  $('compose-subject').value = '';
  $('compose-importance').value = '1';
  editor().replaceChildren();
  plain().value = '';
  setError('');
  setState('');
  dialog().classList.remove('sending');
}

function updateTitle() {
  const subject = $('compose-subject').value.trim();
  const base = { reply: 'compose.titleReply', replyall: 'compose.titleReply', forward: 'compose.titleForward' }[c.action] || 'compose.title';
  $('compose-title').textContent = subject ? subject : t(base);
}

function quoteHeaderLines(m) {
  const lines = [
    [t('quote.from'), fullAddress(m.from)],
    [t('quote.sent'), formatLongDate(m.date)],
    [t('quote.to'), (m.to || []).map(fullAddress).join('; ')],
  ];
  if (m.cc && m.cc.length) lines.push([t('quote.cc'), m.cc.map(fullAddress).join('; ')]);
  lines.push([t('quote.subject'), m.subject || '']);
  return lines;
}

function fillNew(html, sig) {
  if (!sig) return;
  if (html) editor().replaceChildren(el('div', {}, el('br')), el('div', {}, el('br')), signatureBlock(sig));
  else plain().value = `\n\n${signaturePlain(sig)}`;
}

function fillQuote(m, mode, html, sig) {
  const heading = mode === 'forward' ? t('quote.forwarded') : t('quote.original');
  const lines = quoteHeaderLines(m);
  if (html) {
    const head = el('div', { className: 'zcp-quote-head' },
      el('div', { text: heading }),
      ...lines.map(([k, v]) => el('div', {}, el('b', { text: `${k} ` }), document.createTextNode(v))));
    const quoted = el('blockquote', { className: 'zcp-quote' });
    if (m.html) quoted.append(safeFragment(m.body));
    else quoted.append(textToFragment(m.body));
    editor().replaceChildren(el('div', {}, el('br')), el('div', {}, el('br')), ...(sig ? [signatureBlock(sig)] : []), head, quoted);
  } else {
    const original = m.html ? htmlToText(m.body) : String(m.body || '');
    const quoted = mode === 'forward' ? original : original.split('\n').map((l) => `> ${l}`).join('\n');
    const signed = sig ? `${signaturePlain(sig)}\n\n` : '';
    plain().value = `\n\n${signed}${heading}\n${lines.map(([k, v]) => `${k} ${v}`).join('\n')}\n\n${quoted}`;
  }
}

// ---- signature -------------------------------------------------------------------------------

const SIG_SEPARATOR = '-- ';   // the usual separator line of plain text signatures (RFC 3676 4.3)

/** The user's signature from the settings, or null when there is none. */
function signature() {
  const s = hooks.settings();
  const sig = s && s.signature;
  if (!sig || typeof sig.body !== 'string') return null;
  const out = { html: !!sig.html, body: sig.body, onReply: !!s.signatureOnReply };
  return signatureText(out) ? out : null;
}

function signatureText(sig) {
  return sig.html ? htmlToText(sig.body) : sig.body.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
}

/** The signature in the HTML editor: a <div class="signature">. */
function signatureBlock(sig) {
  return el('div', { className: 'signature' }, sig.html ? safeFragment(sig.body) : textToFragment(signatureText(sig)));
}

/** The signature in plain text: the "-- " line, then the text. */
function signaturePlain(sig) {
  return `${SIG_SEPARATOR}\n${signatureText(sig)}`;
}

/** The HTML editor as plain text, its signature block as a "-- " signature. */
function editorToText() {
  const ed = editor();
  const block = ed.querySelector(':scope > .signature');
  if (!block) return htmlToText(ed);
  const before = document.createElement('div');
  const after = document.createElement('div');
  let seen = false;
  for (const n of ed.childNodes) {
    if (n === block) { seen = true; continue; }
    (seen ? after : before).append(n.cloneNode(true));
  }
  const head = htmlToText(before);
  const tail = htmlToText(after);
  return `${head}\n\n${SIG_SEPARATOR}\n${htmlToText(block)}${tail ? `\n\n${tail}` : ''}`;
}

/** Plain text as editor content, a "-- " signature as the signature block. */
function textToEditor(text) {
  const value = String(text || '').replace(/\r\n?/g, '\n');
  const sep = /^-- $/m.exec(value);
  if (!sep) return textToFragment(value);
  const rest = value.slice(sep.index + SIG_SEPARATOR.length + 1);
  // the signature runs to the quoted text (or the end); ours is known, so look for it first
  let end = rest.length;
  const known = c.signature ? signatureText(c.signature) : null;
  if (known && rest.startsWith(known) && (rest.length === known.length || rest[known.length] === '\n')) {
    end = known.length;
  } else {
    for (const heading of [t('quote.original'), t('quote.forwarded')]) {
      const k = rest.indexOf(`\n\n${heading}`);
      if (k >= 0 && k < end) end = k;
    }
  }
  const sigText = rest.slice(0, end);
  const frag = document.createDocumentFragment();
  if (sep.index > 0) frag.append(textToFragment(value.slice(0, sep.index - 1)));
  // unchanged, an HTML signature comes back with its formatting
  const original = c.signature && c.signature.html && signatureText(c.signature) === sigText.replace(/\s+$/, '');
  frag.append(el('div', { className: 'signature' }, original ? safeFragment(c.signature.body) : textToFragment(sigText)));
  if (end < rest.length) frag.append(textToFragment(rest.slice(end + 1)));
  return frag;
}

function bodyElement() { return isHtml() ? editor() : plain(); }

function placeCaretAtStart(node) {
  if (node instanceof HTMLTextAreaElement) { node.setSelectionRange(0, 0); node.scrollTop = 0; return; }
  const range = document.createRange();
  range.setStart(node, 0);
  range.collapse(true);
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
}

// ---- format ----------------------------------------------------------------------------------

function setFormatControls(html) {
  $('compose-html').checked = html;
  const ed = editor();
  const ta = plain();
  ed.hidden = !html;
  ta.hidden = html;
  // one id for whichever is visible
  ed.id = html ? 'compose-body' : 'compose-body-html';
  ta.id = html ? 'compose-body-plain' : 'compose-body';
  $('format-buttons').hidden = !html;
}

function switchFormat(html) {
  if (html) editor().replaceChildren(textToEditor(plain().value));
  else plain().value = editorToText();
  setFormatControls(html);
  try { localStorage.setItem(FORMAT_KEY, html ? '1' : '0'); } catch { /* storage disabled */ }
  bodyElement().focus();
  placeCaretAtStart(bodyElement());
}

// ---- attachments -----------------------------------------------------------------------------

function addFiles(files) {
  const max = Number(hooks.maxUpload()) || 0;
  for (const file of files) {
    const a = { key: ++keySeq, kind: 'upload', name: file.name, size: file.size, mimeType: file.type, progress: 0, uploadId: null, error: null };
    c.attachments.push(a);
    if (max > 0 && file.size > max) {
      // the server would refuse it (413): say so at once instead of sending it first
      a.error = `${t('compose.tooLarge', { name: a.name })} ${t('compose.limit', { size: formatSize(max) })}`;
      showStatus(a.error, 'error');
      continue;
    }
    a.request = upload(file, (p) => { a.progress = p; updateProgress(a); });
    a.done = a.request.then((res) => {
      a.uploadId = res && res.id;
      if (res && res.name) a.name = res.name;
      if (res && res.size !== undefined) a.size = res.size;
      a.progress = 1;
      a.request = null;
      changed();
      renderAttachments();
    }, (err) => {
      a.request = null;
      if (err && err.code === 'aborted') return;
      a.error = err && (err.status === 413 || err.code === 'too-large')
        ? `${t('compose.tooLarge', { name: a.name })}${err.serverMessage ? ` ${err.serverMessage}` : ''}`
        : (err && err.message) || t('error.network');
      showStatus(a.error, 'error');
      renderAttachments();
    });
  }
  renderAttachments();
}

function updateProgress(a) {
  const li = document.querySelector(`#compose-attachments [data-key="${a.key}"]`);
  const bar = li && li.querySelector('progress');
  if (bar) bar.value = Math.round(a.progress * 100);
}

function renderAttachments() {
  const ul = $('compose-attachments');
  ul.hidden = c.attachments.length === 0;
  ul.replaceChildren(...c.attachments.map((a) => {
    const uploading = a.kind === 'upload' && !a.uploadId && !a.error;
    const remove = el('button', {
      className: 'icon-btn att-remove',
      attrs: { type: 'button', 'aria-label': t('compose.removeAttachment', { name: a.name }), title: t('compose.removeAttachment', { name: a.name }) },
    }, icon('close'));
    remove.addEventListener('click', () => {
      if (a.request) a.request.abort();
      c.attachments = c.attachments.filter((x) => x !== a);
      changed();
      renderAttachments();
    });
    const text = el('span', { className: 'att-text' },
      el('span', { className: 'att-name ellipsis', text: a.name }),
      a.error ? el('span', { className: 'att-error', text: a.error })
        : el('span', { className: 'att-size', text: uploading ? t('compose.uploading') : formatSize(a.size) }));
    const li = el('li', { className: `att${a.error ? ' att-failed' : ''}${uploading ? ' att-uploading' : ''}`, dataset: { key: a.key } },
      icon(a.error ? 'warning' : 'file', 'att-icon'), text);
    if (uploading) {
      li.append(el('progress', { attrs: { max: '100', value: String(Math.round(a.progress * 100)), 'aria-label': t('compose.uploadProgress', { name: a.name }) } }));
    }
    li.append(remove);
    return li;
  }));
}

// ---- saving and sending ----------------------------------------------------------------------

function draft() {
  for (const f of FIELDS) commitTyped(f);
  const html = isHtml();
  const out = {
    to: c.recipients.to, cc: c.recipients.cc, bcc: c.recipients.bcc,
    subject: $('compose-subject').value,
    body: html ? editor().innerHTML : plain().value,
    html,
    importance: Number($('compose-importance').value),
    uploads: c.attachments.filter((a) => a.kind === 'upload' && a.uploadId).map((a) => a.uploadId),
    keepAttachments: c.attachments.filter((a) => a.kind === 'keep').map((a) => a.num),
  };
  const from = fromForDraft();
  if (from) out.from = from;
  if (c.draftId) out.draftId = c.draftId;
  if (c.action) out.action = c.action;
  if (c.inReplyTo) out.inReplyTo = c.inReplyTo;
  if (c.forwardOf) out.forwardOf = c.forwardOf;
  return out;
}


/** Saves the draft. Answers true when it was saved. */
export async function save({ auto = false, byUser = false } = {}) {
  if (!auto && !checkFrom()) return false;
  if (c.saving) { await c.saving.catch(() => {}); if (!dirty() && !byUser) return true; }
  const job = (async () => {
    const at = c.changes;
    const body = draft();
    const sentUploads = new Set(body.uploads);
    setState(t('compose.saving'));
    setError('');
    const res = await post('api/drafts', body, { quiet: true });
    c.draftId = (res && res.id) || c.draftId;
    if (byUser) c.savedByUser = true;
    c.savedChanges = at;
    await remapAttachments(sentUploads);
    setState(t(auto ? 'compose.autosaved' : 'compose.saved', { time: formatTime() }));
    hooks.onSaved(c.draftId);
    return true;
  })();
  c.saving = job;
  try {
    return await job;
  } catch (err) {
    setState('');
    const text = auto ? t('compose.autosaveFailed', { message: err.message }) : err.message;
    setError(text);
    showStatus(text, 'error');
    return false;
  } finally {
    if (c.saving === job) c.saving = null;
  }
}

/** After a save: every attachment is now the draft's own; the uploads just sent are done. */
async function remapAttachments(sentUploads) {
  if (!c.draftId) return;
  let msg;
  try { msg = await get(path('messages', c.draftId), {}, { quiet: true }); } catch { return; }
  const still = c.attachments.filter((a) => a.kind === 'upload' && !sentUploads.has(a.uploadId));
  const kept = (msg.attachments || []).map((a) => ({ key: ++keySeq, kind: 'keep', num: a.num, name: a.name, size: a.size, mimeType: a.mimeType }));
  c.attachments = [...kept, ...still];
  // the draft now holds what the original had: the numbers are the draft's from here on
  renderAttachments();
}

async function send() {
  if (c.sending) return;
  for (const f of FIELDS) commitTyped(f);
  setError('');
  if (!checkFrom()) return;
  const all = [...c.recipients.to, ...c.recipients.cc, ...c.recipients.bcc];
  if (!all.length) {
    setError(t('compose.noRecipients'));
    $('compose-to').focus();
    return;
  }
  const pending = c.attachments.filter((a) => a.request);
  let at = c.changes;
  c.sending = true;
  dialog().classList.add('sending');
  $('compose-send').disabled = true;
  try {
    if (pending.length) {
      setState(t('compose.waitingUploads'));
      await Promise.all(pending.map((a) => a.done));
    }
    if (c.attachments.some((a) => a.error)) {
      setError(t('compose.failedAttachments'));
      return;
    }
    if (c.saving) await c.saving.catch(() => {});
    setState(t('compose.sending'));
    at = c.changes;
    await post('api/send', draft(), { quiet: true });
    c.savedChanges = c.changes;
    close();
    showStatus(t('compose.sent'), 'success');
    hooks.onSent();
  } catch (err) {
    setState('');
    let text = err.message;
    if (err.code === 'quota') text = t('compose.quota', { message: err.serverMessage || '' }).trim();
    else if (err.code === 'send') {
      // the store refused (no right to send for that user, ...): say why, and that it is in Drafts
      const reason = refusalReason(err) || t(err.status === 403 ? 'compose.sendRefusedReason' : 'compose.sendFailedReason');
      text = t(err.status === 403 ? 'compose.sendRefused' : 'compose.sendFailed', { reason });
    }
    setError(text);
    showStatus(text, 'error');
    if (err.code === 'send' || err.code === 'quota') {
      // the message went to the Outbox and back into Drafts, under the new id the answer gives
      const found = await relinkDraft(at, err.id);
      setState(found ? t('compose.keptInDrafts') : '');
      if (err.status === 403 && fromShown()) $('compose-from').focus();
    }
  } finally {
    c.sending = false;
    dialog().classList.remove('sending');
    $('compose-send').disabled = false;
  }
}

/** The server's reason for a refused send, without its "kept in Drafts" (said in the user's language). */
function refusalReason(err) {
  return String(err.serverMessage || '').replace(/[;.,]?\s*the message is kept in Drafts\.?\s*$/i, '').replace(/[.\s]+$/, '').trim();
}

/**
 * After a refused send the message is in Drafts again under a new id, which the answer gives
 * (`id`; a server without it: the newest draft with this subject is taken), so that saving and
 * sending again replace it (its attachments are the draft's from here on). Answers true when found.
 */
async function relinkDraft(at, keptId) {
  const sentUploads = new Set(c.attachments.filter((a) => a.uploadId).map((a) => a.uploadId));
  c.draftId = null;
  if (keptId && c.open) {
    c.draftId = keptId;
    c.savedByUser = true;
    c.savedChanges = at;
    await remapAttachments(sentUploads);
    hooks.onSaved(c.draftId);
    return true;
  }
  const drafts = hooks.draftsFolder();
  if (!drafts) return false;
  const subject = $('compose-subject').value.trim();
  let rows = [];
  try {
    const data = await get(path('folders', drafts.id, 'messages'),
      { limit: 50, sort: 'date', order: 'desc', subject: subject || undefined }, { quiet: true });
    rows = (data && data.rows) || [];
  } catch { return false; }
  const same = rows.filter((r) => String(r.subject || '').trim() === subject)
    .sort((a, b) => (Date.parse(b.date) || 0) - (Date.parse(a.date) || 0));
  if (!same.length || !c.open) return false;
  c.draftId = same[0].id;
  c.savedByUser = true;
  c.savedChanges = at;
  await remapAttachments(sentUploads);
  hooks.onSaved(c.draftId);
  return true;
}

function close() {
  clearInterval(c.timer);
  for (const a of c.attachments) if (a.request) a.request.abort();
  c.open = false;
  dialog().close();
}

/** Close, asking first when something is unsaved. Answers true when the window closed. */
export async function requestClose() {
  if (!c.open) return true;
  if (dirty() || c.attachments.some((a) => a.request)) {
    const choice = await confirmDialog({
      title: t('compose.unsavedTitle'),
      text: t('compose.unsavedText'),
      buttons: [
        { id: 'cancel', text: t('dialog.cancel') },
        { id: 'discard', text: t('compose.discard'), danger: true },
        { id: 'save', text: t('compose.save'), primary: true },
      ],
    });
    if (choice === 'save') {
      if (!(await save({ byUser: true }))) return false;
    } else if (choice === 'discard') {
      await discardAutosaved();
    } else {
      bodyElement().focus();
      return false;
    }
  } else {
    await discardAutosaved(false);
  }
  close();
  return true;
}

/** A draft only the autosave made (never saved by the user) goes when the user discards. */
async function discardAutosaved(always = true) {
  if (!always || !c.draftId || c.savedByUser) return;
  try {
    await post('api/messages/delete', { ids: [c.draftId], permanent: true }, { quiet: true });
    hooks.onSaved(null);
  } catch { /* it stays in Drafts */ }
}

/** Logoff: closes without asking and forgets what was typed. */
export function forceClose() {
  if (c.open) close();
  reset();
  renderAttachments();
  for (const f of FIELDS) renderChips(f);
}

/** On phones the window fills the screen (CSS); tell it when the size class changes. */
export function composeLayoutChanged() {
  dialog().classList.toggle('fullscreen', isPhone());
}
