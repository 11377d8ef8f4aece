// The technicians' fleet page: every kiosk (alerts first), the open alerts, and the tech commands as
// buttons with a confirmation. Read again every second; the token is typed once and kept here.
const $ = id => document.getElementById(id);
let token = localStorage.getItem('fleetToken') || '';

const COMMANDS = [
  ['printer.test', 'In thử / Printer test', null],
  ['maintenance.set', 'Bảo trì bật / Maintenance on', { on: true }],
  ['maintenance.set', 'Bảo trì tắt / Maintenance off', { on: false }],
  ['dispenser.reset', 'Mở lại máy nước / Reset dispenser', null],
  ['config.reload', 'Nạp lại cấu hình / Reload config', null],
];

async function call(method, path, body) {
  const r = await fetch(path, { method, headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body) });
  const data = await r.json().catch(() => null);
  if (!r.ok) throw Object.assign(new Error(data && data.error ? data.error.message : r.statusText), { status: r.status });
  return data;
}

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '–' : String(text);
  if (cls) td.className = cls;
  tr.append(td);
  return td;
}

const time = t => (t ? new Date(t).toLocaleString('vi-VN') : '–');

async function command(d, name, label, args) {
  if (!confirm(label + ' → ' + d.site + '/' + d.device + '?')) return;
  try {
    const reply = await call('POST', '/api/fleet/devices/' + encodeURIComponent(d.site) + '/' + encodeURIComponent(d.device)
      + '/commands/' + name, args || {});
    $('message').textContent = d.site + '/' + d.device + ' ' + name + ': ' + (reply.status || '') + ' ' + (reply.code || '');
  } catch (e) {
    $('message').textContent = d.site + '/' + d.device + ' ' + name + ': ' + e.message;
  }
}

function devices(list) {
  const site = $('site').value.trim().toLowerCase();
  const state = $('state').value;
  const shown = list.filter(d => (!site || d.site.includes(site))
    && (state === 'all' || (state === 'alerts' && d.alerts.length) || (state === 'offline' && d.online === false)));
  $('summary').textContent = '(' + list.filter(d => d.online).length + ' / ' + list.length + ')';
  $('devices').tBodies[0].replaceChildren(...shown.map(d => {
    const tr = document.createElement('tr');
    tr.dataset.device = d.site + '/' + d.device;
    if (d.alerts.length) tr.className = 'alerting';
    cell(tr, d.site + '/' + d.device);
    cell(tr, d.online === null ? '?' : d.online ? 'có / yes' : 'KHÔNG / NO', d.online === false ? 'no' : 'yes').dataset.online = String(d.online);
    cell(tr, time(d.lastSeen));
    cell(tr, d.printer);
    cell(tr, d.scanner);
    cell(tr, d.dispenser);
    cell(tr, d.waiting < 0 ? '–' : d.waiting);
    cell(tr, d.backlog < 0 ? '–' : d.backlog);
    cell(tr, d.version);
    cell(tr, d.alerts.join(', '));
    const actions = cell(tr, '');
    const box = document.createElement('div');
    box.className = 'commands';
    COMMANDS.forEach(([name, label, args]) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.dataset.command = name;
      b.onclick = () => command(d, name, label, args);
      box.append(b);
    });
    actions.replaceChildren(box);
    return tr;
  }));
}

function alerts(list) {
  $('alerts').tBodies[0].replaceChildren(...list.map(a => {
    const tr = document.createElement('tr');
    cell(tr, a.site + '/' + a.device);
    cell(tr, a.kind + ': ' + a.detail);
    cell(tr, time(a.openedAt));
    cell(tr, a.ackedAt ? time(a.ackedAt) + ' (' + a.ackedBy + ')' : '–');
    const td = cell(tr, '');
    if (!a.ackedAt) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = 'Đã nhận / Acknowledge';
      b.onclick = async () => { await call('POST', '/api/fleet/alerts/' + a.id + '/ack'); refresh(); };
      td.replaceChildren(b);
    }
    return tr;
  }));
}

async function refresh() {
  try {
    const [d, a] = await Promise.all([call('GET', '/api/fleet/devices'), call('GET', '/api/fleet/alerts?state=open')]);
    devices(d);
    alerts(a);
    document.body.dataset.ready = 'true';
    if ($('message').dataset.auth) { $('message').textContent = ''; delete $('message').dataset.auth; }
  } catch (e) {
    if (e.status === 401) { $('message').textContent = 'Nhập mã truy cập / Type the technician token'; $('message').dataset.auth = '1'; }
  }
}

$('token').value = token;
$('token').onchange = () => { token = $('token').value.trim(); localStorage.setItem('fleetToken', token); refresh(); };
$('filters').onsubmit = e => e.preventDefault();
$('site').oninput = refresh;
$('state').onchange = refresh;
refresh();
setInterval(refresh, 1000);
