// Shared by the kiosk's pages: language, API calls (with a staff token when one is saved), live events.
const Kiosk = {
  lang: 'vi',
  token: localStorage.getItem('kioskToken') || new URLSearchParams(location.search).get('token') || '',

  t(text) { return text ? (text[Kiosk.lang] || text.vi) : ''; },

  applyLanguage() {
    document.documentElement.lang = Kiosk.lang;
    document.querySelectorAll('[data-vi]').forEach(el => { el.textContent = el.dataset[Kiosk.lang]; });
  },

  async api(method, path, body) {
    const headers = { 'Content-Type': 'application/json' };
    if (Kiosk.token) headers.Authorization = 'Bearer ' + Kiosk.token;
    const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const data = r.status === 204 ? null : await r.json().catch(() => null);
    if (!r.ok) throw Object.assign(new Error(data && data.error ? data.error.message : r.statusText),
      { status: r.status, code: data && data.error ? data.error.code : '' });
    return data;
  },

  // EventSource reconnects by itself; each message is one JSON object with a "type".
  listen(onEvent, onOpen) {
    const es = new EventSource('/api/events');
    es.onmessage = m => { try { onEvent(JSON.parse(m.data)); } catch (e) { console.error(e); } };
    es.onopen = () => onOpen && onOpen();
    return es;
  },
};
