// Settings (#settings-dialog) in tabs: General (language, time zone), Signature (HTML or
// plain, also on replies and forwards) and Out of office, saved by the footer's Save; Rules,
// Delegates and Password, each with a Save of its own (settings/rules.js, delegates.js,
// password.js; the footer's Save is hidden there); and the banner (#oof-banner) that
// says automatic replies are on. GET/PUT api/settings and api/outofoffice (docs/webaccess.md):
// loaded after logon, fetched again when the dialog opens, and saved only where something
// changed. A new language is applied at once, by the same path as the logon page's choice,
// and the session is told (PATCH api/session); a new time zone re-renders every date.

import { get, put, patch } from './api.js';
import { $, el } from './dom.js';
import {
  t, setLanguage, setTimeZone, currentLanguage, currentTimeZone, browserTimeZone, timeZones, wallTimeToIso, isoToWallTime,
  zoneOffsetLabel, formatLongDate, formatSize, LANGUAGES,
} from './i18n.js';
import { openModal, confirmDialog } from './dialogs.js';
import { showStatus } from './status.js';
import { richEditor } from './editor.js';
import { safeFragment, htmlToText, textToFragment } from './richtext.js';
import { initRules, showRules, resetRules, rulesDirty, saveRules } from './settings/rules.js';
import { initDelegates, showDelegates, resetDelegates, delegatesDirty, saveDelegates } from './settings/delegates.js';
import { initPassword, resetPassword, changePassword } from './settings/password.js';

const MAX_SIGNATURE = 16 * 1024;   // the server's limit (characters of the body as sent)
const FORMAT_KEY = 'zcp.webaccess.composeHtml';
const TABS = ['general', 'signature', 'oof', 'rules', 'delegates', 'password'];
const OWN_SAVE = { rules: () => saveRules(), delegates: () => saveDelegates(), password: () => changePassword() };

let settings = null;      // as the server keeps them: {language, timezone, signature: {html, body}, signatureOnReply}
let oof = null;           // {enabled, subject, message, from, until}
let generation = 0;       // bumped at logoff: answers for an earlier session are dropped
let baseline = null;      // {settings, oof}: the form as filled (JSON), to see what changed
let available = { settings: false, oof: false };
let saving = false;
let zonesFilled = false;
let shownZone = null;     // the zone the out-of-office fields show their times in
let bannerTimer = 0;
let hooks = { focusMain: () => {} };

const dialog = () => $('settings-dialog');
const sigEditor = () => document.querySelector('#settings-dialog .sig-editor');
const sigPlain = () => document.querySelector('#settings-dialog .sig-plain');
const sigIsHtml = () => $('settings-signature-html').checked;
const zoneField = () => $('settings-timezone');

/** The user's settings as last loaded or saved, or null before they are known. */
export function currentSettings() { return settings; }

export function initSettings(options = {}) {
  hooks = { ...hooks, ...options };
  $('open-settings').addEventListener('click', () => openSettings());
  $('settings-close').addEventListener('click', () => closeSettings());
  $('settings-cancel').addEventListener('click', () => closeSettings());
  $('settings-form').addEventListener('submit', (e) => {
    e.preventDefault();
    // Enter in a field of a tab with a Save of its own saves that tab
    if (OWN_SAVE[currentTab()]) OWN_SAVE[currentTab()](); else save();
  });
  initRules();
  initDelegates();
  initPassword();

  const tablist = dialog().querySelector('[role="tablist"]');
  for (const tab of tablist.querySelectorAll('[role="tab"]')) tab.addEventListener('click', () => selectTab(tab.dataset.tab, true));
  tablist.addEventListener('keydown', (e) => {
    const k = TABS.indexOf(currentTab());
    let next = null;
    if (e.key === 'ArrowRight') next = TABS[(k + 1) % TABS.length];
    else if (e.key === 'ArrowLeft') next = TABS[(k - 1 + TABS.length) % TABS.length];
    else if (e.key === 'Home') next = TABS[0];
    else if (e.key === 'End') next = TABS[TABS.length - 1];
    if (next) { e.preventDefault(); selectTab(next, true); }
  });

  richEditor({
    editor: sigEditor(),
    buttons: $('settings-signature-buttons'),
    onChange: () => signatureChanged(),
    onError: (text) => fieldError('settings-signature-error', text, [sigEditor()]),
  });
  sigEditor().addEventListener('input', () => signatureChanged());
  sigPlain().addEventListener('input', () => signatureChanged());
  $('settings-signature-html').addEventListener('change', () => switchSignatureFormat(sigIsHtml()));

  $('settings-timezone-use').addEventListener('click', () => {
    setZoneValue(browserTimeZone());
    zoneChanged();
    zoneField().focus();
  });
  $('oof-enabled').addEventListener('change', () => updateOofFields());
  for (const id of ['oof-from', 'oof-until']) $(id).addEventListener('input', () => fieldError('oof-error', '', [$('oof-from'), $('oof-until')]));

  $('oof-banner-off').addEventListener('click', () => turnOffAutoReplies());
  $('oof-banner-edit').addEventListener('click', () => openSettings('oof'));
  window.addEventListener('languagechange-app', () => {
    updateBanner();
    if (dialog().open) { updateZoneHints(); updateSignatureSize(); }
  });
}

// ---- loading ---------------------------------------------------------------------------------

function normalizeSettings(s) {
  const sig = (s && s.signature) || {};
  return {
    language: s && s.language ? String(s.language) : null,
    timezone: s && s.timezone ? String(s.timezone) : null,
    signature: { html: !!sig.html, body: typeof sig.body === 'string' ? sig.body : '' },
    signatureOnReply: !!(s && s.signatureOnReply),
  };
}

function normalizeOof(o) {
  return {
    enabled: !!(o && o.enabled),
    subject: o && typeof o.subject === 'string' ? o.subject : '',
    message: o && typeof o.message === 'string' ? o.message : '',
    from: o && o.from ? String(o.from) : null,
    until: o && o.until ? String(o.until) : null,
  };
}

/** GET api/settings (after logon): the signature for compose, the time zone for dates. */
export async function loadSettings() {
  const gen = generation;
  let data;
  try { data = await get('api/settings', undefined, { quiet: true }); } catch { return null; }
  if (gen !== generation) return null;
  settings = normalizeSettings(data);
  if (settings.timezone) setTimeZone(settings.timezone, { notify: true });
  return settings;
}

/** GET api/outofoffice (after logon): the banner when automatic replies are on. */
export async function loadOutOfOffice() {
  const gen = generation;
  let data;
  try { data = await get('api/outofoffice', undefined, { quiet: true }); } catch { return null; }
  if (gen !== generation) return null;
  oof = normalizeOof(data);
  updateBanner();
  return oof;
}

/** Logoff: nothing of this user stays in the page. */
export function forgetSettings() {
  generation++;
  settings = null;
  oof = null;
  baseline = null;
  if (dialog().open) dialog().close();
  clearForm();
  resetRules();
  resetDelegates();
  resetPassword();
  updateBanner();
}

// ---- the dialog ------------------------------------------------------------------------------

/** Opens the dialog at {@code tab} (general, signature, oof) with the settings fetched afresh. */
export async function openSettings(tab = 'general') {
  const d = dialog();
  if (d.open) { selectTab(tab, true); return; }
  const gen = generation;
  clearErrors();
  // the rules and delegates are read afresh when their tab is shown
  resetRules();
  resetDelegates();
  resetPassword();
  selectTab(tab, false);
  setBusy(true);
  $('settings-loading').hidden = false;
  $('settings-save').disabled = true;
  openModal(d, { initialFocus: $(`settings-tab-${TABS.includes(tab) ? tab : 'general'}`), onCancel: () => closeSettings() });
  const [s, o] = await Promise.allSettled([
    get('api/settings', undefined, { quiet: true }),
    get('api/outofoffice', undefined, { quiet: true }),
  ]);
  if (gen !== generation || !d.open) return;
  $('settings-loading').hidden = true;
  available = { settings: s.status === 'fulfilled', oof: o.status === 'fulfilled' };
  if (available.settings) settings = normalizeSettings(s.value);
  if (available.oof) { oof = normalizeOof(o.value); updateBanner(); }
  const failed = [s, o].find((r) => r.status === 'rejected');
  if (failed) formError(failed.reason && failed.reason.message ? failed.reason.message : t('error.network'));
  fillForm();
  setBusy(false);
  $('settings-save').disabled = !available.settings && !available.oof;
  // the parts that could not be loaded stay read-only and are never saved
  for (const id of ['settings-panel-general', 'settings-panel-signature']) setDisabled($(id), !available.settings);
  setDisabled($('settings-panel-oof'), !available.oof);
  if (available.oof) updateOofFields();
  const focused = document.activeElement;
  if (!focused || focused === document.body || !d.contains(focused)) $(`settings-tab-${currentTab()}`).focus();
}

/** Closes the dialog; unsaved rules or delegates are given up only when the user says so. */
export async function closeSettings() {
  const d = dialog();
  if (d.open && (rulesDirty() || delegatesDirty())) {
    const choice = await confirmDialog({
      title: t('settings.discardTitle'),
      text: t(rulesDirty() ? 'settings.discardRules' : 'settings.discardDelegates'),
      buttons: [{ id: 'keep', text: t('cal.keepEditing') }, { id: 'discard', text: t('compose.discard'), danger: true, primary: true, elementId: 'settings-discard' }],
    });
    if (choice !== 'discard') return;
  }
  if (d.open) d.close();
  clearErrors();
  resetRules();
  resetDelegates();
  resetPassword();
}

function currentTab() {
  const sel = dialog().querySelector('[role="tab"][aria-selected="true"]');
  return sel ? sel.dataset.tab : 'general';
}

function selectTab(name, focus) {
  if (!TABS.includes(name)) name = 'general';
  for (const tab of dialog().querySelectorAll('[role="tab"]')) {
    const on = tab.dataset.tab === name;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute('aria-controls')).hidden = !on;
    if (on && focus) tab.focus();
  }
  // the tabs with a Save of their own: the footer's Save is the other tabs'
  $('settings-save').hidden = !!OWN_SAVE[name];
  $('settings-cancel').dataset.i18n = OWN_SAVE[name] ? 'dialog.close' : 'dialog.cancel';
  $('settings-cancel').textContent = t($('settings-cancel').dataset.i18n);
  if (name === 'rules') showRules();
  else if (name === 'delegates') showDelegates();
}

function setBusy(busy) {
  dialog().classList.toggle('is-busy', busy);
  for (const id of ['settings-panel-general', 'settings-panel-signature', 'settings-panel-oof']) setDisabled($(id), busy);
}

/** Disables (or enables) every control of a panel, the signature editor included. */
function setDisabled(panel, disabled) {
  for (const c of panel.querySelectorAll('input, select, textarea, button')) c.disabled = disabled;
  for (const c of panel.querySelectorAll('.sig-editor')) {
    c.contentEditable = disabled ? 'false' : 'true';
    c.setAttribute('aria-disabled', String(disabled));
  }
  panel.classList.toggle('is-disabled', disabled);
}

function clearForm() {
  sigEditor().replaceChildren();
  sigPlain().value = '';
  $('oof-subject').value = '';
  $('oof-message').value = '';
  $('oof-from').value = '';
  $('oof-until').value = '';
  $('oof-enabled').checked = false;
  shownZone = null;
  clearErrors();
}

function fillForm() {
  const s = settings || normalizeSettings({});
  // the language the page is in (chosen at logon or saved here)
  $('settings-language').value = LANGUAGES.includes(currentLanguage()) ? currentLanguage() : 'en';
  fillZones();
  // unknown (not loaded): the zone the page shows dates in, so the out-of-office times agree
  setZoneValue(available.settings ? s.timezone || browserTimeZone() || 'UTC' : currentTimeZone());
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

  const o = oof || normalizeOof({});
  const zone = validZone(zoneValue()) ? zoneValue() : currentTimeZone();
  $('oof-enabled').checked = o.enabled;
  $('oof-subject').value = o.subject;
  $('oof-message').value = o.message;
  $('oof-from').value = isoToWallTime(o.from, zone);
  $('oof-until').value = isoToWallTime(o.until, zone);
  shownZone = zone;
  updateZoneHints();
  baseline = { settings: JSON.stringify(settingsFromForm()), oof: JSON.stringify(oofFromForm()) };
}

// ---- general: time zones ---------------------------------------------------------------------

/** The time zone select: the browser's IANA zones by region; a text field where it has none. */
function fillZones() {
  if (zonesFilled) return;
  zonesFilled = true;
  const zones = timeZones();
  const field = zoneField();
  if (!zones || !zones.length) {
    const input = el('input', {
      className: field.className,
      attrs: { id: field.id, type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'Europe/Amsterdam',
        'aria-describedby': field.getAttribute('aria-describedby') },
    });
    field.replaceWith(input);
    input.addEventListener('input', () => zoneChanged());
    return;
  }
  const groups = new Map();
  const now = Date.now();
  const option = (zone, label) => el('option', { text: `${label} (${offsetOf(zone, now)})`, attrs: { value: zone } });
  for (const zone of zones) {
    const slash = zone.indexOf('/');
    const region = slash > 0 ? zone.slice(0, slash) : '';
    if (!groups.has(region)) groups.set(region, []);
    groups.get(region).push(option(zone, zone.replace(/_/g, ' ')));
  }
  const children = [];
  if (!zones.includes('UTC')) children.push(option('UTC', 'UTC'));
  for (const [region, options] of groups) {
    if (!region) children.push(...options);
    else children.push(el('optgroup', { attrs: { label: region.replace(/_/g, ' ') } }, ...options));
  }
  field.replaceChildren(...children);
  field.addEventListener('change', () => zoneChanged());
}

function offsetOf(zone, at) {
  try { return zoneOffsetLabel(zone, at); } catch { return 'UTC'; }
}

function zoneValue() { return zoneField().value.trim() || browserTimeZone() || 'UTC'; }

/** Selects {@code zone}, adding it to the list when the browser does not know the name. */
function setZoneValue(zone) {
  const field = zoneField();
  if (field.tagName === 'SELECT' && zone && ![...field.options].some((o) => o.value === zone)) {
    field.prepend(el('option', { text: zone, attrs: { value: zone } }));
  }
  field.value = zone || '';
}

/**
 * Another time zone: the out-of-office period stays the same instants, shown in the new zone
 * (changing the zone alone never moves it).
 */
function zoneChanged() {
  fieldError('settings-timezone-error', '', [zoneField()]);
  const zone = zoneValue();
  if (shownZone && zone !== shownZone && validZone(zone)) {
    for (const id of ['oof-from', 'oof-until']) {
      const iso = wallTimeToIso($(id).value, shownZone);
      if (iso) $(id).value = isoToWallTime(iso, zone);
    }
    shownZone = zone;
  }
  updateZoneHints();
}

function validZone(zone) {
  try { new Intl.DateTimeFormat('en', { timeZone: zone }); return true; } catch { return false; }
}

/** "This device uses …" (with a button when it differs) and the zone the OOF times are in. */
function updateZoneHints() {
  const device = browserTimeZone();
  const zone = zoneValue();
  $('settings-timezone-device').textContent = device ? t('settings.deviceZone', { zone: device.replace(/_/g, ' ') }) : '';
  $('settings-timezone-use').hidden = !device || device === zone;
  const shown = shownZone || zone;
  let label = shown;
  try { label = `${shown.replace(/_/g, ' ')} (${zoneOffsetLabel(shown)})`; } catch { /* not a zone: the server says so */ }
  $('oof-zone').textContent = t('oof.zoneHint', { zone: label });
}

// ---- signature -------------------------------------------------------------------------------

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

function updateSignatureSize() {
  const n = signatureBody().length;
  const p = $('settings-signature-size');
  p.textContent = t('settings.signatureSize', { size: formatSize(n), max: formatSize(MAX_SIGNATURE) });
  p.classList.toggle('is-over', n > MAX_SIGNATURE);
}

// ---- saving ----------------------------------------------------------------------------------

function settingsFromForm() {
  return {
    language: $('settings-language').value,
    timezone: zoneValue(),
    signature: { html: sigIsHtml(), body: signatureBody() },
    signatureOnReply: $('settings-signature-reply').checked,
  };
}

function oofFromForm() {
  const zone = shownZone || zoneValue();
  return {
    enabled: $('oof-enabled').checked,
    subject: $('oof-subject').value,
    message: $('oof-message').value,
    from: wallTimeToIso($('oof-from').value, zone),
    until: wallTimeToIso($('oof-until').value, zone),
  };
}

function updateOofFields() {
  $('oof-fields').classList.toggle('is-off', !$('oof-enabled').checked);
}

function clearErrors() {
  for (const p of dialog().querySelectorAll('.field-error')) { p.textContent = ''; p.hidden = true; }
  for (const c of dialog().querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  formError('');
}

function fieldError(id, text, controls = []) {
  const p = $(id);
  p.textContent = text || '';
  p.hidden = !text;
  for (const c of controls) {
    if (text) c.setAttribute('aria-invalid', 'true'); else c.removeAttribute('aria-invalid');
  }
}

function formError(text) {
  const p = $('settings-error');
  p.textContent = text || '';
  p.hidden = !text;
}

/** Shows an error next to its field, on its tab, and puts the focus there. */
function showFieldError(tab, id, text, control) {
  fieldError(id, text, control ? [control] : []);
  selectTab(tab, false);
  if (control) control.focus();
}

function validate(s, o) {
  if (available.settings && s.signature.body.length > MAX_SIGNATURE) {
    showFieldError('signature', 'settings-signature-error', t('settings.signatureTooLong', { max: formatSize(MAX_SIGNATURE) }),
      sigIsHtml() ? sigEditor() : sigPlain());
    return false;
  }
  if (available.oof) {
    for (const id of ['oof-from', 'oof-until']) {
      if ($(id).validity && $(id).validity.badInput) {
        showFieldError('oof', 'oof-error', t('oof.badTime'), $(id));
        return false;
      }
    }
    if (o.from && o.until && Date.parse(o.until) <= Date.parse(o.from)) {
      showFieldError('oof', 'oof-error', t('oof.endBeforeStart'), $('oof-until'));
      return false;
    }
  }
  return true;
}

/** A 400 from PUT api/settings next to the field it is about, else above the buttons. */
function settingsRefused(err) {
  const text = err.serverMessage || err.message;
  if (err.status !== 400) { formError(text); return; }
  if (/signature|KB/i.test(text)) showFieldError('signature', 'settings-signature-error', text, sigIsHtml() ? sigEditor() : sigPlain());
  else if (/time ?zone|zone/i.test(text)) showFieldError('general', 'settings-timezone-error', text, zoneField());
  else if (/language/i.test(text)) showFieldError('general', 'settings-language-error', text, $('settings-language'));
  else formError(text);
}

function oofRefused(err) {
  const text = err.serverMessage || err.message;
  if (err.status !== 400) { formError(text); return; }
  let control = null;
  if (/until|end/i.test(text)) control = $('oof-until');
  else if (/from|start/i.test(text)) control = $('oof-from');
  else if (/subject/i.test(text)) control = $('oof-subject');
  else if (/message/i.test(text)) control = $('oof-message');
  showFieldError('oof', 'oof-error', text, control);
}

async function save() {
  if (saving || !baseline) return;
  clearErrors();
  const s = settingsFromForm();
  const o = oofFromForm();
  if (!validate(s, o)) return;
  const settingsChanged = available.settings && JSON.stringify(s) !== baseline.settings;
  const oofChanged = available.oof && JSON.stringify(o) !== baseline.oof;
  if (!settingsChanged && !oofChanged) { closeSettings(); return; }
  const gen = generation;
  const button = $('settings-save');
  saving = true;
  button.disabled = true;
  button.classList.add('busy');
  let ok = true;
  try {
    if (settingsChanged) {
      try {
        const kept = await put('api/settings', s, { quiet: true });
        if (gen !== generation) return;
        settings = normalizeSettings(kept || s);
        baseline.settings = JSON.stringify(s);
        await applySettings(s.language);
      } catch (err) {
        if (gen !== generation) return;
        ok = false;
        settingsRefused(err);
      }
    }
    // the out-of-office times are read in the time zone just saved: not after a refusal
    if (oofChanged && ok) {
      try {
        const kept = await put('api/outofoffice', o, { quiet: true });
        if (gen !== generation) return;
        oof = normalizeOof(kept || o);
        baseline.oof = JSON.stringify(o);
        updateBanner();
      } catch (err) {
        if (gen !== generation) return;
        ok = false;
        oofRefused(err);
      }
    }
  } finally {
    saving = false;
    button.disabled = false;
    button.classList.remove('busy');
  }
  if (ok) {
    closeSettings();
    showStatus(t('settings.saved'), 'success');
  }
}

/** The language (as the logon page's choice does) and the time zone, at once. */
async function applySettings(language) {
  if (settings.timezone) setTimeZone(settings.timezone, { notify: true });
  const lang = settings.language && LANGUAGES.includes(settings.language) ? settings.language : language;
  if (lang && lang !== currentLanguage()) {
    try { await setLanguage(lang); } catch { /* the catalog is missing: the page stays as it is */ }
    const logonLanguage = $('logon-language');
    if (logonLanguage) logonLanguage.value = currentLanguage();
    // the session agrees (its language is the one the server uses for what it writes)
    patch('api/session', { language: lang }, { quiet: true }).catch(() => {});
  }
}

// ---- the out-of-office banner ----------------------------------------------------------------

/** on: replying now; scheduled: from a later time; off (also when the period has ended). */
function oofState(o, now = Date.now()) {
  if (!o || !o.enabled) return { state: 'off' };
  const from = o.from ? Date.parse(o.from) : NaN;
  const until = o.until ? Date.parse(o.until) : NaN;
  if (!Number.isNaN(until) && until <= now) return { state: 'off' };
  if (!Number.isNaN(from) && from > now) return { state: 'scheduled', next: from };
  return { state: 'on', next: Number.isNaN(until) ? null : until };
}

function updateBanner() {
  clearTimeout(bannerTimer);
  const banner = $('oof-banner');
  const { state, next } = oofState(oof);
  const wasShown = !banner.hidden;
  const hadFocus = banner.contains(document.activeElement);
  banner.hidden = state === 'off';
  if (state === 'scheduled') $('oof-banner-text').textContent = t('oof.bannerScheduled', { from: formatLongDate(oof.from) });
  else if (state === 'on' && oof.until) $('oof-banner-text').textContent = t('oof.bannerUntil', { until: formatLongDate(oof.until) });
  else if (state === 'on') $('oof-banner-text').textContent = t('oof.bannerOn');
  else $('oof-banner-text').textContent = '';
  // say it again when the period starts or ends (timers of at most a day)
  if (next) {
    const wait = next - Date.now() + 1000;
    if (wait > 0 && wait < 86400000) bannerTimer = setTimeout(updateBanner, wait);
  }
  if (wasShown && banner.hidden && hadFocus) hooks.focusMain();
}

let turningOff = false;

async function turnOffAutoReplies() {
  if (turningOff) return;
  // not disabled while it works: the focus stays on it, and goes to the list when the banner goes
  const button = $('oof-banner-off');
  turningOff = true;
  button.setAttribute('aria-disabled', 'true');
  const gen = generation;
  try {
    const current = oof || normalizeOof(await get('api/outofoffice'));
    const kept = await put('api/outofoffice', { ...current, enabled: false });
    if (gen !== generation) return;
    oof = normalizeOof(kept || { ...current, enabled: false });
    updateBanner();
    showStatus(t('oof.turnedOff'), 'success');
  } catch { /* shown in #status */ } finally {
    turningOff = false;
    button.removeAttribute('aria-disabled');
  }
}
