// Day, work week and week: a column per day (per calendar and day when shown side by side),
// the hours of the user's time zone down the side, an all-day row on top (all-day events and
// those of 24 hours or more, in lanes), timed events placed by their wall-clock times with the
// overlapping ones side by side, and a line at the current time. With the pointer: drag over
// empty time to create an event there (a click marks a slot, a double click creates one), drag
// an event to move it, drag its lower edge to change its end. Positions are set through CSSOM
// (el.style.top = …), which the CSP allows; no style attribute is ever written.

import { el } from '../dom.js';
import { t, zoneOffsetLabel, currentTimeZone } from '../i18n.js';
import {
  MINUTES_PER_DAY, addDays, daysBetween, wallOf, instantAt, spanOf, isLong, formatDay, formatHour,
  formatMinutes, formatTime, todayKey, ms,
} from './dates.js';
import { eventElement, eventIcons, subjectOf, byStart } from './common.js';
import { calendarName, paint } from './calendars.js';

const SNAP = 15;               // minutes
const MIN_VISUAL = 22;         // minutes: shorter events are drawn this tall (and overlap as such)
const DRAG_START = 4;          // px before a press becomes a drag

/**
 * ctx: {days, groups: [{calendar|null, events}], canCreate(calendarId), canEdit(ev), onOpen(ev),
 * onCreate({start, end, allDay, calendarId}), onMove(ev, {start, end}), onGotoDay(day), scrollTop}.
 * Answers {order (event elements in time order), scrollTop(), destroy()}.
 */
export function renderTimeGrid(container, ctx) {
  const tz = currentTimeZone();
  const today = todayKey(tz);
  const columns = [];
  ctx.groups.forEach((g, gi) => { for (const day of ctx.days) columns.push({ day, group: gi, calendarId: g.calendar ? g.calendar.id : null }); });
  const n = columns.length;
  const order = [];

  // ---- head: day names (and calendar names side by side) --------------------------------------
  const heads = [];
  if (ctx.groups.length > 1) {
    ctx.groups.forEach((g) => {
      const h = el('div', { className: 'tg-grouphead', text: calendarName(g.calendar) });
      h.style.gridColumn = `span ${ctx.days.length}`;
      paint(h, g.calendar.id);
      heads.push(h);
    });
  }
  const dayHeads = columns.map((c) => {
    const single = ctx.days.length === 1;
    const b = el(single ? 'div' : 'button', {
      className: `tg-dayhead${c.day === today ? ' is-today' : ''}`,
      attrs: single ? null : { type: 'button', 'aria-label': t('cal.gotoDay', { day: formatDay(c.day, 'long') }), title: formatDay(c.day, 'long') },
      dataset: { day: c.day },
    }, el('span', { className: 'tg-wd', text: formatDay(c.day, 'weekday') }), el('span', { className: 'tg-dn', text: formatDay(c.day, 'day') }));
    if (c.day === today) b.setAttribute('aria-current', 'date');
    if (!single) b.addEventListener('click', () => ctx.onGotoDay(c.day));
    return b;
  });
  const head = el('div', { className: 'tg-row tg-head' },
    el('div', { className: 'tg-corner', attrs: { title: tz.replace(/_/g, ' ') } },
      ...zoneOffsetLabel(tz).split(/(?=[+−-])/).map((part) => el('span', { text: part }))),
    ...(heads.length ? [el('div', { className: 'tg-groupheads' }, ...heads)] : []), ...dayHeads);
  if (heads.length) head.classList.add('has-groups');

  // ---- all-day row -----------------------------------------------------------------------------
  const alldayArea = el('div', { className: 'tg-allday-area' });
  const cellsRow = el('div', { className: 'tg-allday-cells', attrs: { 'aria-hidden': 'true' } },
    ...columns.map((c) => el('div', { className: `tg-allday-cell${c.day === today ? ' is-today' : ''}`, dataset: { col: columns.indexOf(c) } })));
  alldayArea.append(cellsRow);
  let lanes = 0;
  ctx.groups.forEach((g, gi) => {
    const base = gi * ctx.days.length;
    const longs = g.events.filter(isLong).sort(byStart);
    const laneEnds = [];
    for (const ev of longs) {
      const span = spanOf(ev, tz);
      if (!span) continue;
      const a = Math.max(0, daysBetween(ctx.days[0], span.first));
      const b = Math.min(ctx.days.length - 1, daysBetween(ctx.days[0], span.last));
      if (b < a || b < 0 || a > ctx.days.length - 1) continue;
      let lane = laneEnds.findIndex((end) => end < a);
      if (lane < 0) { lane = laneEnds.length; laneEnds.push(b); } else laneEnds[lane] = b;
      const node = eventElement(ev, { className: 'ev-bar' });
      if (daysBetween(ctx.days[0], span.first) < 0) node.classList.add('continues-before');
      if (daysBetween(ctx.days[ctx.days.length - 1], span.last) > 0) node.classList.add('continues-after');
      node.append(el('span', { className: 'ev-subject', text: subjectOf(ev) }), eventIcons(ev) || '');
      if (!ev.allDay) node.prepend(el('span', { className: 'ev-time', text: formatTime(ev.start) }));
      node.style.left = `calc(${((base + a) / n) * 100}% + 2px)`;
      node.style.width = `calc(${((b - a + 1) / n) * 100}% - 5px)`;
      node.style.setProperty('--lane', String(lane));
      node._drag = { kind: 'allday', col: base + a, editable: ctx.canEdit(ev) };
      alldayArea.append(node);
      order.push(node);
    }
    lanes = Math.max(lanes, laneEnds.length);
  });
  alldayArea.style.setProperty('--lanes', String(Math.max(1, lanes)));
  const allday = el('div', { className: 'tg-row tg-allday' },
    el('div', { className: 'tg-corner tg-allday-label', text: t('cal.allDay') }), alldayArea);

  // ---- the hours -------------------------------------------------------------------------------
  const gutter = el('div', { className: 'tg-gutter', attrs: { 'aria-hidden': 'true' } },
    ...Array.from({ length: 24 }, (_, h) => el('div', { className: 'tg-hour', text: h ? formatHour(h) : '' })));
  const cols = columns.map((c, ci) => {
    const col = el('div', { className: `tg-col${c.day === today ? ' is-today' : ''}`, dataset: { day: c.day, col: ci } });
    if (c.calendarId) col.dataset.calendarId = c.calendarId;
    return col;
  });
  const timed = [];
  ctx.groups.forEach((g, gi) => {
    const base = gi * ctx.days.length;
    for (const ev of g.events) {
      if (isLong(ev)) continue;
      const s = wallOf(ev.start, tz);
      const e = wallOf(ev.end || ev.start, tz);
      if (!s || !e) continue;
      for (let d = 0; d < ctx.days.length; d++) {
        const day = ctx.days[d];
        const before = daysBetween(s.day, day);
        const after = daysBetween(day, e.day);
        if (before < 0 || after < 0) continue;
        const start = before === 0 ? s.minutes : 0;
        const end = after === 0 ? e.minutes : MINUTES_PER_DAY;
        if (end <= start && !(start === end && before === 0 && after === 0)) continue;
        timed.push({ ev, col: base + d, start, end: Math.max(end, start), first: before === 0, last: after === 0 });
      }
    }
  });
  for (let ci = 0; ci < n; ci++) layout(timed.filter((s) => s.col === ci));
  for (const seg of timed.sort((a, b) => a.col - b.col || a.start - b.start)) {
    const { ev } = seg;
    const node = eventElement(ev, { className: 'ev-timed' });
    // a short one on a single line: the subject and when it starts
    const tiny = seg.end - seg.start < 45;
    if (tiny) node.classList.add('ev-short');
    node.append(
      eventIcons(ev) || '',
      el('span', { className: 'ev-subject', text: subjectOf(ev) }),
      el('span', { className: 'ev-time', text: tiny ? formatTime(ev.start) : `${formatTime(ev.start)} – ${formatTime(ev.end)}` }),
      ev.location && !tiny ? el('span', { className: 'ev-location', text: ev.location }) : '',
    );
    place(node, seg.start, Math.max(seg.end, seg.start + MIN_VISUAL), seg.lane, seg.lanes);
    const editable = ctx.canEdit(ev);
    if (editable && seg.last) node.append(el('div', { className: 'ev-resize', attrs: { 'aria-hidden': 'true' } }));
    node._drag = { kind: 'timed', col: seg.col, start: seg.start, end: seg.end, editable };
    cols[seg.col].append(node);
  }
  // the time order for the keyboard: all-day first, then by start, day by day
  const timedNodes = cols.flatMap((c) => [...c.querySelectorAll('.ev')]);
  timedNodes.sort((a, b) => ms(a._event.start) - ms(b._event.start) || a._drag.col - b._drag.col);
  order.push(...timedNodes);

  const body = el('div', { className: 'tg-body' }, gutter, el('div', { className: 'tg-cols' }, ...cols));
  const scroller = el('div', { className: 'tg-scroll' }, el('div', { className: 'tg-sticky' }, head, allday), body);
  const grid = el('div', { className: `tg${ctx.days.length === 1 ? ' tg-single' : ''}` }, scroller);
  grid.style.setProperty('--cols', String(n));
  container.replaceChildren(grid);

  const placeNow = () => {
    for (const x of grid.querySelectorAll('.tg-now')) x.remove();
    const w = wallOf(new Date().toISOString(), tz);
    columns.forEach((c, ci) => {
      if (!w || c.day !== w.day) return;
      const line = el('div', { className: 'tg-now', attrs: { 'aria-hidden': 'true' } });
      line.style.top = `${(w.minutes / MINUTES_PER_DAY) * 100}%`;
      cols[ci].append(line);
    });
  };
  placeNow();
  const nowTimer = setInterval(placeNow, 60000);

  // the hours of the working day in view the first time; later the place the user scrolled to
  const hourH = body.getBoundingClientRect().height / 24 || 48;
  scroller.scrollTop = ctx.scrollTop ?? Math.max(0, hourH * 7.5);

  const pointer = wirePointer({ ctx, columns, cols, alldayArea, scroller, tz });
  return {
    order,
    scrollTop: () => scroller.scrollTop,
    destroy: () => { clearInterval(nowTimer); pointer(); },
  };
}

/** Overlapping events of one column share its width: lane and lanes per segment. */
function layout(segs) {
  segs.sort((a, b) => a.start - b.start || (b.end - b.start) - (a.end - a.start));
  let cluster = [];
  let clusterEnd = -1;
  let laneEnds = [];
  const finish = () => { for (const s of cluster) s.lanes = laneEnds.length; };
  for (const s of segs) {
    const end = Math.max(s.end, s.start + MIN_VISUAL);
    if (s.start >= clusterEnd) { finish(); cluster = []; laneEnds = []; }
    let lane = laneEnds.findIndex((e) => e <= s.start);
    if (lane < 0) { lane = laneEnds.length; laneEnds.push(end); } else laneEnds[lane] = end;
    s.lane = lane;
    cluster.push(s);
    clusterEnd = Math.max(clusterEnd, end);
  }
  finish();
}

/** Top and height by the minutes, left and width by the lane (1px apart, room to click on the right). */
function place(node, start, end, lane = 0, lanes = 1) {
  node.style.top = `${(start / MINUTES_PER_DAY) * 100}%`;
  node.style.height = `calc(${((Math.min(end, MINUTES_PER_DAY) - start) / MINUTES_PER_DAY) * 100}% - 1px)`;
  const w = 100 / lanes;
  node.style.left = `calc(${lane * w}% + 1px)`;
  node.style.width = lane === lanes - 1 ? `calc(${w}% - 8px)` : `calc(${w}% - 2px)`;
}

const snap = (m) => Math.round(m / SNAP) * SNAP;
const clamp = (v, a, b) => Math.max(a, Math.min(b, v));

/** Create by dragging over empty time, move events, resize them: pointer events on the grid. */
function wirePointer({ ctx, columns, cols, alldayArea, scroller, tz }) {
  const colsRoot = cols[0] ? cols[0].parentElement : null;
  if (!colsRoot) return () => {};
  let drag = null;
  let suppressClick = false;
  let slot = null;              // the slot a click marked: {col, start}

  const colAt = (x) => {
    for (let i = 0; i < cols.length; i++) {
      const r = cols[i].getBoundingClientRect();
      if (x >= r.left && x < r.right) return i;
    }
    return x < cols[0].getBoundingClientRect().left ? 0 : cols.length - 1;
  };
  const minuteAt = (y) => {
    const r = cols[0].getBoundingClientRect();
    return clamp(((y - r.top) / r.height) * MINUTES_PER_DAY, 0, MINUTES_PER_DAY);
  };
  const ghostFor = (col) => {
    const g = el('div', { className: 'tg-ghost', attrs: { 'aria-hidden': 'true' } }, el('span', { className: 'tg-ghost-time' }));
    cols[col].append(g);
    return g;
  };
  const showGhost = (g, col, start, end) => {
    if (g.parentElement !== cols[col]) cols[col].append(g);
    place(g, start, end);
    g.firstChild.textContent = `${formatMinutes(start)} – ${formatMinutes(end)}`;
  };
  const clearSlot = () => { if (slot) { slot.ghost.remove(); slot = null; } };

  const onDown = (e) => {
    if (e.button !== 0 || drag) return;
    const evNode = e.target.closest('.ev');
    if (evNode) {
      if (!evNode._drag.editable || e.pointerType === 'touch') return;
      const kind = e.target.closest('.ev-resize') ? 'resize' : (evNode._drag.kind === 'allday' ? 'allday' : 'move');
      drag = { kind, node: evNode, x: e.clientX, y: e.clientY, col: colAt(e.clientX), minute: minuteAt(e.clientY), started: false, pointerId: e.pointerId };
      return;
    }
    const col = e.target.closest('.tg-col');
    if (!col || e.pointerType === 'touch') return;
    const ci = Number(col.dataset.col);
    if (!ctx.canCreate(columns[ci].calendarId)) return;
    drag = { kind: 'create', col: ci, x: e.clientX, y: e.clientY, minute: minuteAt(e.clientY), started: false, pointerId: e.pointerId };
  };

  const begin = (e) => {
    drag.started = true;
    clearSlot();
    try { (drag.kind === 'allday' ? alldayArea : colsRoot).setPointerCapture(drag.pointerId); } catch { /* gone */ }
    document.body.classList.add('cal-dragging');
    if (drag.node) drag.node.classList.add('is-dragging');
    if (drag.kind === 'create') drag.ghost = ghostFor(drag.col);
    if (drag.kind === 'move' || drag.kind === 'resize') drag.ghost = ghostFor(drag.node._drag.col);
    e.preventDefault();
  };

  const onMove = (e) => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    if (!drag.started) {
      if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) < DRAG_START) return;
      begin(e);
    }
    autoScroll(e.clientY);
    const m = minuteAt(e.clientY);
    const ci = colAt(e.clientX);
    if (drag.kind === 'create') {
      const start = clamp(Math.floor(Math.min(drag.minute, m) / SNAP) * SNAP, 0, MINUTES_PER_DAY - SNAP);
      const end = clamp(Math.ceil(Math.max(drag.minute, m) / SNAP) * SNAP, start + SNAP, MINUTES_PER_DAY);
      drag.range = { start, end };
      showGhost(drag.ghost, drag.col, start, end);
    } else if (drag.kind === 'move') {
      const d = drag.node._drag;
      const delta = snap(m - drag.minute);
      const target = sameGroupCol(ci, d.col);
      drag.result = { days: daysBetween(columns[d.col].day, columns[target].day), minutes: delta };
      const len = Math.max(d.end - d.start, MIN_VISUAL);
      const start = clamp(d.start + delta, 0, MINUTES_PER_DAY - SNAP);
      showGhost(drag.ghost, target, start, Math.min(start + len, MINUTES_PER_DAY));
    } else if (drag.kind === 'resize') {
      const d = drag.node._drag;
      const end = clamp(snap(m), d.start + SNAP, MINUTES_PER_DAY);
      drag.result = { end };
      showGhost(drag.ghost, d.col, d.start, end);
    } else if (drag.kind === 'allday') {
      const d = drag.node._drag;
      const target = sameGroupCol(ci, d.col);
      const startCol = sameGroupCol(colAt(drag.x), d.col);
      drag.result = { days: daysBetween(columns[startCol].day, columns[target].day) };
      drag.node.style.transform = `translateX(${(drag.result.days / columns.length) * alldayArea.getBoundingClientRect().width}px)`;
    }
  };

  const sameGroupCol = (ci, ref) => {
    const g = columns[ref].group;
    if (columns[ci].group === g) return ci;
    const firstOfGroup = columns.findIndex((c) => c.group === g);
    const lastOfGroup = columns.length - 1 - [...columns].reverse().findIndex((c) => c.group === g);
    return ci < firstOfGroup ? firstOfGroup : lastOfGroup;
  };

  const autoScroll = (y) => {
    const r = scroller.getBoundingClientRect();
    if (y < r.top + 24) scroller.scrollTop -= 12;
    else if (y > r.bottom - 24) scroller.scrollTop += 12;
  };

  const onUp = (e) => {
    if (!drag || e.pointerId !== drag.pointerId) return;
    const d = drag;
    drag = null;
    document.body.classList.remove('cal-dragging');
    if (!d.started) {
      if (d.kind === 'create') markSlot(d.col, d.minute);
      return;
    }
    suppressClick = true;
    setTimeout(() => { suppressClick = false; }, 0);
    if (d.node) { d.node.classList.remove('is-dragging'); d.node.style.transform = ''; }
    if (d.ghost && d.kind !== 'create') d.ghost.remove();
    const day = (ci) => columns[ci].day;
    if (d.kind === 'create' && d.range) {
      const c = columns[d.col];
      d.ghost.classList.add('is-pending');
      ctx.onCreate({ start: instantAt(c.day, d.range.start, tz), end: instantAt(c.day, d.range.end, tz), allDay: false, calendarId: c.calendarId },
        () => d.ghost.remove());
    } else if (d.kind === 'move' && d.result && (d.result.days || d.result.minutes)) {
      const ev = d.node._event;
      const s = wallOf(ev.start, tz);
      const start = instantAt(addDays(s.day, d.result.days), s.minutes + d.result.minutes, tz);
      const end = new Date(ms(start) + (ms(ev.end) - ms(ev.start))).toISOString().replace('.000Z', 'Z');
      ctx.onMove(ev, { start, end });
    } else if (d.kind === 'resize' && d.result) {
      const ev = d.node._event;
      ctx.onMove(ev, { start: ev.start, end: instantAt(day(d.node._drag.col), d.result.end, tz) });
    } else if (d.kind === 'allday' && d.result && d.result.days) {
      const ev = d.node._event;
      ctx.onMove(ev, { days: d.result.days });
    } else if (d.ghost && d.kind === 'create') d.ghost.remove();
  };

  const markSlot = (col, minute) => {
    clearSlot();
    const start = clamp(Math.floor(minute / 30) * 30, 0, MINUTES_PER_DAY - 30);
    const ghost = ghostFor(col);
    ghost.classList.add('is-slot');
    showGhost(ghost, col, start, start + 30);
    slot = { col, start, ghost };
  };

  const onClick = (e) => {
    if (suppressClick) { e.stopPropagation(); e.preventDefault(); return; }
    const evNode = e.target.closest('.ev');
    if (evNode) { clearSlot(); ctx.onOpen(evNode._event); return; }
    // a tap on the slot marked before (phones) creates, as a double click does
    const col = e.target.closest('.tg-col');
    if (col && e.pointerType === 'touch') {
      const ci = Number(col.dataset.col);
      if (!ctx.canCreate(columns[ci].calendarId)) return;
      const m = minuteAt(e.clientY);
      if (slot && slot.col === ci && m >= slot.start && m < slot.start + 30) createSlot();
      else markSlot(ci, m);
    }
  };
  const createSlot = () => {
    if (!slot) return;
    const c = columns[slot.col];
    const { start } = slot;
    ctx.onCreate({ start: instantAt(c.day, start, tz), end: instantAt(c.day, start + 30, tz), allDay: false, calendarId: c.calendarId }, () => clearSlot());
  };
  const onDblClick = (e) => {
    if (e.target.closest('.ev')) return;
    if (e.target.closest('.tg-col') && slot) createSlot();
    const cell = e.target.closest('.tg-allday-cells');
    if (cell || e.target === alldayArea) {
      const c = columns[colAt(e.clientX)];
      if (ctx.canCreate(c.calendarId)) ctx.onCreate({ start: c.day, end: addDays(c.day, 1), allDay: true, calendarId: c.calendarId });
    }
  };
  const onCancel = () => {
    if (!drag) return;
    if (drag.ghost) drag.ghost.remove();
    if (drag.node) { drag.node.classList.remove('is-dragging'); drag.node.style.transform = ''; }
    document.body.classList.remove('cal-dragging');
    drag = null;
  };
  const onKey = (e) => { if (e.key === 'Escape' && drag && drag.started) { e.preventDefault(); onCancel(); } };

  const roots = [colsRoot, alldayArea];
  for (const r of roots) {
    r.addEventListener('pointerdown', onDown);
    r.addEventListener('pointermove', onMove);
    r.addEventListener('pointerup', onUp);
    r.addEventListener('pointercancel', onCancel);
    r.addEventListener('click', onClick, true);
    r.addEventListener('dblclick', onDblClick);
  }
  document.addEventListener('keydown', onKey, true);
  return () => document.removeEventListener('keydown', onKey, true);
}
