// The waiting room's spoken call: a chime, then "Mời số A 0 1 2 đến quầy 3" in the browser's Vietnamese
// voice (speechSynthesis, vi-VN) where it has one, otherwise the same words made on the kiosk by
// espeak-ng (GET /api/speech/call/{ticketId}: Chromium on a Pi has no voices of its own). Calls that
// come together are said one after the other, never over each other.
import { withToken } from './api.js';

let line = Promise.resolve();

/** Announces a call; returns the words spoken (also in body[data-last-announcement]). */
export function announce(number, counter, ticketId) {
  const spoken = 'Mời số ' + String(number).split('').join(' ') + ' đến quầy ' + counter;
  document.body.dataset.lastAnnouncement = spoken;
  line = line.then(chime).then(() => vietnameseVoice() ? speak(spoken) : playFromKiosk(ticketId))
    .catch(() => { /* the screen still shows the call */ });
  return spoken;
}

// The kiosk's audio of the call; resolves when it has played, or at once when there is none.
async function playFromKiosk(ticketId) {
  if (!ticketId) return;
  const r = await fetch('/api/speech/call/' + encodeURIComponent(ticketId), { headers: withToken({}) });
  if (!r.ok) { document.body.dataset.callAudio = 'unavailable ' + r.status; return; }
  const url = URL.createObjectURL(await r.blob());
  document.body.dataset.callAudio = 'fetched ' + ticketId;
  try {
    await new Promise(resolve => {
      const audio = new Audio(url);
      audio.onended = audio.onerror = resolve;
      setTimeout(resolve, 15000);   // audio that never ends must not hold the calls after it
      audio.play().catch(resolve);  // no autoplay permission: the screen still shows the call
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}

function vietnameseVoice() {
  if (!('speechSynthesis' in window)) return null;
  return speechSynthesis.getVoices().find(v => v.lang && v.lang.toLowerCase().replace('_', '-').startsWith('vi')) || null;
}

// Resolves when the sentence is said, or at once when there is no Vietnamese voice.
function speak(text) {
  const voice = vietnameseVoice();
  if (!voice) return Promise.resolve();
  return new Promise(resolve => {
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = 0.9;
    u.onend = u.onerror = resolve;
    setTimeout(resolve, 15000);   // a voice that never ends must not hold the calls after it
    speechSynthesis.speak(u);
  });
}

// Two tones, about 0.7 s.
function chime() {
  return new Promise(resolve => {
    try {
      const ctx = new (window.AudioContext || window.webkitAudioContext)();
      [660, 880].forEach((f, i) => {
        const o = ctx.createOscillator();
        const g = ctx.createGain();
        o.frequency.value = f;
        o.connect(g);
        g.connect(ctx.destination);
        g.gain.setValueAtTime(0.2, ctx.currentTime + i * 0.35);
        g.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + i * 0.35 + 0.3);
        o.start(ctx.currentTime + i * 0.35);
        o.stop(ctx.currentTime + i * 0.35 + 0.32);
      });
      setTimeout(() => { ctx.close(); resolve(); }, 750);
    } catch (e) {
      resolve();   // no audio device: the screen still shows the call
    }
  });
}

// Some browsers load their voices a moment after the page: ask early.
if ('speechSynthesis' in window) speechSynthesis.getVoices();
