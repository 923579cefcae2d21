// The contacts module (#contacts): the user's address books (GET api/contacts) and the global
// address book (GET api/gal) on the left, the entries of the one shown in the middle (a listbox,
// searched on the server with ?q=, rendered in chunks as it scrolls), the details of the one
// selected on the right (card.js); new and edit (contact-form.js), delete with If-Match, and
// "write e-mail" (compose). Phones show one pane at a time. A change of the address book shown
// (event stream) reloads it.

import { get, del, path } from '../api.js';
import { $, el, debounce, isPhone, initials, avatarClass } from '../dom.js';
import { icon } from '../icons.js';
import { t, tn } from '../i18n.js';
import { confirmDialog } from '../dialogs.js';
import { showStatus } from '../status.js';
import { renderSideList, setPane, sameId, setEmpty } from '../items.js';
import { renderContactCard, renderGalCard, contactName, galName, KIND_ICONS } from './card.js';
import { initContactForm, openContactForm } from './contact-form.js';

export const GAL = 'gal';
const CHUNK = 200;

const st = {
  active: false, loaded: false, stale: false, gen: 0, seq: 0, cardSeq: 0,
  books: [], source: null, rows: [], total: 0, q: '', error: null,
  selected: -1,       // index of the selected row
  shown: null,        // what the card shows: {kind: 'contact'|'gal', data}
  rendered: 0,
};
let hooks = { onTitle: () => {}, compose: () => {} };
let observer = null;

const list = () => $('contacts-list');
const root = () => $('contacts');
const isGal = () => st.source === GAL;

export function initContacts(options = {}) {
  hooks = { ...hooks, ...options };
  initContactForm();
  $('contact-new').addEventListener('click', () => newContact());
  $('contact-edit').addEventListener('click', () => editContact());
  $('contact-delete').addEventListener('click', () => deleteContact());
  $('contact-mail').addEventListener('click', () => mailSelected());
  $('contacts-back').addEventListener('click', () => { setPane(root(), 'side'); $('contacts-books').querySelector('[aria-current="true"]')?.focus(); });
  $('contacts-back-to-list').addEventListener('click', () => { setPane(root(), 'list'); list().focus(); });
  const search = $('contacts-search');
  const run = debounce(() => { st.q = search.value.trim(); loadList(); }, 300);
  search.addEventListener('input', run);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && search.value) { e.preventDefault(); e.stopPropagation(); search.value = ''; run.cancel(); st.q = ''; loadList(); }
    else if (e.key === 'Enter') { e.preventDefault(); run.cancel(); st.q = search.value.trim(); loadList(); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); list().focus(); if (st.selected < 0 && st.rows.length) select(0, 'keyboard'); }
  });
  list().addEventListener('click', (e) => {
    const li = e.target.closest('[role="option"]');
    if (!li) return;
    select(Number(li.dataset.index), 'pointer');
    if (isPhone()) setPane(root(), 'card');
  });
  list().addEventListener('dblclick', (e) => { if (e.target.closest('[role="option"]') && !isGal()) editContact(); });
  list().addEventListener('keydown', onListKey);
  observer = new IntersectionObserver((entries) => { if (entries.some((x) => x.isIntersecting)) appendChunk(); }, { root: list(), rootMargin: '300px' });
  window.addEventListener('languagechange-app', () => {
    if (!st.loaded) return;
    renderSide();
    updateHead();
    renderList();
    renderCard();
    updateSummary();
  });
}

/** The module comes into view: the address books loaded once, the one shown (re)loaded when stale. */
export async function showContactsModule() {
  st.active = true;
  root().hidden = false;
  if (isPhone() && !root().className.includes('view-')) setPane(root(), 'list');
  if (!st.loaded) {
    try { await loadBooks(); } catch { return; }
    st.loaded = true;
    await loadList();
  } else if (st.stale) {
    st.stale = false;
    await loadList({ keep: true });
  }
}

export function hideContactsModule() {
  st.active = false;
  root().hidden = true;
}

/** Logoff: nothing of this user's contacts stays in the page. */
export function forgetContacts() {
  st.gen++;
  Object.assign(st, { loaded: false, stale: false, books: [], source: null, rows: [], total: 0, q: '', selected: -1, shown: null, rendered: 0, error: null });
  $('contacts-search').value = '';
  $('contacts-books').replaceChildren();
  list().replaceChildren();
  $('contacts-title').textContent = '';
  $('contacts-summary').textContent = '';
  renderCard();
}

export function focusContacts() { list().focus(); }

export function contactsTitle() {
  if (isGal()) return t('contacts.gal');
  return bookName(st.books.find((b) => b.id === st.source));
}

function bookName(b) {
  if (!b) return '';
  return b.default ? t('folder.contacts') : (b.name || t('folder.contacts'));
}

async function loadBooks() {
  const gen = st.gen;
  const data = await get('api/contacts');
  if (gen !== st.gen) throw new DOMException('another session', 'AbortError');
  st.books = ((data && data.addressbooks) || []).map((b) => ({ ...b, id: String(b.id) }));
  if (!isGal() && !st.books.some((b) => b.id === st.source)) {
    st.source = (st.books.find((b) => b.default) || st.books[0] || { id: GAL }).id;
  }
  renderSide();
}

function renderSide() {
  const entries = st.books.map((b) => ({ id: b.id, name: bookName(b) }));
  entries.push({ id: GAL, name: t('contacts.gal'), iconName: 'building', extraClass: 'side-gal' });
  renderSideList($('contacts-books'), entries, { selected: st.source, dataKey: 'bookId', iconName: 'contacts', onSelect: (id) => selectSource(id) });
  $('contact-new').disabled = !st.books.length;
}

function selectSource(id) {
  if (isPhone()) setPane(root(), 'list');
  if (id === st.source) { list().focus(); return; }
  st.source = id;
  st.q = '';
  $('contacts-search').value = '';
  renderSide();
  hooks.onTitle();
  loadList();
}

/** Fetches the entries of the source shown; {@code keep}: the selection stays where it was. */
async function loadList({ keep = false, selectId = null } = {}) {
  const mine = ++st.seq;
  const gen = st.gen;
  const before = keep && st.selected >= 0 ? st.rows[st.selected].id : selectId;
  updateHead();
  list().setAttribute('aria-busy', 'true');
  let data;
  try {
    data = isGal() ? await get('api/gal', { q: st.q }, { quiet: true })
      : await get(path('contacts', st.source, 'items'), { q: st.q }, { quiet: true });
    st.error = null;
  } catch (err) {
    if (mine !== st.seq || gen !== st.gen) return;
    data = null;
    st.error = err.message;
  }
  if (mine !== st.seq || gen !== st.gen) return;
  list().removeAttribute('aria-busy');
  st.rows = data ? ((isGal() ? data.entries : data.contacts) || []) : [];
  st.total = data && Number.isFinite(data.total) ? data.total : st.rows.length;
  const again = before ? st.rows.findIndex((r) => r.id === before) : -1;
  st.selected = -1;
  renderList();
  updateSummary();
  if (again >= 0) select(again, 'refresh');
  else { st.shown = null; renderCard(); updateToolbar(); }
}

function updateHead() {
  $('contacts-title').textContent = contactsTitle();
  $('contacts-search').placeholder = t(isGal() ? 'contacts.searchGal' : 'contacts.searchIn', { name: contactsTitle() });
}

function updateSummary() {
  let text;
  if (st.error) text = '';
  else if (st.q) text = tn('contacts.results', st.total, { q: st.q });
  else text = tn(isGal() ? 'contacts.galCount' : 'contacts.count', st.total);
  if (!st.error && st.rows.length < st.total) text += ` · ${t('contacts.showingFirst', { n: st.rows.length })}`;
  $('contacts-summary').textContent = text;
}

// ---- the list ----------------------------------------------------------------------------------

function renderList() {
  observer?.disconnect();
  list().replaceChildren();
  list().removeAttribute('aria-activedescendant');
  st.rendered = 0;
  appendChunk(Math.max(CHUNK, st.selected + 1));
  if (st.selected >= 0) list().setAttribute('aria-activedescendant', `contacts-opt-${st.selected}`);
  let empty = '';
  if (st.error) empty = st.error;
  else if (!st.rows.length) empty = st.q ? t('contacts.noResults', { q: st.q }) : t(isGal() ? 'contacts.galEmpty' : 'contacts.empty');
  setEmpty($('contacts-empty'), empty, !!st.error);
}

function appendChunk(upTo = st.rendered + CHUNK) {
  const end = Math.min(st.rows.length, Math.max(upTo, st.rendered));
  if (end <= st.rendered) return;
  list().querySelector('.crow-more')?.remove();
  const frag = document.createDocumentFragment();
  for (let k = st.rendered; k < end; k++) frag.append(rowElement(st.rows[k], k));
  st.rendered = end;
  if (end < st.rows.length) {
    const more = el('li', { className: 'crow-more', attrs: { role: 'presentation' } });
    frag.append(more);
    observer.observe(more);
  }
  list().append(frag);
}

function rowElement(r, k) {
  const selected = k === st.selected;
  const attrs = { role: 'option', id: `contacts-opt-${k}`, 'aria-selected': String(selected) };
  if (isGal()) {
    const kind = KIND_ICONS[r.kind] ? r.kind : 'user';
    const name = galName(r);
    return el('li', { className: `crow crow-gal${selected ? ' selected' : ''}`, attrs, dataset: { galId: r.id, kind, index: k } },
      el('span', { className: `crow-kind kind-${kind}`, attrs: { title: t(`gal.kind.${kind}`) } }, icon(KIND_ICONS[kind])),
      el('span', { className: 'crow-text' },
        el('span', { className: 'crow-name', text: name }),
        el('span', { className: 'crow-sub', text: r.email || r.company || '' })),
      el('span', { className: `crow-tag${kind === 'user' ? ' visually-hidden' : ''}`, text: t(`gal.kind.${kind}`) }));
  }
  const name = contactName(r);
  return el('li', { className: `crow${selected ? ' selected' : ''}`, attrs, dataset: { contactId: r.id, index: k } },
    el('span', { className: `avatar crow-avatar ${avatarClass({ email: r.email, name })}`, text: initials({ name, email: r.email }), attrs: { 'aria-hidden': 'true' } }),
    el('span', { className: 'crow-text' },
      el('span', { className: 'crow-name', text: name }),
      el('span', { className: 'crow-sub', text: [r.email, r.company].filter(Boolean).join(' · ') || r.phone || '' })));
}

function onListKey(e) {
  const n = st.rows.length;
  if (!n) return;
  const k = st.selected;
  let next = null;
  switch (e.key) {
    case 'ArrowDown': next = Math.min(n - 1, k + 1); break;
    case 'ArrowUp': next = Math.max(0, k - 1); break;
    case 'Home': next = 0; break;
    case 'End': next = n - 1; break;
    case 'PageDown': next = Math.min(n - 1, Math.max(0, k) + 10); break;
    case 'PageUp': next = Math.max(0, k - 10); break;
    case 'Enter':
      if (k < 0) return;
      e.preventDefault();
      if (isPhone()) setPane(root(), 'card');
      $('contact-card-name')?.focus();
      return;
    case 'Delete':
      if (k < 0 || isGal()) return;
      e.preventDefault();
      deleteContact();
      return;
    default: return;
  }
  e.preventDefault();
  if (next !== k) select(next, 'keyboard');
}

const loadCardSoon = debounce(() => loadCard(), 150);

/** Selects row {@code k}: marks it, scrolls it into view and shows it on the card. */
function select(k, via) {
  if (k < 0 || k >= st.rows.length) return;
  if (k >= st.rendered) appendChunk(k + 1 + CHUNK / 2);
  const prev = list().querySelector('[aria-selected="true"]');
  if (prev) { prev.setAttribute('aria-selected', 'false'); prev.classList.remove('selected'); }
  st.selected = k;
  const li = $(`contacts-opt-${k}`);
  if (li) {
    li.setAttribute('aria-selected', 'true');
    li.classList.add('selected');
    list().setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  }
  const r = st.rows[k];
  if (isGal()) {
    st.shown = { kind: 'gal', data: r };
    renderCard();
  } else if (via === 'keyboard') loadCardSoon();
  else loadCard();
  updateToolbar();
}

// ---- the card ----------------------------------------------------------------------------------

async function loadCard() {
  const r = st.rows[st.selected];
  if (!r || isGal()) return;
  const mine = ++st.cardSeq;
  const book = st.source;
  $('contact-card').classList.add('is-loading');
  try {
    const c = await get(path('contacts', book, 'items', r.id), undefined, { quiet: true });
    if (mine !== st.cardSeq) return;
    st.shown = { kind: 'contact', data: c, book };
  } catch (err) {
    if (mine !== st.cardSeq) return;
    st.shown = { kind: 'error', message: err.message };
  } finally {
    if (mine === st.cardSeq) $('contact-card').classList.remove('is-loading');
  }
  renderCard();
  updateToolbar();
}

function renderCard() {
  const s = st.shown;
  $('contact-card-empty').hidden = !!s;
  $('contact-card-content').hidden = !s;
  const body = $('contact-card-body');
  if (!s) { body.replaceChildren(); return; }
  const onMail = (addr) => hooks.compose([addr]);
  if (s.kind === 'gal') renderGalCard(body, s.data, { onMail });
  else if (s.kind === 'contact') renderContactCard(body, s.data, { onMail });
  else body.replaceChildren(el('p', { className: 'card-error', text: s.message, attrs: { role: 'alert' } }));
}

function selectedAddress() {
  const s = st.shown;
  const r = st.rows[st.selected];
  if (s && s.kind === 'gal' && s.data.email) return { name: galName(s.data), email: s.data.email };
  if (s && s.kind === 'contact' && s.data.emails && s.data.emails.length) return { name: contactName(s.data), email: s.data.emails[0].value };
  if (r && r.email) return { name: isGal() ? galName(r) : contactName(r), email: r.email };
  return null;
}

function updateToolbar() {
  const contact = !isGal() && st.shown && st.shown.kind === 'contact';
  $('contact-edit').disabled = !contact;
  $('contact-delete').disabled = isGal() || st.selected < 0;
  $('contact-mail').disabled = !selectedAddress();
  $('contact-new').disabled = !st.books.length;
}

// ---- actions -----------------------------------------------------------------------------------

function mailSelected() {
  const addr = selectedAddress();
  if (addr) hooks.compose([addr]);
}

export async function newContact() {
  const book = isGal() || !st.source ? (st.books.find((b) => b.default) || st.books[0] || {}).id : st.source;
  if (!book) return;
  const saved = await openContactForm({ book, contact: null });
  if (!saved) return;
  if (book !== st.source) { st.source = book; renderSide(); hooks.onTitle(); }
  await loadList({ selectId: saved.id });
}

async function editContact() {
  const s = st.shown;
  if (!s || s.kind !== 'contact') return;
  const saved = await openContactForm({ book: s.book, contact: s.data });
  if (saved) await loadList({ selectId: saved.id });
}

async function deleteContact() {
  const r = st.rows[st.selected];
  if (!r || isGal()) return;
  const name = contactName(st.shown && st.shown.kind === 'contact' ? st.shown.data : r);
  const choice = await confirmDialog({
    title: t('contacts.deleteTitle'),
    text: t('contacts.deleteText', { name }),
    buttons: [{ id: 'cancel', text: t('dialog.cancel') }, { id: 'delete', text: t('action.delete'), danger: true, primary: true, elementId: 'contact-delete-confirm' }],
  });
  if (choice !== 'delete') return;
  const etag = st.shown && st.shown.kind === 'contact' && st.shown.data.id === r.id ? st.shown.data.etag : r.etag;
  try {
    await del(path('contacts', st.source, 'items', r.id), { quiet: true, headers: etag ? { 'If-Match': etag } : {} });
    showStatus(t('contacts.deleted', { name }), 'success');
    const k = st.selected;
    st.rows.splice(k, 1);
    st.selected = -1;
    st.total = Math.max(0, st.total - 1);
    st.shown = null;
    renderList();
    updateSummary();
    if (st.rows.length) select(Math.min(k, st.rows.length - 1), 'pointer'); else { renderCard(); updateToolbar(); }
    list().focus();
  } catch (err) {
    showStatus(err.status === 409 ? t('contacts.conflictDelete') : err.message, 'error');
    if (err.status === 409) loadList({ keep: true });
  }
}

// ---- live updates, keyboard ----------------------------------------------------------------------

const reloadSoon = debounce(() => loadList({ keep: true }), 300);

/** A folder changed (event stream): the address book shown is read again. */
export function onContactsFolderChanged(folderId) {
  if (!st.loaded || isGal()) return;
  const book = st.books.find((b) => b.id === st.source);
  if (!book || !sameId(book.folderId, folderId)) return;
  if (st.active) reloadSoon(); else st.stale = true;
}

export const onContactsHierarchyChanged = debounce(async () => {
  if (!st.loaded) return;
  try { await loadBooks(); } catch { return; }
  hooks.onTitle();
}, 500);

/** Shortcuts of the module (app.js passes the keys it does not take itself). Answers handled. */
export function onContactsShortcut(e) {
  switch (e.key) {
    case 'n': case 'N': newContact(); return true;
    case '/': $('contacts-search').focus(); $('contacts-search').select(); return true;
    case 'j': case 'J': list().focus(); select(Math.min(st.rows.length - 1, st.selected + 1), 'keyboard'); return true;
    case 'k': case 'K': list().focus(); select(Math.max(0, st.selected - 1), 'keyboard'); return true;
    default: return false;
  }
}
