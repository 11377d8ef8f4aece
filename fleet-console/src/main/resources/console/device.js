// One kiosk: its state, its tech commands, and its last day as charts (uPlot, loaded before this
// module as the global uPlot): its connection and devices working or not over time, queue length and
// event backlog, CPU temperature, the printer's state (paper low, out, faults), tickets per day; and
// its state changes as a list too.
import { $, call, cell, commandButtons, time } from './fleet-api.js';

const params = new URLSearchParams(location.search);
const site = params.get('site') || '';
const device = params.get('device') || '';
const charts = [];

function say(text) { $('message').textContent = text || ''; }

function chart(el, xs, series, opts = {}) {
  return new uPlot(Object.assign({
    width: Math.max(300, el.clientWidth - 4), height: 220,
    series: [{}, ...series.map(s => ({ label: s.label, stroke: s.color, width: 2, fill: s.fill, paths: s.paths }))],
  }, opts), [xs, ...series.map(s => s.values)], el);
}

// One lane a part, high while it works and low while it does not: connection 4, printer 3,
// scanner 2, dispenser 1 (a lane starts at its first change of the day).
const LANES = [['online', 'Kết nối / Connection', '#0a6b2d', 4], ['printer.state', 'Máy in / Printer', '#0b3d91', 3],
  ['scanner.state', 'Máy quét / Scanner', '#6a3d9a', 2], ['dispenser.state', 'Máy nước / Dispenser', '#d9822b', 1]];

function stateChart(states) {
  const xs = [...states.map(s => Date.parse(s.ts) / 1000), Date.now() / 1000];
  const series = LANES.map(([type, label, color, lane]) => {
    let last = null;
    const values = xs.map((_, i) => {
      const s = states[i];
      if (s && s.type === type) last = s.ok ? lane : lane - 0.5;
      return last;
    });
    return { label, color, values, paths: uPlot.paths.stepped({ align: 1 }) };
  });
  return chart($('chart-states'), xs, series, { scales: { y: { range: [0, 4.5] } } });
}

async function show() {
  const devices = await call('GET', '/api/fleet/devices');
  const d = devices.find(x => x.site === site && x.device === device);
  if (!d) { say('Không thấy máy này / No such kiosk: ' + site + '/' + device); return; }
  $('title').textContent = site + '/' + device;
  $('state').textContent = [(d.online ? 'trực tuyến / online' : 'MẤT KẾT NỐI / OFFLINE'), 'máy in / printer ' + d.printer,
    'máy quét / scanner ' + d.scanner, 'máy nước / dispenser ' + d.dispenser, 'phiên bản / version ' + (d.version || '–'),
    'lần cuối / last seen ' + time(d.lastSeen)].join(' · ') + (d.alerts.length ? ' · ⚠ ' + d.alerts.join(', ') : '');
  $('commands').replaceChildren(commandButtons(d, say));

  const h = await call('GET', '/api/fleet/devices/' + encodeURIComponent(site) + '/' + encodeURIComponent(device) + '/history?hours=24');
  charts.splice(0).forEach(c => c.destroy());
  charts.push(stateChart(h.states));
  const xs = h.telemetry.map(s => Date.parse(s.ts) / 1000);
  charts.push(chart($('chart-queue'), xs, [
    { label: 'Đang chờ / Waiting', color: '#0b3d91', values: h.telemetry.map(s => s.waiting) },
    { label: 'Tồn / Backlog', color: '#d9822b', values: h.telemetry.map(s => s.backlog) }]));
  charts.push(chart($('chart-temperature'), xs, [
    { label: '°C', color: '#8a1c00', values: h.telemetry.map(s => s.temperatureC) }]));
  const level = state => ({ READY: 0, PAPER_LOW: 1, PAPER_OUT: 2 })[state] ?? (state ? 3 : null);
  charts.push(chart($('chart-printer'), xs, [{ label: 'Máy in / Printer', color: '#0b3d91',
    values: h.telemetry.map(s => level(s.printer)), paths: uPlot.paths.stepped({ align: 1 }) }],
  { scales: { y: { range: [0, 3] } } }));
  const days = h.ticketsPerDay.map((_, i) => i);
  charts.push(chart($('chart-tickets'), days, [{ label: 'Phiếu / Tickets', color: '#0a6b2d', fill: '#0a6b2d',
    values: h.ticketsPerDay.map(t => t.tickets), paths: uPlot.paths.bars({ size: [0.6, 60] }) }], {
    scales: { x: { time: false, range: [-0.6, Math.max(0.6, days.length - 0.4)] } },
    axes: [{ splits: () => days, values: (u, v) => v.map(i => (h.ticketsPerDay[i] ? h.ticketsPerDay[i].day.slice(5) : '')) }, {}],
  }));
  $('changes').tBodies[0].replaceChildren(...h.states.slice().reverse().map(s => {
    const tr = document.createElement('tr');
    cell(tr, time(s.ts));
    cell(tr, s.type.replace('.state', ''));
    cell(tr, s.state);
    return tr;
  }));
  document.body.dataset.ready = 'true';
}

const failed = e => say(e.status === 401 ? 'Nhập mã truy cập ở trang đội máy / Type the token on the fleet page' : e.message);
// read again every 10 s (state, charts, changes): a technician watching a kiosk sees it change
async function keepShowing() {
  await show().catch(failed);
  setTimeout(keepShowing, 10000);
}
keepShowing();
