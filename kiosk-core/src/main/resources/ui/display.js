// The waiting-room screen: who is served at each counter, the latest call large, and a spoken
// call in Vietnamese ("Mời số A012 đến quầy 3") where a vi-VN voice exists, a chime otherwise.
import { api, saveToken } from './lib/api.js';
import { countersOf } from './lib/counters.js';
import { $ } from './lib/dom.js';
import { listen } from './lib/events.js';
import { setLanguage, t } from './lib/i18n.js';

const serving = new Map();   // counterId -> number
const names = new Map();     // counterId -> name

function render() {
  const rows = [...serving.entries()].sort((a, b) => a[0].localeCompare(b[0], 'vi', { numeric: true }));
  $('serving').replaceChildren(...rows.map(([counter, number]) => {
    const tr = document.createElement('tr');
    tr.dataset.counter = counter;
    tr.innerHTML = '<td></td><td class="number"></td>';
    tr.children[0].textContent = names.get(counter) || counter;
    tr.children[1].textContent = number;
    return tr;
  }));
}

function announce(number, counter) {
  $('latest-number').textContent = number;
  $('latest-counter').textContent = t({ vi: 'Quầy ' + counter, en: 'Counter ' + counter });
  // spoken in Vietnamese only: the voice of the centre
  const spoken = 'Mời số ' + number.split('').join(' ') + ' đến quầy ' + counter;
  const voice = window.speechSynthesis && speechSynthesis.getVoices().find(v => v.lang && v.lang.toLowerCase().startsWith('vi'));
  document.body.dataset.lastAnnouncement = spoken;
  if (voice) {
    const u = new SpeechSynthesisUtterance(spoken);
    u.voice = voice; u.lang = voice.lang; u.rate = 0.9;
    speechSynthesis.speak(u);
  } else {
    chime();
  }
}

function chime() {
  try {
    const ctx = new (window.AudioContext || window.webkitAudioContext)();
    [660, 880].forEach((f, i) => {
      const o = ctx.createOscillator(); const g = ctx.createGain();
      o.frequency.value = f; o.connect(g); g.connect(ctx.destination);
      g.gain.setValueAtTime(0.2, ctx.currentTime + i * 0.35);
      g.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.35 + 0.3);
      o.start(ctx.currentTime + i * 0.35); o.stop(ctx.currentTime + i * 0.35 + 0.32);
    });
  } catch (e) { /* no audio: the screen still shows the call */ }
}

function askForToken(show) {
  $('token-form').hidden = !show;
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
  const services = await api('GET', '/api/services');
  countersOf(services).forEach((c, id) => names.set(id, t(c.name)));
  try {
    const q = await api('GET', '/api/queue');
    q.services.forEach(s => s.nowServing.forEach(n => serving.set(n.counterId, n.number)));
  } catch (e) {
    if (e.status === 401 || e.status === 403) askForToken(true);
  }
  render();
  listen(e => {
    if (e.type !== 'ticket') return;
    if (e.status === 'called' && e.counterId) {
      serving.set(e.counterId, e.number);
      announce(e.number, e.counterId);
    } else if ((e.status === 'completed' || e.status === 'no_show') && serving.get(e.counterId) === e.number) {
      serving.delete(e.counterId);
    }
    render();
  }, null, status => {
    if (status === 'unauthorized') askForToken(true);
    else if (status === 'live') askForToken(false);
  });
  document.body.dataset.ready = 'true';
}
load();
