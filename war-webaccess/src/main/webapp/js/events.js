// Live updates: EventSource('api/events'). "folder" {folderId, kind} per changed folder (of the
// own mailbox, and of the other users' mailboxes and calendars and the public folders opened),
// "hierarchy" when folders were added, renamed, moved or deleted, "session" when the store
// session ended. EventSource reconnects by itself after network errors; when the server refused
// the stream (it is then closed for good) we ask GET api/session whether we are still logged on
// and open a new one after a pause.

import { get } from './api.js';

let source = null;
let handlers = null;
let retryTimer = 0;
let retryDelay = 2000;

export function startEvents(h) {
  handlers = h;
  open();
}

/**
 * Opens the stream anew: the server follows the other users' folders the user opened (their
 * mailboxes, calendars, the public folders) as of the stream's start, so opening or closing one
 * starts a new stream (a folder event may be heard twice meanwhile, which costs one more read).
 */
export function restartEvents() {
  if (!handlers) return;
  clearTimeout(retryTimer);
  retryDelay = 2000;
  open();
}

export function stopEvents() {
  handlers = null;
  clearTimeout(retryTimer);
  if (source) { source.close(); source = null; }
}

function parse(e) {
  try { return JSON.parse(e.data || '{}'); } catch { return {}; }
}

function open() {
  if (!handlers || typeof EventSource === 'undefined') return;
  if (source) source.close();
  source = new EventSource('api/events', { withCredentials: false });
  source.addEventListener('open', () => { retryDelay = 2000; handlers?.onOpen?.(); });
  source.addEventListener('folder', (e) => handlers?.onFolder?.(parse(e)));
  source.addEventListener('hierarchy', (e) => handlers?.onHierarchy?.(parse(e)));
  source.addEventListener('session', () => { const h = handlers; stopEvents(); h?.onSessionEnded?.(); });
  source.addEventListener('error', () => {
    if (!source || source.readyState !== EventSource.CLOSED) return; // it retries by itself
    source = null;
    clearTimeout(retryTimer);
    retryTimer = setTimeout(async () => {
      if (!handlers) return;
      try {
        await get('api/session', undefined, { quiet: true }); // a 401 ends the session (logon page)
        open();
      } catch {
        if (handlers) { retryDelay = Math.min(retryDelay * 2, 60000); open(); }
      }
    }, retryDelay);
  });
}
