// The Signature tab of the settings (#settings-panel-signature): formatted (the compose window's
// editor, editor.js) or plain text, switched without losing it, its size against the server's
// limit, and "also on replies and forwards". settings.js fills, reads and saves it.

import { $, fieldError } from '../dom.js';
import { t, formatSize } from '../i18n.js';
import { richEditor } from '../editor.js';
import { safeFragment, htmlToText, textToFragment } from '../richtext.js';

export const MAX_SIGNATURE = 16 * 1024;   // the server's limit (characters of the body as sent)
const FORMAT_KEY = 'zcp.webaccess.composeHtml';

const sigEditor = () => document.querySelector('#settings-dialog .sig-editor');
const sigPlain = () => document.querySelector('#settings-dialog .sig-plain');
const sigIsHtml = () => $('settings-signature-html').checked;

export function initSignature() {
  richEditor({
    editor: sigEditor(),
    buttons: $('settings-signature-buttons'),
    onChange: () => signatureChanged(),
    onError: (text) => fieldError('settings-signature-error', text, [sigEditor()]),
  });
  sigEditor().addEventListener('input', () => signatureChanged());
  sigPlain().addEventListener('input', () => signatureChanged());
  $('settings-signature-html').addEventListener('change', () => switchSignatureFormat(sigIsHtml()));
}

/** Fills the tab from the settings {signature: {html, body}, signatureOnReply}. */
export function fillSignature(s) {
  // an empty signature starts in the format compose starts in
  let html = s.signature.html;
  if (!s.signature.body) {
    try { html = localStorage.getItem(FORMAT_KEY) !== '0'; } catch { html = true; }
  }
  setSignatureFormat(html);
  if (html) sigEditor().replaceChildren(safeFragment(s.signature.body));
  else sigPlain().value = s.signature.body;
  $('settings-signature-reply').checked = s.signatureOnReply;
  updateSignatureSize();
}

export function clearSignatureForm() {
  sigEditor().replaceChildren();
  sigPlain().value = '';
}

/** {signature: {html, body}, signatureOnReply} as the form has them. */
export function signatureFromForm() {
  return { signature: { html: sigIsHtml(), body: signatureBody() }, signatureOnReply: $('settings-signature-reply').checked };
}

/** The control that holds the signature (the editor or the text field, whichever is shown). */
export function signatureControl() { return sigIsHtml() ? sigEditor() : sigPlain(); }

function setSignatureFormat(html) {
  $('settings-signature-html').checked = html;
  const ed = sigEditor();
  const ta = sigPlain();
  ed.hidden = !html;
  ta.hidden = html;
  // one id for whichever is visible (as compose does)
  ed.id = html ? 'settings-signature' : 'settings-signature-rich';
  ta.id = html ? 'settings-signature-text' : 'settings-signature';
  $('settings-signature-buttons').closest('.format-bar').hidden = !html;
}

function switchSignatureFormat(html) {
  if (html) sigEditor().replaceChildren(textToFragment(sigPlain().value));
  else sigPlain().value = htmlToText(sigEditor());
  setSignatureFormat(html);
  signatureChanged();
  (html ? sigEditor() : sigPlain()).focus();
}

/** The signature as it is saved: the editor's HTML (nothing when it holds no text) or the text. */
function signatureBody() {
  if (!sigIsHtml()) return sigPlain().value.replace(/\s+$/, '');
  const ed = sigEditor();
  const hasText = ed.textContent.trim() !== '' || ed.querySelector('img, hr');
  return hasText ? ed.innerHTML : '';
}

function signatureChanged() {
  fieldError('settings-signature-error', '', [sigEditor(), sigPlain()]);
  updateSignatureSize();
}

export function updateSignatureSize() {
  const n = signatureBody().length;
  const p = $('settings-signature-size');
  p.textContent = t('settings.signatureSize', { size: formatSize(n), max: formatSize(MAX_SIGNATURE) });
  p.classList.toggle('is-over', n > MAX_SIGNATURE);
}

/** Null when the signature may be saved, else {tab, id, text, control}. */
export function validateSignature(body) {
  if (body.length <= MAX_SIGNATURE) return null;
  return { tab: 'signature', id: 'settings-signature-error', text: t('settings.signatureTooLong', { max: formatSize(MAX_SIGNATURE) }), control: signatureControl() };
}

/** Where a 400 of PUT api/settings about the signature is shown, or null. */
export function signatureRefusal(text) {
  return /signature|KB/i.test(text) ? { tab: 'signature', id: 'settings-signature-error', control: signatureControl() } : null;
}
