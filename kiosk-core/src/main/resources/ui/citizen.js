// The citizen touchscreen: home → (scan) → confirm with priority → ticket → home; free water in drinks.js.
// Every screen fits the screen it is on without scrolling (touch.css, layout.js); help on every
// screen: spoken guidance (speech.js), larger text, the other language.
import { api } from './lib/api.js';
import { $ } from './lib/dom.js';
import { listen } from './lib/events.js';
import { language, setLanguage, t } from './lib/i18n.js';
import { mountDrinks } from './drinks.js';
import { fit, layoutChoices, unit } from './layout.js';
import { loadPhrases, speak, stop as stopSpeaking } from './speech.js';

const state = { services: [], priorities: [], kiosk: null, service: null, priority: null, offer: null,
  requestId: null, ticketId: null, ticket: null, printState: null, idleTimer: null, toastTimer: null, wakeLock: null,
  paperPoll: null };
// Print outcomes that came on the event stream before the ticket's own answer did (a fast printer).
const printStates = new Map();

const drinks = mountDrinks({ show, goHome, toast, resetIdle });

// Each screen starts at the top, laid out for this screen size, in silence.
function show(id) {
  stopSpeaking();
  $('speak').classList.remove('speaking');
  document.querySelectorAll('.screen').forEach(s => s.classList.toggle('active', s.id === id));
  document.body.dataset.screen = id;
  window.scrollTo(0, 0);
  document.querySelectorAll('main, .screen, .box').forEach(e => { e.scrollTop = 0; });
  layout();
  resetIdle();
}

/**
 * Sizes what the active screen shows to the space it has; after a resize, a text size or a language
 * also the help buttons (all) beside every screen.
 */
function layout(all) {
  const textScale = document.body.classList.contains('larger-text') ? 1.25 : 1;
  const u = unit();
  if (all === true) document.querySelectorAll('#tools button').forEach(b => fit(b, 11 * u));
  switch (document.body.dataset.screen) {
    case 'home': layoutChoices($('services'), { aspect: 2, textScale }); break;
    case 'confirm':
      layoutChoices($('priorities'), { aspect: 1.6, maxLabel: 22, textScale });
      fit($('documents-box'), 13 * u);
      break;
    case 'ticket': fit($('ticket-main'), 13 * u); fit($('paper'), 13 * u); break;
    default: document.querySelectorAll('.screen.active .notice').forEach(n => fit(n, 16 * u));
  }
}

// Left alone, the screen goes back to the start in normal text (also a start screen left in larger text).
function resetIdle() {
  clearTimeout(state.idleTimer);
  const larger = document.body.classList.contains('larger-text');
  if ((document.body.dataset.screen !== 'home' || larger) && state.kiosk) {
    state.idleTimer = setTimeout(() => { normalText(); goHome(); }, state.kiosk.idleSeconds * 1000);
  }
}

function setLargerText(on) {
  document.body.classList.toggle('larger-text', on);
  $('text-size').setAttribute('aria-pressed', String(on));
  layout(true);
  resetIdle();
}

// The next citizen starts with normal text: after a ticket, and when the screen was left alone.
function normalText() {
  if (document.body.classList.contains('larger-text')) setLargerText(false);
}

function paintIcons(root = document) {
  root.querySelectorAll('.icon[data-icon]').forEach(i => i.style.setProperty('--icon', 'url("/icons/' + i.dataset.icon + '.svg")'));
}

function icon(name) {
  const i = document.createElement('span');
  i.className = 'icon';
  i.dataset.icon = name;
  i.setAttribute('aria-hidden', 'true');
  i.style.setProperty('--icon', 'url("/icons/' + name + '.svg")');
  return i;
}

function goHome() {
  state.service = null; state.priority = null; state.offer = null; state.ticketId = null; state.requestId = null;
  state.ticket = null; state.printState = null;
  clearInterval(state.paperPoll);
  $('scan-note').textContent = '';
  show('home');
}

function toast(text) {
  const box = $('toast');
  box.textContent = t(text);
  box.classList.add('active');
  clearTimeout(state.toastTimer);
  state.toastTimer = setTimeout(() => box.classList.remove('active'), 6000);
}

// One button per service, then the water and the scan hint (both in the markup), in one grid.
function renderServices() {
  const box = $('services');
  box.querySelectorAll('li.service').forEach(li => li.remove());
  const first = box.firstElementChild;
  for (const s of state.services) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'service';
    b.dataset.serviceId = s.id;
    const label = document.createElement('span');
    label.className = 'label';
    label.append(t(s.name));
    const other = document.createElement('small');
    other.className = 'other';
    other.textContent = t(s.name, language() === 'vi' ? 'en' : 'vi');
    other.setAttribute('aria-hidden', 'true');
    label.append(other);
    b.append(icon(s.icon || 'service'), label);
    b.onclick = () => choose(s.id);
    const li = document.createElement('li');
    li.className = 'service';
    li.append(b);
    box.insertBefore(li, first);
  }
  if (document.body.dataset.screen === 'home') layout();
}

function choose(serviceId, note) {
  const s = state.services.find(x => x.id === serviceId);
  if (!s) return;
  state.service = s;
  state.priority = state.offer;
  state.requestId = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2);
  $('confirm-service').textContent = t(s.name);
  $('scan-note').textContent = note ? t(note) : '';
  const docs = $('documents');
  docs.replaceChildren(...s.documents.map(d => Object.assign(document.createElement('li'), { textContent: t(d) })));
  renderPriorities();
  $('take').disabled = false;
  show('confirm');
}

function renderPriorities() {
  const box = $('priorities');
  box.replaceChildren();
  const none = { id: null, name: { vi: 'Không', en: 'No' } };
  for (const p of [none, ...state.priorities]) {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'radio');
    b.dataset.priority = p.id || '';
    b.textContent = t(p.name);
    b.setAttribute('aria-checked', String(state.priority === p.id));
    b.onclick = () => { state.priority = p.id; renderPriorities(); resetIdle(); };
    box.append(b);
  }
  if (document.body.dataset.screen === 'confirm') layout();
}

// The number is shown as soon as the ticket is committed, not after its paper (a printer can take
// seconds): the paper's outcome follows on the ticket screen, from the event stream or a short poll.
async function take() {
  const button = $('take');
  if (button.disabled) return;        // a second tap while the first is on its way
  button.disabled = true;
  try {
    const ticket = await api('POST', '/api/tickets', { serviceId: state.service.id, priority: state.priority || undefined,
      channel: 'touchscreen', requestId: state.requestId, waitForPrint: false });
    showTicket(ticket);
  } catch (e) {
    button.disabled = false;
    toast({ vi: 'Không lấy được số: ' + e.message, en: 'Could not take a number: ' + e.message });
    refreshKiosk();
  }
}

function showTicket(ticket) {
  state.ticketId = ticket.id;
  state.ticket = ticket;
  $('ticket').dataset.ticketId = ticket.id;
  $('ticket-qr').removeAttribute('src');
  renderTicket();
  showPrintState(printStates.get(ticket.id) || ticket.printState);
  show('ticket');
  clearInterval(state.paperPoll);
  state.paperPoll = setInterval(pollPaper, 1000);  // in case an event is missed (a reconnecting stream)
}

function renderTicket() {
  const ticket = state.ticket;
  $('number').textContent = ticket.number;
  $('number').style.setProperty('--chars', Math.max(4, ticket.number.length));
  $('ticket-service').textContent = t(ticket.serviceName);
  const counters = (state.service ? state.service.counters : []).map(c => t(c.name) + ' – ' + t(c.location));
  $('ticket-where').textContent = counters.join('; ');
  $('ticket-ahead').textContent = String(ticket.waitingAhead);
  const minutes = '~' + ticket.estimatedWaitMinutes;
  $('ticket-wait').textContent = ticket.waitingAhead > 0 ? t({ vi: minutes + ' phút', en: minutes + ' min' }) : '–';
}

async function pollPaper() {
  const id = state.ticketId;
  if (!id || document.body.dataset.screen !== 'ticket' || state.printState !== 'pending') {
    clearInterval(state.paperPoll);
    return;
  }
  try {
    const ticket = await api('GET', '/api/tickets/' + encodeURIComponent(id));
    if (ticket.id === state.ticketId) showPrintState(ticket.printState);
  } catch (e) { /* the next poll tries again */ }
}

// pending: being printed; printed: take it below; failed or none (no printer): the QR to photograph.
function showPrintState(printState) {
  state.printState = printState;
  $('ticket').dataset.printState = printState;
  const failed = printState === 'failed' || printState === 'none';
  $('not-printed').classList.toggle('active', failed);
  $('take-paper').hidden = failed;
  const pending = printState === 'pending';
  const paperIcon = $('take-paper').querySelector('.icon');
  paperIcon.dataset.icon = pending ? 'printing' : 'ticket-out';
  paintIcons($('take-paper'));
  $('take-paper-text').textContent = t(pending ? { vi: 'Đang in phiếu của bạn…', en: 'Printing your ticket…' }
    : { vi: 'Mời nhận phiếu bên dưới.', en: 'Please take your ticket below.' });
  if (failed && state.ticketId && !$('ticket-qr').getAttribute('src')) $('ticket-qr').src = '/api/tickets/' + state.ticketId + '/qr.png';
  if (document.body.dataset.screen === 'ticket') layout();
}

function remember(printState, ticketId) {
  printStates.set(ticketId, printState);
  if (printStates.size > 50) printStates.delete(printStates.keys().next().value);
}

async function speakScreen() {
  const button = $('speak');
  resetIdle();
  const screen = document.body.dataset.screen;
  const what = screen === 'ticket' && state.ticket
    ? { ticket: state.ticket, counters: state.service ? state.service.counters : [], printState: state.printState }
    : { screen };
  button.classList.add('speaking');
  await speak(what, (ok, how) => {
    button.classList.remove('speaking');
    if (!ok) toast({ vi: 'Không phát được hướng dẫn (' + how + ').', en: 'Could not play the guidance (' + how + ').' });
  });
}

function onScan(e) {
  if (state.kiosk && (state.kiosk.maintenance || !state.kiosk.open)) return;
  switch (e.kind) {
    case 'citizen-id':
      state.offer = e.priorityOffer || null;
      if (document.body.dataset.screen === 'confirm') { state.priority = state.offer; renderPriorities(); }
      toast(e.priorityOffer ? { vi: 'Đã đọc CCCD ' + e.maskedId + '. Bạn được ưu tiên.', en: 'ID card ' + e.maskedId + ' read. You have priority.' }
                            : { vi: 'Đã đọc CCCD ' + e.maskedId + '.', en: 'ID card ' + e.maskedId + ' read.' });
      break;
    case 'dossier':
      choose(e.serviceId, { vi: 'Hồ sơ ' + e.code + ': nhận kết quả.', en: 'Dossier ' + e.code + ': collect your results.' });
      break;
    case 'ticket':
      $('status-number').textContent = e.number;
      $('status-text').textContent = t({
        issued: { vi: 'Đang chờ. Trước bạn: ' + e.waitingAhead + ' người.', en: 'Waiting. People ahead: ' + e.waitingAhead + '.' },
        called: { vi: 'Đã được gọi đến quầy ' + e.counterId + '.', en: 'Called to counter ' + e.counterId + '.' },
        completed: { vi: 'Đã hoàn thành.', en: 'Completed.' },
        no_show: { vi: 'Đã gọi nhưng vắng mặt. Vui lòng hỏi quầy.', en: 'Called but absent. Please ask at a counter.' },
      }[e.status] || { vi: e.status, en: e.status });
      show('status');
      break;
    default:
      toast(e.message || { vi: 'Không nhận ra mã này.', en: 'This code is not recognised.' });
  }
}

async function refreshKiosk() {
  try {
    state.kiosk = await api('GET', '/api/kiosk');
  } catch (e) {
    return;
  }
  $('site-name').textContent = t(state.kiosk.site.name);
  $('maintenance').classList.toggle('active', state.kiosk.maintenance);
  $('closed').classList.toggle('active', !state.kiosk.maintenance && !state.kiosk.open);
  $('hours-vi').textContent = state.kiosk.openingHours;
  $('hours-en').textContent = state.kiosk.openingHours;
  document.body.dataset.printer = state.kiosk.devices.printer ? state.kiosk.devices.printer.state : 'NOT_CONFIGURED';
  $('scan-hint').style.display = state.kiosk.devices.scanner && state.kiosk.devices.scanner.configured ? '' : 'none';
  drinks.offer(state.kiosk.drinks);
  if (document.body.dataset.screen === 'home') layout();  // the water button may have come or gone
  keepScreenOn(state.kiosk.open);
}

// The screen stays on during opening hours (a Screen Wake Lock, which Chromium passes on to the
// desktop's idle inhibitor); outside them the lock is released and the desktop may blank it.
async function keepScreenOn(on) {
  if (!('wakeLock' in navigator)) { document.body.dataset.wakeLock = 'unsupported'; return; }
  if (on && !state.wakeLock) {
    try {
      const lock = await navigator.wakeLock.request('screen');
      state.wakeLock = lock;
      document.body.dataset.wakeLock = 'held';
      lock.addEventListener('release', () => {
        if (state.wakeLock === lock) { state.wakeLock = null; document.body.dataset.wakeLock = 'released'; }
      });
    } catch (e) {
      document.body.dataset.wakeLock = 'refused';  // e.g. the page is hidden; asked again on the next refresh
    }
  } else if (!on) {
    const lock = state.wakeLock;
    state.wakeLock = null;
    document.body.dataset.wakeLock = 'released';
    if (lock) await lock.release();
  }
}

function chooseLanguage(lang) {
  stopSpeaking();
  setLanguage(lang);
  renderServices();
  if (state.kiosk) $('site-name').textContent = t(state.kiosk.site.name);
  if (state.service) { $('confirm-service').textContent = t(state.service.name); renderPriorities(); }
  if (state.ticket) { renderTicket(); showPrintState(state.printState); }
  layout(true);
}

async function start() {
  $('lang').onclick = () => { chooseLanguage(language() === 'vi' ? 'en' : 'vi'); resetIdle(); };
  $('text-size').onclick = () => { setLargerText(!document.body.classList.contains('larger-text')); resetIdle(); };
  $('speak').onclick = speakScreen;
  $('back').onclick = goHome;
  $('take').onclick = take;
  $('done').onclick = () => { normalText(); goHome(); };
  $('status-done').onclick = goHome;
  document.addEventListener('pointerdown', resetIdle, true);
  paintIcons();
  document.body.dataset.screen = 'home';
  let resized = 0;
  new ResizeObserver(() => { cancelAnimationFrame(resized); resized = requestAnimationFrame(() => layout(true)); }).observe(document.body);
  [state.services, state.priorities] = await Promise.all([api('GET', '/api/services'), api('GET', '/api/priorities'),
    loadPhrases().catch(() => { /* the kiosk's audio still speaks */ })]);
  await refreshKiosk();
  chooseLanguage('vi');
  listen(e => {
    if (e.type === 'scan') onScan(e);
    else if (e.type === 'maintenance' || e.type === 'device') refreshKiosk();
    else if (e.type === 'ticket' && e.ticketId === state.ticketId) showPrintState(e.printState);
    else if (e.type === 'ticket') remember(e.printState, e.ticketId);
    else if (e.type === 'drink') drinks.showPour(e.pour);
  }, refreshKiosk);
  setInterval(refreshKiosk, 60000); // opening hours change with the clock
  document.addEventListener('visibilitychange', () => { if (!document.hidden) refreshKiosk(); });
  document.body.dataset.ready = 'true';
}

start();
