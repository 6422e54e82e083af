// The HTTP API (docs/api.md) for the pages: JSON in and out, the bearer token, and errors as
// ApiError carrying the server's stable error code (translated by the pages, see i18n.js).

export class ApiError extends Error {
  constructor(status, code, message, details = [], retryAfter = null) {
    super(message || code);
    this.status = status;        // 0 when the server could not be reached
    this.code = code;            // e.g. "invalid_roster", "unknown_code", "network"
    this.details = details;      // [{line?, field, code, message}]
    this.retryAfter = retryAfter;
  }
}

// The ApiError of a failed answer: the server's {"error": {...}} when it sent one.
function errorOf(status, statusText, text, retryAfter) {
  let err = { code: `http_${status}`, message: statusText, details: [] };
  try {
    const data = JSON.parse(text);
    if (data && data.error) err = { ...err, ...data.error };
  } catch (_) { /* not JSON */ }
  return new ApiError(status, err.code, err.message, err.details || [], retryAfter ? Number(retryAfter) : null);
}

// The file name a download names in its Content-Disposition (the UTF-8 one when given).
export function dispositionName(header, fallback) {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (star) {
    try { return decodeURIComponent(star[1].trim()); } catch (_) { /* fall through */ }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header) || /filename\s*=\s*([^;]+)/i.exec(header);
  return plain ? plain[1].trim() : fallback;
}

// createApi(() => token, {onUnauthorized}) -> {get, post, patch, put, del, send, blob, download, upload}
export function createApi(getToken, { onUnauthorized } = {}) {
  function refused(e, token) {
    if (e.status === 401 && token && (e.code === 'invalid_token' || e.code === 'missing_token') && onUnauthorized) {
      onUnauthorized(e);
    }
    return e;
  }

  async function request(method, path, { json, body, contentType, accept = 'json' } = {}) {
    const headers = {};
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    let payload;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(json);
    } else if (body !== undefined) {
      headers['Content-Type'] = contentType || 'application/octet-stream';
      payload = body;
    }
    let res;
    try {
      res = await fetch(`/api/v1${path}`, { method, headers, body: payload, cache: 'no-store' });
    } catch (e) {
      throw new ApiError(0, 'network', String(e && e.message ? e.message : e));
    }
    if (!res.ok) {
      let text = '';
      try { text = await res.text(); } catch (_) { /* cut off */ }
      throw refused(errorOf(res.status, res.statusText, text, res.headers.get('Retry-After')), token);
    }
    if (accept === 'blob') return res.blob();
    if (accept === 'file') {
      return { blob: await res.blob(), filename: dispositionName(res.headers.get('Content-Disposition'), '') };
    }
    if (res.status === 204) return null;
    const text = await res.text();
    return text ? JSON.parse(text) : null;
  }
  return {
    get: (path) => request('GET', path),
    post: (path, json) => request('POST', path, { json }),
    patch: (path, json) => request('PATCH', path, { json }),
    put: (path, json) => request('PUT', path, { json }),
    del: (path) => request('DELETE', path),
    // A raw body (CSV, a file): send('POST', path, body, 'text/csv').
    send: (method, path, body, contentType) => request(method, path, { body, contentType }),
    blob: (path) => request('GET', path, { accept: 'blob' }),
    // A file with the name the server gives it: {blob, filename}.
    download: (path) => request('GET', path, { accept: 'file' }),
    // A file as the raw body, with upload progress: onProgress(sentBytes, totalBytes); an
    // AbortSignal cancels it.
    upload(path, file, contentType, { onProgress, signal } = {}) {
      const token = getToken();
      return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `/api/v1${path}`);
        if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
        xhr.setRequestHeader('Content-Type', contentType || 'application/octet-stream');
        if (onProgress) xhr.upload.onprogress = (ev) => onProgress(ev.loaded, ev.lengthComputable ? ev.total : file.size);
        xhr.onload = () => {
          if (xhr.status >= 200 && xhr.status < 300) {
            try { resolve(xhr.responseText ? JSON.parse(xhr.responseText) : null); } catch (e) { reject(new ApiError(xhr.status, 'malformed', String(e))); }
            return;
          }
          reject(refused(errorOf(xhr.status, xhr.statusText, xhr.responseText, xhr.getResponseHeader('Retry-After')), token));
        };
        xhr.onerror = () => reject(new ApiError(0, 'network', 'the upload did not reach the server'));
        xhr.onabort = () => reject(new ApiError(0, 'aborted', 'the upload was cancelled'));
        if (signal && signal.aborted) {
          xhr.onabort();
          return;
        }
        if (signal) signal.addEventListener('abort', () => xhr.abort(), { once: true });
        xhr.send(file);
      });
    },
  };
}

// Token storage per page: {token, expires_at, ...} under one localStorage key.
export function tokenStore(key) {
  return {
    load() {
      try {
        const v = JSON.parse(localStorage.getItem(key) || 'null');
        if (!v || !v.token) return null;
        if (v.expires_at && Date.parse(v.expires_at) <= Date.now()) {
          localStorage.removeItem(key);
          return null;
        }
        return v;
      } catch (_) {
        return null;
      }
    },
    save(value) {
      try { localStorage.setItem(key, JSON.stringify(value)); } catch (_) { /* private mode */ }
    },
    clear() {
      try { localStorage.removeItem(key); } catch (_) { /* private mode */ }
    },
  };
}
