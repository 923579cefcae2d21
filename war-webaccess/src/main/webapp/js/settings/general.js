// The General tab of the settings (#settings-panel-general): the language and the time zone (the
// browser's IANA zones by region, a text field where it lists none), with what this device uses
// and a button to take it. settings.js fills, reads and saves it; a change of zone is told to it
// (the out-of-office period keeps its instants, shown in the new zone).

import { $, el, fieldError } from '../dom.js';
import { t, currentLanguage, browserTimeZone, timeZones, zoneOffsetLabel, LANGUAGES } from '../i18n.js';

let zonesFilled = false;
let hooks = { onZoneChanged: () => {} };

const zoneField = () => $('settings-timezone');

export function initGeneral(options = {}) {
  hooks = { ...hooks, ...options };
  $('settings-timezone-use').addEventListener('click', () => {
    setZoneValue(browserTimeZone());
    zoneChanged();
    zoneField().focus();
  });
}

/** Fills the tab: the language the page is in, and {@code zone}. */
export function fillGeneral(zone) {
  $('settings-language').value = LANGUAGES.includes(currentLanguage()) ? currentLanguage() : 'en';
  fillZones();
  setZoneValue(zone);
}

/** {language, timezone} as the form has them. */
export function generalFromForm() {
  return { language: $('settings-language').value, timezone: zoneValue() };
}

/** The time zone chosen (the device's, else UTC, when the field is empty). */
export function zoneValue() { return zoneField().value.trim() || browserTimeZone() || 'UTC'; }

export function validZone(zone) {
  try { new Intl.DateTimeFormat('en', { timeZone: zone }); return true; } catch { return false; }
}

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

/** Selects {@code zone}, adding it to the list when the browser does not know the name. */
function setZoneValue(zone) {
  const field = zoneField();
  if (field.tagName === 'SELECT' && zone && ![...field.options].some((o) => o.value === zone)) {
    field.prepend(el('option', { text: zone, attrs: { value: zone } }));
  }
  field.value = zone || '';
}

function zoneChanged() {
  fieldError('settings-timezone-error', '', [zoneField()]);
  hooks.onZoneChanged(zoneValue());
  updateDeviceHint();
}

/** "This device uses …", with a button to take it when it differs. */
export function updateDeviceHint() {
  const device = browserTimeZone();
  $('settings-timezone-device').textContent = device ? t('settings.deviceZone', { zone: device.replace(/_/g, ' ') }) : '';
  $('settings-timezone-use').hidden = !device || device === zoneValue();
}

/** Where a 400 of PUT api/settings about this tab is shown: {id, control}, or null. */
export function generalRefusal(text) {
  if (/time ?zone|zone/i.test(text)) return { tab: 'general', id: 'settings-timezone-error', control: zoneField() };
  if (/language/i.test(text)) return { tab: 'general', id: 'settings-language-error', control: $('settings-language') };
  return null;
}
