// Sizes the touchscreen's grids of choices to the screen, so nothing ever needs scrolling: as many
// columns as give each button the most room, the label size from the button's size; when a name
// does not fit, the buttons lose the other language's line, then that name shrinks (it wraps
// first, and is never cut).

/** The panel pixel: 1 CSS px on the 800×480 7" panel, scaled with the screen's short side. */
export function unit() {
  return Math.min(innerWidth, innerHeight) / 480;
}

/**
 * Columns and rows for n items in a w×h box: every cell at least `touch` each way if possible, and
 * of the layouts that allow it, the one whose cells are largest, counting width over `aspect`
 * (a name of a few words wants a cell about twice as wide as high).
 */
export function bestGrid(n, w, h, gap, touch, aspect) {
  let best = null;
  for (let cols = 1; cols <= Math.max(1, n); cols++) {
    const rows = Math.max(1, Math.ceil(n / cols));
    const cw = (w - gap * (cols - 1)) / cols, ch = (h - gap * (rows - 1)) / rows;
    const fits = cw >= touch && ch >= touch;
    const score = Math.min(cw / aspect, ch);
    if (!best || (fits && !best.fits) || (fits === best.fits && score > best.score)) best = { cols, rows, cw, ch, fits, score };
  }
  return best;
}

/**
 * Lays out a .choices grid: its visible items (a hint cell, if any, takes the cells left over in the
 * last row, at least one), their label size, then each button fitted to its cell.
 */
export function layoutChoices(grid, { aspect = 2, maxLabel = 34, textScale = 1 } = {}) {
  const u = unit();
  const items = [...grid.children].filter(li => getComputedStyle(li).display !== 'none');
  const hint = items.find(li => li.classList.contains('hint-cell'));
  const box = grid.getBoundingClientRect();
  const gap = parseFloat(getComputedStyle(grid).rowGap) || 0;
  const g = bestGrid(items.length, box.width, box.height, gap, 80 * u, aspect);
  grid.style.setProperty('--cols', g.cols);
  grid.style.setProperty('--rows', g.rows);
  if (hint) hint.style.gridColumn = 'span ' + Math.max(1, g.cols * g.rows - (items.length - 1));
  const label = Math.max(15 * u, Math.min(g.ch * 0.24, g.cw * 0.11, maxLabel * u)) * textScale;
  grid.style.setProperty('--label', label + 'px');
  // the other language's line on every button or on none (a grid of mixed buttons looks broken)
  const buttons = [...grid.querySelectorAll('button')].filter(b => !b.hidden);
  buttons.forEach(b => { b.style.fontSize = ''; b.classList.remove('tight'); });
  if (buttons.some(b => b.querySelector('.other') && overflows(b))) buttons.forEach(b => b.classList.add('tight'));
  buttons.forEach(b => fit(b, 12 * u));
  if (hint) fit(hint, 12 * u);
}

function overflows(el) {
  return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
}

/** Makes el's content fit its box in smaller type if it must (it wraps first, and is never cut). */
export function fit(el, minPx) {
  if (!el.style.fontSize && !overflows(el)) return;   // one read, no writes: the common case costs one layout
  el.style.fontSize = '';
  let size = parseFloat(getComputedStyle(el).fontSize);
  while (overflows(el) && size > minPx) {
    size = Math.max(minPx, size * 0.92);
    el.style.fontSize = size + 'px';
  }
}
