// A counter clerk's page: call, recall, complete, no-show, transfer. On the LAN it needs the counter token.
// What the counter serves and who waits come from the kiosk (GET /api/counters/{id}), read again after
// every ticket event and whenever the live stream (re)connects, so a reload, a second browser at the
// same counter and a stream that was away all show the same.
import { api, saveToken, savedToken } from './lib/api.js';
import { countersOf } from './lib/counters.js';
import { $ } from './lib/dom.js';
import { listen } from './lib/events.js';
import { setLanguage, t } from './lib/i18n.js';

const PRIORITY = { vi: 'Ưu tiên', en: 'Priority' };
// A kiosk of a site whose server is away lists only what it issued on its own (island mode).
const ISLAND = { vi: 'Mất kết nối máy chủ của điểm: chỉ có số phát tại máy này', en: 'Site server away: only tickets issued at this kiosk' };
// Shortcuts for the frequent actions (shown on the buttons); never while typing in a field.
const SHORTCUTS = { n: 'next', ' ': 'next', r: 'recall', c: 'complete', x: 'noshow', t: 'transfer' };
const ON_TICKET = ['recall', 'complete', 'noshow', 'transfer', 'reprint'];

let board = null;        // the kiosk's last answer for this counter
let serving = null;      // the ticket shown as served: the board's, or an action's answer until the next read
let clockOffset = 0;     // the kiosk's clock minus this browser's, for the waiting minutes
let events = null;       // the live event stream; reconnects with a newly typed token

const counterId = () => $('counter').value;
const current = () => serving;

function say(text) { $('message').textContent = text || ''; }

function minutes(n) { return t({ vi: n + ' phút', en: n + ' min' }); }

function showServing(ticket) {
  serving = ticket || null;
  $('current-number').textContent = ticket ? ticket.number : '–';
  $('current-number').dataset.ticketId = ticket ? ticket.id : '';
  const detail = [];
  if (ticket) {
    detail.push(t(ticket.serviceName));
    if (ticket.priority) detail.push('★ ' + t(PRIORITY));
    if (ticket.callCount > 1) detail.push(t({ vi: 'đã gọi ' + ticket.callCount + ' lần', en: 'called ' + ticket.callCount + ' times' }));
  }
  $('current-detail').textContent = detail.join(' · ');
  ON_TICKET.forEach(id => { $(id).disabled = !ticket; });
}

// Minutes since each ticket was issued, by the kiosk's clock; re-rendered as time passes.
function showWaiting() {
  const now = Date.now() + clockOffset;
  const list = board ? board.waiting : [];
  $('waiting-count').textContent = t({ vi: 'Đang chờ', en: 'Waiting' }) + ': ' + (board ? board.waitingTotal : 0);
  // a line of its own under the count: the list is short for a reason the clerk should know
  $('island').hidden = !(board && board.queueMode === 'island');
  $('island').textContent = t(ISLAND);
  $('waiting-list').replaceChildren(...list.map(w => {
    const li = document.createElement('li');
    li.dataset.ticketId = w.id;
    li.dataset.priority = String(Boolean(w.priority));
    const number = document.createElement('span');
    number.className = 'number';
    number.textContent = w.number;
    const waited = document.createElement('span');
    waited.className = 'waited';
    waited.textContent = minutes(Math.max(0, Math.floor((now - Date.parse(w.issuedAt)) / 60000)));
    li.append(number, waited);
    if (w.priority) {
      const mark = document.createElement('span');
      mark.className = 'priority-mark';
      mark.textContent = '★ ' + t(PRIORITY) + (w.priorityName ? ': ' + t(w.priorityName) : '');
      li.append(mark);
    }
    return li;
  }));
}

// One read at a time; a change that comes in meanwhile is read right after.
let reading = null, readAgain = false;
function refresh() {
  if (reading) { readAgain = true; return reading; }
  reading = (async () => {
    do { readAgain = false; await readBoard(); } while (readAgain);
  })().finally(() => { reading = null; });
  return reading;
}

async function readBoard() {
  const id = counterId();
  if (!id) return;
  try {
    const b = await api('GET', '/api/counters/' + encodeURIComponent(id));
    if (id !== counterId()) return;   // the clerk picked another counter meanwhile
    board = b;
    clockOffset = Date.parse(b.asOf) - Date.now();
    showServing(b.serving);
    showWaiting();
    document.body.dataset.counter = id;
  } catch (e) {
    if (e.status === 401 || e.status === 403) say(t({ vi: 'Nhập mã truy cập của quầy', en: 'Type the counter token' }));
  }
}

async function act(label, fn) {
  say('');
  try { await fn(); } catch (e) { say(t(label) + ': ' + e.message); }
  await refresh();
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
    $('dispenser-reset').hidden = !f;
  } catch (e) { /* no dispenser, or no token yet */ }
}

// Acts on the ticket this counter serves, if any.
const onCurrent = (label, fn) => () => current() && act(label, () => fn(current()));

function onKey(e) {
  if (e.ctrlKey || e.altKey || e.metaKey || e.repeat) return;
  const target = e.target instanceof Element ? e.target : document.body;
  if (target.closest('input, select, textarea, [contenteditable]')) return;
  const key = e.key.toLowerCase();
  // Space keeps its own meaning on a focused control (press it) and on the list (scroll it)
  if (key === ' ' && target.closest('button, a, [tabindex]')) return;
  const action = SHORTCUTS[key];
  if (!action) return;
  e.preventDefault();
  $(action).click();
}

async function start() {
  setLanguage('both');
  $('token').value = savedToken();
  $('token').onchange = () => {
    saveToken($('token').value.trim());
    refresh();
    refreshDispenser();
    if (events) events.retry();
  };
  const services = await api('GET', '/api/services');
  // a counter's own PC can open /counter.html?counter=5; otherwise the counter picked last in this browser
  const saved = new URLSearchParams(location.search).get('counter') || localStorage.getItem('kioskCounter');
  for (const c of countersOf(services).values()) $('counter').append(new Option(t(c.name), c.id, false, c.id === saved));
  $('counter').onchange = () => {
    localStorage.setItem('kioskCounter', counterId());
    board = null;
    showServing(null);
    showWaiting();
    refresh();
  };
  services.forEach(s => $('transfer-to').append(new Option(t(s.name, 'vi'), s.id)));

  $('next').onclick = () => act({ vi: 'Gọi số', en: 'Call' }, async () => {
    const ticket = await api('POST', '/api/counters/' + encodeURIComponent(counterId()) + '/next', {});
    showServing(ticket);
    if (!ticket) say(t({ vi: 'Không còn ai chờ', en: 'Nobody is waiting' }));
  });
  $('recall').onclick = onCurrent({ vi: 'Gọi lại', en: 'Recall' }, async ticket =>
    showServing(await api('POST', '/api/tickets/' + ticket.id + '/recall')));
  $('complete').onclick = onCurrent({ vi: 'Hoàn thành', en: 'Complete' }, async ticket => {
    await api('POST', '/api/tickets/' + ticket.id + '/complete'); showServing(null);
  });
  $('noshow').onclick = onCurrent({ vi: 'Vắng mặt', en: 'No-show' }, async ticket => {
    await api('POST', '/api/tickets/' + ticket.id + '/no-show'); showServing(null);
  });
  $('transfer').onclick = onCurrent({ vi: 'Chuyển', en: 'Transfer' }, async ticket => {
    await api('POST', '/api/tickets/' + ticket.id + '/transfer', { serviceId: $('transfer-to').value }); showServing(null);
  });
  $('reprint').onclick = onCurrent({ vi: 'In lại', en: 'Reprint' }, async ticket => {
    await api('POST', '/api/tickets/' + ticket.id + '/reprint'); say(t({ vi: 'Đã in lại', en: 'Reprinted' }));
  });
  $('dispenser-reset').onclick = () => act({ vi: 'Máy nước', en: 'Dispenser' }, async () => {
    const r = await api('POST', '/api/dispenser/reset', { by: 'counter ' + counterId() });
    say(r.cleared ? t({ vi: 'Đã mở lại máy nước', en: 'Dispenser reset' }) + ' (' + r.cleared + ')'
      : t({ vi: 'Máy nước không có lỗi', en: 'No fault to clear' }));
    refreshDispenser();
  });
  document.addEventListener('keydown', onKey);
  showServing(null);
  await refresh();
  // (re)connected: what happened while the stream was away is read again
  events = listen(e => {
    if (e.type === 'ticket') refresh();
    else if (e.type === 'drink' || e.type === 'device') refreshDispenser();
  }, () => { refresh(); refreshDispenser(); });
  refreshDispenser();
  setInterval(showWaiting, 15000);
  setInterval(refresh, 60000);   // the business day's reset, or a change the stream did not bring
  document.body.dataset.ready = 'true';
}
start();
