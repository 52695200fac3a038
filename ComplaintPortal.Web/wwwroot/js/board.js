// Live board: SignalR notices name a changed case; the row is fetched from the server (same rendering,
// authorization and filters as the page) and swapped in place. Countdowns tick against the server clock.
(() => {
  "use strict";
  const board = document.querySelector("[data-board]");
  if (!board || !window.signalR) {
    return;
  }

  const tbody = board.querySelector("[data-board-rows]");
  const badge = board.querySelector("[data-connection]");
  const query = board.dataset.query || "";
  const daysFormat = board.dataset.labelDays || "{0}{1}d {2}h";
  // Server time minus browser time: countdowns use the server's deadline instants.
  let offset = Date.parse(board.dataset.serverNow) - Date.now();

  const pad = (n) => String(n).padStart(2, "0");

  function formatSpan(ms) {
    const sign = ms < 0 ? "-" : "";
    let s = Math.floor(Math.abs(ms) / 1000);
    const days = Math.floor(s / 86400);
    s -= days * 86400;
    const hours = Math.floor(s / 3600);
    s -= hours * 3600;
    const minutes = Math.floor(s / 60);
    const seconds = s - minutes * 60;
    if (days >= 1) {
      return daysFormat.replace("{0}", sign).replace("{1}", days).replace("{2}", hours);
    }
    return `${sign}${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
  }

  function tick() {
    const now = Date.now() + offset;
    for (const row of tbody.querySelectorAll("tr[data-case]")) {
      const deadline = Date.parse(row.dataset.deadline || "");
      const dueSoon = Date.parse(row.dataset.dueSoon || "");
      const since = Date.parse(row.dataset.stageSince || "");
      const countdown = row.querySelector("[data-countdown]");
      if (countdown && !Number.isNaN(deadline)) {
        countdown.textContent = formatSpan(deadline - now);
        const state = now >= deadline ? "overdue" : (!Number.isNaN(dueSoon) && now >= dueSoon ? "duesoon" : "ontrack");
        row.classList.remove("board-overdue", "board-duesoon", "board-ontrack");
        row.classList.add(`board-${state}`);
      }
      const elapsed = row.querySelector("[data-elapsed]");
      if (elapsed && !Number.isNaN(since)) {
        elapsed.textContent = formatSpan(Math.max(0, now - since));
      }
    }
  }

  const counter = board.querySelector("[data-row-count]");

  function updateEmpty() {
    const empty = tbody.querySelector("tr[data-empty]");
    if (empty && tbody.querySelector("tr[data-case]")) {
      empty.remove();
    }
    if (counter) {
      counter.textContent = (counter.dataset.labelCount || "{0}").replace("{0}", tbody.querySelectorAll("tr[data-case]").length);
    }
  }

  async function refreshRow(id) {
    const response = await fetch(`/board/rows/${encodeURIComponent(id)}${query}`, { credentials: "same-origin" });
    const existing = tbody.querySelector(`tr[data-case="${CSS.escape(String(id))}"]`);
    if (response.status === 404) {
      existing?.remove();
      updateEmpty();
      return;
    }
    if (!response.ok) {
      return;
    }
    const template = document.createElement("template");
    template.innerHTML = (await response.text()).trim();
    const row = template.content.querySelector("tr[data-case]");
    if (!row) {
      return;
    }
    if (existing) {
      existing.replaceWith(row);
    } else {
      tbody.prepend(row);
    }
    updateEmpty();
    row.classList.add("board-flash");
    setTimeout(() => row.classList.remove("board-flash"), 2500);
    tick();
  }

  async function resync() {
    const response = await fetch(`/board/rows${query}`, { credentials: "same-origin" });
    if (response.ok) {
      tbody.innerHTML = await response.text();
      updateEmpty();
      tick();
    }
  }

  function setState(state) {
    badge.dataset.connection = state;
    badge.textContent = badge.dataset[`label${state[0].toUpperCase()}${state.slice(1)}`] || state;
    badge.classList.toggle("text-bg-success", state === "connected");
    badge.classList.toggle("text-bg-warning", state === "reconnecting");
    badge.classList.toggle("text-bg-danger", state === "disconnected");
    badge.classList.toggle("text-bg-secondary", state === "connecting");
  }

  const connection = new signalR.HubConnectionBuilder()
    .withUrl(board.dataset.hub)
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000])
    .configureLogging(signalR.LogLevel.Warning)
    .build();
  // What arrived, for operators (and tests) checking the feed from the browser console.
  const received = [];
  window.complaintBoard = { received };
  connection.on("caseChanged", (id) => { received.push(id); refreshRow(id); });
  connection.on("clock", (iso) => { offset = Date.parse(iso) - Date.now(); });
  connection.onreconnecting(() => setState("reconnecting"));
  // Whatever happened while disconnected is not replayed: fetch the whole view again.
  connection.onreconnected(() => { setState("connected"); resync(); });
  connection.onclose(() => { setState("disconnected"); setTimeout(start, 2000); });

  let everConnected = false;
  async function start() {
    try {
      await connection.start();
      setState("connected");
      if (everConnected) {
        await resync();
      }
      everConnected = true;
    } catch {
      setState(everConnected ? "disconnected" : "connecting");
      setTimeout(start, 2000);
    }
  }

  setInterval(tick, 1000);
  tick();
  start();
})();
