// Line icons drawn for WebAccess on a 20×20 grid. They are built with the DOM (no markup
// strings) and take their colour from the text (stroke: currentColor, see .icon in app.css).

const SVG_NS = 'http://www.w3.org/2000/svg';

const FOLDER = 'M2.5 5.5A1.5 1.5 0 0 1 4 4h3.5l2 2H16a1.5 1.5 0 0 1 1.5 1.5v7A1.5 1.5 0 0 1 16 16H4a1.5 1.5 0 0 1-1.5-1.5z';
const TRASH = ['M3.5 5.5h13', 'M8 5.5V4a1 1 0 0 1 1-1h2a1 1 0 0 1 1 1v1.5',
  'M5 5.5l.8 10.1A1.5 1.5 0 0 0 7.3 17h5.4a1.5 1.5 0 0 0 1.5-1.4L15 5.5', 'M8.5 8.5v5', 'M11.5 8.5v5'];
const PLANE = ['M17 3L9 11', 'M17 3l-5 14-3-6-6-3z'];
const PENCIL = ['M13.5 3.5l3 3L7 16H4v-3z', 'M11.5 5.5l3 3'];
const ENVELOPE = ['M3.5 5h13a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1h-13a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1z', 'M3 5.5l7 5.5 7-5.5'];
const CALENDAR = 'M4.5 4.5h11a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1v-10a1 1 0 0 1 1-1z';
const ENVELOPE_OPEN = ['M2.5 8.5v6a1 1 0 0 0 1 1h13a1 1 0 0 0 1-1v-6L10 3.5z', 'M2.5 8.5l7.5 5 7.5-5'];

const PATHS = {
  search: ['M14 8.5a5.5 5.5 0 1 1-11 0a5.5 5.5 0 1 1 11 0z', 'M12.6 12.6L17 17'],
  help: ['M17.5 10a7.5 7.5 0 1 1-15 0a7.5 7.5 0 1 1 15 0z', 'M7.8 7.8a2.2 2.2 0 1 1 3.2 2c-.7.4-1 .9-1 1.6v.4', 'M10 14.4v.1'],
  settings: ['M15.59 10.35L17.36 11.44L16.22 14.19L14.2 13.7A5.6 5.6 0 0 1 13.7 14.2L14.19 16.22L11.44 17.36L10.35 15.59'
    + 'A5.6 5.6 0 0 1 9.65 15.59L8.56 17.36L5.81 16.22L6.3 14.2A5.6 5.6 0 0 1 5.8 13.7L3.78 14.19L2.64 11.44L4.41 10.35'
    + 'A5.6 5.6 0 0 1 4.41 9.65L2.64 8.56L3.78 5.81L5.8 6.3A5.6 5.6 0 0 1 6.3 5.8L5.81 3.78L8.56 2.64L9.65 4.41'
    + 'A5.6 5.6 0 0 1 10.35 4.41L11.44 2.64L14.19 3.78L13.7 5.8A5.6 5.6 0 0 1 14.2 6.3L16.22 5.81L17.36 8.56L15.59 9.65'
    + 'A5.6 5.6 0 0 1 15.59 10.35z', 'M12.3 10a2.3 2.3 0 1 1-4.6 0a2.3 2.3 0 1 1 4.6 0z'],
  clock: ['M17.5 10a7.5 7.5 0 1 1-15 0a7.5 7.5 0 1 1 15 0z', 'M10 5.5V10l3 2'],
  logoff: ['M8 3.5H5a1.5 1.5 0 0 0-1.5 1.5v10A1.5 1.5 0 0 0 5 16.5h3', 'M13 6.5l3.5 3.5-3.5 3.5', 'M16.5 10H8'],
  new: ['M9 3.5H5A1.5 1.5 0 0 0 3.5 5v10A1.5 1.5 0 0 0 5 16.5h10a1.5 1.5 0 0 0 1.5-1.5v-4',
    'M14.5 3l2.5 2.5L10 12.5H7.5V10z'],
  reply: ['M8 5L3.5 9.5 8 14', 'M3.5 9.5H12a4.5 4.5 0 0 1 4.5 4.5v1.5'],
  replyall: ['M10.5 5L6 9.5l4.5 4.5', 'M6.5 5L2 9.5 6.5 14', 'M6 9.5h7a4.5 4.5 0 0 1 4.5 4.5v1.5'],
  forward: ['M12 5l4.5 4.5L12 14', 'M16.5 9.5H8a4.5 4.5 0 0 0-4.5 4.5v1.5'],
  delete: TRASH,
  restore: ['M4 10a6 6 0 1 0 1.8-4.3L3.5 8', 'M3.5 4v4h4'],
  move: [FOLDER, 'M7 11h6', 'M11 9l2 2-2 2'],
  folder: [FOLDER],
  folderAdd: [FOLDER, 'M10 8.5v5', 'M7.5 11h5'],
  inbox: ['M3 11l2-6.5A1.5 1.5 0 0 1 6.4 3.5h7.2A1.5 1.5 0 0 1 15 4.5L17 11v4a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 3 15z',
    'M3 11h4l1 2h4l1-2h4'],
  drafts: PENCIL,
  rename: PENCIL,
  sent: PLANE,
  send: PLANE,
  trash: TRASH,
  junk: ['M17 10a7 7 0 1 1-14 0a7 7 0 1 1 14 0z', 'M5 5l10 10'],
  outbox: ['M3 12v3a1.5 1.5 0 0 0 1.5 1.5h11A1.5 1.5 0 0 0 17 15v-3', 'M10 3v9', 'M6.5 6.5L10 3l3.5 3.5'],
  calendar: ['M4.5 4.5h11a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1v-10a1 1 0 0 1 1-1z', 'M3.5 8h13', 'M7 3v3', 'M13 3v3'],
  contacts: ['M13 7a3 3 0 1 1-6 0a3 3 0 1 1 6 0z', 'M4 16.5c.8-2.8 3.2-4 6-4s5.2 1.2 6 4'],
  tasks: ['M4.5 3.5h11a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1z', 'M7 10l2 2 4-4'],
  notes: ['M4.5 3.5h11a1 1 0 0 1 1 1V12l-4.5 4.5H4.5a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1z', 'M16.5 12H13a1 1 0 0 0-1 1v3.5'],
  journal: ['M5 3.5h9.5a1 1 0 0 1 1 1v12h-10A1.5 1.5 0 0 1 4 15V4.5a1 1 0 0 1 1-1z', 'M4 15a1.5 1.5 0 0 1 1.5-1.5h10', 'M7.5 7h5'],
  unread: ENVELOPE,
  read: ENVELOPE_OPEN,
  flag: ['M5 17.5V3', 'M5 3.5h9.5l-2 3.5 2 3.5H5'],
  attach: ['M15.5 9.5l-5.8 5.8a3.5 3.5 0 0 1-5-5L10.6 4.4a2.3 2.3 0 0 1 3.3 3.3L8 13.6a1.2 1.2 0 0 1-1.7-1.7L11.5 6.7'],
  back: ['M12.5 4L6.5 10l6 6'],
  chevron: ['M8 5.5l4.5 4.5L8 14.5'],
  close: ['M5 5l10 10', 'M15 5L5 15'],
  save: ['M4.5 3.5h9l3 3v9a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1z', 'M7 3.5v4h6v-4', 'M6.5 16.5v-5h7v5'],
  bold: ['M6 4h4.5a3 3 0 0 1 0 6H6z', 'M6 10h5.5a3 3 0 0 1 0 6H6z'],
  italic: ['M9 4h6', 'M5 16h6', 'M12 4L8 16'],
  underline: ['M6 3.5v6a4 4 0 0 0 8 0v-6', 'M5 17h10'],
  bullets: ['M4 5.5v.01', 'M4 10v.01', 'M4 14.5v.01', 'M8 5.5h9', 'M8 10h9', 'M8 14.5h9'],
  numbers: ['M3.5 4l1.2-.8V8', 'M3.2 12.5a1.2 1.2 0 0 1 2.3.4c0 .8-2.3 2.1-2.3 3.1h2.5', 'M8.5 5.5h8.5', 'M8.5 14.5h8.5'],
  link: ['M8.5 11.5a3 3 0 0 0 4.2 0l3-3a3 3 0 0 0-4.2-4.2l-1 1', 'M11.5 8.5a3 3 0 0 0-4.2 0l-3 3a3 3 0 0 0 4.2 4.2l1-1'],
  image: ['M4.5 3.5h11a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1z',
    'M9 7.5a1.5 1.5 0 1 1-3 0a1.5 1.5 0 1 1 3 0z', 'M3.5 14l4-4 3 3 2-2 4 4'],
  selectAll: ['M3.5 5.5L5 7l2.5-2.5', 'M10 6h7', 'M3.5 12.5L5 14l2.5-2.5', 'M10 13h7'],
  important: ['M10 3.5v9', 'M10 16v.01'],
  more: ['M4.5 10v.01', 'M10 10v.01', 'M15.5 10v.01'],
  download: ['M10 3.5v9', 'M6 9l4 4 4-4', 'M4 16.5h12'],
  preview: ['M2 10s3-5.5 8-5.5S18 10 18 10s-3 5.5-8 5.5S2 10 2 10z', 'M12.5 10a2.5 2.5 0 1 1-5 0a2.5 2.5 0 1 1 5 0z'],
  file: ['M5.5 2.5h6l4 4v10a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1v-13a1 1 0 0 1 1-1z', 'M11.5 2.5v4h4'],
  mailOpenLarge: ENVELOPE_OPEN,
  mail: ENVELOPE,
  calendarAdd: [CALENDAR, 'M3.5 8h13', 'M7 3v3', 'M13 3v3', 'M10 10.5v4', 'M8 12.5h4'],
  today: [CALENDAR, 'M3.5 8h13', 'M7 3v3', 'M13 3v3', 'M8.5 11h3v3h-3z'],
  repeat: ['M4 9V8a2.5 2.5 0 0 1 2.5-2.5H16', 'M13.5 3l2.5 2.5L13.5 8', 'M16 11v1a2.5 2.5 0 0 1-2.5 2.5H4', 'M6.5 17L4 14.5 6.5 12'],
  lock: ['M5.5 9h9a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-9a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1z', 'M7 9V6.5a3 3 0 0 1 6 0V9'],
  people: ['M10 6.5a2.5 2.5 0 1 1-5 0a2.5 2.5 0 1 1 5 0z', 'M2.5 16c.6-2.6 2.5-4 5-4s4.4 1.4 5 4',
    'M12.5 4.3a2.5 2.5 0 1 1 1.5 4.6', 'M14 12c1.8.2 3 1.5 3.5 4'],
  share: ['M15.5 5a2 2 0 1 1-4 0a2 2 0 1 1 4 0z', 'M15.5 15a2 2 0 1 1-4 0a2 2 0 1 1 4 0z',
    'M8.5 10a2 2 0 1 1-4 0a2 2 0 1 1 4 0z', 'M8.3 9l3.4-2.5', 'M8.3 11l3.4 2.5'],
  key: ['M11 7.5a3.5 3.5 0 1 1 7 0a3.5 3.5 0 1 1-7 0z', 'M11.6 9.5L3.5 17.5', 'M6 15l2 2', 'M8 13l1.5 1.5'],
  room: ['M4 17V4.5a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1V17', 'M2.5 17h15', 'M12.5 10.5v.01'],
  add: ['M10 4v12', 'M4 10h12'],
  user: ['M13 7a3 3 0 1 1-6 0a3 3 0 1 1 6 0z', 'M4 16.5c.8-2.8 3.2-4 6-4s5.2 1.2 6 4'],
  check: ['M4.5 10.5l3.5 3.5 7.5-8'],
  warning: ['M10 3l7.5 13.5h-15z', 'M10 8v4', 'M10 14.5v.01'],
  phone: ['M6.5 3h2l1 3.5-1.8 1.2a8 8 0 0 0 4.6 4.6l1.2-1.8 3.5 1v2a1.5 1.5 0 0 1-1.5 1.5A12.5 12.5 0 0 1 3 4.5 1.5 1.5 0 0 1 4.5 3z'],
  up: ['M10 16V4', 'M5.5 8.5L10 4l4.5 4.5'],
  down: ['M10 4v12', 'M5.5 11.5L10 16l4.5-4.5'],
  equipment: ['M4.5 6.5h11a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1h-11a1 1 0 0 1-1-1v-6a1 1 0 0 1 1-1z', 'M7 14.5v2', 'M13 14.5v2',
    'M7.5 10.5h5'],
  globe: ['M17.5 10a7.5 7.5 0 1 1-15 0a7.5 7.5 0 1 1 15 0z', 'M2.5 10h15', 'M10 2.5c2 2 3 4.5 3 7.5s-1 5.5-3 7.5c-2-2-3-4.5-3-7.5s1-5.5 3-7.5z'],
  pin: ['M10 17.5s-5.5-5-5.5-9a5.5 5.5 0 0 1 11 0c0 4-5.5 9-5.5 9z', 'M12 8.5a2 2 0 1 1-4 0a2 2 0 1 1 4 0z'],
  cake: ['M3.5 16.5h13', 'M4.5 16.5v-5a1 1 0 0 1 1-1h9a1 1 0 0 1 1 1v5', 'M4.5 13.5c1.5 1 2.5 1 3.8 0s2.4-1 3.7 0 2.5 1 3.5 0',
    'M10 10.5V8', 'M10 5.5v.01'],
  tag: ['M3.5 4.5v5l7 7 6-6-7-7h-5a1 1 0 0 0-1 1z', 'M7.5 7.5v.01'],
  building: ['M4.5 17V4.5a1 1 0 0 1 1-1h6a1 1 0 0 1 1 1V17', 'M12.5 8h2a1 1 0 0 1 1 1v8', 'M3 17h14', 'M7 6.5h3', 'M7 9.5h3',
    'M7 12.5h3'],
  mailbox: ['M3 11l2-6.5A1.5 1.5 0 0 1 6.4 3.5h7.2A1.5 1.5 0 0 1 15 4.5L17 11v4a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 3 15z',
    'M3 11h4l1 2h4l1-2h4', 'M10 6v3.5'],
  bell: ['M5 13.5V9a5 5 0 0 1 10 0v4.5l1.5 2h-13z', 'M8.3 17a1.8 1.8 0 0 0 3.4 0'],
  filter: ['M3 4.5h14', 'M5.5 10h9', 'M8 15.5h4'],
};

/** An <svg> element for the icon {@code name} (aria-hidden; label the control instead). */
export function icon(name, extraClass) {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', extraClass ? `icon icon-${name} ${extraClass}` : `icon icon-${name}`);
  for (const d of PATHS[name] || PATHS.folder) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** Fills every element with a data-icon attribute under {@code root} with its icon (once). */
export function hydrateIcons(root = document) {
  for (const el of root.querySelectorAll('[data-icon]')) {
    if (el.firstElementChild && el.firstElementChild.tagName.toLowerCase() === 'svg') continue;
    el.append(icon(el.dataset.icon));
  }
}
