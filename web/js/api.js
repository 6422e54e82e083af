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
  // The route itself does not exist on this server (an endpoint not deployed yet).
  get missingRoute() {
    return this.status === 404 && this.code === 'not_found';
  }
}

// createApi(() => token, {onUnauthorized}) -> {get, post, patch, put, del, send, blob}
export function createApi(getToken, { onUnauthorized } = {}) {
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
      let err = { code: `http_${res.status}`, message: res.statusText, details: [] };
      try {
        const data = await res.json();
        if (data && data.error) err = { ...err, ...data.error };
      } catch (_) { /* not JSON */ }
      const retry = res.headers.get('Retry-After');
      const e = new ApiError(res.status, err.code, err.message, err.details || [], retry ? Number(retry) : null);
      if (res.status === 401 && token && (e.code === 'invalid_token' || e.code === 'missing_token') && onUnauthorized) {
        onUnauthorized(e);
      }
      throw e;
    }
    if (accept === 'blob') return res.blob();
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
