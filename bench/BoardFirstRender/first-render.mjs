// First render of the board (GET /board: the prerendered page with its rows, totals and count) for each
// user in USERS, timed from request start to the last byte. Sequential requests, after WARMUP untimed ones.
// Also the server's CPU time per first render (/proc/SERVER_PID/stat), which a loaded machine distorts less.
// Env: BASE (http://127.0.0.1:5196), USERS (intake,handler.qa,handler.eng), WARMUP (5), COUNT (40), PASSWORD, SERVER_PID.
import { readFileSync } from "node:fs";

const env = process.env;
const base = env.BASE ?? "http://127.0.0.1:5196";
if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(base)) {
  console.error(`refusing a non-loopback base address: ${base}`);
  process.exit(2);
}
const users = (env.USERS ?? "intake,handler.qa,handler.eng").split(",");
const WARMUP = Number(env.WARMUP ?? 5);
const COUNT = Number(env.COUNT ?? 40);
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const pid = Number(env.SERVER_PID ?? 0);
const cpuMs = () => {
  if (!pid) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ 100
};
const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

class Jar {
  cookies = new Map();
  take(response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair.indexOf("=");
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "); }
}

async function signIn(user) {
  const jar = new Jar();
  const form = await fetch(`${base}/account/login`);
  jar.take(form);
  const html = await form.text();
  const field = (name) => new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? "";
  const body = new URLSearchParams({
    __RequestVerificationToken: field("__RequestVerificationToken"), _handler: field("_handler"),
    "Input.UserName": user, "Input.Password": env.PASSWORD ?? "Portal#2026",
  });
  const res = await fetch(`${base}/account/login`, { method: "POST", body, redirect: "manual", headers: { cookie: jar.header() } });
  jar.take(res);
  if (res.status !== 302) throw new Error(`sign-in of ${user} failed: HTTP ${res.status}`);
  return jar;
}

const results = [];
for (const user of users) {
  const jar = await signIn(user);
  const times = [];
  let open = "";
  let cpu0 = NaN;
  for (let i = 0; i < WARMUP + COUNT; i++) {
    if (i === WARMUP) cpu0 = cpuMs();
    const t0 = performance.now();
    const res = await fetch(`${base}/board`, { headers: { cookie: jar.header() }, redirect: "manual" });
    const html = await res.text();
    const ms = performance.now() - t0;
    if (res.status !== 200) throw new Error(`GET /board as ${user}: HTTP ${res.status}`);
    open = /data-open="(\d+)"/.exec(html)?.[1] ?? "?";
    if (i >= WARMUP) times.push(ms);
  }
  const r = { user, openCases: Number(open), count: COUNT, p50: +pct(times, 50).toFixed(1), p95: +pct(times, 95).toFixed(1), max: +Math.max(...times).toFixed(1),
    serverCpuMsPerRender: +((cpuMs() - cpu0) / COUNT).toFixed(1), load: load() };
  console.error(JSON.stringify(r));
  results.push(r);
}
console.log("BOARDFIRSTRENDER_RESULT " + JSON.stringify(results));
