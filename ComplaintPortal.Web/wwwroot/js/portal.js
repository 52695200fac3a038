// Small helpers the components call through JS interop. No inline script anywhere (the CSP forbids it).
window.portal = {
  // Light/dark choice for the next page load; not security-relevant, readable by the server's prerender.
  setTheme(mode) {
    document.cookie = `cp.theme=${mode === "dark" ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
  },
};

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
