// The search box of the top bar: the quick search (#search-input: subject, sender, recipients of
// the folder shown, as the user types) and the search by fields (#search-panel, opened by
// #search-advanced): from, to, subject, text, received from / until (days in the user's time
// zone, sent as instants) and "with attachments", all of which must match, combined with the
// quick search when both are given (GET api/folders/{id}/messages, list.js). While a search by
// fields is applied, a line above the list (#list-filter) says so and has the button that clears
// it. Escape closes the panel; so does a click elsewhere (the fields stay as they were applied).

import { $, debounce } from './dom.js';
import { t } from './i18n.js';
import * as list from './list.js';
import { addDays, daysBetween, formatDay, instantAt, isDayKey } from './calendar/dates.js';

const TEXT_FIELDS = ['from', 'to', 'subject', 'body'];
const DAY_FIELDS = ['after', 'before'];

let applied = {};          // the fields applied to the list, as the panel shows them (days as day keys)
let hooks = { onChange: () => {} };

const panel = () => $('search-panel');
const isOpen = () => !panel().hidden;

export function initSearch(options = {}) {
  hooks = { ...hooks, ...options };
  const search = $('search-input');
  const runSearch = debounce(() => { list.setSearch(search.value.trim()); hooks.onChange({ clearReader: true }); }, 300);
  search.addEventListener('input', runSearch);
  search.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && search.value) {
      e.preventDefault();
      search.value = '';
      runSearch.cancel();
      list.setSearch('');
      hooks.onChange({ clearReader: false });
    } else if (e.key === 'Escape' && isOpen()) { e.preventDefault(); closePanel(); }
    else if (e.key === 'Enter') { e.preventDefault(); runSearch.cancel(); list.setSearch(search.value.trim()); hooks.onChange({ clearReader: false }); list.focusList(); }
    else if (e.key === 'ArrowDown') { e.preventDefault(); list.focusList(); }
  });
  $('search-advanced').addEventListener('click', () => (isOpen() ? closePanel() : openPanel()));
  panel().addEventListener('submit', (e) => { e.preventDefault(); run(); });
  panel().addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); closePanel({ focus: true }); }
  });
  $('search-clear').addEventListener('click', () => { clearFilter(); $('search-from').focus(); });
  $('list-filter-clear').addEventListener('click', () => { clearFilter(); list.focusList(); });
  for (const name of DAY_FIELDS) $(`search-${name}`).addEventListener('input', () => setError(''));
  // a click outside the search closes the panel (what was typed and not applied is given up)
  document.addEventListener('pointerdown', (e) => {
    if (isOpen() && !e.target.closest('.search')) closePanel();
  }, true);
  window.addEventListener('languagechange-app', () => renderFilter());
}

/** Focuses the quick search (the "/" shortcut). */
export function focusSearch() {
  $('search-input').focus();
  $('search-input').select();
}

/** Another folder, or logoff: both searches empty, the panel closed (list.setFolder resets the list). */
export function resetSearch() {
  $('search-input').value = '';
  applied = {};
  fillForm({});
  setError('');
  if (isOpen()) closePanel();
  renderFilter();
}

/** Whether a search by fields is applied. */
export function isFiltered() { return Object.keys(applied).length > 0; }

// ---- the panel ---------------------------------------------------------------------------------

function openPanel() {
  fillForm(applied);
  setError('');
  panel().hidden = false;
  $('search-advanced').setAttribute('aria-expanded', 'true');
  $('search-from').focus();
}

function closePanel({ focus = false } = {}) {
  panel().hidden = true;
  $('search-advanced').setAttribute('aria-expanded', 'false');
  if (focus) $('search-advanced').focus();
}

function fillForm(fields) {
  for (const name of [...TEXT_FIELDS, ...DAY_FIELDS]) $(`search-${name}`).value = fields[name] || '';
  $('search-attachments').checked = !!fields.attachments;
}

function setError(text, control) {
  const p = $('search-error');
  p.textContent = text || '';
  p.hidden = !text;
  for (const name of DAY_FIELDS) $(`search-${name}`).removeAttribute('aria-invalid');
  if (control) { control.setAttribute('aria-invalid', 'true'); control.focus(); }
}

/** The form's values: {fields} (only those given), or {error, control}. */
function readForm() {
  const fields = {};
  for (const name of TEXT_FIELDS) {
    const v = $(`search-${name}`).value.trim();
    if (v) fields[name] = v;
  }
  for (const name of DAY_FIELDS) {
    const input = $(`search-${name}`);
    if (input.validity && input.validity.badInput) return { error: t('search.badDate'), control: input };
    const v = input.value.trim();
    if (!v) continue;
    if (!isDayKey(v)) return { error: t('search.badDate'), control: input };
    fields[name] = v;
  }
  if (fields.after && fields.before && daysBetween(fields.after, fields.before) < 0) {
    return { error: t('search.badRange'), control: $('search-before') };
  }
  if ($('search-attachments').checked) fields.attachments = true;
  return { fields };
}

/** The fields as the API takes them: "until" a day includes that day. */
function toQuery(fields) {
  const q = {};
  for (const name of TEXT_FIELDS) if (fields[name]) q[name] = fields[name];
  if (fields.after) q.after = instantAt(fields.after, 0);
  if (fields.before) q.before = instantAt(addDays(fields.before, 1), 0);
  if (fields.attachments) q.attachments = true;
  return q;
}

function run() {
  const form = readForm();
  if (form.error) { setError(form.error, form.control); return; }
  setError('');
  applied = form.fields;
  list.setFilter(toQuery(applied));
  closePanel();
  hooks.onChange({ clearReader: true });
  list.focusList();
}

/** Clears the search by fields (the form and the list); the quick search stays. */
function clearFilter() {
  const was = isFiltered();
  applied = {};
  fillForm({});
  setError('');
  if (was) {
    list.setFilter({});
    hooks.onChange({ clearReader: true });
  }
}

// ---- the line above the list -------------------------------------------------------------------

/** What the search by fields asks, in words: "from “bob”, with attachments". */
export function filterDescription(fields = applied) {
  const parts = [];
  for (const name of TEXT_FIELDS) if (fields[name]) parts.push(t(`search.part.${name}`, { value: fields[name] }));
  for (const name of DAY_FIELDS) if (fields[name]) parts.push(t(`search.part.${name}`, { date: formatDay(fields[name], 'full') }));
  if (fields.attachments) parts.push(t('search.part.attachments'));
  return parts.join(', ');
}

/** Shows (or hides) #list-filter: the list is filtered, by what, and the button that clears it. */
export function renderFilter() {
  const on = isFiltered();
  $('list-filter').hidden = !on;
  $('search-advanced').classList.toggle('is-active', on);
  $('list-filter-text').textContent = on ? t('search.filtered', { what: filterDescription() }) : '';
}
