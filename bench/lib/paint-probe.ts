// In-page instrumentation for the picker figure, injected as a string so it runs in the browser.
// keydown (capture) starts the clock; every DOM mutation after it schedules rAF + a task, which
// runs once the frame with that mutation is painted; the keystroke's time is that of the last
// paint before the DOM goes quiet.
export const PAINT_PROBE = `
(() => {
  const b = (window.__bench = { t0: 0, lastMutation: 0, lastPaint: 0, mutations: 0, region: null });
  document.addEventListener("keydown", () => {
    b.t0 = performance.now(); b.lastMutation = 0; b.lastPaint = 0; b.mutations = 0;
  }, true);
  new MutationObserver((records) => {
    if (!b.t0) return;
    // Only the picker's own region counts, not a clock ticking elsewhere on the page.
    if (b.region && !records.some((r) => b.region.contains(r.target))) return;
    b.mutations++;
    b.lastMutation = performance.now();
    requestAnimationFrame(() => setTimeout(() => { b.lastPaint = performance.now(); }, 0));
  // The document itself: init scripts run before <html> exists.
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();
`;

/** Resolves once the DOM has been quiet for `quietMs` after a keystroke (or `maxMs` passed). */
export const WAIT_SETTLED = `
(async ([quietMs, maxMs]) => {
  const b = window.__bench;
  const start = performance.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 10));
    const now = performance.now();
    if (b.lastMutation && b.lastPaint >= b.lastMutation && now - b.lastMutation >= quietMs) {
      return { latency: b.lastPaint - b.t0, mutations: b.mutations };
    }
    if (now - start > maxMs) return { latency: null, mutations: b.mutations };
  }
})
`;

/** Rows of the model list in the DOM (components/models/model-list.tsx: listitems in data-testid=model-list). */
export const COUNT_ROWS = `
(() => {
  const selectors = ['[data-testid="model-list"] [role="listitem"]', '[role="listbox"] [role="option"]', '[role="grid"] [role="row"]', '[data-testid="model-row"]'];
  for (const selector of selectors) {
    const rows = [...document.querySelectorAll(selector)];
    if (rows.length === 0) continue;
    const heights = rows.map((r) => r.getBoundingClientRect().height).filter((h) => h > 0).sort((a, b) => a - b);
    return { selector, count: rows.length, rowHeight: heights.length ? heights[Math.floor(heights.length / 2)] : 0, viewport: innerHeight };
  }
  return { selector: null, count: 0, rowHeight: 0, viewport: innerHeight };
})()
`;

/** Narrows the probe to the smallest element holding both the search box and the model list. */
export const SET_REGION = `
(() => {
  const label = [...document.querySelectorAll("label")].find((l) => /search models/i.test(l.textContent || ""));
  let node = (label && label.control) || document.querySelector('input[type="search"]');
  while (node && !node.querySelector?.('[data-testid="model-list"]')) node = node.parentElement;
  window.__bench.region = node || null;
  return node ? node.tagName.toLowerCase() + (node.getAttribute("aria-labelledby") ? "[aria-labelledby=" + node.getAttribute("aria-labelledby") + "]" : "") : "document";
})()
`;
