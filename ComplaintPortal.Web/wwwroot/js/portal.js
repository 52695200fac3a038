// Small helpers the components call through JS interop. No inline script anywhere (the CSP forbids it).
window.portal = {
  // Light/dark choice for the next page load; not security-relevant, readable by the server's prerender.
  setTheme(mode) {
    document.cookie = `cp.theme=${mode === "dark" ? "dark" : "light"}; path=/; max-age=31536000; samesite=lax`;
  },
};

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
