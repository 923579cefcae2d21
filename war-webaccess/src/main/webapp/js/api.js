// The JSON API (docs/webaccess.md): fetch with the session cookie and the CSRF header, errors
// turned into ApiError and, unless the caller handles them itself, into a line in #status.

import { t } from './i18n.js';
import { showStatus } from './status.js';

let csrfToken = null;
let sessionEndedHandler = () => {};
let csrfRefresher = null;

export class ApiError extends Error {
  constructor(status, code, message, serverMessage) {
    super(message);
    this.status = status;
    this.code = code;
    this.serverMessage = serverMessage;
  }
}

export function setCsrf(token) { csrfToken = token || null; }

/** Called once per 401 (no or expired session) with no arguments. */
export function onSessionEnded(fn) { sessionEndedHandler = fn; }

/** Called after a 403 csrf to fetch a fresh token (GET api/session). */
export function onCsrfRejected(fn) { csrfRefresher = fn; }

/** 'api/folders/' + id, with each segment escaped. */
export function path(...segments) {
  return ['api', ...segments.map((s) => encodeURIComponent(String(s)))].join('/');
}

function withQuery(url, query) {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    params.set(k, v === true ? '1' : String(v));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

/** The text to show for a failed request: the server's message, else one for its code. */
export function errorText(status, code, serverMessage) {
  if (serverMessage) return serverMessage;
  const known = {
    invalid: 'error.invalid', session: 'error.session', csrf: 'error.csrf', access: 'error.access',
    'not-found': 'error.notFound', conflict: 'error.conflict', exists: 'error.exists',
    'too-large': 'error.tooLarge', quota: 'error.quota', throttled: 'error.throttled',
    unavailable: 'error.unavailable',
  };
  if (code && known[code]) return t(known[code]);
  return t('error.http', { status });
}

/**
 * Handles a non-2xx answer: 401 ends the session (logon page), 403 csrf refreshes the token;
 * every error goes to #status unless {@code quiet}. Throws the ApiError in all cases.
 */
export async function failure(status, body, { quiet = false, isLogon = false } = {}) {
  const code = body && typeof body.error === 'string' ? body.error : null;
  const serverMessage = body && typeof body.message === 'string' ? body.message : null;
  const message = errorText(status, code, serverMessage);
  const error = new ApiError(status, code, message, serverMessage);
  // what a failed call left behind (a refused send: the message kept in Drafts)
  if (body && typeof body.id === 'string') error.id = body.id;
  if (status === 401 && !isLogon) {
    csrfToken = null;
    sessionEndedHandler();
    throw error;
  }
  if (status === 403 && code === 'csrf') {
    if (!quiet) showStatus(t('error.csrf'), 'error');
    if (csrfRefresher) csrfRefresher();
    throw error;
  }
  if (!quiet) showStatus(message, 'error');
  throw error;
}

/**
 * One API call. {@code body}: an object (sent as JSON), a Blob/File (sent as it is) or nothing.
 * Answers the parsed JSON, or null for 204 and empty bodies.
 */
export async function api(method, url, { query, body, headers = {}, quiet = false, signal, isLogon = false } = {}) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json', ...headers }, signal };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) init.headers['X-ZCP-CSRF'] = csrfToken;
  if (body !== undefined) {
    if (body instanceof Blob) {
      init.body = body;
    } else {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
  }
  let res;
  try {
    res = await fetch(withQuery(url, query), init);
  } catch (e) {
    if (e && e.name === 'AbortError') throw e;
    const error = new ApiError(0, 'network', t('error.network'));
    if (!quiet) showStatus(error.message, 'error');
    throw error;
  }
  let data = null;
  const type = res.headers.get('Content-Type') || '';
  if (res.status !== 204 && type.includes('json')) {
    try { data = await res.json(); } catch { data = null; }
  }
  if (!res.ok) return failure(res.status, data, { quiet, isLogon });
  return data;
}

export const get = (url, query, opts = {}) => api('GET', url, { ...opts, query });
export const post = (url, body, opts = {}) => api('POST', url, { ...opts, body });
export const patch = (url, body, opts = {}) => api('PATCH', url, { ...opts, body });
export const put = (url, body, opts = {}) => api('PUT', url, { ...opts, body });
export const del = (url, opts = {}) => api('DELETE', url, opts);

/**
 * Uploads one file (POST api/uploads, body = the bytes, X-File-Name = its escaped name) with
 * progress: XMLHttpRequest, since fetch reports no upload progress. Resolves to the answer
 * {"id","name","size","mimeType"}; rejects with an ApiError (413 too-large, ...), never quiet
 * about 401.
 */
export function upload(file, onProgress) {
  let xhr;
  const promise = new Promise((resolve, reject) => {
    xhr = new XMLHttpRequest();
    xhr.open('POST', 'api/uploads');
    xhr.withCredentials = false; // same origin: the cookie goes anyway
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-ZCP-CSRF', csrfToken);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable && onProgress) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      let data = null;
      try { data = JSON.parse(xhr.responseText); } catch { data = null; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data);
      else failure(xhr.status, data, { quiet: true }).catch(reject);
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', t('error.network'))));
    xhr.addEventListener('abort', () => reject(new ApiError(0, 'aborted', t('compose.uploadCancelled'))));
    xhr.send(file);
  });
  promise.abort = () => xhr.abort();
  return promise;
}
