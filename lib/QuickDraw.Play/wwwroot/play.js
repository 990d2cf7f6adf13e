// Quick, Draw! in the browser: a prompt, 20 seconds, live guesses from the run's model (POST /api/guess),
// success when the target's probability beats the threshold. Replay: eval drawings drawn stroke by stroke.
"use strict";

const ROUND_SECONDS = 20;
const LIVE_INTERVAL_MS = 250;   // at most one live guess per this many ms while a stroke is being drawn
const NEXT_ROUND_MS = 1800;     // pause on a win or a timeout before the next prompt

const $ = id => document.getElementById(id);
const canvas = $("canvas"), ctx = canvas.getContext("2d");
const seen = $("seen"), seenCtx = seen.getContext("2d");

const state = {
  info: null,
  mode: "play",
  strokes: [],          // [[xs], [ys], [ts]] in canvas pixels, ms since the round started
  current: null,        // the stroke being drawn
  target: null,
  roundStart: 0,
  roundOver: true,
  won: 0, played: 0,
  sent: 0, shown: 0,    // sequence numbers of guess requests: the last sent, the last whose answer is on screen
  inFlight: false, again: false, lastLive: 0,
  timer: null, replaying: 0,
};

// ---- the API ----
async function getJson(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.json();
}

function pointCount(strokes) { return strokes.reduce((n, s) => n + s[0].length, 0); }

function snapshot() {
  const all = state.current ? [...state.strokes, state.current] : state.strokes;
  return all.filter(s => s[0].length > 0).map(s => [s[0].slice(), s[1].slice(), s[2].slice()]);
}

// One guess at a time; a change while one is in flight asks for another once it lands. Stale answers are dropped.
async function guessNow() {
  if (state.mode !== "play") return;
  const strokes = snapshot();
  if (pointCount(strokes) < 2) { showGuesses(null, 0); return; }
  if (state.inFlight) { state.again = true; return; }
  state.inFlight = true; state.again = false;
  const seq = ++state.sent, points = pointCount(strokes), round = state.played;
  try {
    const r = await fetch("/api/guess", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ strokes, target: state.target }),
    });
    const body = await r.json();
    if (seq > state.shown && round === state.played && state.mode === "play") {
      state.shown = seq;
      if (r.ok) { showGuesses(body, points); checkWin(body); }
      else message(body.error || `HTTP ${r.status}`, "lose");
    }
  } catch (e) {
    message(`no answer from the server: ${e.message}`, "lose");
  } finally {
    state.inFlight = false;
    if (state.again) guessNow();
  }
}

function liveGuess() {
  const now = performance.now();
  if (now - state.lastLive >= LIVE_INTERVAL_MS) { state.lastLive = now; guessNow(); }
}

// ---- showing guesses ----
function showGuesses(result, points) {
  const list = $("guesses");
  list.replaceChildren();
  list.dataset.points = String(points);
  if (!result) { $("target").textContent = ""; drawSeen([]); return; }
  for (const g of result.guesses) {
    const li = document.createElement("li");
    li.dataset.class = g.class;
    li.dataset.probability = String(g.probability);
    if (g.class === state.target) li.classList.add("is-target");
    li.textContent = `${g.class} ${(100 * g.probability).toFixed(1)} %`;
    const bar = document.createElement("span");
    bar.className = "bar";
    bar.style.width = `${Math.max(1, 100 * g.probability)}%`;
    li.append(bar);
    list.append(li);
  }
  if (result.target) {
    $("target").textContent = `${result.target.class}: ${(100 * result.target.probability).toFixed(1)} % ` +
      `(a win needs more than ${(100 * state.info.threshold).toFixed(1)} %)`;
  }
  drawSeen(result.simplified);
}

function drawSeen(strokes) {
  seenCtx.clearRect(0, 0, seen.width, seen.height);
  const k = (seen.width - 10) / 255;
  seenCtx.lineWidth = 1.5; seenCtx.strokeStyle = "#333"; seenCtx.lineCap = "round"; seenCtx.lineJoin = "round";
  for (const [xs, ys] of strokes) {
    seenCtx.beginPath();
    xs.forEach((x, i) => i ? seenCtx.lineTo(5 + x * k, 5 + ys[i] * k) : seenCtx.moveTo(5 + x * k, 5 + ys[i] * k));
    if (xs.length === 1) seenCtx.lineTo(5 + xs[0] * k + 0.5, 5 + ys[0] * k);
    seenCtx.stroke();
  }
}

function message(text, kind) {
  const m = $("message");
  m.textContent = text;
  m.className = kind || "";
}

// ---- the canvas ----
function redraw(strokes = state.strokes, transform = p => p) {
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.lineWidth = 4; ctx.strokeStyle = "#111"; ctx.lineCap = "round"; ctx.lineJoin = "round";
  const all = state.current && state.mode === "play" ? [...strokes, state.current] : strokes;
  for (const s of all) {
    ctx.beginPath();
    for (let i = 0; i < s[0].length; i++) {
      const [x, y] = transform([s[0][i], s[1][i]]);
      i ? ctx.lineTo(x, y) : ctx.moveTo(x, y);
    }
    if (s[0].length === 1) { const [x, y] = transform([s[0][0], s[1][0]]); ctx.lineTo(x + 0.1, y); }
    ctx.stroke();
  }
}

// Canvas pixels from a pointer event: the drawing surface is the content box (inside the border).
function canvasPoint(e) {
  const r = canvas.getBoundingClientRect();
  return [(e.clientX - r.left - canvas.clientLeft) * canvas.width / canvas.clientWidth,
          (e.clientY - r.top - canvas.clientTop) * canvas.height / canvas.clientHeight];
}

function addPoint(e) {
  const [x, y] = canvasPoint(e);
  const s = state.current;
  const n = s[0].length;
  if (n && s[0][n - 1] === x && s[1][n - 1] === y) return;
  s[0].push(x); s[1].push(y); s[2].push(Math.round(e.timeStamp - state.roundStart));
}

canvas.addEventListener("pointerdown", e => {
  if (state.mode !== "play" || state.roundOver || (e.pointerType === "mouse" && e.button !== 0)) return;
  e.preventDefault();
  canvas.setPointerCapture(e.pointerId);
  state.current = [[], [], []];
  addPoint(e);
  redraw();
});
canvas.addEventListener("pointermove", e => {
  if (!state.current) return;
  e.preventDefault();
  const events = e.getCoalescedEvents ? e.getCoalescedEvents() : [];
  for (const c of events.length ? events : [e]) addPoint(c);
  redraw();
  liveGuess();
});
function endStroke(e) {
  if (!state.current) return;
  e.preventDefault();
  state.strokes.push(state.current);
  state.current = null;
  redraw();
  guessNow();
}
canvas.addEventListener("pointerup", endStroke);
canvas.addEventListener("pointercancel", endStroke);

// ---- rounds ----
function nextRound() {
  const classes = state.info.classes;
  let t;
  do { t = classes[Math.floor(Math.random() * classes.length)]; } while (classes.length > 1 && t === state.target);
  state.target = t;
  state.strokes = []; state.current = null; state.roundOver = false;
  state.roundStart = performance.now();
  $("prompt").textContent = `Draw: ${t}`;
  message("");
  showGuesses(null, 0);
  redraw();
  clearInterval(state.timer);
  state.timer = setInterval(tick, 200);
  tick();
}

function tick() {
  const left = Math.max(0, ROUND_SECONDS - (performance.now() - state.roundStart) / 1000);
  $("timer").textContent = String(Math.ceil(left));
  $("timer").classList.toggle("low", left <= 5);
  if (left <= 0 && !state.roundOver) endRound(false, `Time's up! The model did not see a ${state.target}.`);
}

function endRound(won, text) {
  state.roundOver = true;
  clearInterval(state.timer);
  state.played++;
  if (won) state.won++;
  if (state.current) { state.strokes.push(state.current); state.current = null; }
  $("score").textContent = `${state.won} / ${state.played}`;
  document.body.dataset.won = String(state.won);
  message(text, won ? "win" : "lose");
  setTimeout(() => { if (state.mode === "play" && state.roundOver) nextRound(); }, NEXT_ROUND_MS);
}

function checkWin(result) {
  if (state.roundOver || !result.target) return;
  if (result.target.probability > state.info.threshold)
    endRound(true, `Oh, I know: it's ${state.target}! (${(100 * result.target.probability).toFixed(1)} %)`);
}

$("clear").addEventListener("click", () => { state.strokes = []; state.current = null; redraw(); showGuesses(null, 0); state.shown = ++state.sent; });
$("undo").addEventListener("click", () => { state.strokes.pop(); redraw(); guessNow(); });
$("skip").addEventListener("click", () => { if (!state.roundOver) endRound(false, `Skipped ${state.target}.`); });

// ---- replay ----
function setMode(mode) {
  state.mode = mode;
  $("mode-play").classList.toggle("active", mode === "play");
  $("mode-replay").classList.toggle("active", mode === "replay");
  for (const id of ["clear", "undo", "skip", "timer", "score"]) $(id).hidden = mode !== "play";
  $("replay-controls").hidden = mode !== "replay";
  $("steps").hidden = mode !== "replay";
  state.replaying++;
  clearInterval(state.timer);
  showGuesses(null, 0);
  if (mode === "play") { state.roundOver = true; nextRound(); }
  else { state.strokes = []; state.current = null; redraw(); $("prompt").textContent = "Replay"; message(""); }
}
$("mode-play").addEventListener("click", () => setMode("play"));
$("mode-replay").addEventListener("click", () => setMode("replay"));

async function replay() {
  const run = ++state.replaying;
  const d = await getJson(`/api/eval/${$("eval-list").value}`);
  $("prompt").textContent = `Replay: ${d.class}`;
  state.target = d.class;
  $("steps").replaceChildren();
  const k = (canvas.width - 40) / 255, at = p => [20 + p[0] * k, 20 + p[1] * k];
  const shown = [];
  for (let s = 0; s < d.strokes.length; s++) {
    const [xs, ys] = d.strokes[s];
    const stroke = [[], [], []];
    shown.push(stroke);
    for (let i = 0; i < xs.length; i++) {
      if (run !== state.replaying) return;
      stroke[0].push(xs[i]); stroke[1].push(ys[i]);
      redraw(shown, at);
      await new Promise(r => setTimeout(r, 25));
    }
    const step = d.steps.find(x => x.strokes === s + 1);
    if (step) {
      showGuesses(step.result, step.result.points);
      const top = step.result.guesses[0];
      const li = document.createElement("li");
      li.textContent = `after stroke ${s + 1}: ${top.class} ${(100 * top.probability).toFixed(0)} %; ` +
        `${d.class} ${(100 * step.result.target.probability).toFixed(0)} %`;
      $("steps").append(li);
    }
    await new Promise(r => setTimeout(r, 300));
  }
  message(`Replayed eval drawing ${d.index} (${d.class}), stroke by stroke, with the model's guesses after each stroke.`);
}
$("replay").addEventListener("click", () => replay().catch(e => message(e.message, "lose")));

// ---- start ----
(async () => {
  state.info = await getJson("/api/info");
  $("run").textContent = `run ${state.info.run} · ${state.info.model} · ${state.info.classes.length} classes`;
  $("threshold").textContent = `A drawing wins when the target's probability beats ${(100 * state.info.threshold).toFixed(1)} %: ` +
    `${state.info.thresholdExplanation.replace(/^threshold [0-9.]+: /, "")}.`;
  const evals = await getJson("/api/eval");
  for (const e of evals) {
    const o = document.createElement("option");
    o.value = e.index; o.textContent = `#${e.index} ${e.class} (${e.strokes} strokes)`;
    $("eval-list").append(o);
  }
  if (!evals.length) $("mode-replay").disabled = true;
  setMode("play");
  document.body.dataset.ready = "1";
})().catch(e => message(`could not start: ${e.message}`, "lose"));

// For tests and the curious: the strokes as the page will send them.
window.quickdraw = { strokes: snapshot, state };
