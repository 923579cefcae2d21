// Modal dialogs built in the page (never window.prompt/confirm): focus goes in, Tab stays in,
// Escape cancels, and focus returns to where it was when they close.

import { el } from './dom.js';
import { icon } from './icons.js';
import { t } from './i18n.js';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]),'
  + ' textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

function focusables(dialog) {
  return [...dialog.querySelectorAll(FOCUSABLE)].filter((e) => !e.closest('[hidden]') && e.getClientRects().length > 0);
}

function trapTab(e) {
  if (e.key !== 'Tab') return;
  const dialog = e.currentTarget;
  const items = focusables(dialog);
  if (!items.length) { e.preventDefault(); return; }
  const first = items[0];
  const last = items[items.length - 1];
  if (e.shiftKey && (document.activeElement === first || !dialog.contains(document.activeElement))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (document.activeElement === last || !dialog.contains(document.activeElement))) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * Opens a <dialog> modally. {@code initialFocus}: element to focus (else the first field).
 * {@code onCancel}: called for Escape; return false to keep the dialog open.
 */
export function openModal(dialog, { initialFocus, onCancel } = {}) {
  const opener = document.activeElement;
  if (!dialog.dataset.trapped) {
    dialog.addEventListener('keydown', trapTab);
    dialog.dataset.trapped = '1';
  }
  dialog._onCancel = onCancel;
  if (!dialog._cancelListener) {
    dialog._cancelListener = (e) => {
      if (dialog._onCancel) {
        e.preventDefault();
        dialog._onCancel();
      }
    };
    dialog.addEventListener('cancel', dialog._cancelListener);
  }
  dialog.addEventListener('close', () => {
    if (opener && opener instanceof HTMLElement && opener.isConnected) opener.focus();
  }, { once: true });
  if (!dialog.open) dialog.showModal();
  const target = initialFocus || focusables(dialog)[0];
  if (target) target.focus();
}

function buildDialog({ title, className = '' }) {
  const titleId = `dlg-title-${Math.random().toString(36).slice(2, 9)}`;
  const close = el('button', { className: 'icon-btn dialog-x', attrs: { type: 'button', 'aria-label': t('dialog.close') } }, icon('close'));
  const dialog = el('dialog', { className: `dialog ${className}`, attrs: { 'aria-labelledby': titleId } },
    el('div', { className: 'dialog-head' }, el('h2', { className: 'dialog-title', text: title, attrs: { id: titleId } }), close));
  close.addEventListener('click', () => dialog.close(''));
  dialog.addEventListener('close', () => setTimeout(() => dialog.remove(), 0));
  document.body.append(dialog);
  return dialog;
}

function footer(dialog, buttons, resolveWith) {
  const foot = el('div', { className: 'dialog-foot' });
  for (const b of buttons) {
    const btn = el('button', {
      className: `btn${b.primary ? ' btn-primary' : ''}${b.danger ? ' btn-danger' : ''}`,
      text: b.text,
      attrs: { type: b.submit ? 'submit' : 'button', 'data-choice': b.id, id: b.elementId || null },
    });
    if (!b.submit) btn.addEventListener('click', () => resolveWith(b.id));
    foot.append(btn);
  }
  return foot;
}

/** Asks for one line of text. Resolves to the trimmed text, or null when cancelled. */
export function promptDialog({ title, label, value = '', okText }) {
  return new Promise((resolve) => {
    const dialog = buildDialog({ title, className: 'dialog-small' });
    const inputId = `dlg-input-${Math.random().toString(36).slice(2, 9)}`;
    const input = el('input', { className: 'input', attrs: { id: inputId, type: 'text', autocomplete: 'off', spellcheck: 'false' } });
    input.value = value;
    const error = el('p', { className: 'field-error', attrs: { role: 'alert' } });
    let done = false;
    const finish = (v) => {
      if (done) return;
      done = true;
      resolve(v);
      dialog.close();
    };
    const form = el('form', { className: 'dialog-body', attrs: { novalidate: true } },
      el('div', { className: 'field' }, el('label', { text: label, attrs: { for: inputId } }), input), error,
      footer(dialog, [
        { id: 'cancel', text: t('dialog.cancel') },
        { id: 'ok', text: okText || t('dialog.ok'), primary: true, submit: true },
      ], () => finish(null)));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const v = input.value.trim();
      if (!v) { error.textContent = t('dialog.required'); input.focus(); return; }
      finish(v);
    });
    dialog.append(form);
    dialog.addEventListener('close', () => { if (!done) { done = true; resolve(null); } });
    openModal(dialog, { initialFocus: input });
    input.select();
  });
}

/**
 * Asks a question. {@code buttons}: [{id, text, primary?, danger?, elementId?}] (a Cancel is not added).
 * Resolves to the chosen id, or null for Escape / the close button.
 */
/**
 * "Discard your changes?" of an item form (contact, task, note): true when the user chose to
 * discard; the discard button gets the id {@code elementId}.
 */
export async function confirmDiscard(elementId) {
  const choice = await confirmDialog({
    title: t('items.discardTitle'), text: t('items.discardText'),
    buttons: [{ id: 'keep', text: t('cal.keepEditing') }, { id: 'discard', text: t('compose.discard'), danger: true, primary: true, elementId }],
  });
  return choice === 'discard';
}

export function confirmDialog({ title, text, buttons }) {
  return new Promise((resolve) => {
    const dialog = buildDialog({ title, className: 'dialog-small' });
    let done = false;
    const finish = (v) => {
      if (done) return;
      done = true;
      resolve(v);
      dialog.close();
    };
    const body = el('div', { className: 'dialog-body' }, el('p', { className: 'dialog-text', text }), footer(dialog, buttons, finish));
    dialog.append(body);
    dialog.addEventListener('close', () => { if (!done) { done = true; resolve(null); } });
    const primary = body.querySelector('.btn-primary') || body.querySelector('.btn');
    openModal(dialog, { initialFocus: primary });
  });
}

/**
 * Picks a folder from {@code folders} (flat, tree order, each {id, name, depth}). Resolves to
 * the folder id or null.
 */
export function folderPicker({ title, folders, okText, exclude }) {
  return new Promise((resolve) => {
    const dialog = buildDialog({ title, className: 'dialog-picker' });
    const filterId = `dlg-filter-${Math.random().toString(36).slice(2, 9)}`;
    const filter = el('input', { className: 'input', attrs: { id: filterId, type: 'search', autocomplete: 'off', placeholder: t('picker.filter') } });
    const list = el('ul', { className: 'picker-list', attrs: { role: 'listbox', tabindex: '0', 'aria-label': title } });
    let selected = null;
    let done = false;
    const finish = (v) => {
      if (done) return;
      done = true;
      resolve(v);
      dialog.close();
    };
    const okBtn = el('button', { className: 'btn btn-primary', text: okText || t('dialog.ok'), attrs: { type: 'button', disabled: true } });
    const items = [];
    for (const f of folders) {
      const li = el('li', {
        className: 'picker-item',
        attrs: { role: 'option', id: `pick-${f.id}`, 'aria-selected': 'false', 'aria-disabled': exclude && exclude.has(f.id) ? 'true' : null },
        dataset: { folderId: f.id },
      }, f.icon, el('span', { className: 'picker-name', text: f.name }));
      li.style.setProperty('--depth', String(f.depth));
      li.addEventListener('click', () => select(li));
      li.addEventListener('dblclick', () => { if (li.getAttribute('aria-disabled') !== 'true') finish(li.dataset.folderId); });
      items.push(li);
      list.append(li);
    }
    function visible() { return items.filter((i) => !i.hidden && i.getAttribute('aria-disabled') !== 'true'); }
    function select(li) {
      if (!li || li.getAttribute('aria-disabled') === 'true') return;
      for (const i of items) i.setAttribute('aria-selected', String(i === li));
      selected = li.dataset.folderId;
      list.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
      okBtn.disabled = false;
    }
    list.addEventListener('keydown', (e) => {
      const vis = visible();
      const idx = vis.findIndex((i) => i.dataset.folderId === selected);
      if (e.key === 'ArrowDown') { e.preventDefault(); select(vis[Math.min(vis.length - 1, idx + 1)]); }
      if (e.key === 'ArrowUp') { e.preventDefault(); select(vis[Math.max(0, idx - 1)]); }
      if (e.key === 'Home') { e.preventDefault(); select(vis[0]); }
      if (e.key === 'End') { e.preventDefault(); select(vis[vis.length - 1]); }
      if (e.key === 'Enter' && selected) { e.preventDefault(); finish(selected); }
    });
    filter.addEventListener('input', () => {
      const q = filter.value.trim().toLowerCase();
      for (const i of items) i.hidden = !!q && !i.textContent.toLowerCase().includes(q);
    });
    filter.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown') { e.preventDefault(); list.focus(); select(visible()[0]); }
      if (e.key === 'Enter') { e.preventDefault(); const v = visible(); if (v.length === 1) finish(v[0].dataset.folderId); }
    });
    okBtn.addEventListener('click', () => { if (selected) finish(selected); });
    const cancel = el('button', { className: 'btn', text: t('dialog.cancel'), attrs: { type: 'button' } });
    cancel.addEventListener('click', () => finish(null));
    dialog.append(el('div', { className: 'dialog-body' },
      el('label', { className: 'visually-hidden', text: t('picker.filter'), attrs: { for: filterId } }), filter, list,
      el('div', { className: 'dialog-foot' }, cancel, okBtn)));
    dialog.addEventListener('close', () => { if (!done) { done = true; resolve(null); } });
    openModal(dialog, { initialFocus: filter });
  });
}
