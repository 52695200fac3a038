// The framework's floor for one update of one open page: N headless Chromium pages on a bare Blazor Server app
// (no portal code), M ticks through POST /tick, each tick handed to every page's circuit, which renders it and sends
// the batch; the browser applies it and acknowledges. Measures the server's CPU per tick per open page, as the
// portal's bench measures it per change per open board: (CPU of M ticks with N pages - CPU of M ticks with none,
// each less the idle CPU read just before it) / (M x N); and latency from the tick's request to the page changing.
// Env: BASE (http://127.0.0.1:5197), PAGES (100), TICKS (60), RATE (ticks/s, 2), SERVER_PID, BATCH (10), HIDDEN (1),
//      IDLE_MS (10000), WARM_TICKS (60).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";

// playwright-core comes from the board bench's install (its lock file), so both benches drive the same browser build.
const { chromium } = createRequire(new URL("../BoardCircuits/package.json", import.meta.url))("playwright-core");
const env = process.env;
const base = env.BASE ?? "http://127.0.0.1:5197";
const N = Number(env.PAGES ?? 100);
const M = Number(env.TICKS ?? 60);
const RATE = Number(env.RATE ?? 2);
const BATCH = Number(env.BATCH ?? 10);
const HIDDEN = (env.HIDDEN ?? "1") === "1";
const pid = Number(env.SERVER_PID);
if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(base)) {
  console.error(`refusing a non-loopback base address: ${base}`);
  process.exit(2);
}
setTimeout(() => { console.error("overall time limit reached"); process.exit(4); }, 900_000).unref();

const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();
const serverCpuMs = () => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ 100
};
const loadavg = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function idleRate(what) {
  const c0 = serverCpuMs();
  const ms = Number(env.IDLE_MS ?? 10_000);
  await sleep(ms);
  const rate = ((serverCpuMs() - c0) * 1000) / ms;
  log(`before ${what}: server idle at ${rate.toFixed(1)} ms CPU/s`);
  return rate;
}

async function ticks(count) {
  const sent = [];
  const cpu0 = serverCpuMs();
  const start = now();
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / RATE;
    if (now() < due) await sleep(due - now());
    const t0 = now();
    const res = await fetch(`${base}/tick`, { method: "POST" });
    if (!res.ok) throw new Error(`tick failed: HTTP ${res.status}`);
    sent.push({ value: Number(await res.text()), t0, t1: now() });
  }
  await sleep(4000);
  return { sent, cpuMs: serverCpuMs() - cpu0, wallMs: now() - start };
}

const browser = await chromium.launch({ executablePath: env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  await ticks(Number(env.WARM_TICKS ?? 60));
  const idleA = await idleRate("phase A");
  const alone = await ticks(M);
  log(`phase A: ${M} ticks with no page open: server CPU ${alone.cpuMs.toFixed(0)} ms (load ${loadavg()})`);

  const context = await browser.newContext({ baseURL: base });
  const pages = [];
  while (pages.length < N) {
    const size = Math.min(BATCH, N - pages.length);
    pages.push(...await Promise.all(Array.from({ length: size }, async () => {
      const page = await context.newPage();
      await page.goto("/", { timeout: 120_000 });
      await page.locator("#tick[data-ready=true]").waitFor({ timeout: 120_000 });
      if (HIDDEN) await page.addStyleTag({ content: "html { display: none !important; }" });
      return page;
    })));
  }
  const subscribers = (await (await fetch(`${base}/stats`)).json()).subscribers;
  const rows = await pages[0].locator("td[data-row]").count();
  log(`${pages.length} pages open (${rows} rows each), ${subscribers} subscribed`);
  // Warm the update path with the pages open (JIT of the render, batch and acknowledgement paths), untimed.
  await ticks(Number(env.BOARD_WARM_TICKS ?? 20));
  await Promise.all(pages.map((page) => page.evaluate(() => {
    window.__seen = {};
    const target = document.getElementById("tick");
    new MutationObserver(() => { window.__seen[target.textContent] ??= performance.timeOrigin + performance.now(); })
      .observe(target, { childList: true, characterData: true, subtree: true });
  })));
  const idleB = await idleRate("phase B");
  const open = await ticks(M);
  log(`phase B: ${M} ticks with ${N} pages open: server CPU ${open.cpuMs.toFixed(0)} ms (load ${loadavg()})`);

  const latencies = [];
  let missed = 0;
  for (const page of pages) {
    const seen = await page.evaluate(() => window.__seen);
    for (const tick of open.sent) {
      const at = seen[String(tick.value)];
      if (at === undefined) missed++; else latencies.push(at - tick.t0);
    }
  }
  latencies.sort((a, b) => a - b);
  const extra = (open.cpuMs - (idleB * open.wallMs) / 1000) - (alone.cpuMs - (idleA * alone.wallMs) / 1000);
  console.log(JSON.stringify({
    pages: N, rowsPerPage: rows, subscribers, hidden: HIDDEN, rate: RATE, ticks: M,
    serverCpuMs: { phaseA: Math.round(alone.cpuMs), phaseB: Math.round(open.cpuMs) },
    idleServerCpuMsPerSecond: { phaseA: +idleA.toFixed(1), phaseB: +idleB.toFixed(1) },
    cpuMsPerTickPerPage: +(extra / (M * N)).toFixed(3),
    latencyMs: { p50: Math.round(percentile(latencies, 50)), p99: Math.round(percentile(latencies, 99)) },
    missed: `${missed} of ${M * N}`,
    load: loadavg(),
  }, null, 2));
} finally {
  await browser.close();
}
