// Out of office (GET/PUT api/outofoffice): the tab of the settings (#settings-panel-oof: on or
// off, subject, message, an optional period shown in the time zone of the General tab) and the
// banner under the toolbar (#oof-banner) while automatic replies are on or scheduled, with
// "Edit" (the tab) and "Turn off". settings.js fills, reads and saves the tab.

import { get, put } from '../api.js';
import { $, fieldError } from '../dom.js';
import { t, wallTimeToIso, isoToWallTime, zoneOffsetLabel, formatLongDate } from '../i18n.js';
import { showStatus } from '../status.js';

let oof = null;           // {enabled, subject, message, from, until} as the server keeps it
let generation = 0;       // bumped at logoff: answers for an earlier session are dropped
let shownZone = null;     // the zone the period's fields show their times in
let bannerTimer = 0;
let turningOff = false;
let hooks = { focusMain: () => {}, openSettings: () => {} };

export function initOof(options = {}) {
  hooks = { ...hooks, ...options };
  $('oof-enabled').addEventListener('change', () => updateOofFields());
  for (const id of ['oof-from', 'oof-until']) $(id).addEventListener('input', () => fieldError('oof-error', '', [$('oof-from'), $('oof-until')]));
  $('oof-banner-off').addEventListener('click', () => turnOffAutoReplies());
  $('oof-banner-edit').addEventListener('click', () => hooks.openSettings('oof'));
  window.addEventListener('languagechange-app', () => updateBanner());
}

export function normalizeOof(o) {
  return {
    enabled: !!(o && o.enabled),
    subject: o && typeof o.subject === 'string' ? o.subject : '',
    message: o && typeof o.message === 'string' ? o.message : '',
    from: o && o.from ? String(o.from) : null,
    until: o && o.until ? String(o.until) : null,
  };
}

/** GET api/outofoffice (after logon): the banner when automatic replies are on. */
export async function loadOutOfOffice() {
  const gen = generation;
  let data;
  try { data = await get('api/outofoffice', undefined, { quiet: true }); } catch { return null; }
  if (gen !== generation) return null;
  setOof(data);
  return oof;
}

/** The out-of-office state as last loaded or saved (normalized), and the banner for it. */
export function setOof(data) {
  oof = normalizeOof(data);
  updateBanner();
}

/** Logoff: nothing of the user stays, the banner goes. */
export function forgetOof() {
  generation++;
  oof = null;
  clearOofForm();
  updateBanner();
}

// ---- the tab -------------------------------------------------------------------------------------

export function clearOofForm() {
  $('oof-subject').value = '';
  $('oof-message').value = '';
  $('oof-from').value = '';
  $('oof-until').value = '';
  $('oof-enabled').checked = false;
  shownZone = null;
}

/** Fills the tab, the period's times in {@code zone}. */
export function fillOof(zone) {
  const o = oof || normalizeOof({});
  $('oof-enabled').checked = o.enabled;
  $('oof-subject').value = o.subject;
  $('oof-message').value = o.message;
  $('oof-from').value = isoToWallTime(o.from, zone);
  $('oof-until').value = isoToWallTime(o.until, zone);
  shownZone = zone;
  updateZoneHint(zone);
}

/**
 * Another time zone on the General tab: the period stays the same instants, shown in the new
 * zone (changing the zone alone never moves it).
 */
export function oofZoneChanged(zone, valid) {
  if (shownZone && zone !== shownZone && valid) {
    for (const id of ['oof-from', 'oof-until']) {
      const iso = wallTimeToIso($(id).value, shownZone);
      if (iso) $(id).value = isoToWallTime(iso, zone);
    }
    shownZone = zone;
  }
  updateZoneHint(zone);
}

/** "Times in Europe/Amsterdam (UTC+01:00)": the zone the period is shown in. */
export function updateZoneHint(fallbackZone) {
  const shown = shownZone || fallbackZone;
  let label = shown;
  try { label = `${shown.replace(/_/g, ' ')} (${zoneOffsetLabel(shown)})`; } catch { /* not a zone: the server says so */ }
  $('oof-zone').textContent = t('oof.zoneHint', { zone: label });
}

/** The tab as the API takes it, the times read in the zone they are shown in. */
export function oofFromForm(fallbackZone) {
  const zone = shownZone || fallbackZone;
  return {
    enabled: $('oof-enabled').checked,
    subject: $('oof-subject').value,
    message: $('oof-message').value,
    from: wallTimeToIso($('oof-from').value, zone),
    until: wallTimeToIso($('oof-until').value, zone),
  };
}

export function updateOofFields() {
  $('oof-fields').classList.toggle('is-off', !$('oof-enabled').checked);
}

/** Null when {@code o} may be saved, else {tab, id, text, control}. */
export function validateOof(o) {
  for (const id of ['oof-from', 'oof-until']) {
    if ($(id).validity && $(id).validity.badInput) return { tab: 'oof', id: 'oof-error', text: t('oof.badTime'), control: $(id) };
  }
  if (o.from && o.until && Date.parse(o.until) <= Date.parse(o.from)) {
    return { tab: 'oof', id: 'oof-error', text: t('oof.endBeforeStart'), control: $('oof-until') };
  }
  return null;
}

/** Where a 400 of PUT api/outofoffice is shown: {tab, id, control}. */
export function oofRefusal(text) {
  let control = null;
  if (/until|end/i.test(text)) control = $('oof-until');
  else if (/from|start/i.test(text)) control = $('oof-from');
  else if (/subject/i.test(text)) control = $('oof-subject');
  else if (/message/i.test(text)) control = $('oof-message');
  return { tab: 'oof', id: 'oof-error', control };
}

/** PUT api/outofoffice; the banner follows. Answers the state as kept. */
export async function saveOof(o) {
  const gen = generation;
  const kept = await put('api/outofoffice', o, { quiet: true });
  if (gen !== generation) return null;
  setOof(kept || o);
  return oof;
}

// ---- the banner ----------------------------------------------------------------------------------

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
    setOof(kept || { ...current, enabled: false });
    showStatus(t('oof.turnedOff'), 'success');
  } catch { /* shown in #status */ } finally {
    turningOff = false;
    button.removeAttribute('aria-disabled');
  }
}
