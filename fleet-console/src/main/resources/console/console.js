// The technicians' fleet page: every kiosk (alerts first), the open alerts, and the tech commands as
// buttons with a confirmation. Read again twice a second (a change shows within a second); the token is typed once.
import { $, call, cell, commandButtons, saveToken, savedToken, time } from './fleet-api.js';

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
    const name = cell(tr, '');
    const link = document.createElement('a');
    link.href = '/device.html?site=' + encodeURIComponent(d.site) + '&device=' + encodeURIComponent(d.device);
    link.textContent = d.site + '/' + d.device;
    name.replaceChildren(link);
    cell(tr, d.online === null ? '?' : d.online ? 'có / yes' : 'KHÔNG / NO', d.online === false ? 'no' : 'yes').dataset.online = String(d.online);
    cell(tr, time(d.lastSeen));
    cell(tr, d.printer);
    cell(tr, d.scanner);
    cell(tr, d.dispenser);
    cell(tr, d.waiting < 0 ? '–' : d.waiting);
    cell(tr, d.backlog < 0 ? '–' : d.backlog);
    cell(tr, d.version);
    cell(tr, d.alerts.join(', '));
    cell(tr, '').replaceChildren(commandButtons(d, text => { $('message').textContent = text; }));
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

function city(list) {
  $('city').tBodies[0].replaceChildren(...list.map(r => {
    const tr = document.createElement('tr');
    cell(tr, r.site);
    cell(tr, r.day);
    cell(tr, r.tickets);
    cell(tr, r.medianWaitMinutes);
    return tr;
  }));
}

let cityRead = 0;
async function refresh() {
  try {
    const [d, a] = await Promise.all([call('GET', '/api/fleet/devices'), call('GET', '/api/fleet/alerts?state=open')]);
    devices(d);
    alerts(a);
    if (Date.now() - cityRead > 60000) { cityRead = Date.now(); city(await call('GET', '/api/fleet/city?days=7')); }
    document.body.dataset.ready = 'true';
    if ($('message').dataset.auth) { $('message').textContent = ''; delete $('message').dataset.auth; }
  } catch (e) {
    if (e.status === 401) { $('message').textContent = 'Nhập mã truy cập / Type the technician token'; $('message').dataset.auth = '1'; }
  }
}

$('token').value = savedToken();
$('token').onchange = () => { saveToken($('token').value.trim()); refresh(); };
$('filters').onsubmit = e => e.preventDefault();
$('site').oninput = refresh;
$('state').onchange = refresh;
refresh();
setInterval(refresh, 500);
