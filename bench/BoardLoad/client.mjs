// One load-client process (forked by board-load.mjs): opens its share of board hub connections,
// records when each connection receives each caseChanged notice, and hands the receipts back.
// Loopback only; every wait is bounded; the process exits when the parent says so or disappears.
import * as signalR from "@microsoft/signalr";
import { performance } from "node:perf_hooks";

const now = () => performance.timeOrigin + performance.now(); // epoch ms, sub-ms, comparable across processes

const { url, cookie, count, batch, worker, connectTimeoutMs } = JSON.parse(process.env.BOARDLOAD_WORKER);
const connections = [];
const receipts = new Map(); // caseId -> array of receipt times (one per connection that got it)
let ready = 0; // connections that received "clock" (OnConnectedAsync finished: groups joined)
let failed = 0;
let closedEarly = 0;
let duplicates = 0; // the same case twice on one connection
let stopping = false;
const failures = new Map();
// Client saturation check from "connected" on: how late a 20 ms interval timer fires.
// (perf_hooks' monitorEventLoopDelay counts an idle loop's wait as delay, so it is not used.)
const lags = [];
let lagTimer = null;
function startLagProbe() {
  let expected = now() + 20;
  lagTimer = setInterval(() => {
    const t = now();
    lags.push(Math.max(0, t - expected));
    expected = t + 20;
  }, 20);
  lagTimer.unref();
}
function lagSummary() {
  const a = Float64Array.from(lags).sort();
  const q = (p) => (a.length ? a[Math.min(a.length - 1, Math.ceil(p * a.length) - 1)] : NaN);
  return { p50: q(0.5), p99: q(0.99), max: a.length ? a[a.length - 1] : NaN };
}
let cpuAtConnected = null;

function send(msg) {
  if (process.connected) process.send(msg);
}

async function openOne(i) {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(url, {
      headers: { Cookie: cookie },
      transport: signalR.HttpTransportType.WebSockets,
      skipNegotiation: true,
    })
    .configureLogging(signalR.LogLevel.None)
    .build();
  // Generous timeouts: a busy 2-core box must not make the client drop a healthy connection.
  connection.serverTimeoutInMilliseconds = 120_000;
  connection.keepAliveIntervalInMilliseconds = 15_000;
  const seen = new Set();
  let gotClock;
  const clock = new Promise((resolve) => (gotClock = resolve));
  connection.on("clock", () => gotClock(true));
  connection.on("caseChanged", (caseId) => {
    const t = now();
    if (seen.has(caseId)) {
      duplicates++;
      return;
    }
    seen.add(caseId);
    let list = receipts.get(caseId);
    if (!list) receipts.set(caseId, (list = []));
    list.push(t);
  });
  connection.onclose(() => {
    if (!stopping) closedEarly++;
  });
  try {
    await connection.start();
    connections.push(connection);
    const ok = await Promise.race([clock, new Promise((r) => setTimeout(() => r(false), connectTimeoutMs).unref())]);
    if (ok) ready++;
    else failures.set("no clock", (failures.get("no clock") ?? 0) + 1);
  } catch (e) {
    failed++;
    const key = String(e?.message ?? e).slice(0, 120);
    failures.set(key, (failures.get(key) ?? 0) + 1);
  }
}

async function openAll() {
  const started = now();
  for (let i = 0; i < count; i += batch) {
    const slice = [];
    for (let j = i; j < Math.min(count, i + batch); j++) slice.push(openOne(j));
    await Promise.all(slice);
  }
  cpuAtConnected = process.cpuUsage();
  startLagProbe();
  send({ type: "connected", worker, ready, failed, failures: [...failures], ms: now() - started });
}

process.on("message", async (msg) => {
  if (msg.type === "open") {
    openAll();
  } else if (msg.type === "report") {
    // msg.changes: [{ caseId, t0, t1 }]. Latencies computed here; only typed arrays travel back.
    const fromStart = [];
    const fromResponse = [];
    let missed = 0;
    const first = new Float64Array(msg.changes.length).fill(Infinity);
    const last = new Float64Array(msg.changes.length).fill(-Infinity);
    for (const [k, c] of msg.changes.entries()) {
      const list = receipts.get(c.caseId) ?? [];
      for (const t of list) {
        first[k] = Math.min(first[k], t);
        last[k] = Math.max(last[k], t);
      }
      missed += Math.max(0, ready - list.length);
      for (const t of list) {
        fromStart.push(t - c.t0);
        fromResponse.push(t - c.t1);
      }
    }
    const expectedIds = new Set(msg.changes.map((c) => c.caseId));
    let unexpected = 0;
    for (const [id, list] of receipts) if (!expectedIds.has(id)) unexpected += list.length;
    send({
      type: "report",
      worker,
      ready,
      open: connections.filter((c) => c.state === signalR.HubConnectionState.Connected).length,
      closedEarly,
      duplicates,
      unexpected,
      missed,
      cpuMsSinceConnected: cpuAtConnected ? (() => { const u = process.cpuUsage(cpuAtConnected); return (u.user + u.system) / 1000; })() : null,
      loopDelayMs: lagSummary(),
      first,
      last,
      fromStart: Float64Array.from(fromStart),
      fromResponse: Float64Array.from(fromResponse),
    });
  } else if (msg.type === "stop") {
    stopping = true;
    const timer = setTimeout(() => process.exit(0), 10_000);
    timer.unref();
    for (let i = 0; i < connections.length; i += 200) {
      await Promise.allSettled(connections.slice(i, i + 200).map((c) => c.stop()));
    }
    process.exit(0);
  }
});

process.on("disconnect", () => process.exit(0)); // parent gone: never linger
setTimeout(() => process.exit(3), Number(process.env.BOARDLOAD_WORKER_MAX_MS ?? 900_000)).unref();
send({ type: "hello", worker });
