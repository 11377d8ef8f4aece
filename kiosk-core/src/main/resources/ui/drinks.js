// Free water: place cup → cold or hot → (hot: a warning to confirm) → pouring with progress → done.
// Uses citizen.js's show/goHome/toast/state and kiosk.js's Kiosk.
const drink = { pourId: null, cupTimer: null, pollTimer: null, offer: null };

// No button at all while the dispenser is out of order (a latched fault, no GPIO): staff see why
// on the counter page; a citizen already on the drink screen is told so there.
function drinkOffer() {
  drink.offer = state.kiosk && state.kiosk.drinks;
  $('drink-open').hidden = !drink.offer || !drink.offer.available;
}

async function refreshCup() {
  if (document.body.dataset.screen !== 'drink') { clearInterval(drink.cupTimer); return; }
  try {
    const d = await Kiosk.api('GET', '/api/dispenser');
    const fault = !!d.latchedFault;
    $('cup-hint').textContent = Kiosk.t(fault ? { vi: 'Máy nước đang tạm ngưng. Vui lòng báo nhân viên.', en: 'The water dispenser is out of order. Please tell a staff member.' }
      : d.cupPresent ? { vi: 'Đã có cốc. Chọn loại nước.', en: 'Cup in place. Choose your water.' }
      : { vi: 'Đặt cốc vào dưới vòi nước.', en: 'Place a cup under the tap.' });
    document.body.dataset.cup = String(d.cupPresent);
    $('drink-cold').disabled = fault || !d.cupPresent || d.levels.cold === 'low';
    $('drink-hot').disabled = fault || !d.cupPresent || d.levels.hot === 'low';
  } catch (e) { /* the next poll tries again */ }
}

function openDrink() {
  drinkOffer();
  if (!drink.offer || !drink.offer.available) { goHome(); return; }
  $('drink-cold').disabled = true;
  $('drink-hot').disabled = true;
  show('drink');
  refreshCup();
  clearInterval(drink.cupTimer);
  drink.cupTimer = setInterval(refreshCup, 500);
}

async function pour(kind) {
  for (const b of [$('drink-cold'), $('drink-hot'), $('hot-ok')]) b.disabled = true;  // one tap, one pour
  try {
    const p = await Kiosk.api('POST', '/api/drinks', { kind, confirm: kind === 'hot', channel: 'touchscreen' });
    drink.pourId = p.id;
    $('pour-title').textContent = Kiosk.t(kind === 'hot' ? { vi: 'Đang rót nước nóng…', en: 'Pouring hot water…' }
                                                         : { vi: 'Đang rót nước lạnh…', en: 'Pouring cold water…' });
    $('pour-done').hidden = true;
    show('drink-pour');
    showPour(p);
    clearInterval(drink.pollTimer);  // the event stream is the fast path; this catches a missed event
    drink.pollTimer = setInterval(async () => {
      try { showPour(await Kiosk.api('GET', '/api/drinks/' + drink.pourId)); } catch (e) { /* next time */ }
    }, 1000);
  } catch (e) {
    toast({ vi: 'Không rót được nước: ' + e.message, en: 'Could not pour: ' + e.message });
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
    $('pour-text').textContent = Kiosk.t({ vi: 'Xin đừng nhấc cốc.', en: 'Please do not lift the cup.' });
    resetIdle();
    return;
  }
  clearInterval(drink.pollTimer);
  $('pour-done').hidden = false;
  $('pour-text').textContent = Kiosk.t(p.state === 'DONE' ? { vi: 'Mời lấy cốc. Cẩn thận kẻo đổ.', en: 'Please take your cup. Careful not to spill.' }
    : p.reason === 'cup_removed' ? { vi: 'Đã dừng vì cốc bị nhấc ra.', en: 'Stopped: the cup was lifted.' }
    : p.reason === 'level_low' ? { vi: 'Đã dừng: bình nước sắp hết. Vui lòng báo nhân viên.', en: 'Stopped: the tank is low. Please tell a staff member.' }
    : { vi: 'Máy nước gặp sự cố và đã dừng. Vui lòng báo nhân viên.', en: 'The dispenser stopped with a fault. Please tell a staff member.' });
}

$('drink-open').onclick = openDrink;
$('drink-back').onclick = goHome;
$('drink-cold').onclick = () => pour('cold');
$('drink-hot').onclick = () => { show('drink-confirm'); $('hot-ok').disabled = false; };
$('hot-cancel').onclick = openDrink;
$('hot-ok').onclick = () => pour('hot');
$('pour-done').onclick = goHome;
