// The league's page: leaderboard, lap times and a replay on a canvas. No framework, no build step.
// Every string that came from a user is put in the page with textContent, never as HTML.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { league: null, track: null, replay: null, racerId: null, anim: null, heat: null, heatId: null };
// a head-to-model heat's cars, in place order: distinct colours (colour-blind friendly, then more)
const CAR_COLOURS = ['#ff3b30', '#0a84ff', '#ffd60a', '#bf5af2', '#ff9f0a', '#64d2ff', '#ffffff', '#30d158'];

function fmt(ms) {
  if (ms === null || ms === undefined) return '';
  return (ms / 1000).toFixed(3);
}

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}

async function getJson(url) {
  const r = await fetch(url, { cache: 'no-store' });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
  return body;
}

async function loadLeagues() {
  const { leagues } = await getJson('/api/leagues');
  const sel = $('league');
  sel.replaceChildren();
  for (const l of leagues) {
    const o = document.createElement('option');
    o.value = l.id;
    o.textContent = l.name + ' (' + l.id + ')';
    sel.appendChild(o);
  }
  const wanted = new URLSearchParams(location.search).get('league');
  if (wanted && leagues.some((l) => l.id === wanted)) sel.value = wanted;
  sel.onchange = () => selectLeague(sel.value);
  if (sel.value) await selectLeague(sel.value);
  else $('status').textContent = 'No league on this server yet.';
}

async function selectLeague(id) {
  state.league = id;
  state.racerId = null;
  state.replay = null;
  state.heat = null;
  state.heatId = null;
  state.track = await getJson('/api/leagues/' + encodeURIComponent(id) + '/track');
  drawTrack();
  await refreshBoard();
}

async function refreshBoard() {
  if (!state.league) return;
  const data = await getJson('/api/leagues/' + encodeURIComponent(state.league) + '/leaderboard');
  const l = data.league;
  $('rules').textContent = raceText(l) + ', track ' + l.track + ', ' + l.laps + ' laps, ranked by '
    + l.ranking.replace(/_/g, ' ') + ', off-track penalty ' + l.offtrack_penalty + ' s'
    + (l.race_type === 'TIME_TRIAL' ? '' : ', collision penalty ' + l.collision_penalty + ' s');
  const h2m = l.race_type === 'HEAD_TO_MODEL';
  $('board').hidden = h2m;
  $('standings').hidden = !h2m;
  $('heats-box').hidden = !h2m;
  $('board-title').textContent = h2m ? 'Standings' : 'Leaderboard';
  if (h2m) {
    $('rules').textContent = raceText(l) + ', track ' + l.track + ', ' + l.laps + ' laps, ranked by Elo rating,'
      + ' off-track penalty ' + l.offtrack_penalty + ' s, collision penalty ' + l.collision_penalty + ' s';
    await refreshStandings(data);
    return;
  }
  const tbody = $('board').querySelector('tbody');
  tbody.replaceChildren();
  for (const e of data.entries) {
    const tr = document.createElement('tr');
    tr.className = 'entry';
    tr.dataset.racerId = e.racer_id;
    if (e.racer_id === state.racerId) tr.classList.add('selected');
    cell(tr, String(e.rank), 'rank');
    cell(tr, e.racer, 'racer');
    cell(tr, e.model, 'model');
    cell(tr, fmt(e.score_ms), 'time score');
    cell(tr, fmt(e.best_lap_ms), 'time best');
    const laps = cell(tr, '', 'laps');
    e.lap_times_ms.forEach((ms, i) => {
      const s = document.createElement('span');
      s.className = 'lap';
      s.title = 'lap ' + (i + 1);
      s.textContent = fmt(ms);
      laps.appendChild(s);
    });
    cell(tr, String(e.offtracks), 'offtracks');
    cell(tr, String(e.crashes), 'collisions');
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = 'Replay';
    b.onclick = () => loadReplay(e);
    tr.appendChild(document.createElement('td')).appendChild(b);
    tbody.appendChild(tr);
  }
  const q = data.queue;
  $('status').textContent = data.entries.length + ' ranked; queue: ' + q.queued + ' waiting, ' + q.running
    + ' racing, ' + q.done + ' raced, ' + q.failed + ' failed';
  if (!state.racerId && data.entries.length > 0) loadReplay(data.entries[0]);
}

// ---------------------------------------------------------------- head to model

// the standings by rating, the latest heats, and (first time) the newest heat of 2+ cars on the canvas
async function refreshStandings(data) {
  const tbody = $('standings').querySelector('tbody');
  tbody.replaceChildren();
  for (const e of data.standings) {
    const tr = document.createElement('tr');
    tr.className = 'standing';
    cell(tr, String(e.rank), 'rank');
    cell(tr, e.racer, 'racer');
    cell(tr, e.model, 'model');
    cell(tr, e.rating.toFixed(1), 'rating');
    cell(tr, String(e.heats), 'heats');
    cell(tr, String(e.wins), 'wins');
    cell(tr, fmt(e.best_finish_ms), 'time best');
    tbody.appendChild(tr);
  }
  const { heats } = await getJson('/api/leagues/' + encodeURIComponent(state.league) + '/heats?limit=20');
  const hb = $('heats').querySelector('tbody');
  hb.replaceChildren();
  for (const h of heats) {
    const tr = document.createElement('tr');
    tr.className = 'heat';
    tr.dataset.heatId = h.id;
    if (h.id === state.heatId) tr.classList.add('selected');
    cell(tr, new Date(h.created_at).toLocaleTimeString(), 'when');
    cell(tr, h.cars.map((c) => c.place + '. ' + c.racer + (c.time_ms === null ? ' (dnf)' : ' ' + fmt(c.time_ms)))
      .join(', ') + (h.not_raced.length ? ' — not raced: ' + h.not_raced.length : ''), 'cars');
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = 'Replay';
    b.onclick = () => loadHeat(h.id);
    tr.appendChild(document.createElement('td')).appendChild(b);
    hb.appendChild(tr);
  }
  const q = data.queue;
  $('status').textContent = data.standings.length + ' rated, ' + heats.length + ' heats; queue: ' + q.queued
    + ' waiting, ' + q.running + ' racing, ' + q.done + ' raced, ' + q.failed + ' failed';
  const first = heats.find((h) => h.cars.length > 1) || heats[0];
  if (!state.heatId && first) await loadHeat(first.id);
}

async function loadHeat(id) {
  state.heatId = id;
  for (const tr of document.querySelectorAll('tr.heat')) tr.classList.toggle('selected', tr.dataset.heatId === id);
  state.replay = null;
  state.heat = await getJson('/api/leagues/' + encodeURIComponent(state.league) + '/heats/' + encodeURIComponent(id)
    + '/replay');
  $('replay-title').textContent = 'heat of ' + state.heat.cars.length + ' cars';
  $('lap-label').hidden = true;
  const legend = $('legend');
  legend.replaceChildren();
  state.heat.cars.forEach((c, i) => {
    const s = document.createElement('span');
    s.className = 'car';
    s.style.borderColor = CAR_COLOURS[i % CAR_COLOURS.length];
    s.textContent = c.place + '. ' + c.racer + ' (' + c.model + ')';
    legend.appendChild(s);
  });
  playHeat();
}

// every car of the heat at once: its trail so far and a dot, each in its colour, on the race clock
function playHeat() {
  if (state.anim) cancelAnimationFrame(state.anim);
  const cars = state.heat.cars.filter((c) => c.points.length > 0);
  if (cars.length === 0) return;
  const t0 = Math.min(...cars.map((c) => c.points[0][3]));
  const t1 = Math.max(...cars.map((c) => c.points[c.points.length - 1][3]));
  const start = performance.now();
  const frame = (now) => {
    const v = drawTrack();
    const ctx = $('track').getContext('2d');
    const simT = t0 + (now - start) / 1000 * 4; // four times real time
    const drawn = [];
    state.heat.cars.forEach((car, k) => {
      const pts = car.points;
      if (pts.length === 0) return;
      const colour = CAR_COLOURS[k % CAR_COLOURS.length];
      let i = 1;
      while (i < pts.length && pts[i][3] <= simT) i++;
      ctx.lineWidth = 2;
      ctx.strokeStyle = colour;
      ctx.globalAlpha = 0.6;
      path(ctx, v, pts.slice(Math.max(0, i - 150), i).map((p) => [p[0], p[1]]));
      ctx.stroke();
      ctx.globalAlpha = 1;
      const p = pts[i - 1];
      ctx.fillStyle = colour;
      ctx.strokeStyle = '#000000';
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.arc(v.tx(p[0]), v.ty(p[1]), 6, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
      drawn.push(colour);
    });
    $('track').dataset.carsDrawn = drawn.join(' '); // what the canvas shows, for tests and tools
    if (simT < t1) state.anim = requestAnimationFrame(frame);
  };
  state.anim = requestAnimationFrame(frame);
}

// "Object avoidance (6 boxes, randomized)", "Time trial", "Head to model (heats of up to 4 cars)"
function raceText(l) {
  const type = l.race_type.charAt(0) + l.race_type.slice(1).toLowerCase().replace(/_/g, ' ');
  if (l.race_type === 'HEAD_TO_MODEL') return type + ' (heats of up to ' + l.heat_size + ' cars)';
  if (l.race_type === 'OBJECT_AVOIDANCE') {
    const how = l.randomize_objects ? 'randomized' : l.object_positions.length ? 'fixed' : 'evenly spaced';
    return type + ' (' + l.objects + (l.objects === 1 ? ' box, ' : ' boxes, ') + how + ')';
  }
  if (l.bots > 0) return type + ' (' + l.bots + ' bots at ' + l.bot_speed + ' m/s)';
  return type;
}

async function loadReplay(entry) {
  state.racerId = entry.racer_id;
  state.heat = null;
  $('lap-label').hidden = false;
  $('legend').replaceChildren();
  for (const tr of document.querySelectorAll('tr.entry')) {
    tr.classList.toggle('selected', tr.dataset.racerId === entry.racer_id);
  }
  $('replay-title').textContent = entry.racer + ' — ' + entry.model;
  state.replay = await getJson('/api/leagues/' + encodeURIComponent(state.league) + '/leaderboard/'
    + encodeURIComponent(entry.racer_id) + '/replay');
  const sel = $('lap');
  sel.replaceChildren();
  state.replay.laps.forEach((lap, i) => {
    const o = document.createElement('option');
    o.value = String(i);
    o.textContent = 'lap ' + lap.lap;
    sel.appendChild(o);
  });
  sel.onchange = () => play();
  play();
}

// ---------------------------------------------------------------- drawing

function view() {
  const c = $('track');
  const pts = state.track.inner.concat(state.track.outer);
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of pts) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  const pad = 20;
  const s = Math.min((c.width - 2 * pad) / (x1 - x0), (c.height - 2 * pad) / (y1 - y0));
  const ox = (c.width - s * (x1 - x0)) / 2, oy = (c.height - s * (y1 - y0)) / 2;
  return { tx: (x) => ox + s * (x - x0), ty: (y) => c.height - (oy + s * (y - y0)) };
}

function path(ctx, v, pts) {
  ctx.beginPath();
  pts.forEach(([x, y], i) => (i ? ctx.lineTo(v.tx(x), v.ty(y)) : ctx.moveTo(v.tx(x), v.ty(y))));
}

function drawTrack() {
  const c = $('track'), ctx = c.getContext('2d');
  ctx.clearRect(0, 0, c.width, c.height);
  if (!state.track) return null;
  const v = view();
  ctx.fillStyle = '#3a3f44';
  path(ctx, v, state.track.outer);
  ctx.fill();
  ctx.fillStyle = '#2f7d32';
  path(ctx, v, state.track.inner);
  ctx.fill();
  ctx.lineWidth = 2;
  ctx.strokeStyle = '#ffffff';
  path(ctx, v, state.track.outer); ctx.stroke();
  path(ctx, v, state.track.inner); ctx.stroke();
  ctx.setLineDash([6, 6]);
  ctx.lineWidth = 1;
  ctx.strokeStyle = '#f2c94c';
  path(ctx, v, state.track.center); ctx.stroke();
  ctx.setLineDash([]);
  drawObjects(ctx, v);
  return v;
}

// the race's boxes: rectangles of their size [m], turned to their heading
function drawObjects(ctx, v) {
  const objects = state.replay ? state.replay.objects || [] : [];
  const s = Math.abs(v.tx(1) - v.tx(0));
  ctx.fillStyle = '#e0a458';
  ctx.strokeStyle = '#5a3a12';
  ctx.lineWidth = 1;
  for (const o of objects) {
    ctx.save();
    ctx.translate(v.tx(o.x), v.ty(o.y));
    ctx.rotate(-o.heading); // the canvas's y points down
    ctx.fillRect(-o.length * s / 2, -o.width * s / 2, o.length * s, o.width * s);
    ctx.strokeRect(-o.length * s / 2, -o.width * s / 2, o.length * s, o.width * s);
    ctx.restore();
  }
}

function speedColour(speed) {
  const t = Math.max(0, Math.min(1, speed / 4));
  return 'hsl(' + Math.round(240 - 240 * t) + ', 90%, 55%)';
}

function play() {
  if (state.anim) cancelAnimationFrame(state.anim);
  if (!state.replay || state.replay.laps.length === 0) return;
  const lap = state.replay.laps[Number($('lap').value || 0)];
  const pts = lap.points;
  const t0 = pts[0][3];
  const start = performance.now();
  const frame = (now) => {
    const v = drawTrack();
    const c = $('track').getContext('2d');
    const simT = t0 + (now - start) / 1000 * 2; // twice real time
    c.lineWidth = 1;
    c.strokeStyle = 'rgba(255, 255, 255, 0.35)'; // the whole lap, faint
    path(c, v, pts.map((p) => [p[0], p[1]]));
    c.stroke();
    c.lineWidth = 3;
    let i = 1;
    for (; i < pts.length && pts[i][3] <= simT; i++) {
      c.strokeStyle = speedColour(pts[i][2]);
      c.beginPath();
      c.moveTo(v.tx(pts[i - 1][0]), v.ty(pts[i - 1][1]));
      c.lineTo(v.tx(pts[i][0]), v.ty(pts[i][1]));
      c.stroke();
    }
    const p = pts[Math.min(i, pts.length) - 1];
    c.fillStyle = '#ff3b30';
    c.beginPath();
    c.arc(v.tx(p[0]), v.ty(p[1]), 6, 0, 2 * Math.PI);
    c.fill();
    if (i < pts.length) state.anim = requestAnimationFrame(frame);
  };
  state.anim = requestAnimationFrame(frame);
}

$('play').onclick = () => (state.heat ? playHeat() : play());
loadLeagues().catch((e) => { $('status').textContent = 'Error: ' + e.message; });
setInterval(() => refreshBoard().catch((e) => { $('status').textContent = 'Error: ' + e.message; }), 5000);
