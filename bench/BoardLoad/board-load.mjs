// Live board load: N hub connections over P client processes, M case changes one at a time,
// latency from the change request's start to each connection's caseChanged receipt.
// Talks to loopback only; every loop and wait is bounded; exits by itself.
import { fork } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";

const now = () => performance.timeOrigin + performance.now();
const env = process.env;
const base = (env.BOARDLOAD_BASE ?? "http://127.0.0.1:5190").replace(/\/$/, "");
const N = Number(env.BOARDLOAD_CONNECTIONS ?? 5000);
const M = Number(env.BOARDLOAD_CHANGES ?? 200);
const P = Math.max(1, Number(env.BOARDLOAD_PROCESSES ?? 4));
const RATE = Number(env.BOARDLOAD_RATE ?? 5); // changes per second (at most; one at a time)
const BATCH = Number(env.BOARDLOAD_BATCH ?? 50); // connections opened concurrently per process
const MODE = env.BOARDLOAD_MODE ?? "act"; // act: RecordOtherOrganisation on a fresh case; intake: POST /api/complaints
const SETTLE_MS = Number(env.BOARDLOAD_SETTLE_MS ?? 5000); // wait after the last change for stragglers
const CONNECT_DEADLINE_MS = Number(env.BOARDLOAD_CONNECT_DEADLINE_MS ?? 300_000);
const SERVER_PID = env.BOARDLOAD_SERVER_PID ? Number(env.BOARDLOAD_SERVER_PID) : null;
const RSS_FILE = env.BOARDLOAD_RSS_FILE ?? null;
const USER = env.BOARDLOAD_USER ?? "intake";
const PASSWORD = env.BOARDLOAD_PASSWORD ?? "Portal#2026";

if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(base)) {
  console.error(`refusing a non-loopback base address: ${base}`);
  process.exit(2);
}
// Whole run bounded: never outlive this, whatever happens.
setTimeout(() => {
  console.error("board-load: overall time limit reached");
  process.exit(4);
}, Number(env.BOARDLOAD_MAX_MS ?? 900_000)).unref();

const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 23)}]`, ...a);

// ---- HTTP with a tiny cookie jar ------------------------------------------------------------
const jar = new Map();
function keepCookies(res) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (value === "") jar.delete(name);
    else jar.set(name, value);
  }
}
const cookieHeader = (names) =>
  [...jar].filter(([n]) => !names || names.includes(n)).map(([n, v]) => `${n}=${v}`).join("; ");

async function http(path, init = {}) {
  const res = await fetch(base + path, {
    ...init,
    redirect: "manual",
    signal: AbortSignal.timeout(30_000),
    headers: { ...(init.headers ?? {}), Cookie: cookieHeader() },
  });
  keepCookies(res);
  return res;
}

const tokenIn = (html) => /name="__RequestVerificationToken"[^>]*value="([^"]+)"/.exec(html)?.[1];

async function signIn() {
  const page = await http("/account/login");
  const token = tokenIn(await page.text());
  if (!token) throw new Error("no antiforgery token on the sign-in page");
  const form = new URLSearchParams({
    _handler: "login",
    __RequestVerificationToken: token,
    "Input.UserName": USER,
    "Input.Password": PASSWORD,
  });
  const res = await http("/account/login", { method: "POST", body: form });
  await res.arrayBuffer();
  if (res.status !== 302 || !jar.has("cp.auth")) throw new Error(`sign-in failed: HTTP ${res.status}`);
}

let serial = 0;
async function register(tag) {
  const res = await http("/api/complaints", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": `boardload-${process.pid}-${++serial}` },
    body: JSON.stringify({
      channel: "Hotline",
      complainant: { name: "王", phone: "13800000000" },
      description: `看板压测 ${tag}`,
      confirmedWithCaller: true,
    }),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`registration failed: HTTP ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text); // { id, caseNumber, stage }
}

// The action form needs the signed-in user's antiforgery token and the case version the viewer saw.
async function actionForm(caseNumber) {
  const res = await http(`/cases/${encodeURIComponent(caseNumber)}`);
  const html = await res.text();
  const form = /<form[^>]*data-action="RecordOtherOrganisation"[\s\S]*?<\/form>/.exec(html)?.[0];
  if (!form) throw new Error(`no RecordOtherOrganisation form on case ${caseNumber} (HTTP ${res.status})`);
  return { token: tokenIn(form), version: /name="version" value="(\d+)"/.exec(form)?.[1] };
}

let form0 = null;
async function act(c, j) {
  const body = new URLSearchParams({
    __RequestVerificationToken: form0.token,
    action: "RecordOtherOrganisation",
    version: form0.version,
    note: `压测变更 ${j}`,
  });
  const res = await http(`/cases/${encodeURIComponent(c.caseNumber)}/act`, { method: "POST", body });
  await res.arrayBuffer();
  const location = res.headers.get("location") ?? "";
  if (res.status !== 302 || !location.includes("done=")) throw new Error(`action failed: HTTP ${res.status} ${location}`);
}

// ---- server memory ----------------------------------------------------------------------------
function serverMemory() {
  if (!SERVER_PID) return null;
  try {
    const s = readFileSync(`/proc/${SERVER_PID}/status`, "utf8");
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, "m").exec(s)?.[1] ?? NaN);
    return { rssMB: kb("VmRSS") / 1024, hwmMB: kb("VmHWM") / 1024 };
  } catch {
    return null;
  }
}
// utime + stime of the server (clock ticks of 10 ms), to see how much CPU each phase really cost it.
function serverCpuMs() {
  if (!SERVER_PID) return null;
  try {
    const f = readFileSync(`/proc/${SERVER_PID}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}
const loadAvg = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

// ---- statistics -------------------------------------------------------------------------------
function stats(arrays) {
  const total = arrays.reduce((n, a) => n + a.length, 0);
  const all = new Float64Array(total);
  let o = 0;
  for (const a of arrays) all.set(a, (o += a.length) - a.length);
  all.sort();
  const q = (p) => (total ? all[Math.min(total - 1, Math.ceil(p * total) - 1)] : NaN);
  return { count: total, p50: q(0.5), p90: q(0.9), p99: q(0.99), max: total ? all[total - 1] : NaN, min: total ? all[0] : NaN };
}
const r1 = (x) => Math.round(x * 10) / 10;

// ---- main ---------------------------------------------------------------------------------------
const result = { base, connections: N, changes: M, processes: P, rate: RATE, mode: MODE, loadAvgStart: loadAvg() };
const idle = serverMemory();
result.serverRssIdleMB = idle && r1(idle.rssMB);

await signIn();
log(`signed in as ${USER}`);

// Cases to act on are registered before any board connection opens, so their notices go nowhere.
const cases = [];
if (MODE === "act") {
  for (let j = 0; j < M; j++) cases.push(await register(`case ${j}`));
  form0 = await actionForm(cases[0].caseNumber);
  if (!form0.token || !form0.version) throw new Error("action form without token or version");
  log(`registered ${M} cases to change; version ${form0.version}`);
  await sleep(1500); // let the relay deliver those registrations (to nobody) before clients connect
}

const perWorker = Array.from({ length: P }, (_, i) => Math.floor(N / P) + (i < N % P ? 1 : 0));
const hubUrl = `${base}/hubs/board`;
const hubCookie = cookieHeader(["cp.auth"]);
const workers = perWorker.map((count, worker) =>
  fork(new URL("./client.mjs", import.meta.url).pathname, [], {
    serialization: "advanced",
    env: {
      ...process.env,
      BOARDLOAD_WORKER: JSON.stringify({ url: hubUrl, cookie: hubCookie, count, batch: BATCH, worker, connectTimeoutMs: 120_000 }),
    },
  }),
);
const next = (w, type, ms) =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker ${w.pid}: no ${type} within ${ms} ms`)), ms);
    const on = (m) => {
      if (m.type === type) {
        clearTimeout(timer);
        w.off("message", on);
        resolve(m);
      }
    };
    w.on("message", on);
  });
const killAll = () => workers.forEach((w) => w.connected && w.kill());
process.on("exit", killAll);

try {
  await Promise.all(workers.map((w) => next(w, "hello", 30_000)));
  log(`${P} client processes up; opening ${N} connections (batches of ${BATCH} per process)`);
  const openStart = now();
  const cpuBeforeOpen = serverCpuMs();
  const connectedMsgs = workers.map((w) => next(w, "connected", CONNECT_DEADLINE_MS));
  workers.forEach((w) => w.send({ type: "open" }));
  const connected = await Promise.all(connectedMsgs);
  result.connectSeconds = Math.round((now() - openStart) / 10) / 100;
  result.ready = connected.reduce((n, m) => n + m.ready, 0);
  result.connectFailed = connected.reduce((n, m) => n + m.failed, 0);
  result.connectFailures = connected.flatMap((m) => m.failures).slice(0, 5);
  log(`${result.ready}/${N} connections ready in ${result.connectSeconds} s (failed ${result.connectFailed})`, result.connectFailures);
  await sleep(2000);
  const atN = serverMemory();
  result.serverRssAtNMB = atN && r1(atN.rssMB);
  result.loadAvgConnected = loadAvg();
  const IDLE_MS = Number(env.BOARDLOAD_IDLE_MS ?? 0); // optional: server CPU of N idle connections (keep-alive pings)
  if (IDLE_MS > 0) {
    const c0 = serverCpuMs();
    await sleep(IDLE_MS);
    result.serverIdleCpuPerSecondMs = Math.round((serverCpuMs() - c0) / (IDLE_MS / 1000));
  }

  // Changes, one at a time, paced at RATE per second; t0 just before the request, t1 at its response.
  const cpuBeforeChanges = serverCpuMs();
  result.serverCpuSecondsOpening = (cpuBeforeChanges - cpuBeforeOpen) / 1000;
  const changes = [];
  const gap = 1000 / RATE;
  const changeStart = now();
  for (let j = 0; j < M; j++) {
    const slot = changeStart + j * gap;
    const wait = slot - now();
    if (wait > 0) await sleep(wait);
    let caseId;
    const t0 = now();
    if (MODE === "act") {
      await act(cases[j], j);
      caseId = cases[j].id;
    } else {
      caseId = (await register(`change ${j}`)).id;
    }
    changes.push({ caseId, t0, t1: now() });
  }
  result.changeSeconds = Math.round((now() - changeStart) / 10) / 100;
  result.serverCpuSecondsChanges = (serverCpuMs() - cpuBeforeChanges) / 1000;
  const requestMs = stats([Float64Array.from(changes.map((c) => c.t1 - c.t0))]);
  log(`${M} changes made in ${r1((now() - changeStart) / 1000)} s; request p50 ${r1(requestMs.p50)} ms, max ${r1(requestMs.max)} ms`);
  await sleep(SETTLE_MS);
  const after = serverMemory();
  result.serverRssAfterChangesMB = after && r1(after.rssMB);

  const reports = await Promise.all(workers.map((w) => {
    const p = next(w, "report", 120_000);
    w.send({ type: "report", changes });
    return p;
  }));
  const lat = stats(reports.map((r) => r.fromStart));
  const latResp = stats(reports.map((r) => r.fromResponse));
  const expected = result.ready * M;
  // Per change: first receipt anywhere − t0 (request + relay + first send) and last − first (fan-out spread).
  const firstMs = [], spreadMs = [];
  changes.forEach((c, k) => {
    const f = Math.min(...reports.map((r) => r.first[k]));
    const l = Math.max(...reports.map((r) => r.last[k]));
    if (Number.isFinite(f)) {
      firstMs.push(f - c.t0);
      spreadMs.push(l - f);
    }
  });
  const fst = stats([Float64Array.from(firstMs)]), spr = stats([Float64Array.from(spreadMs)]);
  result.firstReceiptMs = { p50: r1(fst.p50), p99: r1(fst.p99), max: r1(fst.max) };
  result.fanOutSpreadMs = { p50: r1(spr.p50), p99: r1(spr.p99), max: r1(spr.max) };
  Object.assign(result, {
    requestMs: { p50: r1(requestMs.p50), p99: r1(requestMs.p99), max: r1(requestMs.max) },
    receipts: lat.count,
    expectedReceipts: expected,
    missed: reports.reduce((n, r) => n + r.missed, 0),
    duplicates: reports.reduce((n, r) => n + r.duplicates, 0),
    unexpected: reports.reduce((n, r) => n + r.unexpected, 0),
    closedEarly: reports.reduce((n, r) => n + r.closedEarly, 0),
    stillOpen: reports.reduce((n, r) => n + r.open, 0),
    clientCpuSecondsAfterConnect: reports.map((r) => Math.round(r.cpuMsSinceConnected / 10) / 100),
    clientLoopDelayMs: reports.map((r) => ({ p99: r1(r.loopDelayMs.p99), max: r1(r.loopDelayMs.max) })),
    latencyFromRequestStartMs: { p50: r1(lat.p50), p90: r1(lat.p90), p99: r1(lat.p99), max: r1(lat.max) },
    latencyFromResponseMs: { p50: r1(latResp.p50), p90: r1(latResp.p90), p99: r1(latResp.p99), max: r1(latResp.max), min: r1(latResp.min) },
  });
  const end = serverMemory();
  result.serverPeakRssMB = end && r1(end.hwmMB);
  if (RSS_FILE && existsSync(RSS_FILE)) {
    const kb = readFileSync(RSS_FILE, "utf8").trim().split("\n").map((l) => Number(l.split(" ")[1])).filter((x) => x > 0);
    result.serverRssSamples = kb.length;
    result.serverRssMaxSampledMB = kb.length ? r1(Math.max(...kb) / 1024) : null;
  }
  result.loadAvgEnd = loadAvg();
} finally {
  await Promise.allSettled(workers.map((w) => {
    if (!w.connected) return null;
    const gone = new Promise((r) => w.once("exit", r));
    w.send({ type: "stop" });
    return Promise.race([gone, sleep(15_000)]);
  }));
  killAll();
}

// ---- report ---------------------------------------------------------------------------------------
const row = (k, v) => console.log(`  ${k.padEnd(38)} ${v}`);
const L = result.latencyFromRequestStartMs, R = result.latencyFromResponseMs;
console.log(`\nLive board load — ${base}, mode ${MODE}, ${P} client processes`);
row("connections ready / asked", `${result.ready} / ${N} (failed ${result.connectFailed})`);
row("time to open all (s)", result.connectSeconds);
row("changes / rate", `${M} at ≤${RATE}/s`);
row("change request (ms) p50 / p99 / max", `${result.requestMs.p50} / ${result.requestMs.p99} / ${result.requestMs.max}`);
row("receipts / expected / missed", `${result.receipts} / ${result.expectedReceipts} / ${result.missed}`);
row("dup / unexpected / closed early", `${result.duplicates} / ${result.unexpected} / ${result.closedEarly}`);
row("latency from request start p50/p99/max", `${L.p50} / ${L.p99} / ${L.max} ms`);
row("latency from response p50/p99/max", `${R.p50} / ${R.p99} / ${R.max} ms`);
row("per change: first receipt − t0 p50/p99", `${result.firstReceiptMs.p50} / ${result.firstReceiptMs.p99} ms`);
row("per change: last − first receipt p50/p99", `${result.fanOutSpreadMs.p50} / ${result.fanOutSpreadMs.p99} ms`);
row("server RSS idle / at N / after (MB)", `${result.serverRssIdleMB} / ${result.serverRssAtNMB} / ${result.serverRssAfterChangesMB}`);
row("server peak RSS VmHWM (MB)", result.serverPeakRssMB);
row("server CPU s: opening / changes", `${result.serverCpuSecondsOpening} / ${result.serverCpuSecondsChanges} (changes took ${result.changeSeconds} s wall)`);
if (result.serverIdleCpuPerSecondMs != null) row("server CPU idle with N open (ms per s)", result.serverIdleCpuPerSecondMs);
row("client CPU s after connect (per proc)", result.clientCpuSecondsAfterConnect.join(" "));
row("client event-loop delay p99/max (ms)", result.clientLoopDelayMs.map((d) => `${d.p99}/${d.max}`).join(" "));
row("load average start / connected / end", `${result.loadAvgStart} | ${result.loadAvgConnected} | ${result.loadAvgEnd}`);
console.log("BOARDLOAD_RESULT " + JSON.stringify(result));
process.exit(result.missed === 0 && result.ready === N ? 0 : 1);
