// The details card of a contact (GET api/contacts/{book}/items/{id}) or of an entry of the global
// address book: name, job and company, e-mail addresses (mailto links that open compose), phone
// numbers (tel: links), postal addresses, birthday, web site, categories and notes. Everything
// goes in through textContent and attributes; links only with mailto:, tel:, http: or https:.

import { el, initials, avatarClass } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';
import { formatDate } from '../items.js';

export const KIND_ICONS = { user: 'user', room: 'room', equipment: 'equipment', group: 'people' };
const EMAIL = /^[^\s<>"@]+@[^\s<>"@]+$/;

/** The name a contact is shown by: its display name, else its parts, company or address. */
export function contactName(c) {
  if (!c) return '';
  const parts = [c.givenName, c.surname].filter(Boolean).join(' ');
  const email = c.email || (c.emails && c.emails[0] && c.emails[0].value);
  return c.displayName || parts || c.company || email || t('contacts.noName');
}

export function galName(e) {
  return (e && (e.fullName || e.name || e.email)) || t('contacts.noName');
}

function typeLabel(type) {
  const key = `contacts.type.${type}`;
  const text = t(key);
  return text === key ? (type || '') : text;
}

function row(iconName, label, ...values) {
  return el('div', { className: 'card-row' },
    el('dt', { className: 'card-label' }, icon(iconName), el('span', { text: label })),
    el('dd', { className: 'card-value' }, ...values));
}

function head(avatar, name, ...lines) {
  return el('div', { className: 'card-head' }, avatar,
    el('div', { className: 'card-head-text' },
      el('h2', { className: 'card-name', text: name, attrs: { id: 'contact-card-name', tabindex: '-1' } }),
      ...lines.filter(Boolean).map((l) => el('p', { className: 'card-line', text: l }))));
}

function mailLink(addr, onMail) {
  if (!EMAIL.test(String(addr.email || '').trim())) return el('span', { text: addr.email || '' });
  const a = el('a', { className: 'card-mail', text: addr.email, attrs: { href: `mailto:${encodeURI(addr.email.trim())}` } });
  a.addEventListener('click', (e) => {
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    onMail({ name: addr.name || '', email: addr.email.trim() });
  });
  return a;
}

function phoneLink(value) {
  const dial = String(value || '').replace(/[^\d+*#]/g, '');
  if (!dial) return el('span', { text: value });
  return el('a', { className: 'card-tel', text: value, attrs: { href: `tel:${dial}` } });
}

/** A web site as a link (http/https only; "www.example.com" taken as https), else as text. */
function siteLink(value) {
  const v = String(value || '').trim();
  let url = null;
  if (/^https?:\/\/[^\s]+$/i.test(v)) url = v;
  else if (/^[\w-]+(\.[\w-]+)+(\/[^\s]*)?$/.test(v)) url = `https://${v}`;
  if (url) {
    try { url = new URL(url).href; } catch { url = null; }
  }
  if (!url) return el('span', { text: v });
  return el('a', { className: 'card-link', text: v, attrs: { href: url, target: '_blank', rel: 'noopener noreferrer' } });
}

function list(items, render) {
  return el('ul', { className: 'card-list' }, ...items.map((x) => el('li', {}, ...render(x))));
}

function typeTag(type) { return el('span', { className: 'card-type', text: typeLabel(type) }); }

function addressLines(a) {
  const cityLine = [a.postcode, a.city].filter(Boolean).join(' ');
  return [...String(a.street || '').split(/\r?\n/), cityLine, a.region, a.country].map((x) => (x || '').trim()).filter(Boolean);
}

/** Fills {@code body} with the card of contact {@code c}; {@code onMail({name, email})} writes to one. */
export function renderContactCard(body, c, { onMail }) {
  const name = contactName(c);
  const firstEmail = c.emails && c.emails[0] ? c.emails[0].value : '';
  const avatar = el('span', {
    className: `avatar card-avatar ${avatarClass({ email: firstEmail, name })}`, text: initials({ name, email: firstEmail }), attrs: { 'aria-hidden': 'true' },
  });
  const job = [c.jobTitle, c.department].filter(Boolean).join(', ');
  const rows = [];
  const emails = (c.emails || []).filter((x) => x && x.value);
  if (emails.length) {
    rows.push(row('mail', t('contacts.email'), list(emails, (x) => [mailLink({ name, email: x.value }, onMail), typeTag(x.type)])));
  }
  const phones = (c.phones || []).filter((x) => x && x.value);
  if (phones.length) rows.push(row('phone', t('contacts.phone'), list(phones, (x) => [phoneLink(x.value), typeTag(x.type)])));
  const addresses = (c.addresses || []).filter((a) => a && addressLines(a).length);
  if (addresses.length) {
    rows.push(row('pin', t('contacts.address'), list(addresses, (a) => [
      el('address', { className: 'card-address' }, ...addressLines(a).map((l) => el('span', { text: l }))), typeTag(a.type)])));
  }
  if (c.birthday) rows.push(row('cake', t('contacts.birthday'), el('span', { text: formatDate(c.birthday) || c.birthday })));
  if (c.website) rows.push(row('globe', t('contacts.website'), siteLink(c.website)));
  const cats = (c.categories || []).filter(Boolean);
  if (cats.length) {
    rows.push(row('tag', t('contacts.categories'), el('ul', { className: 'card-chips' }, ...cats.map((x) => el('li', { className: 'card-chip', text: x })))));
  }
  if (c.notes) rows.push(row('notes', t('contacts.notes'), el('p', { className: 'card-notes', text: c.notes })));
  body.replaceChildren(head(avatar, name, job, c.company),
    rows.length ? el('dl', { className: 'card-fields' }, ...rows) : el('p', { className: 'card-nothing', text: t('contacts.noDetails') }));
}

/** The card of an entry of the global address book {id, kind, name, fullName, email, company}. */
export function renderGalCard(body, e, { onMail }) {
  const kind = KIND_ICONS[e.kind] ? e.kind : 'user';
  const name = galName(e);
  const avatar = kind === 'user'
    ? el('span', { className: `avatar card-avatar ${avatarClass({ email: e.email, name })}`, text: initials({ name, email: e.email }), attrs: { 'aria-hidden': 'true' } })
    : el('span', { className: `card-avatar card-kind kind-${kind}`, attrs: { 'aria-hidden': 'true' } }, icon(KIND_ICONS[kind]));
  const rows = [];
  if (e.email) rows.push(row('mail', t('contacts.email'), list([e.email], (x) => [mailLink({ name, email: x }, onMail)])));
  if (e.name && e.name !== name) rows.push(row('user', t('gal.userName'), el('span', { text: e.name })));
  if (e.company) rows.push(row('building', t('contacts.company'), el('span', { text: e.company })));
  body.replaceChildren(head(avatar, name, t(`gal.kind.${kind}`)),
    rows.length ? el('dl', { className: 'card-fields' }, ...rows) : el('p', { className: 'card-nothing', text: t('contacts.noDetails') }));
}
