// The contact form (#contact-dialog): names, company, department and job title, e-mail addresses
// and phone numbers as rows that can be added and removed (#contact-email-0…, #contact-phone-0…,
// each with a type), one postal address, birthday, web site and notes. A new contact is POSTed,
// a changed one PUT with If-Match (its etag; 409: someone else changed it meanwhile). What the
// form does not show (prefix, middle name, nickname, categories, further addresses) is kept.

import { post, put, path } from '../api.js';
import { $, el } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';
import { openModal, confirmDiscard } from '../dialogs.js';
import { showStatus } from '../status.js';
import { contactName } from './card.js';

const EMAIL = /^[^\s<>"@]+@[^\s<>"@]+$/;
const KINDS = {
  email: { types: ['work', 'home', 'other'], max: 20, input: 'email' },
  phone: { types: ['work', 'home', 'mobile', 'fax', 'other'], max: 30, input: 'tel' },
};
const FIELDS = ['contact-given', 'contact-surname', 'contact-display', 'contact-company', 'contact-department', 'contact-title',
  'contact-street', 'contact-city', 'contact-region', 'contact-postcode', 'contact-country', 'contact-birthday', 'contact-website', 'contact-notes'];

const f = { open: false, book: null, contact: null, baseline: '', saving: false, resolve: null };
const dialog = () => $('contact-dialog');

export function initContactForm() {
  $('contact-form').addEventListener('submit', (e) => { e.preventDefault(); save(); });
  $('contact-cancel').addEventListener('click', () => requestClose());
  $('contact-close').addEventListener('click', () => requestClose());
  for (const kind of Object.keys(KINDS)) {
    $(`contact-${kind}-add`).addEventListener('click', () => { const input = addRow(kind); input.focus(); });
    $(`contact-${kind}s`).addEventListener('click', (e) => {
      const b = e.target.closest('.value-remove');
      if (b) removeRow(kind, b.closest('.value-row'));
    });
  }
  for (const id of ['contact-given', 'contact-surname', 'contact-company']) $(id).addEventListener('input', () => updateDisplayHint());
  $('contact-form').addEventListener('input', () => {
    for (const p of dialog().querySelectorAll('.field-error')) { p.textContent = ''; p.hidden = true; }
    for (const c of dialog().querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  });
  dialog().addEventListener('close', () => finish());
  window.addEventListener('languagechange-app', () => { if (f.open) { relabelRows(); updateTitle(); } });
}

/** Opens the form for {@code contact} (as GET answers it) or a new one in {@code book}; resolves to {id, etag} or null. */
export function openContactForm({ book, contact }) {
  if (f.open) return Promise.resolve(null);
  Object.assign(f, { open: true, book, contact, saving: false });
  fill(contact || {});
  return new Promise((resolve) => {
    f.resolve = resolve;
    openModal(dialog(), { initialFocus: $('contact-given'), onCancel: () => requestClose() });
  });
}

function updateTitle() {
  $('contact-dialog-title').textContent = f.contact ? t('contacts.editTitle', { name: contactName(f.contact) }) : t('contacts.new');
}

function fill(c) {
  clearErrors();
  updateTitle();
  $('contact-given').value = c.givenName || '';
  $('contact-surname').value = c.surname || '';
  $('contact-display').value = c.displayName || '';
  $('contact-company').value = c.company || '';
  $('contact-department').value = c.department || '';
  $('contact-title').value = c.jobTitle || '';
  for (const kind of Object.keys(KINDS)) {
    $(`contact-${kind}s`).replaceChildren();
    const values = ((kind === 'email' ? c.emails : c.phones) || []).filter((x) => x && x.value);
    for (const v of values) addRow(kind, v.value, v.type);
    if (!values.length) addRow(kind);
  }
  const a = (c.addresses || [])[0] || {};
  $('contact-address-type').value = ['work', 'home', 'other'].includes(a.type) ? a.type : 'work';
  $('contact-street').value = a.street || '';
  $('contact-city').value = a.city || '';
  $('contact-region').value = a.region || '';
  $('contact-postcode').value = a.postcode || '';
  $('contact-country').value = a.country || '';
  $('contact-birthday').value = /^\d{4}-\d{2}-\d{2}$/.test(c.birthday || '') ? c.birthday : '';
  $('contact-website').value = c.website || '';
  $('contact-notes').value = c.notes || '';
  updateDisplayHint();
  f.baseline = snapshot();
}

// ---- e-mail and phone rows ----------------------------------------------------------------------

function rows(kind) { return [...$(`contact-${kind}s`).querySelectorAll('.value-row')]; }

function addRow(kind, value = '', type) {
  const k = KINDS[kind];
  const input = el('input', { className: 'input value-input', attrs: { type: k.input === 'email' ? 'email' : 'tel', autocomplete: 'off', spellcheck: 'false', maxlength: '1000' } });
  input.value = value;
  const select = el('select', { className: 'value-type' }, ...k.types.map((x) => el('option', { text: t(`contacts.type.${x}`), attrs: { value: x } })));
  select.value = k.types.includes(type) ? type : k.types[0];
  const li = el('li', { className: 'value-row', dataset: { kind } },
    el('label', { className: 'visually-hidden' }), input, select,
    el('button', { className: 'icon-btn value-remove', attrs: { type: 'button' } }, icon('close')));
  $(`contact-${kind}s`).append(li);
  relabel(kind);
  return input;
}

function removeRow(kind, li) {
  const all = rows(kind);
  const k = all.indexOf(li);
  if (all.length === 1) { li.querySelector('.value-input').value = ''; li.querySelector('.value-input').focus(); return; }
  li.remove();
  relabel(kind);
  const left = rows(kind);
  (left[Math.min(k, left.length - 1)]?.querySelector('.value-input') || $(`contact-${kind}-add`)).focus();
}

/** Ids #contact-email-0… in order, and labels that say which row each control is of. */
function relabel(kind) {
  const all = rows(kind);
  all.forEach((li, k) => {
    const input = li.querySelector('.value-input');
    input.id = `contact-${kind}-${k}`;
    li.querySelector('label').htmlFor = input.id;
    li.querySelector('label').textContent = t(`contacts.${kind}N`, { n: k + 1 });
    const select = li.querySelector('.value-type');
    select.id = `contact-${kind}-type-${k}`;
    select.setAttribute('aria-label', t(`contacts.${kind}TypeN`, { n: k + 1 }));
    const remove = li.querySelector('.value-remove');
    remove.setAttribute('aria-label', t(`contacts.${kind}RemoveN`, { n: k + 1 }));
    remove.title = t('contacts.remove');
  });
  $(`contact-${kind}-add`).disabled = all.length >= KINDS[kind].max;
}

function relabelRows() {
  for (const kind of Object.keys(KINDS)) {
    relabel(kind);
    for (const select of $(`contact-${kind}s`).querySelectorAll('.value-type')) {
      for (const o of select.options) o.textContent = t(`contacts.type.${o.value}`);
    }
  }
}

function values(kind) {
  return rows(kind).map((li) => ({ type: li.querySelector('.value-type').value, value: li.querySelector('.value-input').value.trim() }))
    .filter((x) => x.value);
}

// ---- saving ------------------------------------------------------------------------------------

function computedDisplay() {
  const parts = [$('contact-given').value.trim(), $('contact-surname').value.trim()].filter(Boolean).join(' ');
  return parts || $('contact-company').value.trim();
}

function updateDisplayHint() { $('contact-display').placeholder = computedDisplay(); }

function snapshot() {
  return JSON.stringify([FIELDS.map((id) => $(id).value), $('contact-address-type').value, values('email'), values('phone')]);
}

function body() {
  const c = f.contact || {};
  const address = {
    type: $('contact-address-type').value, street: $('contact-street').value.trim(), city: $('contact-city').value.trim(),
    region: $('contact-region').value.trim(), postcode: $('contact-postcode').value.trim(), country: $('contact-country').value.trim(),
  };
  const hasAddress = ['street', 'city', 'region', 'postcode', 'country'].some((k) => address[k]);
  const others = (c.addresses || []).slice(1);
  return {
    prefix: c.prefix || null, middleName: c.middleName || null, suffix: c.suffix || null, nickname: c.nickname || null,
    categories: c.categories || [],
    givenName: $('contact-given').value.trim(), surname: $('contact-surname').value.trim(),
    displayName: $('contact-display').value.trim() || computedDisplay(),
    company: $('contact-company').value.trim(), department: $('contact-department').value.trim(), jobTitle: $('contact-title').value.trim(),
    emails: values('email'), phones: values('phone'), addresses: hasAddress ? [address, ...others] : others,
    birthday: $('contact-birthday').value || null, website: $('contact-website').value.trim(), notes: $('contact-notes').value,
  };
}

function validate(b) {
  if (!b.displayName && !b.emails.length) {
    fieldError('contact-name-error', t('contacts.nameRequired'), [$('contact-given')]);
    $('contact-given').focus();
    return false;
  }
  const bad = rows('email').find((li) => {
    const v = li.querySelector('.value-input').value.trim();
    return v && !EMAIL.test(v);
  });
  if (bad) {
    const input = bad.querySelector('.value-input');
    fieldError('contact-email-error', t('contacts.badEmail', { value: input.value.trim() }), [input]);
    input.focus();
    return false;
  }
  if ($('contact-birthday').validity.badInput) {
    fieldError('contact-birthday-error', t('contacts.badBirthday'), [$('contact-birthday')]);
    $('contact-birthday').focus();
    return false;
  }
  return true;
}

async function save() {
  if (f.saving || !f.open) return;
  clearErrors();
  const b = body();
  if (!validate(b)) return;
  const button = $('contact-save');
  f.saving = true;
  button.disabled = true;
  button.classList.add('busy');
  try {
    let res;
    if (f.contact) {
      res = await put(path('contacts', f.book, 'items', f.contact.id), { ...b, id: f.contact.id, etag: f.contact.etag },
        { quiet: true, headers: f.contact.etag ? { 'If-Match': f.contact.etag } : {} });
    } else {
      res = await post(path('contacts', f.book, 'items'), b, { quiet: true });
    }
    const r = f.resolve;
    f.resolve = null;
    close();
    showStatus(t('contacts.saved', { name: b.displayName || b.emails[0].value }), 'success');
    if (r) r(res || { id: f.contact && f.contact.id });
  } catch (err) {
    formError(err.status === 409 ? t('contacts.conflict') : err.message);
  } finally {
    f.saving = false;
    button.disabled = false;
    button.classList.remove('busy');
  }
}

async function requestClose() {
  if (!f.open) return;
  if (snapshot() !== f.baseline) {
    if (!(await confirmDiscard('contact-discard'))) return;
  }
  close();
}

function close() { if (dialog().open) dialog().close(); }

function finish() {
  if (!f.open) return;
  f.open = false;
  // nothing of the contact stays in the page
  for (const id of FIELDS) $(id).value = '';
  for (const kind of Object.keys(KINDS)) $(`contact-${kind}s`).replaceChildren();
  f.contact = null;
  const r = f.resolve;
  f.resolve = null;
  if (r) r(null);
}

function clearErrors() {
  for (const p of dialog().querySelectorAll('.field-error')) { p.textContent = ''; p.hidden = true; }
  for (const c of dialog().querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  formError('');
}

function fieldError(id, text, controls) {
  const p = $(id);
  p.textContent = text || '';
  p.hidden = !text;
  for (const c of controls) { if (text) c.setAttribute('aria-invalid', 'true'); else c.removeAttribute('aria-invalid'); }
}

function formError(text) {
  const p = $('contact-error');
  p.textContent = text || '';
  p.hidden = !text;
}
