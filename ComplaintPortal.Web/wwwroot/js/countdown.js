/*
 * <portal-countdown>: a deadline countdown that ticks in the browser, so the server renders nothing per
 * second. Generic: the case page and the board both use it; every word comes from attributes, so the
 * page decides the language.
 *
 * Attributes (instants are ISO 8601 with an offset, e.g. 2026-03-03T01:30:00.0000000Z):
 *   due            required. The instant the countdown runs to.
 *   due-soon       optional. From this instant the deadline counts as due soon.
 *   now            optional. The server's "now" when it rendered the element. The difference to the
 *                  browser's clock at that moment is kept as the clock skew, so a wrong PC clock does not
 *                  move the countdown. Without it the browser's clock is trusted.
 *   text-left      template for the time left, "{0}" is the duration: "{0} left", "剩余{0}". Default "{0}".
 *   text-overdue   template for the time past the deadline: "{0} overdue", "已超期{0}". Default "-{0}".
 *   unit-day, unit-hour, unit-minute, unit-second
 *                  templates for one part of the duration: "{0} d", "{0}天". Defaults "{0}d" "{0}h" "{0}m" "{0}s".
 *   separator      between the parts: " " in English, "" in Chinese. Default " ".
 *   parts          how many parts to show, largest first ("2 d 3 h", "5 min 12 s"). Default 2.
 *
 * The element sets its own `state` attribute to "running", "due-soon" or "overdue" (style it with
 * portal-countdown[state=overdue]) and raises a bubbling `countdown-state` event when the state changes.
 * The live text is drawn in a shadow root: whatever the server rendered inside the element stays in the
 * light DOM as the text without script, and the page (e.g. Blazor) may re-render it freely.
 * One timer ticks every connected countdown once a second.
 */
(() => {
  if (customElements.get("portal-countdown")) {
    return;
  }

  const live = new Set();
  let timer = 0;

  const tickAll = () => live.forEach((element) => element.render());

  const fill = (template, value, fallback) => (template ?? fallback).replace("{0}", value);

  class PortalCountdown extends HTMLElement {
    static get observedAttributes() {
      return ["due", "due-soon", "now", "text-left", "text-overdue", "unit-day", "unit-hour", "unit-minute", "unit-second", "separator", "parts"];
    }

    constructor() {
      super();
      this.skew = 0;
      const root = this.attachShadow({ mode: "open" });
      const style = document.createElement("style");
      style.textContent = ":host{font-variant-numeric:tabular-nums;white-space:nowrap}"
        + ":host([state=due-soon]){color:var(--mud-palette-warning-darken,#b26a00);font-weight:600}"
        + ":host([state=overdue]){color:var(--mud-palette-error,#c62828);font-weight:600}";
      this.text = document.createElement("span");
      this.text.setAttribute("part", "text");
      root.append(style, this.text);
    }

    connectedCallback() {
      this.measureSkew();
      live.add(this);
      if (!timer) {
        timer = setInterval(tickAll, 1000);
      }
      this.render();
    }

    disconnectedCallback() {
      live.delete(this);
      if (live.size === 0 && timer) {
        clearInterval(timer);
        timer = 0;
      }
    }

    attributeChangedCallback(name) {
      if (name === "now") {
        this.measureSkew();
      }
      if (this.isConnected) {
        this.render();
      }
    }

    /** Server time minus browser time, measured when the server's "now" arrives. */
    measureSkew() {
      const server = Date.parse(this.getAttribute("now") ?? "");
      this.skew = Number.isNaN(server) ? 0 : server - Date.now();
    }

    duration(ms) {
      const units = [
        [86400000, this.getAttribute("unit-day"), "{0}d"],
        [3600000, this.getAttribute("unit-hour"), "{0}h"],
        [60000, this.getAttribute("unit-minute"), "{0}m"],
        [1000, this.getAttribute("unit-second"), "{0}s"],
      ];
      const wanted = Math.max(1, Number.parseInt(this.getAttribute("parts") ?? "2", 10) || 2);
      const parts = [];
      let rest = Math.floor(ms / 1000) * 1000;
      for (const [size, template, fallback] of units) {
        const count = Math.floor(rest / size);
        rest -= count * size;
        if (parts.length > 0 || count > 0 || size === 1000) {
          parts.push(fill(template, String(count), fallback));
        }
        if (parts.length === wanted) {
          break;
        }
      }
      return parts.join(this.getAttribute("separator") ?? " ");
    }

    render() {
      const due = Date.parse(this.getAttribute("due") ?? "");
      if (Number.isNaN(due)) {
        this.text.textContent = "";
        return;
      }
      const now = Date.now() + this.skew;
      const dueSoon = Date.parse(this.getAttribute("due-soon") ?? "");
      const state = now >= due ? "overdue" : !Number.isNaN(dueSoon) && now >= dueSoon ? "due-soon" : "running";
      const text = state === "overdue"
        ? fill(this.getAttribute("text-overdue"), this.duration(now - due), "-{0}")
        : fill(this.getAttribute("text-left"), this.duration(due - now), "{0}");
      if (this.text.textContent !== text) {
        this.text.textContent = text;
      }
      if (this.getAttribute("state") !== state) {
        this.setAttribute("state", state);
        this.dispatchEvent(new CustomEvent("countdown-state", { bubbles: true, detail: { state } }));
      }
    }
  }

  customElements.define("portal-countdown", PortalCountdown);
})();
