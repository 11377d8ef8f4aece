// What the console's pages share: the token (typed once, kept in this browser, sent only in the
// Authorization header), API calls, table cells, times, and the tech commands with a confirmation.
export const $ = id => document.getElementById(id);
let token = localStorage.getItem('fleetToken') || '';

export function savedToken() { return token; }

export function saveToken(value) {
  token = value;
  localStorage.setItem('fleetToken', value);
}

// args: an object, or a function that asks for them (null: the technician cancelled)
export const COMMANDS = [
  ['printer.test', 'In thử / Printer test', null],
  ['ticket.reprint', 'In lại phiếu / Reprint a ticket', () => {
    const id = prompt('Mã phiếu (trong mã QR) / Ticket id (in its QR code)');
    return id ? { ticketId: id.trim() } : null;
  }],
  ['maintenance.set', 'Bảo trì bật / Maintenance on', { on: true }],
  ['maintenance.set', 'Bảo trì tắt / Maintenance off', { on: false }],
  ['dispenser.reset', 'Mở lại máy nước / Reset dispenser', null],
  ['log.level', 'Nhật ký chi tiết / Debug log', { level: 'DEBUG' }],
  ['log.level', 'Nhật ký thường / Normal log', { level: 'INFO' }],
  ['config.reload', 'Nạp lại cấu hình / Reload config', null],
];

export async function call(method, path, body) {
  const r = await fetch(path, { method, headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await r.json().catch(() => null);
  if (!r.ok) throw Object.assign(new Error(data && data.error ? data.error.message : r.statusText), { status: r.status });
  return data;
}

export function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '–' : String(text);
  if (cls) td.className = cls;
  tr.append(td);
  return td;
}

export const time = t => (t ? new Date(t).toLocaleString('vi-VN') : '–');

/** The tech commands of one kiosk as buttons; each asks for a confirmation and says what came back. */
export function commandButtons(d, say) {
  const box = document.createElement('div');
  box.className = 'commands';
  COMMANDS.forEach(([name, label, args]) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.command = name;
    b.onclick = async () => {
      const given = typeof args === 'function' ? args() : args;
      if (given === null && typeof args === 'function') return;
      if (!confirm(label + ' → ' + d.site + '/' + d.device + '?')) return;
      try {
        const reply = await call('POST', '/api/fleet/devices/' + encodeURIComponent(d.site) + '/'
          + encodeURIComponent(d.device) + '/commands/' + name, given || {});
        say(d.site + '/' + d.device + ' ' + name + ': ' + (reply.status || '') + ' ' + (reply.code || ''));
      } catch (e) {
        say(d.site + '/' + d.device + ' ' + name + ': ' + e.message);
      }
    };
    box.append(b);
  });
  return box;
}
