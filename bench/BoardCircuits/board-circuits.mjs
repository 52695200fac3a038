// Live board benchmark over real Blazor circuits: N headless Chromium pages each open /board (200 rows),
// then M new cases are registered through the intake API, one at a time. Measures:
//  - server memory per open board circuit: managed heap after a forced GC and process RSS, after the WARM
//    first pages and after all N, difference divided by the circuits the server counts (CircuitHandler);
//  - server CPU per change per open board: CPU of M changes with N boards open, minus the CPU of M
//    changes with no board open, over M x N (after M untimed warm-up changes, so neither phase pays for JIT);
//    and the server's own figure (/board/diagnostics probe: the feed's and the board circuits' thread CPU over
//    the rows delivered);
//  - change-to-screen latency: from the intake response (the commit is before it) to the new row
//    appearing in each page (MutationObserver, performance.timeOrigin + performance.now()); and on the
//    server (probe): commit -> the board's render of the change, commit -> the browser acknowledged that render.
// Env: BASE (http://127.0.0.1:5195), BOARDS (100), CHANGES (30), RATE (changes/s, 2), SERVER_PID, BATCH (10),
//      WARM_CHANGES (max(CHANGES, 60): untimed changes before phase A), BOARD_WARM_CHANGES (3: untimed changes with the boards
//      open before phase B), ACK_WAIT_MS (60000: how long to wait for the browsers' acknowledgements after phase B),
//      QUIET_MS (120000: how long to wait at most for the server to fall quiet before each timed phase),
//      WARM (pages opened before memory is measured, BATCH), HOLD_MS (pause this long at each memory reading,
//      e.g. for dotnet-dump).
import { chromium } from "playwright-core";
import { readFileSync, readdirSync } from "node:fs";

const env = process.env;
const base = env.BASE ?? "http://127.0.0.1:5195";
const N = Number(env.BOARDS ?? 100);
const M = Number(env.CHANGES ?? 30);
const RATE = Number(env.RATE ?? 2);
const BATCH = Number(env.BATCH ?? 10);
const pid = Number(env.SERVER_PID);
// PAGE=/ (with READY=.portal-appbar) measures the app shell alone, to tell the board's share of a circuit.
// Newest first, so every new case lands on the first page whatever the page size (by nearest deadline the generated
// overdue cases come first and, at 50 rows a page, push new cases off the page the boards show).
const PAGE = env.PAGE ?? "/board?sort=Received";
const READY = env.READY ?? "[data-board][data-ready=true]";
// HIDDEN=1: each board stops drawing once open, so the browsers apply the changes to the DOM without rendering them:
// change-to-screen less the browsers' own rendering, which on one 2-core machine for 100 boards is what sets p99.
const HIDDEN = env.HIDDEN === "1";
if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(base)) {
  console.error(`refusing a non-loopback base address: ${base}`);
  process.exit(2);
}
setTimeout(() => { console.error("overall time limit reached"); process.exit(4); }, Number(env.MAX_MS ?? 1_500_000)).unref();

const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();
const ticks = 100; // USER_HZ on Linux
function serverCpuMs() {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks; // utime + stime
}
// The server's CPU by thread name, to tell where the whole process's CPU goes (thread-pool workers, the socket
// engine, GC threads, timers, JIT): each thread's utime and stime (/proc/PID/task/TID/stat), sampled every 250 ms
// through a phase so that threads which end inside it (retired pool workers) count up to their last sample.
function threadSample() {
  const byTid = new Map();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let stat;
    try { stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8"); } catch { continue; }
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    byTid.set(tid, { name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")),
      user: (Number(fields[11]) * 1000) / ticks, system: (Number(fields[12]) * 1000) / ticks });
  }
  return byTid;
}
function threadCpuTracker() {
  const first = threadSample();
  const last = new Map(first);
  const timer = setInterval(() => { for (const [tid, v] of threadSample()) last.set(tid, v); }, 250);
  return () => {
    clearInterval(timer);
    for (const [tid, v] of threadSample()) last.set(tid, v);
    const byName = {};
    for (const [tid, v] of last) {
      const start = first.get(tid) ?? { user: 0, system: 0 };
      const entry = (byName[v.name] ??= { user: 0, system: 0, threads: 0 });
      entry.user += v.user - start.user;
      entry.system += v.system - start.system;
      entry.threads += v.user + v.system > start.user + start.system ? 1 : 0;
    }
    for (const [name, v] of Object.entries(byName)) {
      if (v.user + v.system === 0) delete byName[name];
      else { v.user = +v.user.toFixed(0); v.system = +v.system.toFixed(0); }
    }
    return byName;
  };
}
// CPU of the headless browsers (every process under this script), to tell how much of the machine they take.
function browsersCpuMs() {
  const parents = new Map();
  const cpu = new Map();
  for (const p of readdirSync("/proc")) {
    if (!/^\d+$/.test(p)) continue;
    let stat;
    try { stat = readFileSync(`/proc/${p}/stat`, "utf8"); } catch { continue; }
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    parents.set(Number(p), Number(fields[1]));
    cpu.set(Number(p), ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks);
  }
  let total = 0;
  for (const [p, ms] of cpu) {
    let q = parents.get(p);
    while (q > 1 && q !== process.pid) q = parents.get(q);
    if (q === process.pid) total += ms;
  }
  return total;
}
function serverRssKb() {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]);
}
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN; };

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
});

async function signedIn(user) {
  const context = await browser.newContext({ baseURL: base, locale: "zh-CN", viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto("/account/login");
  await page.fill("#username", user);
  await page.fill("#password", env.PASSWORD ?? "Portal#2026");
  await page.click("[data-test=login-submit]");
  await page.waitForURL(/\/$/);
  await page.close();
  return context;
}

const clerk = await signedIn("intake");
const admin = await signedIn("admin");
const diagnostics = async (collect) => (await admin.request.get(`/board/diagnostics?collect=${collect}`)).json();
// The probe's reset is a post with the antiforgery token, taken from a page the administrator opens (the sign-out form).
async function resetProbe() {
  const home = await (await admin.request.get("/")).text();
  const token = /name="__RequestVerificationToken"[^>]*value="([^"]+)"/.exec(home)?.[1];
  if (!token) throw new Error("no antiforgery token on the home page");
  const res = await admin.request.post("/board/diagnostics/reset", { headers: { RequestVerificationToken: token } });
  if (res.status() !== 204) throw new Error(`probe reset failed: HTTP ${res.status()}`);
}
// Waits until the server's CPU falls below 5% of a core over 2 s (tiered JIT, start-up jobs), at most QUIET_MS; then
// returns the idle CPU rate (ms per s) over IDLE_MS (10 s), which is taken off each timed phase. 10 s is one interval of the
// circuits' sign-in revalidation, so each open board's check counts once (over 2 s, as before run 50, it was hit or miss).
async function quiet(what) {
  const start = now();
  let rate;
  do {
    const c0 = serverCpuMs(); await sleep(2000); rate = (serverCpuMs() - c0) / 2;
  } while (rate > 50 && now() - start < Number(env.QUIET_MS ?? 120_000));
  const idleMs = Number(env.IDLE_MS ?? 10_000);
  const c0 = serverCpuMs(); await sleep(idleMs); rate = ((serverCpuMs() - c0) * 1000) / idleMs;
  log(`before ${what}: server idle at ${rate.toFixed(1)} ms CPU/s over ${idleMs / 1000} s, after ${((now() - start) / 1000).toFixed(0)} s`);
  return rate;
}
const loadavg = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

let serial = 0;
async function register() {
  const t0 = now();
  const res = await clerk.request.post("/api/complaints", {
    headers: { "Idempotency-Key": `circuits-${process.pid}-${++serial}` },
    data: { channel: "Hotline", complainant: { name: "王", phone: "13800000000" }, description: `看板压测 ${serial}`, confirmedWithCaller: true },
  });
  const t1 = now();
  if (res.status() !== 201) throw new Error(`registration failed: HTTP ${res.status()}`);
  return { id: String((await res.json()).id), t0, t1 };
}

async function changes(count) {
  const made = [];
  const threads = threadCpuTracker();
  const cpu0 = serverCpuMs();
  const start = now();
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / RATE;
    if (now() < due) await sleep(due - now());
    made.push(await register());
  }
  await sleep(4000);
  return { made, cpuMs: serverCpuMs() - cpu0, wallMs: now() - start, threads: threads() };
}

// Phase A0: untimed warm-up (JIT, EF Core's query cache, pools), so phase A measures the changes and nothing else.
// Past the 30 calls after which tiered JIT recompiles a method, and long enough for its instrumented second pass.
const warm = await changes(Number(env.WARM_CHANGES ?? Math.max(M, 150)));
log(`phase A0 (warm-up): ${warm.made.length} changes with no board open: server CPU ${warm.cpuMs.toFixed(0)} ms (not counted)`);
// Phase A: the cost of the changes themselves, no board open.
const idleCpuPerSec = await quiet("phase A");
const loadA = loadavg();
const alone = await changes(M);
log(`phase A: ${M} changes with no board open: server CPU ${alone.cpuMs.toFixed(0)} ms (load ${loadA})`);

const zero = await diagnostics(true);
const rssZero = serverRssKb();
log(`no page open: circuits ${zero.circuits}, managed ${(zero.managedBytes / 1048576).toFixed(1)} MB, RSS ${(rssZero / 1024).toFixed(0)} MB`);
const hold = async (when) => {
  if (Number(env.HOLD_MS ?? 0) > 0) {
    // Time to take a heap snapshot of the server (dotnet-dump collect -p SERVER_PID; compare two with dumpheap -stat).
    log(`holding ${when} for ${env.HOLD_MS} ms (server pid ${pid})`);
    await sleep(Number(env.HOLD_MS));
  }
};

// Open N boards, BATCH at a time; each must be interactive (circuit up, subscribed) with 200 rows.
// The first WARM pages pay the server's one-time costs (JIT, first render of each component type, EF query
// cache, buffer pools); memory per circuit is measured over the pages opened after them.
const WARM = Math.min(Number(env.WARM ?? BATCH), N - 1);
const pages = [];
let before = zero;
let rssBefore = rssZero;
const openStart = now();
while (pages.length < N) {
  const size = pages.length < WARM ? Math.min(BATCH, WARM - pages.length) : Math.min(BATCH, N - pages.length);
  const opened = await Promise.all(Array.from({ length: size }, async () => {
    const page = await clerk.newPage();
    await page.goto(PAGE, { timeout: 120_000 });
    await page.locator(READY).first().waitFor({ timeout: 120_000 });
    if (HIDDEN) {
      // Nothing of the page is drawn (the root element is display: none): the browser applies every batch to the DOM
      // but does no style, layout, paint or raster for it, as if each board had its own screen and machine.
      await page.addStyleTag({ content: "html { display: none !important; }" });
    }
    return page;
  }));
  pages.push(...opened);
  log(`open boards: ${pages.length}`);
  if (pages.length === WARM) {
    await sleep(5000);
    before = await diagnostics(true);
    rssBefore = serverRssKb();
    log(`after ${WARM} warm-up pages: circuits ${before.circuits}, managed ${(before.managedBytes / 1048576).toFixed(1)} MB, RSS ${(rssBefore / 1024).toFixed(0)} MB`);
    await hold(`${WARM} open pages`);
  }
}
const openMs = now() - openStart;
const rows = await pages[0].locator("tbody td[data-case]").count();
const browsers0 = browsersCpuMs();
await sleep(10000);
const browsersIdleMsPerSecond = (browsersCpuMs() - browsers0) / 10;
log(`${N} boards open and idle: the browsers take ${browsersIdleMsPerSecond.toFixed(0)} ms CPU/s`);
const after = await diagnostics(true);
const rssAfter = serverRssKb();
const circuits = after.circuits - before.circuits;
log(`after: circuits ${after.circuits} (boards ${after.boards}), managed ${(after.managedBytes / 1048576).toFixed(1)} MB, RSS ${(rssAfter / 1024).toFixed(0)} MB`);
await hold(`${N} open pages`);

for (const page of pages) {
  await page.evaluate(() => {
    window.benchSeen = {};
    new MutationObserver((records) => {
      const t = performance.timeOrigin + performance.now();
      for (const record of records) {
        for (const node of record.addedNodes) {
          // The case id is on the row's first cell; the observer runs after the batch, so the new row has its cells.
          const id = node.nodeType === 1 && node.matches("tr") ? node.querySelector(":scope > td[data-case]")?.dataset.case : undefined;
          if (id !== undefined && !(id in window.benchSeen)) {
            window.benchSeen[id] = t;
          }
        }
      }
    }).observe(document.querySelector("tbody") ?? document.body, { childList: true });
  });
}

// Phase B0: a few untimed changes with the boards open (JIT of the boards' update path), then phase B: the same number
// of changes as phase A with N boards open. The probe starts afresh just before phase B.
// 120 (a minute at 2/s): with 3, tiered JIT was still recompiling the update path in phase B (bench/README.md, run 61).
await changes(Number(env.BOARD_WARM_CHANGES ?? 120));
const idleCpuPerSecB = await quiet("phase B");
await resetProbe();
const loadB = loadavg();
const browsersB0 = browsersCpuMs();
// Where the browsers' main threads spend phase B (Chromium's own counters, over CDP): script, style, layout, the rest.
const cdp = await Promise.all(pages.slice(0, Number(env.CDP_PAGES ?? 10)).map(async (p) => {
  const session = await p.context().newCDPSession(p);
  await session.send("Performance.enable");
  return session;
}));
const mainThread = async () => {
  const sum = {};
  for (const session of cdp) {
    for (const { name, value } of (await session.send("Performance.getMetrics")).metrics) {
      if (/^(TaskDuration|ScriptDuration|RecalcStyleDuration|LayoutDuration|LayoutCount|RecalcStyleCount)$/.test(name)) sum[name] = (sum[name] ?? 0) + value;
    }
  }
  return sum;
};
const main0 = await mainThread();
const openB0 = now();
const open = await changes(M);
const main1 = await mainThread();
// Per change and page, in ms (durations are in seconds) or counts.
const mainThreadPerChange = Object.fromEntries(Object.keys(main1).map((k) => [k,
  +(((main1[k] - main0[k]) * (k.endsWith("Count") ? 1 : 1000)) / (M * Math.max(1, cdp.length))).toFixed(2)]));
log(`browsers' main thread per change and page: ${JSON.stringify(mainThreadPerChange)}`);
const browsersMsPerSecondB = ((browsersCpuMs() - browsersB0) * 1000) / open.wallMs;
log(`phase B: ${M} changes with ${N} boards open: server CPU ${open.cpuMs.toFixed(0)} ms (load ${loadB} -> ${loadavg()})`);
// The browsers acknowledge each render batch once they applied it; a loaded machine takes a while.
let probed = (await diagnostics(false)).probe;
const ackWaitStart = now();
while (probed.acknowledged.count < probed.rendered.count && now() - ackWaitStart < Number(env.ACK_WAIT_MS ?? 60_000)) {
  await sleep(2000);
  probed = (await diagnostics(false)).probe;
}
// The browsers' CPU from the start of phase B until every batch was acknowledged, per change and page: what one
// page's browser spends on one change (the idle CPU of open boards taken off).
const browsersMsPerChangePerPage = (browsersCpuMs() - browsersB0 - (browsersIdleMsPerSecond * (now() - openB0)) / 1000) / (M * N);
log(`server probe: ${probed.deliveries} rows delivered, ${probed.rendered.count} rendered, ${probed.acknowledged.count} acknowledged`);
const seen = await Promise.all(pages.map((p) => p.evaluate(() => window.benchSeen)));
const fromResponse = [];
const fromRequest = [];
let missed = 0;
for (const change of open.made) {
  for (const s of seen) {
    if (s[change.id] === undefined) { missed++; continue; }
    fromResponse.push(s[change.id] - change.t1);
    fromRequest.push(s[change.id] - change.t0);
  }
}

// Close every board: the server must let go of their circuits and feed subscriptions (a singleton holding them
// would show here as circuits/boards left over and a heap that does not fall back towards the idle reading).
// A page closed without Blazor's disconnect beacon leaves its circuit disconnected for the server's retention
// period (3 min by default) before it is disposed, so this waits up to CLOSE_WAIT_MS (200 s) for all to go.
const closeStart = now();
await Promise.all(pages.map((p) => p.close()));
let closed = await diagnostics(true);
while ((closed.circuits > zero.circuits || closed.boards > 0) && now() - closeStart < Number(env.CLOSE_WAIT_MS ?? 200_000)) {
  await sleep(5000);
  closed = await diagnostics(true);
}
log(`all pages closed (${((now() - closeStart) / 1000).toFixed(0)} s): circuits ${closed.circuits} (boards ${closed.boards}), managed ${(closed.managedBytes / 1048576).toFixed(1)} MB, RSS ${(serverRssKb() / 1024).toFixed(0)} MB`);

// Both phases last about as long (same M and RATE); each less the idle CPU measured just before it.
const extraCpuMs = (open.cpuMs - (idleCpuPerSecB * open.wallMs) / 1000) - (alone.cpuMs - (idleCpuPerSec * alone.wallMs) / 1000);
// Tiered JIT still recompiles in phase A after the warm-up (its thread took 320-650 ms there against 100-230 ms in
// phase B in runs 39-48), which lowers the difference; the same figure with the JIT thread's CPU left out of both.
const jitMs = (threads) => Object.entries(threads).filter(([name]) => name.startsWith(".NET Tiered")).reduce((sum, [, v]) => sum + v.user + v.system, 0);
const extraCpuMsWithoutJit = extraCpuMs - jitMs(open.threads) + jitMs(alone.threads);
const result = {
  boards: N, rowsPerBoard: rows, hidden: HIDDEN, rate: RATE, circuits, openSeconds: +(openMs / 1000).toFixed(1), changes: M,
  warmUpPages: WARM,
  managedKbPerCircuit: +((after.managedBytes - before.managedBytes) / 1024 / circuits).toFixed(0),
  rssKbPerCircuit: +((rssAfter - rssBefore) / circuits).toFixed(0),
  managedKbPerCircuitFromZero: +((after.managedBytes - zero.managedBytes) / 1024 / (after.circuits - zero.circuits)).toFixed(0),
  serverCpuMsChangesAlone: +alone.cpuMs.toFixed(0), serverCpuMsChangesWithBoards: +open.cpuMs.toFixed(0),
  cpuMsPerChangePerBoard: +(extraCpuMs / (M * N)).toFixed(4),
  cpuMsPerChangePerBoardWithoutJit: +(extraCpuMsWithoutJit / (M * N)).toFixed(4),
  idleServerCpuMsPerSecond: +idleCpuPerSec.toFixed(1), idleServerCpuMsPerSecondWithBoards: +idleCpuPerSecB.toFixed(1),
  phaseWallMs: { alone: +alone.wallMs.toFixed(0), withBoards: +open.wallMs.toFixed(0) },
  latencyFromResponseMs: { p50: +pct(fromResponse, 50).toFixed(0), p99: +pct(fromResponse, 99).toFixed(0), max: +Math.max(...fromResponse).toFixed(0) },
  latencyFromRequestMs: { p50: +pct(fromRequest, 50).toFixed(0), p99: +pct(fromRequest, 99).toFixed(0) },
  missed,
  managedMb: { idle: +(zero.managedBytes / 1048576).toFixed(1), warm: +(before.managedBytes / 1048576).toFixed(1),
    open: +(after.managedBytes / 1048576).toFixed(1), closed: +(closed.managedBytes / 1048576).toFixed(1) },
  leftAfterClose: { circuits: closed.circuits - zero.circuits, boards: closed.boards },
  warmUpChanges: warm.made.length,
  loadAtPhaseA: loadA, loadAtPhaseB: loadB,
  server: {
    // Commit (the save that appended the ledger event, as the feed learns of it) -> the board's render of the change.
    renderMs: probed.rendered,
    // Commit -> the browser acknowledged the render batch holding the change (Blazor runs OnAfterRender then).
    acknowledgedMs: probed.acknowledged,
    deliveries: probed.deliveries, deliveriesWithoutCommit: probed.deliveriesWithoutCommit, marksDropped: probed.marksDropped,
    threadCpuMeasured: probed.threadCpuMeasured,
    // Thread CPU of the feed (per publish: the row read per audience and the sends) and of the board circuits
    // (per update: apply, render, diff, serialize), over the rows delivered: server CPU per change per open board.
    cpuMsPerChangePerBoard: probed.cpuMsPerDelivery,
    feed: probed.fanOut, circuits: probed.circuits,
    feedCpuMsPerChange: probed.changes ? +(probed.fanOut.cpuMs / probed.changes).toFixed(3) : null,
  },
  // Server CPU (ms, user and system) by thread name in phase A (changes alone) and phase B (changes with the boards).
  threadsMs: { alone: alone.threads, withBoards: open.threads },
  // The headless browsers' CPU (ms per s): with the boards open and idle, and in phase B.
  browsersMainThreadPerChange: mainThreadPerChange,
  browsersCpuMsPerChangePerPage: +browsersMsPerChangePerPage.toFixed(2),
  browsersCpuMsPerSecond: { idle: +browsersIdleMsPerSecond.toFixed(0), phaseB: +browsersMsPerSecondB.toFixed(0) },
  load: readFileSync("/proc/loadavg", "utf8").trim(),
};
console.log(JSON.stringify(result, null, 2));
console.log("BOARDCIRCUITS_RESULT " + JSON.stringify(result));
await browser.close();
