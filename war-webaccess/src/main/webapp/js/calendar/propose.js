// "Propose new time…" of a meeting request (#propose-dialog, from the meeting bar, meeting.js):
// start and end (prefilled with the meeting's time in the user's time zone; days only for an
// all-day meeting), the answer that goes with the proposal (tentative or declined) and a
// comment; POST api/messages/{id}/respond with proposedStart / proposedEnd (instants), which the
// server sends to the organizer as a proposal (iTIP COUNTER).

import { $ } from '../dom.js';
import { t, currentTimeZone, isoToWallTime, wallTimeToIso, zoneOffsetLabel } from '../i18n.js';
import { openModal } from '../dialogs.js';
import { showStatus } from '../status.js';
import { respondMessage } from './data.js';
import { addDays, daysBetween, isDayKey, instantAt, formatWhen, formatDuration, ms } from './dates.js';

const p = { message: null, allDay: false, durationMs: 3600000, days: 0, sending: false, onSent: null };
const dialog = () => $('propose-dialog');

export function initPropose() {
  $('propose-form').addEventListener('submit', (e) => { e.preventDefault(); send(); });
  $('propose-cancel').addEventListener('click', () => dialog().close());
  $('propose-close').addEventListener('click', () => dialog().close());
  for (const id of ['propose-start-date', 'propose-start-time']) $(id).addEventListener('change', () => startMoved());
  for (const id of ['propose-end-date', 'propose-end-time']) $(id).addEventListener('change', () => endMoved());
  dialog().addEventListener('close', () => {
    p.message = null;
    p.onSent = null;
    $('propose-comment').value = '';
  });
  window.addEventListener('languagechange-app', () => { if (dialog().open) updateTexts(); });
}

/**
 * Opens the dialog for the meeting request {@code message} (as GET api/messages/{id} answers it);
 * {@code comment}: what the user typed in the bar already; {@code onSent(answer)} after sending.
 */
export function openPropose(message, { comment = '', onSent } = {}) {
  const m = message.meeting;
  if (!m || !m.start) return;
  Object.assign(p, { message, onSent, allDay: !!m.allDay, sending: false });
  const tz = currentTimeZone();
  if (p.allDay) {
    const first = String(m.start).slice(0, 10);
    let last = addDays(String(m.end || m.start).slice(0, 10), -1);
    if (daysBetween(first, last) < 0) last = first;
    $('propose-start-date').value = first;
    $('propose-end-date').value = last;
    p.days = daysBetween(first, last);
  } else {
    const ws = isoToWallTime(m.start, tz);
    const we = isoToWallTime(m.end || m.start, tz);
    $('propose-start-date').value = ws.slice(0, 10);
    $('propose-start-time').value = ws.slice(11, 16);
    $('propose-end-date').value = we.slice(0, 10);
    $('propose-end-time').value = we.slice(11, 16);
    p.durationMs = Math.max(0, ms(m.end || m.start) - ms(m.start));
  }
  for (const id of ['propose-start-time', 'propose-end-time']) { $(id).hidden = p.allDay; $(id).disabled = p.allDay; }
  $('propose-answer').value = 'tentative';
  $('propose-comment').value = comment;
  setError('');
  updateTexts();
  openModal(dialog(), { initialFocus: $('propose-start-date') });
}

function updateTexts() {
  const m = p.message && p.message.meeting;
  if (!m) return;
  $('propose-current').textContent = t('propose.current', { when: formatWhen({ start: m.start, end: m.end, allDay: !!m.allDay }) });
  const tz = currentTimeZone();
  let zone = tz;
  try { zone = `${tz.replace(/_/g, ' ')} (${zoneOffsetLabel(tz)})`; } catch { /* the name alone */ }
  $('propose-zone').textContent = p.allDay ? '' : t('propose.zone', { zone });
  updateHint();
}

function updateHint() {
  const w = readWhen();
  $('propose-hint').textContent = w.error || p.allDay ? '' : t('cal.duration', { duration: formatDuration(Math.round((ms(w.end) - ms(w.start)) / 60000)) });
}

/** The proposed time as the API takes it ({start, end} instants), or {error, control}. */
function readWhen() {
  const sd = $('propose-start-date').value;
  const ed = $('propose-end-date').value;
  if (!isDayKey(sd)) return { error: t('cal.badDate'), control: $('propose-start-date') };
  if (!isDayKey(ed)) return { error: t('cal.badDate'), control: $('propose-end-date') };
  if (p.allDay) {
    if (daysBetween(sd, ed) < 0) return { error: t('cal.endBeforeStart'), control: $('propose-end-date') };
    // the API takes instants: the days from midnight to midnight in the user's zone
    return { start: instantAt(sd, 0), end: instantAt(addDays(ed, 1), 0), shown: { start: sd, end: addDays(ed, 1), allDay: true } };
  }
  const start = wallTimeToIso(`${sd}T${$('propose-start-time').value}`);
  const end = wallTimeToIso(`${ed}T${$('propose-end-time').value}`);
  if (!start) return { error: t('cal.badTime'), control: $('propose-start-time') };
  if (!end) return { error: t('cal.badTime'), control: $('propose-end-time') };
  if (ms(end) <= ms(start)) return { error: t('cal.endBeforeStart'), control: $('propose-end-time') };
  return { start, end, shown: { start, end } };
}

/** The start moved: the end keeps the length. */
function startMoved() {
  const sd = $('propose-start-date').value;
  if (!isDayKey(sd)) return;
  if (p.allDay) {
    $('propose-end-date').value = addDays(sd, p.days);
  } else {
    const s = wallTimeToIso(`${sd}T${$('propose-start-time').value}`);
    if (s) {
      const we = isoToWallTime(new Date(ms(s) + p.durationMs).toISOString());
      $('propose-end-date').value = we.slice(0, 10);
      $('propose-end-time').value = we.slice(11, 16);
    }
  }
  setError('');
  updateHint();
}

function endMoved() {
  const w = readWhen();
  if (!w.error) {
    if (p.allDay) p.days = daysBetween($('propose-start-date').value, $('propose-end-date').value);
    else p.durationMs = ms(w.end) - ms(w.start);
  }
  setError('');
  updateHint();
}

function setError(text, control) {
  const e = $('propose-error');
  e.textContent = text || '';
  e.hidden = !text;
  for (const c of dialog().querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  if (control) { control.setAttribute('aria-invalid', 'true'); control.focus(); }
}

async function send() {
  if (p.sending || !p.message) return;
  const w = readWhen();
  if (w.error) { setError(w.error, w.control); return; }
  const message = p.message;
  const answer = $('propose-answer').value === 'declined' ? 'declined' : 'tentative';
  const comment = $('propose-comment').value.trim();
  const button = $('propose-send');
  p.sending = true;
  button.disabled = true;
  button.classList.add('busy');
  try {
    await respondMessage(message.id, answer, { comment, proposedStart: w.start, proposedEnd: w.end });
    const onSent = p.onSent;
    dialog().close();
    showStatus(t('propose.sent', { subject: message.subject || t('list.noSubject'), when: formatWhen(w.shown) }), 'success');
    if (onSent) onSent(answer);
  } catch (err) {
    setError((err && err.message) || t('error.network'));
  } finally {
    p.sending = false;
    button.disabled = false;
    button.classList.remove('busy');
  }
}
