// The waiting-room screen: the centre's name, the kiosk's date and time, the latest call large (flashing
// for a few seconds, with a chime and the call in Vietnamese), the last calls with their counters and how
// many wait per service. Everything comes from the kiosk's stored tickets (GET /api/display), read again
// on each ticket event and whenever the live stream (re)connects: a reload or a kiosk restart shows the same.
import { announce } from './lib/announce.js';
import { api, saveToken } from './lib/api.js';
import { $ } from './lib/dom.js';
import { listen } from './lib/events.js';
import { setLanguage, t } from './lib/i18n.js';

const FLASH_MS = 6000;
// A call older than this when the display first hears of it (the stream was away) is shown, not announced.
const ANNOUNCE_WITHIN_MS = 60000;

let board = null;
let clockOffset = 0;      // the kiosk's clock minus this browser's
let flashTimer = null;

const callKey = c => c.ticketId + '@' + c.calledAt;

function time(iso) {
  return new Intl.DateTimeFormat('vi-VN', { timeZone: board.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(iso));
}

function tick() {
  if (!board) return;
  const now = new Date(Date.now() + clockOffset);
  const zone = board.timeZone;
  $('clock').textContent = new Intl.DateTimeFormat('vi-VN', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(now);
  $('clock').setAttribute('datetime', now.toISOString().replace(/\.\d+Z$/, 'Z'));
  $('date').textContent = new Intl.DateTimeFormat('vi-VN', { timeZone: zone, weekday: 'long', day: '2-digit', month: '2-digit',
    year: 'numeric' }).format(now);
}

// A {vi, en} text as a Vietnamese line and a smaller English one.
function twoLines(text) {
  const vi = document.createElement('span');
  vi.textContent = t(text, 'vi');
  const en = document.createElement('span');
  en.className = 'en';
  en.lang = 'en';
  en.textContent = t(text, 'en');
  return [vi, en];
}

const counterName = call => call.counterName || { vi: 'Quầy ' + call.counterId, en: 'Counter ' + call.counterId };

function showLatest(call) {
  $('latest-number').textContent = call ? call.number : '–';
  $('latest-counter').replaceChildren(...(call ? twoLines(counterName(call)) : []));
  $('latest-location').textContent = call && call.counterLocation ? t(call.counterLocation) : '';
}

function showRecent(calls) {
  $('recent').replaceChildren(...calls.map(c => {
    const tr = document.createElement('tr');
    tr.dataset.number = c.number;
    tr.dataset.counter = c.counterId;
    tr.dataset.ticketId = c.ticketId;
    for (const [cls, content] of [['number', [c.number]], ['counter', twoLines(counterName(c))], ['time', [time(c.calledAt)]]]) {
      const td = document.createElement('td');
      td.className = cls;
      td.append(...content);
      tr.append(td);
    }
    return tr;
  }));
}

function showWaiting(services) {
  $('waiting').replaceChildren(...services.map(s => {
    const li = document.createElement('li');
    li.dataset.serviceId = s.serviceId;
    const name = document.createElement('span');
    name.className = 'name';
    name.append(...twoLines(s.name));
    const count = document.createElement('span');
    count.className = 'count';
    count.textContent = String(s.waiting);
    li.append(name, count);
    return li;
  }));
}

// Many services (or long names) on a small screen: smaller type until the list fits its box, never cut.
function fitWaiting() {
  const box = $('waiting-box');
  let fit = 1;
  box.style.setProperty('--fit', fit);
  while (box.scrollHeight > box.clientHeight && fit > 0.6) {
    fit -= 0.05;
    box.style.setProperty('--fit', fit.toFixed(2));
  }
}

function flash() {
  $('latest').dataset.flashing = 'true';
  clearTimeout(flashTimer);
  flashTimer = setTimeout(() => { delete $('latest').dataset.flashing; }, FLASH_MS);
}

// Calls on this board that the previous one did not have, oldest first, recent enough to say aloud.
function newCalls(previous, next) {
  if (!previous) return [];
  const known = new Set(previous.latestCalls.map(callKey));
  const asOf = Date.parse(next.asOf);
  return next.latestCalls.filter(c => !known.has(callKey(c)) && asOf - Date.parse(c.calledAt) < ANNOUNCE_WITHIN_MS).reverse();
}

function show(next) {
  const fresh = newCalls(board, next);
  board = next;
  clockOffset = Date.parse(next.asOf) - Date.now();
  $('centre').textContent = t(next.centre, 'vi');
  $('centre-en').textContent = t(next.centre, 'en');
  showLatest(next.latestCalls[0]);
  showRecent(next.latestCalls);
  showWaiting(next.waiting);
  fitWaiting();
  tick();
  if (fresh.length) {
    fresh.forEach(c => announce(c.number, c.counterId, c.ticketId));
    flash();
  }
}

// One read at a time; a change that comes in meanwhile is read right after.
let reading = null, readAgain = false;
function refresh() {
  if (reading) { readAgain = true; return reading; }
  reading = (async () => {
    do {
      readAgain = false;
      try {
        show(await api('GET', '/api/display'));
      } catch (e) {
        if (e.status === 401 || e.status === 403) askForToken(true);
      }
    } while (readAgain);
  })().finally(() => { reading = null; });
  return reading;
}

function askForToken(visible) {
  $('token-form').hidden = !visible;
}

$('token-form').onsubmit = e => {
  e.preventDefault();
  const token = $('token').value.trim();
  if (!token) return;
  saveToken(token);
  location.reload();
};

async function load() {
  setLanguage('both');
  await refresh();
  listen(e => { if (e.type === 'ticket') refresh(); }, refresh, status => {
    if (status === 'unauthorized') askForToken(true);
    else if (status === 'live') askForToken(false);
  });
  setInterval(tick, 1000);
  setInterval(refresh, 60000);   // the business day's reset, or a change the stream did not bring
  window.addEventListener('resize', fitWaiting);
  document.body.dataset.ready = 'true';
}
load();
