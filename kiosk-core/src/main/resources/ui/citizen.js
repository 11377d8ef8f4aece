// The citizen touchscreen: home → (scan) → confirm with priority → ticket → home; free water in drinks.js.
import { api } from './lib/api.js';
import { $ } from './lib/dom.js';
import { listen } from './lib/events.js';
import { language, setLanguage, t } from './lib/i18n.js';
import { mountDrinks } from './drinks.js';

const state = { services: [], priorities: [], kiosk: null, service: null, priority: null, offer: null,
  requestId: null, ticketId: null, idleTimer: null, toastTimer: null, wakeLock: null };

const drinks = mountDrinks({ show, goHome, toast, resetIdle });

function show(id) {
  document.querySelectorAll('.screen').forEach(s => s.classList.toggle('active', s.id === id));
  document.body.dataset.screen = id;
  resetIdle();
}

function resetIdle() {
  clearTimeout(state.idleTimer);
  if (document.body.dataset.screen !== 'home' && state.kiosk) {
    state.idleTimer = setTimeout(goHome, state.kiosk.idleSeconds * 1000);
  }
}

function goHome() {
  state.service = null; state.priority = null; state.offer = null; state.ticketId = null; state.requestId = null;
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

function renderServices() {
  const box = $('services');
  box.replaceChildren();
  for (const s of state.services) {
    const b = document.createElement('button');
    b.type = 'button';
    b.setAttribute('role', 'listitem');
    b.dataset.serviceId = s.id;
    b.append(t(s.name));
    const other = document.createElement('small');
    other.textContent = t(s.name, language() === 'vi' ? 'en' : 'vi');
    other.setAttribute('aria-hidden', 'true');
    b.append(other);
    b.onclick = () => choose(s.id);
    box.append(b);
  }
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
    b.setAttribute('aria-pressed', String(state.priority === p.id));
    b.setAttribute('aria-checked', String(state.priority === p.id));
    b.onclick = () => { state.priority = p.id; renderPriorities(); resetIdle(); };
    box.append(b);
  }
}

async function take() {
  const button = $('take');
  if (button.disabled) return;        // a second tap while the first is on its way
  button.disabled = true;
  try {
    const ticket = await api('POST', '/api/tickets', { serviceId: state.service.id, priority: state.priority || undefined,
      channel: 'touchscreen', requestId: state.requestId });
    showTicket(ticket);
  } catch (e) {
    button.disabled = false;
    toast({ vi: 'Không lấy được số: ' + e.message, en: 'Could not take a number: ' + e.message });
    refreshKiosk();
  }
}

function showTicket(ticket) {
  state.ticketId = ticket.id;
  $('ticket').dataset.ticketId = ticket.id;
  $('number').textContent = ticket.number;
  $('ticket-service').textContent = t(ticket.serviceName);
  const counters = (state.service ? state.service.counters : []).map(c => t(c.name) + ' – ' + t(c.location));
  $('ticket-where').textContent = counters.join('; ');
  $('ticket-ahead').textContent = String(ticket.waitingAhead);
  const minutes = '~' + ticket.estimatedWaitMinutes;
  $('ticket-wait').textContent = ticket.waitingAhead > 0 ? t({ vi: minutes + ' phút', en: minutes + ' min' }) : '–';
  showPrintState(ticket.printState);
  show('ticket');
}

function showPrintState(printState) {
  const failed = printState === 'failed' || printState === 'none';
  $('not-printed').classList.toggle('active', failed);
  $('take-paper').style.display = printState === 'printed' || printState === 'pending' ? '' : 'none';
  if (failed && state.ticketId) $('ticket-qr').src = '/api/tickets/' + state.ticketId + '/qr.png';
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
  setLanguage(lang);
  renderServices();
  if (state.kiosk) $('site-name').textContent = t(state.kiosk.site.name);
  if (state.service) { $('confirm-service').textContent = t(state.service.name); renderPriorities(); }
}

async function start() {
  $('lang').onclick = () => { chooseLanguage(language() === 'vi' ? 'en' : 'vi'); resetIdle(); };
  $('back').onclick = goHome;
  $('take').onclick = take;
  $('done').onclick = goHome;
  $('status-done').onclick = goHome;
  document.addEventListener('pointerdown', resetIdle, true);
  [state.services, state.priorities] = await Promise.all([api('GET', '/api/services'), api('GET', '/api/priorities')]);
  await refreshKiosk();
  chooseLanguage('vi');
  listen(e => {
    if (e.type === 'scan') onScan(e);
    else if (e.type === 'maintenance' || e.type === 'device') refreshKiosk();
    else if (e.type === 'ticket' && e.ticketId === state.ticketId) showPrintState(e.printState);
    else if (e.type === 'drink') drinks.showPour(e.pour);
  }, refreshKiosk);
  setInterval(refreshKiosk, 60000); // opening hours change with the clock
  document.addEventListener('visibilitychange', () => { if (!document.hidden) refreshKiosk(); });
  document.body.dataset.ready = 'true';
}

start();
