// API calls, with a staff token when one is saved in this browser.
// A staff token is typed once into the page (counter, display) and kept in this browser. It is
// sent only in the Authorization header, never in a URL, which would end up in logs and histories.
let token = localStorage.getItem('kioskToken') || '';

export function savedToken() { return token; }

export function saveToken(value) {
  token = value;
  localStorage.setItem('kioskToken', value);
}

/** Headers for a request to the kiosk: the given ones plus the token, if any. */
export function withToken(headers) {
  if (token) headers.Authorization = 'Bearer ' + token;
  return headers;
}

/** A JSON call; an error response becomes an Error with the server's message, status and code. */
export async function api(method, path, body) {
  const headers = withToken({ 'Content-Type': 'application/json' });
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data = r.status === 204 ? null : await r.json().catch(() => null);
  if (!r.ok) throw Object.assign(new Error(data && data.error ? data.error.message : r.statusText),
    { status: r.status, code: data && data.error ? data.error.code : '' });
  return data;
}
