import { withToken } from './api.js';

// Live events: each message is one JSON object with a "type". Read with fetch(), not EventSource,
// because EventSource cannot send the Authorization header a LAN page needs. Reconnects by itself;
// body[data-events] and onStatus tell 'live', 'unauthorized' (token missing or wrong) or 'reconnecting'.
export function listen(onEvent, onOpen, onStatus) {
  let stopped = false, controller = null, wake = null;
  const status = s => { document.body.dataset.events = s; if (onStatus) onStatus(s); };
  const pause = ms => new Promise(resolve => { wake = resolve; setTimeout(resolve, ms); });
  (async () => {
    while (!stopped) {
      let wait = 3000;
      controller = new AbortController();
      try {
        const headers = withToken({ Accept: 'text/event-stream' });
        const r = await fetch('/api/events', { headers, cache: 'no-store', signal: controller.signal });
        if (r.status === 401 || r.status === 403) {
          status('unauthorized');
          wait = 30000;
        } else if (r.ok && r.body) {
          status('live');
          if (onOpen) onOpen();
          await readEvents(r.body, onEvent);
          status('reconnecting');
        } else {
          status('reconnecting');
        }
      } catch (e) {
        if (!stopped) status('reconnecting');
      }
      if (!stopped) await pause(wait);
    }
  })();
  return {
    close() { stopped = true; if (controller) controller.abort(); },
    retry() { if (controller) controller.abort(); if (wake) wake(); },
  };
}

// Server-Sent Events framing: a message ends with a blank line, its "data:" lines carry the JSON,
// lines starting with ':' are comments (the kiosk sends one every few seconds to keep the stream alive).
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer = (buffer + value.replace(/\r\n?/g, '\n')).replace(/^:.*\n/gm, '');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const data = buffer.slice(0, end).split('\n').filter(l => l.startsWith('data:'))
        .map(l => l.slice(l.startsWith('data: ') ? 6 : 5)).join('\n');
      buffer = buffer.slice(end + 2);
      if (data) {
        try { onEvent(JSON.parse(data)); } catch (e) { console.error(e); }
      }
    }
  }
}
