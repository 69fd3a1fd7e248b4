// Figure 4: JavaScript each page sends, gzipped by the bench (zlib level 9) from the production
// build. Baseline: the 404 page of the same build — the root layout and the framework with no page
// of ours, the closest thing to an empty page. A page's figure is the gzipped size of the scripts it
// loads that the baseline does not.
import { gzipSync } from "node:zlib";
import type { Browser } from "@playwright/test";
import type { BenchContext, FigureResult } from "./lib/context";
import { round } from "./lib/stats";
import { notAvailable, verdict, type Row } from "./lib/table";

export const PAGES = ["/", "/token", "/models", "/playground", "/config"];
const BASELINE_PATH = "/bench-no-such-page";
const BUDGET_KB = 60;

/** URL (without query) → gzipped bytes, for every script a fresh browser context loads for `path`. */
async function scriptsOf(browser: Browser, url: string): Promise<{ status: number; scripts: Map<string, number> }> {
  const context = await browser.newContext();
  // Link prefetching would load other pages' chunks (their RSC payload preloads its client
  // references): the figure is what this page needs, so prefetch requests are refused.
  await context.route("**/*", (route) => {
    const prefetch = Object.keys(route.request().headers()).some(
      (name) => name.startsWith("next-router-") && name.includes("prefetch"),
    );
    return prefetch ? route.abort() : route.continue();
  });
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const scripts = new Map<string, number>();
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      response.body().then(
        (body) => void scripts.set(response.url().split("?")[0], gzipSync(body, { level: 9 }).length),
        () => undefined,
      ),
    );
  });
  let status = 0;
  try {
    const response = await page.goto(url, { waitUntil: "load", timeout: 30_000 });
    status = response?.status() ?? 0;
    // Chunks loaded after hydration (lazy imports) count too.
    await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
    await Promise.all(pending);
  } finally {
    await context.close();
  }
  return { status, scripts };
}

const kb = (bytes: number) => bytes / 1000;
const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

export async function benchPageJs(ctx: BenchContext, browser: Browser): Promise<FigureResult> {
  const base = await scriptsOf(browser, `${ctx.app.url}${BASELINE_PATH}`);
  const baseKb = kb(total(base.scripts));
  const rows: Row[] = [];
  const pages: Record<string, unknown> = {};
  const sets: Set<string>[] = [];
  for (const path of PAGES) {
    const figure = `Page JS (gzip) above baseline: ${path}`;
    const { status, scripts } = await scriptsOf(browser, `${ctx.app.url}${path}`);
    if (status !== 200) {
      rows.push(
        notAvailable(
          `js.${path}`,
          figure,
          `≤ ${BUDGET_KB} kB`,
          status === 404 ? "page missing" : `page answered ${status}`,
        ),
      );
      continue;
    }
    sets.push(new Set(scripts.keys()));
    const extra = [...scripts].filter(([url]) => !base.scripts.has(url)).reduce((sum, [, size]) => sum + size, 0);
    const pageKb = kb(total(scripts));
    // The biggest chunks of its own, so an over-budget page says where to look.
    const largest = [...scripts]
      .filter(([url]) => !base.scripts.has(url))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([url, size]) => ({ chunk: url.slice(url.lastIndexOf("/") + 1), kb: round(kb(size)) }));
    pages[path] = { totalKb: round(pageKb), aboveBaselineKb: round(kb(extra)), scripts: scripts.size, largest };
    rows.push({
      id: `js.${path}`,
      figure,
      unit: "kB",
      median: round(kb(extra)),
      p95: null,
      baseline: `404 page ${baseKb.toFixed(1)} kB; page total ${pageKb.toFixed(1)} kB`,
      budget: `≤ ${BUDGET_KB} kB`,
      status: verdict(kb(extra) <= BUDGET_KB),
      samples: 1,
    });
  }
  // For reference: what every page shares (another possible baseline).
  const shared = sets.length > 0 ? [...sets[0]].filter((url) => sets.every((s) => s.has(url))) : [];
  const sharedKb = kb(shared.reduce((sum, url) => sum + (base.scripts.get(url) ?? 0), 0));
  return {
    rows,
    details: {
      gzipLevel: 9,
      kbIs: 1000,
      baseline: { path: BASELINE_PATH, status: base.status, kb: round(baseKb), scripts: base.scripts.size },
      sharedByAllPages: { scripts: shared.length, kbAlsoInBaseline: round(sharedKb) },
      pages,
    },
  };
}
