// The managers' reports: the day's and the period's figures, five charts (uPlot, loaded before this
// module as the global uPlot) and the tickets as a spreadsheet. On the LAN it needs a manager,
// counter or tech token, typed once and kept in this browser.
import { api, saveToken, savedToken, withToken } from './lib/api.js';
import { $ } from './lib/dom.js';
import { setLanguage, t } from './lib/i18n.js';

const COLORS = ['#0b3d91', '#d9822b', '#0a6b2d', '#8a1c00'];
const charts = [];

function say(text) { $('message').textContent = text || ''; }

const minutes = m => (m === null || m === undefined ? '–' : m.toLocaleString('vi-VN'));
const name = (text, id) => (text ? t(text) : id);

function figures(dl, s) {
  const items = [
    [{ vi: 'Đã phát', en: 'Issued' }, s.issued],
    [{ vi: 'Đã phục vụ', en: 'Served' }, s.served],
    [{ vi: 'Vắng mặt', en: 'No-show' }, s.noShow + ' (' + Math.round(s.noShowRate * 100) + '%)'],
    [{ vi: 'Chờ p50 (phút)', en: 'Wait p50 (min)' }, minutes(s.waitMinutes.p50)],
    [{ vi: 'Chờ p90 (phút)', en: 'Wait p90 (min)' }, minutes(s.waitMinutes.p90)],
    [{ vi: 'Phục vụ p50 (phút)', en: 'Service p50 (min)' }, minutes(s.serviceMinutes.p50)],
  ];
  dl.replaceChildren(...items.map(([label, value]) => {
    const div = document.createElement('div');
    const dt = document.createElement('dt');
    dt.textContent = t(label);
    const dd = document.createElement('dd');
    dd.textContent = String(value);
    div.append(dt, dd);
    return div;
  }));
}

function rows(tbody, list, cells) {
  tbody.replaceChildren(...list.map(item => {
    const tr = document.createElement('tr');
    cells(item).forEach((value, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.scope = 'row';
      cell.textContent = String(value);
      tr.append(cell);
    });
    return tr;
  }));
}

// Bars of one or two series over labelled categories (x = the category's index).
function bars(el, labels, series) {
  const xs = labels.map((_, i) => i);
  const width = Math.max(300, el.clientWidth - 4);
  const step = Math.max(1, Math.ceil(labels.length * 26 / width)); // a label every step bars, so they do not overlap
  const opts = {
    width, height: 240,
    scales: { x: { time: false, range: [-0.6, labels.length - 0.4] }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [
      { splits: () => xs.filter(i => i % step === 0), values: (u, splits) => splits.map(v => labels[v] ?? ''), size: 40, gap: 4 },
      { size: 44 },
    ],
    legend: { show: series.length > 1 },
    series: [{ label: '', value: (u, v) => (v === null ? '' : labels[v] ?? '') }, ...series.map((s, i) => ({
      label: s.label, fill: COLORS[i], stroke: COLORS[i], width: 0,
      paths: uPlot.paths.bars({ size: [series.length > 1 ? 0.4 : 0.7, 80], align: series.length > 1 ? (i === 0 ? -1 : 1) : 0 }),
      points: { show: false },
    }))],
  };
  return new uPlot(opts, [xs, ...series.map(s => s.values.map(v => (v === null ? null : v)))], el);
}

function lines(el, labels, series) {
  const xs = labels.map((_, i) => i);
  const width = Math.max(300, el.clientWidth - 4);
  const step = Math.max(1, Math.ceil(labels.length / 12));
  return new uPlot({
    width, height: 240,
    scales: { x: { time: false } },
    axes: [{ splits: () => xs.filter(i => i % step === 0), values: (u, splits) => splits.map(v => labels[v] ?? '') }, { size: 44 }],
    series: [{ label: '', value: (u, v) => (v === null ? '' : labels[v] ?? '') },
      ...series.map((s, i) => ({ label: s.label, stroke: COLORS[i], width: 2 }))],
  }, [xs, ...series.map(s => s.values)], el);
}

function draw(s) {
  charts.splice(0).forEach(c => c.destroy());
  const services = s.services.filter(x => x.issued > 0 || x.served > 0);
  charts.push(bars($('chart-hours'), s.arrivalsByHour.map((_, h) => String(h)),
    [{ label: t({ vi: 'Số người đến', en: 'Arrivals' }), values: s.arrivalsByHour }]));
  // bars are labelled by prefix (A, B, …) and counter id: the tables below give the full names
  const short = x => x.prefix || x.serviceId;
  charts.push(bars($('chart-wait'), services.map(short), [
    { label: 'p50', values: services.map(x => x.waitMinutes.p50) },
    { label: 'p90', values: services.map(x => x.waitMinutes.p90) }]));
  charts.push(bars($('chart-counters'), s.counters.map(x => x.counterId),
    [{ label: 'p50', values: s.counters.map(x => x.serviceMinutes.p50) }]));
  charts.push(bars($('chart-noshow'), services.map(short),
    [{ label: '%', values: services.map(x => (x.served + x.noShow ? Math.round(x.noShow * 1000 / (x.served + x.noShow)) / 10 : 0)) }]));
  charts.push(lines($('chart-days'), s.days.map(d => d.day.slice(5)), [
    { label: t({ vi: 'Đã phát', en: 'Issued' }), values: s.days.map(d => d.issued) },
    { label: t({ vi: 'Đã phục vụ', en: 'Served' }), values: s.days.map(d => d.served) },
    { label: t({ vi: 'Chờ p50 (phút)', en: 'Wait p50 (min)' }), values: s.days.map(d => d.waitMinutesP50) }]));
}

function query() {
  return '?from=' + encodeURIComponent($('from').value) + '&to=' + encodeURIComponent($('to').value);
}

async function show() {
  say('');
  try {
    const [period, today] = await Promise.all([
      api('GET', '/api/reports/summary' + query()),
      api('GET', '/api/reports/summary?from=' + $('to').dataset.today + '&to=' + $('to').dataset.today)]);
    $('period-title').textContent = t({ vi: 'Từ ', en: 'From ' }) + period.from + t({ vi: ' đến ', en: ' to ' }) + period.to;
    figures($('totals'), period.totals);
    figures($('today'), today.totals);
    rows($('services').tBodies[0], period.services, x => [(x.prefix ? x.prefix + ' · ' : '') + name(x.name, x.serviceId), x.issued, x.served, x.noShow,
      minutes(x.waitMinutes.p50) + ' / ' + minutes(x.waitMinutes.p90), minutes(x.serviceMinutes.p50) + ' / ' + minutes(x.serviceMinutes.p90)]);
    rows($('counters').tBodies[0], period.counters, x => [x.counterId + ' · ' + name(x.name, x.counterId), x.served,
      minutes(x.serviceMinutes.p50) + ' / ' + minutes(x.serviceMinutes.p90)]);
    draw(period);
    document.body.dataset.ready = 'true';
  } catch (e) {
    say(e.status === 401 || e.status === 403 ? t({ vi: 'Nhập mã truy cập của người quản lý', en: 'Type the manager token' }) : e.message);
  }
}

async function downloadCsv() {
  const r = await fetch('/api/reports/tickets.csv' + query(), { headers: withToken({}) });
  if (!r.ok) {
    const body = await r.json().catch(() => null);
    say(body && body.error ? body.error.message : r.statusText);
    return;
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await r.blob());
  link.download = 'tickets-' + $('from').value + '-to-' + $('to').value + '.csv';
  link.click();
  URL.revokeObjectURL(link.href);
}

async function start() {
  setLanguage('both');
  $('token').value = savedToken();
  $('token').onchange = () => { saveToken($('token').value.trim()); show(); };
  // the kiosk's business day, not this browser's date: a PC with a wrong clock still asks for the right days
  let today = new Date().toISOString().slice(0, 10);
  try { today = (await api('GET', '/api/queue')).businessDay; } catch (e) { /* the browser's date then */ }
  const params = new URLSearchParams(location.search);
  const monthAgo = new Date(Date.parse(today) - 29 * 86400000).toISOString().slice(0, 10);
  $('from').value = params.get('from') || monthAgo;
  $('to').value = params.get('to') || today;
  $('to').dataset.today = today;
  $('period').onsubmit = e => { e.preventDefault(); show(); };
  $('csv').onclick = downloadCsv;
  $('print').onclick = () => window.print();
  await show();
}

start();
