// Settings (#settings-dialog): the frame of the dialog and its tabs. General (language, time
// zone: settings/general.js), Signature (settings/signature.js) and Out of office
// (settings/oof.js, also the banner #oof-banner) are saved by the footer's Save; Rules,
// Delegates and Password each have a Save of their own (settings/rules.js, delegates.js,
// password.js; the footer's Save is hidden there). GET/PUT api/settings and api/outofoffice
// (docs/webaccess.md): loaded after logon, fetched again when the dialog opens, and saved only
// where something changed. A new language is applied at once, by the same path as the logon
// page's choice, and the session is told (PATCH api/session); a new time zone re-renders every date.

import { get, put, patch } from './api.js';
import { $, fieldError } from './dom.js';
import { t, setLanguage, setTimeZone, currentLanguage, currentTimeZone, browserTimeZone, LANGUAGES } from './i18n.js';
import { openModal, confirmDialog } from './dialogs.js';
import { showStatus } from './status.js';
import { initGeneral, fillGeneral, generalFromForm, zoneValue, validZone, updateDeviceHint, generalRefusal } from './settings/general.js';
import {
  initSignature, fillSignature, clearSignatureForm, signatureFromForm, updateSignatureSize, validateSignature, signatureRefusal,
} from './settings/signature.js';
import {
  initOof, loadOutOfOffice as loadOof, setOof, forgetOof, clearOofForm, fillOof, oofZoneChanged, updateZoneHint, oofFromForm,
  updateOofFields, validateOof, oofRefusal, saveOof,
} from './settings/oof.js';
import { initRules, showRules, resetRules, rulesDirty, saveRules } from './settings/rules.js';
import { initDelegates, showDelegates, resetDelegates, delegatesDirty, saveDelegates } from './settings/delegates.js';
import { initPassword, resetPassword, changePassword } from './settings/password.js';

const TABS = ['general', 'signature', 'oof', 'rules', 'delegates', 'password'];
const OWN_SAVE = { rules: () => saveRules(), delegates: () => saveDelegates(), password: () => changePassword() };

let settings = null;      // as the server keeps them: {language, timezone, signature: {html, body}, signatureOnReply}
let generation = 0;       // bumped at logoff: answers for an earlier session are dropped
let baseline = null;      // {settings, oof}: the form as filled (JSON), to see what changed
let available = { settings: false, oof: false };
let saving = false;
let hooks = { focusMain: () => {} };

const dialog = () => $('settings-dialog');

/** The user's settings as last loaded or saved, or null before they are known. */
export function currentSettings() { return settings; }

/** GET api/outofoffice (after logon): the banner when automatic replies are on. */
export const loadOutOfOffice = () => loadOof();

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
  initGeneral({ onZoneChanged: (zone) => oofZoneChanged(zone, validZone(zone)) });
  initSignature();
  initOof({ focusMain: () => hooks.focusMain(), openSettings: (tab) => openSettings(tab) });
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
  window.addEventListener('languagechange-app', () => {
    if (dialog().open) { updateDeviceHint(); updateZoneHint(zoneValue()); updateSignatureSize(); }
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

/** Logoff: nothing of this user stays in the page. */
export function forgetSettings() {
  generation++;
  settings = null;
  baseline = null;
  if (dialog().open) dialog().close();
  clearForm();
  resetRules();
  resetDelegates();
  resetPassword();
  forgetOof();
}

// ---- the dialog ------------------------------------------------------------------------------

/** Opens the dialog at {@code tab} (general, signature, oof, …) with the settings fetched afresh. */
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
  if (available.oof) setOof(o.value);
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
  clearSignatureForm();
  clearOofForm();
  clearErrors();
}

function fillForm() {
  const s = settings || normalizeSettings({});
  // unknown (not loaded): the zone the page shows dates in, so the out-of-office times agree
  fillGeneral(available.settings ? s.timezone || browserTimeZone() || 'UTC' : currentTimeZone());
  fillSignature(s);
  fillOof(validZone(zoneValue()) ? zoneValue() : currentTimeZone());
  updateDeviceHint();
  baseline = { settings: JSON.stringify(settingsFromForm()), oof: JSON.stringify(oofFromForm(zoneValue())) };
}

// ---- saving ----------------------------------------------------------------------------------

function settingsFromForm() {
  return { ...generalFromForm(), ...signatureFromForm() };
}

function clearErrors() {
  for (const p of dialog().querySelectorAll('.field-error')) { p.textContent = ''; p.hidden = true; }
  for (const c of dialog().querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  formError('');
}

function formError(text) {
  const p = $('settings-error');
  p.textContent = text || '';
  p.hidden = !text;
}

/** Shows an error next to its field ({tab, id, control}), on its tab, and puts the focus there. */
function showFieldError(where, text) {
  fieldError(where.id, text, where.control ? [where.control] : []);
  selectTab(where.tab, false);
  if (where.control) where.control.focus();
}

function validate(s, o) {
  const problem = (available.settings && validateSignature(s.signature.body)) || (available.oof && validateOof(o));
  if (problem) { showFieldError(problem, problem.text); return false; }
  return true;
}

/** A 400 from PUT api/settings next to the field it is about, else above the buttons. */
function settingsRefused(err) {
  const text = err.serverMessage || err.message;
  const where = err.status === 400 ? signatureRefusal(text) || generalRefusal(text) : null;
  if (where) showFieldError(where, text); else formError(text);
}

function oofRefused(err) {
  const text = err.serverMessage || err.message;
  if (err.status !== 400) { formError(text); return; }
  showFieldError(oofRefusal(text), text);
}

async function save() {
  if (saving || !baseline) return;
  clearErrors();
  const s = settingsFromForm();
  const o = oofFromForm(zoneValue());
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
        const kept = await saveOof(o);
        if (!kept || gen !== generation) return;
        baseline.oof = JSON.stringify(o);
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
