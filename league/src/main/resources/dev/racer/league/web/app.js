// The league's page: leaderboard, lap times and a replay on a canvas. No framework, no build step.
// Every string that came from a user is put in the page with textContent, never as HTML.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { league: null, track: null, replay: null, racerId: null, anim: null };

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

// "Object avoidance (6 boxes, randomized)", "Time trial"
function raceText(l) {
  const type = l.race_type.charAt(0) + l.race_type.slice(1).toLowerCase().replace(/_/g, ' ');
  if (l.race_type === 'OBJECT_AVOIDANCE') {
    const how = l.randomize_objects ? 'randomized' : l.object_positions.length ? 'fixed' : 'evenly spaced';
    return type + ' (' + l.objects + (l.objects === 1 ? ' box, ' : ' boxes, ') + how + ')';
  }
  if (l.bots > 0) return type + ' (' + l.bots + ' bots at ' + l.bot_speed + ' m/s)';
  return type;
}

async function loadReplay(entry) {
  state.racerId = entry.racer_id;
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

$('play').onclick = () => play();
loadLeagues().catch((e) => { $('status').textContent = 'Error: ' + e.message; });
setInterval(() => refreshBoard().catch((e) => { $('status').textContent = 'Error: ' + e.message; }), 5000);
