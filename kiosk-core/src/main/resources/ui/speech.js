// Spoken guidance for citizens who cannot read well: the screen's guidance, or on the ticket screen
// the number and where to go, in the page's language, made on the device (no internet): with the
// browser's own voice for that language where there is one, else as audio the kiosk makes with
// espeak-ng (GET /api/speech/…, by phrase key, never free text). The words are ui/speech.json's,
// which the kiosk speaks from too. body[data-speech] says how it went: voice, audio or unavailable.
import { withToken } from './lib/api.js';
import { language, t } from './lib/i18n.js';

let phrases = null;
let audio = null;
let playing = null;
let generation = 0;  // each speak() and stop() starts a new one: a stopped request ends quietly

/** Reads the phrases once, at start. */
export async function loadPhrases() {
  if ('speechSynthesis' in window) speechSynthesis.getVoices();  // Chromium lists its voices only once asked
  const r = await fetch('/speech.json', { cache: 'no-store' });
  if (r.ok) phrases = await r.json();
}

/** A ticket number read out sign by sign, as the waiting room calls it: "A 0 1 2". */
export function spelled(number) {
  return number.split('').join(' ');
}

function voiceFor(lang) {
  if (!('speechSynthesis' in window)) return null;
  return speechSynthesis.getVoices().find(v => v.lang.toLowerCase().startsWith(lang)) || null;
}

/** What the ticket screen says; counters: [{name, location}] of the ticket's service. */
function ticketText(ticket, counters, printState) {
  const where = counters.map(c => t(c.name) + ', ' + t(c.location)).join(t(phrases.or));
  const advice = phrases.paper[printState];
  return t(phrases.ticket).replace('{number}', spelled(ticket.number)).replace('{where}', where) + (advice ? ' ' + t(advice) : '');
}

/**
 * Speaks what the screen asks: { screen } for its guidance, or { ticket, counters, printState } for the
 * ticket. The same tap while it speaks stops it. onDone(ok, how) is told the end.
 */
export async function speak(what, onDone) {
  if (stop()) { onDone(true, 'stopped'); return; }
  const mine = ++generation;
  const lang = language();
  const voice = voiceFor(lang);
  if (voice && phrases) {
    const text = what.ticket ? ticketText(what.ticket, what.counters, what.printState) : t(phrases.guide[what.screen]);
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = 0.9;
    u.onend = u.onerror = () => { playing = null; onDone(true, 'voice'); };
    playing = 'voice';
    document.body.dataset.speech = 'voice';
    speechSynthesis.speak(u);
    return;
  }
  const path = what.ticket ? '/api/speech/ticket/' + encodeURIComponent(what.ticket.id) : '/api/speech/guide/' + what.screen;
  try {
    playing = 'audio';
    const r = await fetch(path + '?lang=' + lang, { headers: withToken({}) });
    if (!r.ok) throw new Error('HTTP ' + r.status);
    const blob = await r.blob();
    if (mine !== generation) return;
    const url = URL.createObjectURL(blob);
    audio = new Audio(url);
    audio.onended = audio.onerror = () => { URL.revokeObjectURL(url); audio = null; playing = null; onDone(true, 'audio'); };
    document.body.dataset.speech = 'audio';
    await audio.play();
  } catch (e) {
    if (mine !== generation) return;  // stopped by a tap or a screen change meanwhile
    playing = null;
    document.body.dataset.speech = 'unavailable';
    onDone(false, e.message);
  }
}

/** Stops what is being said; true when something was. */
export function stop() {
  generation++;
  const was = playing;
  playing = null;
  if (was === 'voice') speechSynthesis.cancel();
  if (audio) { audio.pause(); audio = null; }
  return was !== null;
}
