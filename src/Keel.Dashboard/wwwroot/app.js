// Keel dashboard: each page reads its JSON under /api and draws it; server-sent events from /api/events
// redraw the open page when the store changes. No framework, no network beyond this server.
'use strict';

const main = document.getElementById('page');
const path = location.pathname.replace(/\/+$/, '') || '/';

// ---------- small helpers ----------
const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const num = v => (typeof v === 'string' ? Number(v) : v); // NaN / Infinity arrive as strings
const money = v => (v === null || v === undefined ? '—' : num(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const fixed = (v, d = 2) => { const n = num(v); return v === null || v === undefined ? '—' : Number.isFinite(n) ? n.toFixed(d).replace(/^-(0\.?0*)$/, '$1') : String(n); }; // no "-0.00"
const pct = v => (v === null || v === undefined ? '—' : fixed(v, 2) + '%');
const sign = v => (num(v) > 0 ? 'pos' : num(v) < 0 ? 'neg' : '');
const time = t => (t ? String(t).replace('T', ' ').replace(/\.\d+/, '').replace('Z', ' UTC') : '—');
const age = s => (s === null || s === undefined ? '—' : s < 90 ? `${Math.round(s)} s` : s < 5400 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);

async function api(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

function table(columns, rows, id) {
  const head = columns.map(c => `<th class="${c.num ? 'num' : ''}">${esc(c.title)}</th>`).join('');
  const body = rows.map(r => r.html ?? `<tr${r.attrs ?? ''}>${columns.map(c => `<td class="${c.num ? 'num' : ''} ${c.cls ?? ''}">${c.cell(r)}</td>`).join('')}</tr>`).join('');
  return `<table${id ? ` id="${id}"` : ''}><thead><tr>${head}</tr></thead><tbody>${body || `<tr><td colspan="${columns.length}" class="muted">none</td></tr>`}</tbody></table>`;
}

function card(label, value, sub = '', id = '', cls = '') {
  return `<div class="card ${cls}"><div class="label">${esc(label)}</div><div class="value"${id ? ` id="${id}"` : ''}>${value}</div><div class="sub">${sub}</div></div>`;
}

function disposeCharts() {
  if (!window.echarts) return;
  main.querySelectorAll('.chart').forEach(el => echarts.getInstanceByDom(el)?.dispose());
}

function chart(id, option) {
  const el = document.getElementById(id);
  if (!el) return;
  const c = echarts.getInstanceByDom(el) || echarts.init(el, null, { renderer: 'canvas' });
  c.setOption({ animation: false, ...option }, true);
}

const timeAxis = (gridIndex = 0, show = true) => ({ type: 'time', gridIndex, axisLabel: { show, hideOverlap: true } });
const zip = s => s.t.map((t, i) => [t, s.v[i]]);
const width = () => Math.max(200, Math.round(main.clientWidth));

// ---------- pages ----------
const pages = {
  '/': overview,
  '/positions': positions,
  '/strategies': strategies,
  '/journal': journal,
  '/alerts': alerts,
  '/backtests': backtests,
  '/run': run,
};

let control = false;

async function overview() {
  const o = await api(`/api/overview?width=${width()}`);
  setMode(o.mode);
  control = o.control;
  main.innerHTML = `
    <h1>Overview</h1>
    <div class="cards">
      ${card('Mode', `<span id="mode-card">${esc(o.mode.toUpperCase())}</span>`, esc(o.store))}
      ${card('Equity', money(o.equity), o.equity_time ? 'at ' + time(o.equity_time) : 'no snapshot yet', 'equity')}
      ${card("Today's P&L", `<span class="${sign(o.today_pnl)}">${money(o.today_pnl)}</span>`, o.today ? `${esc(o.today)} · realized ${money(o.today_realized_pnl)} · ${o.today_trades} trades` : 'no trading day yet', 'today-pnl')}
      ${card('Trading', o.halted ? 'HALTED' : 'running', o.halted ? esc(o.halt_reason ?? '') + (o.halted_since ? ' since ' + time(o.halted_since) : '') : 'kill switch off', 'halted', o.halted ? 'halted' : '')}
      ${card('Last heartbeat', age(o.heartbeat_age_seconds), o.heartbeat_broker_time ? 'broker time ' + time(o.heartbeat_broker_time) : 'no cycle yet', 'heartbeat-age')}
      ${card('Open positions', o.open_positions, `${o.open_orders} open orders`, 'open-positions')}
      ${card('Fills', o.fills, 'recorded in the store', 'fills')}
      ${card('Alerts', o.alerts === null ? '—' : o.alerts, o.alerts === null ? 'no alerts store' : '<a href="/alerts">see alerts</a>', 'alerts')}
      ${gateCard(o.gates)}
      ${capitalCard(o.gates)}
    </div>
    ${gateRules(o.gates)}
    ${o.control ? `<div class="control" id="control">
        <button class="danger" id="halt">Halt</button>
        <button class="danger" id="flatten">Halt and flatten</button>
        <button id="resume">Resume</button></div>` : ''}
    <div id="equity-chart" class="chart tall"></div>
    <div id="daily-chart" class="chart"></div>`;
  chart('equity-chart', {
    title: [{ text: 'Account equity', left: 10, textStyle: { fontSize: 13 } }, { text: 'Drawdown below the peak (%)', left: 10, top: '64%', textStyle: { fontSize: 13 } }],
    tooltip: { trigger: 'axis' },
    axisPointer: { link: [{ xAxisIndex: 'all' }] },
    grid: [{ left: 70, right: 20, top: 34, height: '50%' }, { left: 70, right: 20, top: '72%', bottom: 28 }],
    xAxis: [timeAxis(0, false), timeAxis(1)],
    yAxis: [{ type: 'value', scale: true, gridIndex: 0 }, { type: 'value', gridIndex: 1, inverse: true }],
    dataZoom: [{ type: 'inside', xAxisIndex: [0, 1] }],
    series: [
      { name: 'equity', type: 'line', showSymbol: false, data: zip(o.equity_curve), xAxisIndex: 0, yAxisIndex: 0, lineStyle: { width: 1.5 } },
      { name: 'drawdown %', type: 'line', showSymbol: false, data: zip(o.drawdown), xAxisIndex: 1, yAxisIndex: 1, areaStyle: { opacity: 0.25 }, color: '#b3261e', lineStyle: { width: 1 } },
    ],
  });
  chart('daily-chart', {
    title: { text: 'Daily P&L', left: 10, textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 70, right: 20, top: 34, bottom: 28 },
    xAxis: { type: 'category', data: o.daily_pnl.map(d => d.day) },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: o.daily_pnl.map(d => ({ value: num(d.pnl), itemStyle: { color: num(d.pnl) >= 0 ? '#137333' : '#b3261e' } })) }],
  });
  if (o.control) wireControl();
}

// The path to real money: the newest session's gate (PASS / WARN / FAIL) and the capital stage in force.
function gateCard(g) {
  if (!g) return card('Gate', '—', 'this store has no gate tables', 'gate-status');
  const gate = g.gate;
  const sub = gate ? `version ${esc(g.version)} · ${time(gate.time)}` : g.version ? `none for version ${esc(g.version)} (keel gate)` : 'no session started yet';
  const overridden = g.overrides ? `<br><span class="neg" id="gate-overrides">gates overridden ${g.overrides}× · last by ${esc(g.last_override.actor)}: ${esc(g.last_override.reason)}</span>` : '';
  return card('Gate', gate ? esc(gate.status) : '—', sub + overridden, 'gate-status', gate ? 'gate-' + gate.status.toLowerCase() : '');
}

function capitalCard(g) {
  const c = g?.capital;
  if (!c) return card('Capital stage', '—', g ? 'no stage yet (keel live starts at stage 1)' : 'this store has no gate tables', 'capital-stage');
  return card('Capital stage', `stage ${c.stage} · ${esc(c.percent)}%`, `of equity, since ${time(c.since)} (${esc(c.kind)} by ${esc(c.actor)}: ${esc(c.reason)})`, 'capital-stage');
}

function gateRules(g) {
  if (!g?.gate) return '';
  return `<details class="gate-rules"${g.gate.status === 'PASS' ? '' : ' open'}><summary>Gate rules (${g.gate.rules.length})</summary>
    ${table([
      { title: 'rule', cell: r => esc(r.rule) },
      { title: 'subject', cell: r => esc(r.subject) },
      { title: 'status', cls: 'rule-status', cell: r => `<span class="gate-${esc(r.status.toLowerCase())}">${esc(r.status)}</span>` },
      { title: 'evidence', cls: 'reason', cell: r => esc(r.evidence) },
    ], g.gate.rules, 'gate-rules')}</details>`;
}

async function positions() {
  const [ps, os] = await Promise.all([api('/api/positions'), api('/api/orders')]);
  main.innerHTML = `<h1>Positions</h1>
    ${table([
      { title: 'strategy', cell: p => esc(p.strategy) },
      { title: 'symbol', cell: p => esc(p.symbol) },
      { title: 'quantity', num: true, cell: p => esc(p.quantity) },
      { title: 'avg price', num: true, cell: p => money(p.avg_price) },
      { title: 'entered', cell: p => time(p.entry_time) },
      { title: 'entry order', cell: p => esc(p.entry_order_id ?? '') },
    ], ps, 'positions')}
    <h2>Open orders</h2>
    ${table([
      { title: 'client order id', cell: o => esc(o.client_order_id) },
      { title: 'strategy', cell: o => esc(o.strategy) },
      { title: 'symbol', cell: o => esc(o.symbol) },
      { title: 'side', cell: o => esc(o.side) },
      { title: 'quantity', num: true, cell: o => esc(o.quantity) },
      { title: 'filled', num: true, cell: o => esc(o.filled_quantity) },
      { title: 'status', cell: o => esc(o.status) },
      { title: 'age', num: true, cell: o => age(o.age_seconds) },
      { title: 'reason', cls: 'reason', cell: o => esc(o.reason) },
    ], os, 'orders')}`;
}

async function strategies() {
  const ss = await api('/api/strategies');
  main.innerHTML = `<h1>Strategies</h1>
    <p class="muted">Live figures from the closed trades in the store; the backtest columns average the runs of the same strategy text (with costs) in the results folder.</p>
    ${table([
      { title: 'strategy', cell: s => esc(s.strategy) },
      { title: 'trades', num: true, cell: s => s.trades },
      { title: 'win rate', num: true, cell: s => pct(s.win_rate_pct) },
      { title: 'net P&L', num: true, cell: s => `<span class="${sign(s.net_pnl)}">${money(s.net_pnl)}</span>` },
      { title: 'fees', num: true, cell: s => money(s.fees) },
      { title: 'max drawdown ($)', num: true, cell: s => money(s.max_drawdown) },
      { title: 'open positions', num: true, cell: s => s.open_positions },
      { title: 'backtest win rate', num: true, cell: s => (s.backtest ? pct(s.backtest.win_rate_pct) : '—') },
      { title: 'backtest $/trade', num: true, cell: s => (s.backtest ? money(s.backtest.expectancy_per_trade) : '—') },
      { title: 'live $/trade', num: true, cell: s => (s.trades ? money(num(s.net_pnl) / s.trades) : '—') },
      { title: 'backtest Sharpe', num: true, cell: s => (s.backtest ? fixed(s.backtest.sharpe) : '—') },
      { title: 'backtests', cell: s => (s.backtest ? `${s.backtest.runs} runs in ${esc(s.backtest.source)}` : '<span class="muted">no backtest of this strategy in the results folder</span>') },
    ], ss, 'strategies')}`;
}

const journalFilter = { strategy: '', symbol: '', from: '', to: '' };

async function journal() {
  const q = new URLSearchParams(Object.entries(journalFilter).filter(([, v]) => v));
  const j = await api('/api/journal?' + q);
  const options = (list, value) => ['<option value="">all</option>', ...list.map(x => `<option${x === value ? ' selected' : ''}>${esc(x)}</option>`)].join('');
  main.innerHTML = `<h1>Journal</h1>
    <form class="filters" id="journal-filters">
      <label>strategy <select name="strategy">${options(j.strategies, journalFilter.strategy)}</select></label>
      <label>symbol <select name="symbol">${options(j.symbols, journalFilter.symbol)}</select></label>
      <label>from (UTC day) <input type="date" name="from" value="${esc(journalFilter.from)}"></label>
      <label>to <input type="date" name="to" value="${esc(journalFilter.to)}"></label>
      <button type="submit">Filter</button>
    </form>
    ${table([
      { title: 'time', cell: e => time(e.time) },
      { title: 'kind', cell: e => esc(e.kind) },
      { title: 'strategy', cell: e => esc(e.strategy) },
      { title: 'symbol', cell: e => esc(e.symbol) },
      { title: 'what', cell: e => esc(e.what) + (e.pnl !== null ? ` · <span class="${sign(e.pnl)}">${money(e.pnl)}</span>` : '') },
      { title: 'reason', cls: 'reason', cell: e => `<span class="entry-reason">${esc(e.reason)}</span>` + (e.exit_reason ? `<br><span class="muted">exit:</span> <span class="exit-reason">${esc(e.exit_reason)}</span>` : '') },
      { title: '', cell: e => (e.trade_id ? `<a href="#" class="trade-orders" data-trade="${e.trade_id}">orders</a>` : '') },
    ], j.entries.map(e => ({ ...e, attrs: ` class="journal-${e.kind}"${e.trade_id ? ` data-trade-row="${e.trade_id}"` : ''}` })), 'journal')}`;
  document.getElementById('journal-filters').addEventListener('submit', ev => {
    ev.preventDefault();
    const data = new FormData(ev.target);
    for (const k of Object.keys(journalFilter)) journalFilter[k] = data.get(k) || '';
    render();
  });
  main.querySelectorAll('a.trade-orders').forEach(a => a.addEventListener('click', async ev => {
    ev.preventDefault();
    const row = a.closest('tr');
    if (row.nextElementSibling?.classList.contains('events')) { row.nextElementSibling.remove(); return; }
    const view = await api(`/api/trades/${a.dataset.trade}`);
    const html = view.orders.map(o => `<div><b>${esc(o.client_order_id)}</b> ${esc(o.side)} ${esc(o.quantity)} · ${esc(o.status)} · <span class="reason">${esc(o.reason)}</span>
      <ul>${o.events.map(e => `<li>${time(e.time)} ${esc(e.status)} ${esc(e.note)}</li>`).join('')}</ul></div>`).join('') || '<span class="muted">no orders found for this trade</span>';
    row.insertAdjacentHTML('afterend', `<tr class="events"><td colspan="7">${html}</td></tr>`);
  }));
}

async function alerts() {
  const a = await api('/api/alerts');
  main.innerHTML = `<h1>Alerts</h1>
    ${a.note ? `<p class="note" id="alerts-note">${esc(a.note)}</p>` : ''}
    ${a.available ? table([
      { title: 'id', num: true, cell: x => x.id },
      { title: 'time', cell: x => time(x.time) },
      { title: 'severity', cell: x => esc(x.severity) },
      { title: 'kind', cell: x => esc(x.kind) },
      { title: 'where', cell: x => esc([x.strategy, x.symbol].filter(Boolean).join(' ')) },
      { title: 'message', cls: 'reason', cell: x => esc(x.message) },
      { title: 'state', cls: 'alert-state', cell: x => esc(x.state) + (x.acked_at ? ` <span class="muted">${time(x.acked_at)}</span>` : '') },
      { title: '', cell: x => (a.can_acknowledge && x.open ? `<button class="ack" data-id="${x.id}">Acknowledge</button>` : '') },
    ], a.alerts.map(x => ({ ...x, attrs: ` data-alert="${x.id}" class="alert-${esc(x.state)}"` })), 'alerts') : ''}`;
  main.querySelectorAll('button.ack').forEach(b => b.addEventListener('click', () => {
    b.disabled = true;
    post(`/api/control/alerts/${b.dataset.id}/ack`, new FormData()).then(render, showError);
  }));
}

async function backtests() {
  const b = await api(`/api/backtests?width=${width()}`);
  if (!b.comparisons.length && !b.sweeps.length && !b.runs.length) {
    main.innerHTML = `<h1>Backtests</h1><p class="note">No results in ${esc(b.folder || 'the results folder')} yet: run <code>./keel compare --store samples</code> (or keel sweep, keel backtest --out results/NAME).</p>`;
    return;
  }
  let html = `<h1>Backtests</h1><p class="muted">${esc(b.folder)}</p>`;
  b.comparisons.forEach((c, i) => {
    html += `<h2>${esc(c.file)}</h2>
      ${table([
        { title: 'run', cell: r => esc(r.label) },
        { title: 'return', num: true, cell: r => `<span class="${sign(r.total_return_pct)}">${pct(r.total_return_pct)}</span>` },
        { title: 'max DD', num: true, cell: r => pct(r.max_drawdown_pct) },
        { title: 'Sharpe', num: true, cell: r => fixed(r.sharpe) },
        { title: 'win rate', num: true, cell: r => pct(r.win_rate_pct) },
        { title: 'trades', num: true, cell: r => r.trades },
        { title: '$/trade', num: true, cell: r => money(r.expectancy_per_trade) },
        { title: 'final equity', num: true, cell: r => money(r.ending_equity) },
      ], c.rows, `comparison-${i}`)}
      <div id="bars-${i}" class="chart tall"></div>
      <div class="row2"><div id="scatter-${i}" class="chart"></div><div id="overlay-${i}" class="chart"></div></div>`;
  });
  b.sweeps.forEach((s, i) => { html += `<h2>${esc(s.file)}</h2><div id="sweep-${i}" class="chart"></div>`; });
  if (b.runs.length) {
    html += `<h2>Single runs (keel backtest --out)</h2>` + table([
      { title: 'run', cell: r => `<a class="run-link" href="/run?folder=${encodeURIComponent(r.folder)}">${esc(r.folder)}</a>` },
      { title: 'strategy', cell: r => esc(r.summary?.strategy ?? '') },
      { title: 'symbols', cell: r => esc(r.summary?.symbol ?? '') },
      { title: 'return', num: true, cell: r => (r.summary ? `<span class="${sign(r.summary.total_return_pct)}">${pct(r.summary.total_return_pct)}</span>` : '—') },
      { title: 'max DD', num: true, cell: r => (r.summary ? pct(r.summary.max_drawdown_pct) : '—') },
      { title: 'trades', num: true, cell: r => r.summary?.trades ?? '—' },
      { title: 'price chart', cell: r => (r.has_prices ? 'yes' : '<span class="muted">no prices.csv</span>') },
    ], b.runs, 'runs');
  }
  main.innerHTML = html;

  b.comparisons.forEach((c, i) => {
    const labels = c.rows.map(r => r.label);
    chart(`bars-${i}`, {
      title: { text: 'Total return vs max drawdown (%)', left: 10, textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis' }, legend: { top: 4, right: 10 },
      grid: { left: 60, right: 20, top: 40, bottom: 150 },
      xAxis: { type: 'category', data: labels, axisLabel: { rotate: 40, fontSize: 10 } },
      yAxis: { type: 'value' },
      series: [
        { name: 'return %', type: 'bar', data: c.rows.map(r => num(r.total_return_pct)), color: '#1a5fb4' },
        { name: 'max drawdown %', type: 'bar', data: c.rows.map(r => -num(r.max_drawdown_pct)), color: '#b3261e' },
      ],
    });
    chart(`scatter-${i}`, {
      title: { text: 'Win rate vs Sharpe', left: 10, textStyle: { fontSize: 13 } },
      tooltip: { formatter: p => `${esc(p.data[2])}<br>win rate ${fixed(p.data[0])}% · Sharpe ${fixed(p.data[1])}` },
      grid: { left: 55, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'value', name: 'win rate %', nameLocation: 'middle', nameGap: 25, scale: true },
      yAxis: { type: 'value', name: 'Sharpe', nameLocation: 'middle', nameGap: 35, scale: true },
      series: [{ type: 'scatter', symbolSize: 9, data: c.rows.filter(r => Number.isFinite(num(r.sharpe))).map(r => [num(r.win_rate_pct), num(r.sharpe), r.label]) }],
    });
    chart(`overlay-${i}`, {
      title: { text: 'Equity curves', left: 10, textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis' },
      grid: { left: 70, right: 20, top: 40, bottom: 30 },
      xAxis: timeAxis(), yAxis: { type: 'value', scale: true },
      dataZoom: [{ type: 'inside' }],
      series: c.curves.map(s => ({ name: s.name, type: 'line', showSymbol: false, data: zip(s), lineStyle: { width: 1 } })),
    });
  });
  b.sweeps.forEach((s, i) => {
    const cells = [];
    s.values.forEach((row, y) => row.forEach((v, x) => { if (v !== null) cells.push([x, y, num(v)]); }));
    const values = cells.map(c => c[2]);
    chart(`sweep-${i}`, {
      title: { text: `${s.metric} over ${s.x_name}${s.y_name ? ' × ' + s.y_name : ''} (${s.trials} trials)`, left: 10, textStyle: { fontSize: 13 } },
      tooltip: { formatter: p => `${esc(s.x_name)}=${s.xs[p.data[0]]}${s.y_name ? `, ${esc(s.y_name)}=${s.ys[p.data[1]]}` : ''}: ${fixed(p.data[2])}` },
      grid: { left: 60, right: 90, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: s.xs, name: s.x_name, nameLocation: 'middle', nameGap: 25 },
      yAxis: { type: 'category', data: s.ys, name: s.y_name, nameLocation: 'middle', nameGap: 35 },
      visualMap: { min: Math.min(...values, 0), max: Math.max(...values, 0), calculable: true, right: 5, top: 'middle', inRange: { color: ['#b3261e', '#f7f7f7', '#137333'] } },
      series: [{ type: 'heatmap', data: cells }],
    });
  });
}

// One backtest folder: each symbol's price with the trades' entries (▲) and exits (▼) at their fill times and prices.
async function run() {
  const name = new URLSearchParams(location.search).get('folder') ?? '';
  const r = await api(`/api/backtests/runs/${encodeURIComponent(name)}?width=${width()}`);
  const s = r.summary;
  main.innerHTML = `<h1>Backtest ${esc(r.folder)}</h1>
    <p><a href="/backtests">← all backtests</a></p>
    ${s ? `<div class="cards">
      ${card('Strategy', esc(s.strategy), esc(s.symbol) + ' · ' + esc(s.costs), 'run-strategy', 'text')}
      ${card('Return', `<span class="${sign(s.total_return_pct)}">${pct(s.total_return_pct)}</span>`, 'final equity ' + money(s.ending_equity))}
      ${card('Max drawdown', pct(s.max_drawdown_pct))}
      ${card('Sharpe', fixed(s.sharpe))}
      ${card('Trades', s.trades, 'win rate ' + pct(s.win_rate_pct))}
    </div>` : ''}
    ${r.note ? `<p class="note">${esc(r.note)}</p>` : ''}
    ${r.prices.map((p, i) => `<h2>${esc(p.symbol)}: ${p.trades.length} trades</h2><div id="price-${i}" class="chart tall" data-symbol="${esc(p.symbol)}"></div>`).join('')}
    <h2>Equity</h2><div id="run-equity" class="chart"></div>`;
  const tip = (kind, m) => `${kind} ${esc(m.symbol)} at ${fixed(kind === 'entry' ? m.entry_price : m.exit_price, 4)} · ${esc(m.strategy)}<br>${esc(kind === 'entry' ? m.entry_reason : m.exit_reason)}` + (kind === 'exit' ? `<br>net P&L ${money(m.net_pnl)}` : '');
  r.prices.forEach((p, i) => chart(`price-${i}`, {
    title: { text: `${p.symbol} close, with each trade's entry (▲) and exit (▼) at its fill price`, left: 10, textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'item', formatter: x => (x.seriesName === 'entries' || x.seriesName === 'exits' ? tip(x.seriesName === 'entries' ? 'entry' : 'exit', p.trades[x.dataIndex]) : `${time(new Date(x.data[0]).toISOString())} close ${fixed(x.data[1], 4)}`) },
    legend: { top: 4, right: 10 },
    grid: { left: 70, right: 20, top: 40, bottom: 60 },
    xAxis: timeAxis(), yAxis: { type: 'value', scale: true },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
    series: [
      { name: 'close', type: 'line', showSymbol: false, data: zip(p.close), lineStyle: { width: 1 }, color: '#1a5fb4' },
      { name: 'entries', type: 'scatter', symbol: 'triangle', symbolSize: 11, color: '#137333', data: p.trades.map(m => [m.entry_t, num(m.entry_price)]) },
      { name: 'exits', type: 'scatter', symbol: 'triangle', symbolRotate: 180, symbolSize: 11, color: '#b3261e', data: p.trades.map(m => [m.exit_t, num(m.exit_price)]) },
    ],
  }));
  chart('run-equity', {
    title: { text: 'Equity', left: 10, textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    grid: { left: 70, right: 20, top: 34, bottom: 28 },
    xAxis: timeAxis(), yAxis: { type: 'value', scale: true },
    dataZoom: [{ type: 'inside' }],
    series: [{ name: 'equity', type: 'line', showSymbol: false, data: zip(r.equity), lineStyle: { width: 1.5 } }],
  });
}

// ---------- control (only with --allow-control) ----------
async function post(url, body) {
  const token = await (await fetch('/api/control/csrf', { credentials: 'same-origin' })).text();
  const response = await fetch(url, { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-TOKEN': token }, body });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

function confirmThen(text, withReason, action) {
  const dialog = document.getElementById('confirm');
  document.getElementById('confirm-text').textContent = text;
  document.getElementById('confirm-reason-label').hidden = !withReason;
  dialog.returnValue = '';
  dialog.onclose = () => { if (dialog.returnValue === 'ok') action(document.getElementById('confirm-reason').value); };
  dialog.showModal();
}

function wireControl() {
  const halt = flatten => reason => {
    const form = new FormData();
    form.set('reason', reason);
    form.set('flatten', flatten ? 'true' : 'false');
    post('/api/control/halt', form).then(render, showError);
  };
  document.getElementById('halt').onclick = () => confirmThen('Halt trading? The service refuses new entries and cancels its working orders from its next cycle.', true, halt(false));
  document.getElementById('flatten').onclick = () => confirmThen('Halt AND close every position at market on the next cycle?', true, halt(true));
  document.getElementById('resume').onclick = () => confirmThen('Resume trading? The service takes new entries from its next cycle.', false, () => post('/api/control/resume', new FormData()).then(render, showError));
}

// ---------- frame: mode banner, navigation, live updates ----------
function setMode(mode) {
  document.body.classList.remove('mode-paper', 'mode-live');
  document.body.classList.add('mode-' + mode);
  document.getElementById('mode').textContent = mode === 'live' ? 'LIVE · REAL MONEY' : mode.toUpperCase();
  document.getElementById('access').textContent = control ? '(control allowed)' : '(read-only)';
}

function showError(error) {
  main.insertAdjacentHTML('afterbegin', `<p class="note">${esc(error.message)}</p>`);
}

let rendering = null;
let again = false;

async function render() {
  if (rendering) { again = true; return rendering; }
  rendering = (async () => {
    try {
      disposeCharts();
      await (pages[path] ?? (() => { main.innerHTML = '<h1>Not found</h1>'; }))();
      document.body.dataset.rendered = String(Number(document.body.dataset.rendered || 0) + 1);
    } catch (error) {
      main.innerHTML = '';
      showError(error);
    }
  })();
  await rendering;
  rendering = null;
  if (again) { again = false; await render(); }
}

async function start() {
  document.querySelectorAll('.banner nav a').forEach(a => a.classList.toggle('active', a.getAttribute('href') === path));
  // The mode banner is on every page, so every page knows it (without the store: it may not exist yet).
  await api('/api/session').then(s => { control = s.control; setMode(s.mode); }, showError);
  await render();
  const live = document.getElementById('live');
  const events = new EventSource('/api/events');
  events.addEventListener('ready', () => { live.textContent = 'live'; });
  // Every kind of change seen since the page opened (the label shows only the latest, which a heartbeat soon replaces).
  const seen = new Set();
  events.addEventListener('change', e => {
    e.data.split(/[\s,]+/).forEach(kind => kind && seen.add(kind));
    live.dataset.seen = [...seen].join(' ');
    live.textContent = `live · updated ${new Date().toISOString().slice(11, 19)} UTC (${e.data})`;
    // The journal keeps its filters; every page redraws from fresh JSON.
    render();
  });
  events.onerror = () => { live.textContent = 'reconnecting…'; };
  window.addEventListener('resize', () => main.querySelectorAll('.chart').forEach(el => echarts.getInstanceByDom(el)?.resize()));
}

start();
