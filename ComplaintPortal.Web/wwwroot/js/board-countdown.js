// Countdowns that tick in the browser, so the server renders nothing per second.
// The board (and its rectification notices strip) has its own element (board-countdown): the case pages' <portal-countdown> (countdown.js) is loaded on every page and takes other attributes.
//
// <board-countdown due="ISO" [due-soon="ISO"] [now="ISO"] [show="time"|"state"] [label-*]>
//   show="time" (default): the time left (or overdue, with a minus sign), in "hh:mm:ss" or the
//   label-days template ("{0}{1} d {2} h": sign, days, hours) beyond a day.
//   show="state": the word for the state (label-on-track, label-due-soon, label-overdue) in a
//   child .board-state-word, if there is one. Either way the element's data-state is on-track,
//   due-soon or overdue, for colour and icon in CSS.
//   Labels come from the element or from the nearest <portal-clock> around it.
// <portal-clock now="ISO" [label-*]>: the server's clock when it last rendered, to correct the
//   browser's clock (skew), and labels shared by the countdowns inside.
// One timer drives every countdown on the page, and it ticks only the countdowns on screen (or about to be): a board
// of 200 rows shows about 15, and a wall screen or phone should not lay out 200 changing cells a second. A countdown
// that comes into view, or a page that comes back from the background, is brought up to date at once.
const countdowns = new Set();
const inView = new Set();
let offset = 0; // server clock minus browser clock, ms
let timer = 0;
const viewport = typeof IntersectionObserver === "function"
  ? new IntersectionObserver((entries) => {
    const now = serverNow();
    for (const entry of entries) {
      if (entry.isIntersecting) {
        inView.add(entry.target);
        entry.target.tick(now);
      } else {
        inView.delete(entry.target);
      }
    }
  }, { rootMargin: "200px 0px" })
  : null;

function serverNow() {
  return Date.now() + offset;
}

function setServerNow(iso) {
  const server = Date.parse(iso || "");
  if (!Number.isNaN(server)) {
    offset = server - Date.now();
  }
}

function pad(n) {
  return String(n).padStart(2, "0");
}

function formatSpan(ms, daysTemplate) {
  const sign = ms < 0 ? "-" : "";
  let s = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(s / 86400);
  s -= days * 86400;
  const hours = Math.floor(s / 3600);
  s -= hours * 3600;
  const minutes = Math.floor(s / 60);
  const seconds = s - minutes * 60;
  if (days >= 1) {
    return daysTemplate.replace("{0}", sign).replace("{1}", String(days)).replace("{2}", String(hours));
  }
  return `${sign}${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}

function tickAll() {
  if (document.hidden) {
    return;
  }
  const now = serverNow();
  for (const countdown of viewport ? inView : countdowns) {
    countdown.tick(now);
  }
}

document.addEventListener("visibilitychange", () => {
  if (!document.hidden) {
    tickAll();
  }
});

class PortalClock extends HTMLElement {
  static observedAttributes = ["now"];

  attributeChangedCallback(name, _old, value) {
    if (name === "now") {
      setServerNow(value);
      tickAll();
    }
  }
}

class BoardCountdown extends HTMLElement {
  static observedAttributes = ["due", "due-soon", "now"];

  connectedCallback() {
    countdowns.add(this);
    viewport?.observe(this);
    if (!timer) {
      timer = setInterval(tickAll, 1000);
    }
    this.tick(serverNow());
  }

  disconnectedCallback() {
    countdowns.delete(this);
    inView.delete(this);
    viewport?.unobserve(this);
    if (countdowns.size === 0 && timer) {
      clearInterval(timer);
      timer = 0;
    }
  }

  attributeChangedCallback(name, _old, value) {
    if (name === "now") {
      setServerNow(value);
    }
    if (this.isConnected) {
      this.tick(serverNow());
    }
  }

  label(name, fallback) {
    return this.getAttribute(name) ?? this.closest("portal-clock")?.getAttribute(name) ?? fallback;
  }

  tick(now) {
    const due = Date.parse(this.getAttribute("due") || "");
    if (Number.isNaN(due)) {
      return;
    }
    const soon = Date.parse(this.getAttribute("due-soon") || "");
    const state = now >= due ? "overdue" : !Number.isNaN(soon) && now >= soon ? "due-soon" : "on-track";
    if (this.dataset.state !== state) {
      this.dataset.state = state;
    }
    if (this.getAttribute("show") === "state") {
      const word = this.querySelector(".board-state-word");
      const text = this.label(`label-${state}`, null);
      if (word && text !== null && word.textContent !== text) {
        word.textContent = text;
      }
      return;
    }
    const text = formatSpan(due - now, this.label("label-days", "{0}{1}d {2}h"));
    if (this.textContent !== text) {
      this.textContent = text;
    }
  }
}

if (!customElements.get("portal-clock")) {
  customElements.define("portal-clock", PortalClock);
}
if (!customElements.get("board-countdown")) {
  customElements.define("board-countdown", BoardCountdown);
}

// Loaded by every page (App.razor, a module script), so the board's circuit makes no JS interop call for it; it exports nothing.
export {};
