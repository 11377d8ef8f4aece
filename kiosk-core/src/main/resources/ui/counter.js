// A counter clerk's page: call, recall, complete, no-show, transfer. On the LAN it needs the counter token.
import { api, saveToken, savedToken } from './lib/api.js';
import { countersOf } from './lib/counters.js';
import { $ } from './lib/dom.js';
import { listen } from './lib/events.js';
import { setLanguage, t } from './lib/i18n.js';

let current = null;
let events = null;   // the live event stream; reconnects with a newly typed token

function say(text) { $('message').textContent = text || ''; }

function showCurrent(ticket) {
  current = ticket;
  $('current-number').textContent = ticket ? ticket.number : '–';
  $('current-service').textContent = ticket && ticket.serviceName ? t(ticket.serviceName) : '';
  $('current-number').dataset.ticketId = ticket ? ticket.id : '';
}

async function act(label, fn) {
  say('');
  try { await fn(); } catch (e) { say(t(label) + ': ' + e.message); }
  refreshWaiting();
}

async function refreshWaiting() {
  try {
    const q = await api('GET', '/api/queue');
    $('waiting').textContent = t({ vi: 'Đang chờ', en: 'Waiting' }) + ': ' + q.waitingTotal;
  } catch (e) { /* no token yet */ }
}

// A latched dispenser fault (no flow, overrun) waits for staff: the clerk checks the tank and resets it here.
async function refreshDispenser() {
  try {
    const d = await api('GET', '/api/dispenser');
    $('dispenser-row').hidden = false;
    const f = d.latchedFault;
    $('dispenser-state').textContent = f ? t({ vi: 'Máy nước dừng vì lỗi', en: 'Dispenser stopped' }) + ': ' + f.message
      : t({ vi: 'Máy nước hoạt động', en: 'Dispenser OK' });
    $('dispenser-row').dataset.fault = f ? f.code : '';
  } catch (e) { /* no dispenser, or no token yet */ }
}

// Acts on the ticket called last, if any.
const onCurrent = (label, fn) => () => current && act(label, fn);

async function start() {
  setLanguage('both');
  $('token').value = savedToken();
  $('token').onchange = () => {
    saveToken($('token').value.trim());
    refreshWaiting();
    if (events) events.retry();
  };
  const services = await api('GET', '/api/services');
  const saved = localStorage.getItem('kioskCounter');
  for (const c of countersOf(services).values()) $('counter').append(new Option(t(c.name), c.id, false, c.id === saved));
  $('counter').onchange = () => { localStorage.setItem('kioskCounter', $('counter').value); showCurrent(null); };
  services.forEach(s => $('transfer-to').append(new Option(t(s.name, 'vi'), s.id)));

  $('next').onclick = () => act({ vi: 'Gọi số', en: 'Call' }, async () => {
    const ticket = await api('POST', '/api/counters/' + encodeURIComponent($('counter').value) + '/next', {});
    showCurrent(ticket);
    if (!ticket) say(t({ vi: 'Không còn ai chờ', en: 'Nobody is waiting' }));
  });
  $('recall').onclick = onCurrent({ vi: 'Gọi lại', en: 'Recall' }, async () =>
    showCurrent(await api('POST', '/api/tickets/' + current.id + '/recall')));
  $('complete').onclick = onCurrent({ vi: 'Hoàn thành', en: 'Complete' }, async () => {
    await api('POST', '/api/tickets/' + current.id + '/complete'); showCurrent(null);
  });
  $('noshow').onclick = onCurrent({ vi: 'Vắng mặt', en: 'No-show' }, async () => {
    await api('POST', '/api/tickets/' + current.id + '/no-show'); showCurrent(null);
  });
  $('transfer').onclick = onCurrent({ vi: 'Chuyển', en: 'Transfer' }, async () => {
    await api('POST', '/api/tickets/' + current.id + '/transfer', { serviceId: $('transfer-to').value }); showCurrent(null);
  });
  $('reprint').onclick = onCurrent({ vi: 'In lại', en: 'Reprint' }, async () => {
    await api('POST', '/api/tickets/' + current.id + '/reprint'); say(t({ vi: 'Đã in lại', en: 'Reprinted' }));
  });
  $('dispenser-reset').onclick = () => act({ vi: 'Máy nước', en: 'Dispenser' }, async () => {
    const r = await api('POST', '/api/dispenser/reset', { by: 'counter ' + $('counter').value });
    say(r.cleared ? t({ vi: 'Đã mở lại máy nước', en: 'Dispenser reset' }) + ' (' + r.cleared + ')'
      : t({ vi: 'Máy nước không có lỗi', en: 'No fault to clear' }));
    refreshDispenser();
  });
  events = listen(e => { if (e.type === 'ticket') refreshWaiting(); else if (e.type === 'drink' || e.type === 'device') refreshDispenser(); });
  refreshWaiting();
  refreshDispenser();
  document.body.dataset.ready = 'true';
}
start();
