// The attendees of the event form: the organizer, then each attendee as a row
// (li[data-attendee-email]) with its type (required, optional, resource: a room or equipment),
// its answer and a remove button; added from #event-attendee-input with address completion
// (GET api/addresses), the type of #event-attendee-type, and #event-attendee-add or Enter.

import { el, $ } from '../dom.js';
import { icon } from '../icons.js';
import { t } from '../i18n.js';
import { addressCompletion } from './complete.js';

export const TYPES = ['required', 'optional', 'resource'];
const STATUSES = ['needs-action', 'accepted', 'tentative', 'declined'];
const EMAIL_RE = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;

let attendees = [];          // [{email, name, type, status}]
let organizer = null;        // {name, email}
let readOnly = false;
let completion = null;
let hooks = { onChange: () => {} };

export function initAttendees(options) {
  hooks = { ...hooks, ...options };
  const input = $('event-attendee-input');
  completion = addressCompletion(input, {
    onPick: (en) => { add({ name: en.name || '', email: en.email || '' }); input.value = ''; input.focus(); },
    exclude: (en) => attendees.some((a) => same(a.email, en.email)) || (organizer && same(organizer.email, en.email)),
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); addTyped(); }
  });
  input.addEventListener('input', () => showError(''));
  $('event-attendee-add').addEventListener('click', () => {
    const picked = completion.isOpen() ? completion.activeEntry() : null;
    if (picked) { add({ name: picked.name || '', email: picked.email || '' }); input.value = ''; completion.close(); } else addTyped();
    input.focus();
  });
  $('event-attendees').addEventListener('click', (e) => {
    const b = e.target.closest('.att-remove');
    if (!b) return;
    const row = b.closest('[data-attendee-email]');
    const k = attendees.findIndex((a) => a.email === row.dataset.attendeeEmail);
    if (k < 0) return;
    const name = attendees[k].name || attendees[k].email;
    attendees.splice(k, 1);
    render();
    hooks.onChange();
    const rows = $('event-attendees').querySelectorAll('.att-remove');
    (rows[Math.min(k, rows.length - 1)] || input).focus();
    announce(t('cal.attendeeRemoved', { name }));
  });
  $('event-attendees').addEventListener('change', (e) => {
    const sel = e.target.closest('.att-type');
    if (!sel) return;
    const a = attendees.find((x) => x.email === sel.closest('[data-attendee-email]').dataset.attendeeEmail);
    if (a) { a.type = sel.value; render(); hooks.onChange(); }
  });
  window.addEventListener('languagechange-app', () => render());
}

const same = (a, b) => String(a || '').toLowerCase() === String(b || '').toLowerCase();

export function setAttendees(list, org, { readOnly: ro = false } = {}) {
  attendees = (list || []).filter((a) => a && a.email).map((a) => ({
    email: a.email, name: a.name || '', type: TYPES.includes(a.type) ? a.type : 'required', status: STATUSES.includes(a.status) ? a.status : 'needs-action',
  }));
  organizer = org && org.email ? { name: org.name || '', email: org.email } : null;
  readOnly = ro;
  $('event-attendee-input').value = '';
  showError('');
  completion.close();
  $('event-attendee-add').closest('.event-att-add').hidden = ro;
  render();
}

export function attendeeList() { return attendees.map((a) => ({ ...a })); }
export function organizerOf() { return organizer; }
export function setOrganizer(org) { organizer = org; render(); }

/** Adds what is typed in the field (an address, or "Name <address>"). Answers false when it is not one. */
export function addTyped() {
  const input = $('event-attendee-input');
  const text = input.value.trim();
  if (!text) return true;
  const m = text.match(/^(.*?)\s*<([^<>]+)>$/);
  const addr = m ? { name: m[1].replace(/^"|"$/g, '').trim(), email: m[2].trim() } : { name: '', email: text };
  if (!EMAIL_RE.test(addr.email)) { showError(t('cal.attendeeInvalid', { address: text })); input.focus(); return false; }
  add(addr);
  input.value = '';
  completion.close();
  return true;
}

function add(addr) {
  if (!addr.email) return;
  if (attendees.some((a) => same(a.email, addr.email)) || (organizer && same(organizer.email, addr.email))) {
    showError(t('cal.attendeeTwice', { name: addr.name || addr.email }));
    return;
  }
  const type = $('event-attendee-type').value;
  attendees.push({ email: addr.email, name: addr.name || '', type: TYPES.includes(type) ? type : 'required', status: 'needs-action' });
  render();
  hooks.onChange();
  announce(t('cal.attendeeAdded', { name: addr.name || addr.email }));
}

function showError(text) {
  const p = $('event-attendee-error');
  p.textContent = text;
  p.hidden = !text;
  if (text) $('event-attendee-input').setAttribute('aria-invalid', 'true'); else $('event-attendee-input').removeAttribute('aria-invalid');
}

function announce(text) { $('event-attendee-live').textContent = text; }

function render() {
  const list = $('event-attendees');
  const rows = [];
  if (organizer && attendees.length) {
    rows.push(el('li', { className: 'att-row att-organizer', dataset: { organizer: organizer.email } },
      el('span', { className: 'att-icon' }, icon('user')),
      el('span', { className: 'att-who' },
        el('span', { className: 'att-name', text: organizer.name || organizer.email }),
        el('span', { className: 'att-email', text: organizer.name ? organizer.email : '' })),
      el('span', { className: 'att-role', text: t('cal.organizer') })));
  }
  for (const a of attendees) {
    const name = a.name || a.email;
    const row = el('li', { className: `att-row att-${a.type} status-${a.status}`, dataset: { attendeeEmail: a.email } },
      el('span', { className: 'att-icon' }, icon(a.type === 'resource' ? 'room' : 'user')),
      el('span', { className: 'att-who' },
        el('span', { className: 'att-name', text: name }),
        el('span', { className: 'att-email', text: a.name ? a.email : '' })),
      el('span', { className: `att-status status-${a.status}`, text: t(`cal.response.${a.status}`) }));
    if (readOnly) {
      row.append(el('span', { className: 'att-role', text: t(`cal.type.${a.type}`) }));
    } else {
      const sel = el('select', { className: 'att-type', attrs: { 'aria-label': t('cal.typeOf', { name }) } },
        ...TYPES.map((ty) => el('option', { text: t(`cal.type.${ty}`), attrs: { value: ty } })));
      sel.value = a.type;
      row.append(sel, el('button', {
        className: 'icon-btn att-remove',
        attrs: { type: 'button', 'aria-label': t('cal.removeAttendee', { name }), title: t('cal.removeAttendee', { name }) },
      }, icon('close')));
    }
    rows.push(row);
  }
  list.replaceChildren(...rows);
  list.hidden = rows.length === 0;
}
