// Free water: place cup → cold or hot → (hot: a warning to confirm) → pouring with progress → done.
// The touchscreen (citizen.js) mounts it with the few screen functions it shares and tells it the
// kiosk's drink offer and the pour events it receives.
import { api } from './lib/api.js';
import { $ } from './lib/dom.js';
import { t } from './lib/i18n.js';

/** screen: { show(id), goHome(), toast({vi, en}), resetIdle() } of the touchscreen. */
export function mountDrinks(screen) {
  const drink = { pourId: null, cupTimer: null, pollTimer: null, offer: null };

  // No button at all while the dispenser is out of order (a latched fault, no GPIO): staff see why
  // on the counter page; a citizen already on the drink screen is told so there.
  function offer(drinks) {
    drink.offer = drinks;
    $('drink-open').hidden = !drink.offer || !drink.offer.available;
  }

  async function refreshCup() {
    if (document.body.dataset.screen !== 'drink') { clearInterval(drink.cupTimer); return; }
    try {
      const d = await api('GET', '/api/dispenser');
      const fault = !!d.latchedFault;
      $('cup-hint').textContent = t(fault ? { vi: 'Máy nước đang tạm ngưng. Vui lòng báo nhân viên.', en: 'The water dispenser is out of order. Please tell a staff member.' }
        : d.cupPresent ? { vi: 'Đã có cốc. Chọn loại nước.', en: 'Cup in place. Choose your water.' }
        : { vi: 'Đặt cốc vào dưới vòi nước.', en: 'Place a cup under the tap.' });
      document.body.dataset.cup = String(d.cupPresent);
      $('drink-cold').disabled = fault || !d.cupPresent || d.levels.cold === 'low';
      $('drink-hot').disabled = fault || !d.cupPresent || d.levels.hot === 'low';
    } catch (e) { /* the next poll tries again */ }
  }

  function openDrink() {
    if (!drink.offer || !drink.offer.available) { screen.goHome(); return; }
    $('drink-cold').disabled = true;
    $('drink-hot').disabled = true;
    screen.show('drink');
    refreshCup();
    clearInterval(drink.cupTimer);
    drink.cupTimer = setInterval(refreshCup, 500);
  }

  async function pour(kind) {
    for (const b of [$('drink-cold'), $('drink-hot'), $('hot-ok')]) b.disabled = true;  // one tap, one pour
    try {
      const p = await api('POST', '/api/drinks', { kind, confirm: kind === 'hot', channel: 'touchscreen' });
      drink.pourId = p.id;
      $('pour-title').textContent = t(kind === 'hot' ? { vi: 'Đang rót nước nóng…', en: 'Pouring hot water…' }
                                                     : { vi: 'Đang rót nước lạnh…', en: 'Pouring cold water…' });
      $('pour-done').hidden = true;
      screen.show('drink-pour');
      showPour(p);
      clearInterval(drink.pollTimer);  // the event stream is the fast path; this catches a missed event
      drink.pollTimer = setInterval(async () => {
        try { showPour(await api('GET', '/api/drinks/' + drink.pourId)); } catch (e) { /* next time */ }
      }, 1000);
    } catch (e) {
      screen.toast({ vi: 'Không rót được nước: ' + e.message, en: 'Could not pour: ' + e.message });
      openDrink();
    }
  }

  function showPour(p) {
    if (!p || p.id !== drink.pourId) return;
    const el = $('drink-pour');
    el.dataset.state = p.state;
    $('pour-progress').value = Math.min(100, Math.round(100 * p.measuredMl / p.requestedMl));
    $('pour-ml').textContent = p.measuredMl + ' / ' + p.requestedMl + ' ml';
    if (p.state === 'POURING') {
      $('pour-text').textContent = t({ vi: 'Xin đừng nhấc cốc.', en: 'Please do not lift the cup.' });
      screen.resetIdle();
      return;
    }
    clearInterval(drink.pollTimer);
    $('pour-done').hidden = false;
    $('pour-text').textContent = t(p.state === 'DONE' ? { vi: 'Mời lấy cốc. Cẩn thận kẻo đổ.', en: 'Please take your cup. Careful not to spill.' }
      : p.reason === 'cup_removed' ? { vi: 'Đã dừng vì cốc bị nhấc ra.', en: 'Stopped: the cup was lifted.' }
      : p.reason === 'level_low' ? { vi: 'Đã dừng: bình nước sắp hết. Vui lòng báo nhân viên.', en: 'Stopped: the tank is low. Please tell a staff member.' }
      : { vi: 'Máy nước gặp sự cố và đã dừng. Vui lòng báo nhân viên.', en: 'The dispenser stopped with a fault. Please tell a staff member.' });
  }

  $('drink-open').onclick = openDrink;
  $('drink-back').onclick = screen.goHome;
  $('drink-cold').onclick = () => pour('cold');
  $('drink-hot').onclick = () => { screen.show('drink-confirm'); $('hot-ok').disabled = false; };
  $('hot-cancel').onclick = openDrink;
  $('hot-ok').onclick = () => pour('hot');
  $('pour-done').onclick = screen.goHome;

  return { offer, showPour };
}
