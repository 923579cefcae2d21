// The meeting bar of the reading pane (#reader-meeting) for a message of class
// IPM.Schedule.Meeting.*, by the meeting's method:
// - request: when and where, the user's answer; accept / tentative / decline with an optional
//   comment (#meeting-comment), and "Propose new time…" (#meeting-propose, calendar/propose.js);
// - reply: who answered what (meeting.from.status, else the message class);
// - counter: "<who> proposes <when>", the time the meeting has now, and for the organizer
//   "Accept proposal" (#meeting-accept-proposal: POST api/messages/{id}/accept-proposal);
// - cancel: a line.
// Answers go to POST api/messages/{id}/respond (calendar/data.js).

import { get, path } from './api.js';
import { $, displayName } from './dom.js';
import { t } from './i18n.js';
import { showStatus } from './status.js';
import { respondMessage, acceptProposal } from './calendar/data.js';
import { formatWhen } from './calendar/dates.js';
import { initPropose, openPropose } from './calendar/propose.js';

const ANSWERS = { 'meeting-accept': 'accepted', 'meeting-tentative': 'tentative', 'meeting-decline': 'declined' };
const METHODS = ['request', 'reply', 'counter', 'cancel'];
const taken = new Set();          // ids of proposals the user accepted in this session
let msg = null;                   // the message whose bar is shown
let seq = 0;                      // the current time of a proposed meeting: answers for an earlier message are dropped
let hooks = { onOpen: () => {}, onChanged: () => {} };

export function initMeetingBar(options = {}) {
  hooks = { ...hooks, ...options };
  for (const id of Object.keys(ANSWERS)) $(id).addEventListener('click', () => answer(ANSWERS[id]));
  $('meeting-open').addEventListener('click', () => msg && msg.meeting && hooks.onOpen(msg.meeting));
  $('meeting-propose').addEventListener('click', () => propose());
  $('meeting-accept-proposal').addEventListener('click', () => takeProposal());
  initPropose();
}

/** The answer a reply carries, from its class (IPM.Schedule.Meeting.Resp.Pos/Tent/Neg). */
function replyAnswer(messageClass) {
  const c = String(messageClass || '').toLowerCase();
  if (c.endsWith('.resp.pos')) return 'accepted';
  if (c.endsWith('.resp.tent')) return 'tentative';
  if (c.endsWith('.resp.neg')) return 'declined';
  return null;
}

/** The attendee a reply or a proposal is from: the meeting's "from", else the message's sender. */
function attendeeName(message) {
  const from = message.meeting && message.meeting.from;
  return (from && (from.name || from.email)) || displayName(message.from) || t('list.noSender');
}

/** Shows the bar for {@code message} (hidden when it carries no meeting). */
export function renderMeeting(message) {
  const bar = $('reader-meeting');
  const m = message && message.meeting;
  if (!msg || !message || msg.id !== message.id) $('meeting-comment').value = '';
  msg = message || null;
  bar.hidden = !m;
  if (!m) return;
  const method = METHODS.includes(m.method) ? m.method : 'request';
  bar.classList.remove(...METHODS.map((x) => `meeting-${x}`));
  bar.classList.add(`meeting-${method}`);
  $('meeting-title').textContent = t(`meeting.title.${method}`);
  const where = m.location ? t('meeting.where', { location: m.location }) : '';
  const when = formatWhen({ start: m.start, end: m.end, allDay: !!m.allDay });
  const inCalendar = !!(m.calendarId && m.eventId);
  $('meeting-when').textContent = [method === 'counter' ? '' : when, where].filter(Boolean).join(' · ');
  $('meeting-when').hidden = !$('meeting-when').textContent;
  const current = $('meeting-current');
  current.hidden = true;
  current.textContent = '';
  let info;
  if (method === 'request') {
    const mine = ['accepted', 'tentative', 'declined'].includes(m.myResponse) ? m.myResponse : 'needs-action';
    info = t(`cal.yourAnswer.${mine}`);
    if (!inCalendar) info = `${info} ${t('meeting.notInCalendar')}`;
    for (const [id, a] of Object.entries(ANSWERS)) $(id).setAttribute('aria-pressed', String(a === mine));
  } else if (method === 'reply') {
    const status = m.from && ['accepted', 'tentative', 'declined'].includes(m.from.status) ? m.from.status : replyAnswer(message.messageClass);
    info = status ? t(`meeting.replied.${status}`, { name: attendeeName(message) }) : t('meeting.repliedUnknown', { name: attendeeName(message) });
  } else if (method === 'counter') {
    info = t('meeting.proposes', { name: attendeeName(message), when });
    if (taken.has(message.id)) info = `${info} ${t('meeting.proposalTaken')}`;
    else if (!inCalendar) info = `${info} ${t('meeting.notInCalendar')}`;
    if (inCalendar) showCurrentTime(message);
  } else {
    info = t('meeting.cancelled');
  }
  $('meeting-info').textContent = info;
  $('meeting-actions').hidden = method !== 'request';
  $('meeting-respond').hidden = method !== 'request';
  $('meeting-accept-proposal').hidden = method !== 'counter' || !inCalendar || taken.has(message.id);
  $('meeting-open').hidden = !inCalendar || method === 'cancel';
}

/** A proposal: the time the meeting has now (the organizer's event), under the proposed one. */
async function showCurrentTime(message) {
  const mine = ++seq;
  const m = message.meeting;
  let ev;
  try { ev = await get(path('calendars', m.calendarId, 'events', m.eventId), undefined, { quiet: true }); } catch { return; }
  if (mine !== seq || !msg || msg.id !== message.id || !ev || !ev.start) return;
  const current = $('meeting-current');
  current.textContent = t('meeting.currentTime', { when: formatWhen(ev) });
  current.hidden = false;
}

async function answer(a) {
  const message = msg;
  if (!message || !message.meeting) return;
  const comment = $('meeting-comment').value.trim();
  const buttons = [...Object.keys(ANSWERS), 'meeting-propose'].map((id) => $(id));
  for (const b of buttons) b.disabled = true;
  try {
    await respondMessage(message.id, a, { comment });
    if (msg && msg.id === message.id) {
      msg.meeting.myResponse = a;
      $('meeting-comment').value = '';
      renderMeeting(msg);
    }
    showStatus(t(`cal.responded.${a}`, { subject: message.subject || t('list.noSubject') }), 'success');
    hooks.onChanged();
  } catch (err) {
    showStatus(err.message, 'error');
  } finally {
    for (const b of buttons) b.disabled = false;
  }
}

function propose() {
  const message = msg;
  if (!message || !message.meeting) return;
  openPropose(message, {
    comment: $('meeting-comment').value.trim(),
    onSent: (a) => {
      if (msg && msg.id === message.id) {
        msg.meeting.myResponse = a;
        $('meeting-comment').value = '';
        renderMeeting(msg);
      }
      hooks.onChanged();
    },
  });
}

async function takeProposal() {
  const message = msg;
  if (!message || !message.meeting) return;
  const button = $('meeting-accept-proposal');
  button.disabled = true;
  button.classList.add('busy');
  try {
    await acceptProposal(message.id);
    taken.add(message.id);
    const m = message.meeting;
    showStatus(t('meeting.proposalAccepted', {
      subject: m.subject || message.subject || t('list.noSubject'), when: formatWhen({ start: m.start, end: m.end, allDay: !!m.allDay }),
    }), 'success');
    if (msg && msg.id === message.id) {
      renderMeeting(msg);
      // the button went: the focus goes on to the bar's next control
      ($('meeting-open').hidden ? $('reader-subject') : $('meeting-open')).focus();
    }
    hooks.onChanged();
  } catch (err) {
    showStatus(err.message, 'error');
  } finally {
    button.disabled = false;
    button.classList.remove('busy');
  }
}
