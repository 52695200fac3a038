// Small helpers the components call through JS interop. No inline script anywhere (the CSP forbids it).
window.portal = {
  // Light/dark choice for the next page load; not security-relevant, readable by the server's prerender.
  setTheme(mode) {
    document.cookie = `cp.theme=${mode === "dark" ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
  },
};

// A page with a static head (App.razor: <html data-static-head>, the live board loaded first) has no head outlet in its
// circuit, so another page reached through the circuit would keep this page's title: a link to another page loads it
// afresh. Caught before Blazor's own link handling (capture on window); links within the same page (pager, filters) stay
// in the circuit.
window.addEventListener("click", (event) => {
  if (!document.documentElement.hasAttribute("data-static-head") || event.defaultPrevented || event.button !== 0
    || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
    return;
  }
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!link || (link.target && link.target !== "_self") || link.hasAttribute("download")) {
    return;
  }
  const url = new URL(link.href, document.baseURI);
  if (url.origin === location.origin && url.pathname !== location.pathname) {
    event.stopPropagation(); // the browser follows the link itself: a full page load
  }
}, true);

// An export (a link marked data-export) is fetched here rather than followed, so that the link can say it is working
// while the server builds the file (a board of 47,000 open cases takes seconds): aria-busy on the link, which app.css
// draws as a spinner, then the file is saved under the server's name. An answer that is not the file (refused, an error,
// signed out) is shown as the browser would show it: the link is followed.
(() => {
  const fileName = (response, link) => {
    const header = response.headers.get("Content-Disposition") ?? "";
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (encoded) {
      return decodeURIComponent(encoded[1]);
    }
    const plain = /filename="?([^";]+)"?/i.exec(header);
    return plain ? plain[1] : (link.getAttribute("download") || new URL(link.href).pathname.split("/").pop());
  };
  window.addEventListener("click", async (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-export][href]") : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    if (link.getAttribute("aria-busy") === "true") {
      return;
    }
    link.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(link.href, { credentials: "same-origin" });
      if (!response.ok || response.redirected) {
        location.assign(link.href);
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const save = document.createElement("a");
      save.href = url;
      save.download = fileName(response, link);
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch {
      location.assign(link.href);
    } finally {
      link.removeAttribute("aria-busy");
    }
  }, true);
})();

// A paper form's print button (the page is static: no circuit to ask).
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-print]")) {
    window.print();
  }
});

// Light/dark: both palettes are in the static theme stylesheet (/theme.css); dark mode is a class on <html>.
// The switch works in the browser alone, so the circuit neither hears nor keeps it.
document.addEventListener("click", (event) => {
  const toggle = event.target instanceof Element ? event.target.closest("[data-theme-toggle]") : null;
  if (toggle) {
    const dark = document.documentElement.classList.toggle("portal-dark");
    window.portal.setTheme(dark ? "dark" : "light");
    const label = dark ? toggle.dataset.labelLight : toggle.dataset.labelDark;
    toggle.setAttribute("aria-label", label);
    toggle.setAttribute("title", label);
  }
  // A click outside an open menu (<details class="portal-menu">) closes it.
  for (const menu of document.querySelectorAll("details.portal-menu[open]")) {
    if (!(event.target instanceof Node && menu.contains(event.target))) {
      menu.removeAttribute("open");
    }
  }
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") {
    return;
  }
  for (const menu of document.querySelectorAll("details.portal-menu[open]")) {
    menu.removeAttribute("open");
    menu.querySelector("summary")?.focus();
  }
});

// The drawer (Components/Layout/MainLayout.razor): MudBlazor's responsive drawer written as markup, opened and
// closed here by switching MudBlazor's own classes, so the circuit neither hears nor keeps it. As MudDrawer does:
// from the md breakpoint (960 px) up it pushes the page aside and starts open; below, it starts closed, opens over
// the page with an overlay, and closes on the overlay, on a menu entry and when the window narrows.
(() => {
  const wide = window.matchMedia("(min-width: 960px)");
  const parts = () => {
    const layout = document.querySelector("[data-drawer-layout]");
    return layout && {
      layout,
      drawer: layout.querySelector(".portal-drawer"),
      overlay: layout.querySelector("[data-drawer-overlay]"),
      toggle: layout.querySelector("[data-drawer-toggle]"),
    };
  };
  // From 960 to 1279 px the open drawer is a rail of icons (app.css) that a mouse or the keyboard opens to its names. A
  // touch screen has neither: there the menu button opens the rail to its names over the page, and a tap on an entry or
  // beside the menu folds it back; pressed again while the names show, the button closes the menu.
  const rail = window.matchMedia("(min-width: 960px) and (max-width: 1279.98px)");
  const touch = window.matchMedia("(hover: none)");
  const peeking = ({ drawer }) => drawer.classList.contains("portal-drawer-peek");
  const peek = (p, on) => p.drawer.classList.toggle("portal-drawer-peek", on);
  const shown = ({ drawer }) =>
    drawer.classList.contains("mud-drawer--open") && (wide.matches || !drawer.classList.contains("mud-drawer--initial"));
  const set = (p, open, keepInitial = false) => {
    p.layout.classList.toggle("mud-drawer-open-responsive-md-left", open);
    p.drawer.classList.toggle("mud-drawer--open", open);
    p.drawer.classList.toggle("mud-drawer--closed", !open);
    p.overlay?.classList.toggle("mud-drawer-overlay--open", open);
    if (!keepInitial) {
      p.drawer.classList.remove("mud-drawer--initial");
      p.overlay?.classList.remove("mud-drawer--initial");
    }
    p.toggle?.setAttribute("aria-expanded", open ? "true" : "false");
  };
  // A narrow window starts closed (without the slide), also when the circuit renders the shell anew.
  const start = () => {
    const p = parts();
    if (p && !p.layout.dataset.drawerStarted) {
      p.layout.dataset.drawerStarted = "true";
      if (!wide.matches) {
        set(p, false, true);
      }
    }
  };
  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const p = target && parts();
    if (!p) {
      return;
    }
    if (target.closest("[data-drawer-toggle]")) {
      if (rail.matches && touch.matches && shown(p) && !peeking(p)) {
        peek(p, true);
      } else {
        peek(p, false);
        set(p, !shown(p));
      }
    } else if (target.closest("[data-drawer-overlay]") || (!wide.matches && target.closest(".portal-drawer a[href]"))) {
      set(p, false);
    } else if (peeking(p) && (!target.closest(".portal-drawer") || target.closest(".portal-drawer a[href]"))) {
      peek(p, false);
    }
  });
  wide.addEventListener("change", () => {
    const p = parts();
    if (p) {
      peek(p, false);
      set(p, wide.matches);
    }
  });
  rail.addEventListener("change", () => {
    const p = parts();
    if (p) {
      peek(p, false);
    }
  });
  document.addEventListener("DOMContentLoaded", () => {
    start();
    new MutationObserver(start).observe(document.body, { childList: true });
  });
})();

// The reconnect dialog (Components/Layout/ReconnectModal.razor): Blazor raises its state on the element.
(() => {
  const modal = () => document.getElementById("components-reconnect-modal");
  const retry = async () => {
    try {
      const resumed = await Blazor.reconnect();
      if (!resumed && !(await Blazor.resumeCircuit())) {
        location.reload();
      }
    } catch {
      location.reload();
    }
  };
  document.addEventListener("DOMContentLoaded", () => {
    const dialog = modal();
    if (!dialog) {
      return;
    }
    dialog.addEventListener("components-reconnect-state-changed", (event) => {
      const state = event.detail.state;
      dialog.dataset.state = state;
      if (state === "show" || state === "retrying" || state === "failed" || state === "paused" || state === "resume-failed") {
        if (!dialog.open) {
          dialog.showModal();
        }
      } else if (state === "hide") {
        dialog.close();
      } else if (state === "rejected") {
        location.reload();
      }
    });
    dialog.querySelector("[data-reconnect-retry]")?.addEventListener("click", retry);
    dialog.querySelector("[data-reconnect-reload]")?.addEventListener("click", () => location.reload());
  });
})();

// A rate chart whose department names slant (TimelinessCharts.BarsClass) is wrapped in <portal-chart-fit>. A slanted name
// hangs down and to the left of its bar, and a long one (English's "Customer Service (Complaint Room)", or any name an
// administrator gives) would run past the card's edge, where a scrolling card cuts it off. The element pads itself on the
// left by as much as the names hang past it, measured after each drawing and on each resize; the element itself is the
// browser's, not the circuit's, so a render of the chart does not undo its padding.
class PortalChartFit extends HTMLElement {
  connectedCallback() {
    this.mutations = new MutationObserver(() => this.schedule());
    this.mutations.observe(this, { childList: true, subtree: true, characterData: true });
    this.sizes = new ResizeObserver(() => this.schedule());
    this.sizes.observe(this);
    this.schedule();
  }

  disconnectedCallback() {
    this.mutations?.disconnect();
    this.sizes?.disconnect();
  }

  schedule() {
    if (!this.pending) {
      this.pending = true;
      requestAnimationFrame(() => {
        this.pending = false;
        this.fit();
      });
    }
  }

  fit() {
    // A chart drawn to a viewBox shrinks when it is padded, which moves its names again: a few rounds settle it.
    for (let round = 0; round < 4; round++) {
      const names = this.querySelectorAll(".mud-charts-xaxis text");
      if (names.length === 0) {
        return;
      }
      const left = Math.min(...Array.from(names, (name) => name.getBoundingClientRect().left));
      const padding = parseFloat(getComputedStyle(this).paddingLeft) || 0;
      const wanted = Math.max(0, Math.ceil(padding + this.getBoundingClientRect().left + 2 - left));
      if (Math.abs(wanted - padding) < 1) {
        return;
      }
      this.style.setProperty("--portal-chart-fit-pad", `${wanted}px`);
    }
  }
}
customElements.define("portal-chart-fit", PortalChartFit);
