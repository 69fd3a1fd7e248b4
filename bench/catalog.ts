// Figure 2: GET /api/models over a 2,000-model upstream: cold (?refresh=1), warm (cached), and
// whether 50 concurrent requests to a freshly started dashboard (empty cache) share one upstream
// call; also 50 concurrent ?refresh=1 while the upstream is slow, as the real list is.
import { startApp } from "./lib/app-process";
import { probe, whyMissing, type BenchContext, type FigureResult } from "./lib/context";
import { median, p95, round, summary } from "./lib/stats";
import { notAvailable, verdict, type Row } from "./lib/table";

const CATALOG_SIZE = 2000;
const COLD = 10;
const WARM = 50;
const CONCURRENT = 50;
/** The real list takes seconds; a slow upstream makes sure all 50 requests overlap one call. */
const SLOW_UPSTREAM_MS = 500;
const WARM_BUDGET_MS = 20;

/** Timed with fetch, which asks for gzip/deflate like a browser; `bytes` is the decoded size. */
async function timeGet(url: string): Promise<{ ms: number; status: number; bytes: number; encoding: string }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
    const body = await response.arrayBuffer();
    return {
      ms: performance.now() - started,
      status: response.status,
      bytes: body.byteLength,
      encoding: response.headers.get("content-encoding") ?? "identity",
    };
  } catch {
    return { ms: performance.now() - started, status: 0, bytes: 0, encoding: "" };
  }
}

function upstreamListCalls(ctx: BenchContext): number {
  return ctx.fake.requests().filter((r) => r.method === "GET" && r.path === "/v1/models").length;
}

function ratio(base: number | null, value: number | null, label: string): string {
  if (base === null || value === null) return "–";
  return `${label} ${base.toFixed(1)} ms (×${(value / base).toFixed(2)})`;
}

export async function benchCatalog(ctx: BenchContext): Promise<FigureResult> {
  const names = {
    cold: `Catalog: GET /api/models cold (${CATALOG_SIZE} models)`,
    warm: `Catalog: GET /api/models warm (${CATALOG_SIZE} models)`,
    shared: `Catalog: ${CONCURRENT} concurrent cold → upstream calls`,
    refresh: `Catalog: ${CONCURRENT} concurrent ?refresh=1 → upstream calls`,
  };
  ctx.fake.setScenario({ catalogSize: CATALOG_SIZE, models: "ok" });
  const first = await probe(`${ctx.app.url}/api/models?refresh=1`);
  if (first.status !== 200) {
    const why = whyMissing(first.status, first.text);
    return {
      rows: [
        notAvailable("catalog.cold", names.cold, "info", why),
        notAvailable("catalog.warm", names.warm, `< ${WARM_BUDGET_MS} ms at median`, why),
        notAvailable("catalog.shared", names.shared, "exactly 1", why),
        notAvailable("catalog.refresh", names.refresh, "exactly 1", why),
      ],
      details: { probe: { status: first.status, body: first.text.slice(0, 300) } },
    };
  }
  let modelCount = 0;
  try {
    modelCount = (JSON.parse(first.text) as { models?: unknown[] }).models?.length ?? 0;
  } catch {
    // counted as 0 below
  }

  // 50 concurrent requests to a dashboard whose cache is empty: a fresh process.
  const fresh = await startApp(ctx.appEnv, { readyPath: "/api/health", skipBuild: true });
  let before = upstreamListCalls(ctx);
  const burst = await Promise.all(Array.from({ length: CONCURRENT }, () => timeGet(`${fresh.url}/api/models`)));
  const sharedCalls = upstreamListCalls(ctx) - before;
  const burstOk = burst.filter((r) => r.status === 200).length;
  await fresh.stop();

  // 50 concurrent ?refresh=1 while a (slow, like the real one) upstream call is running.
  ctx.fake.setScenario({ models: "slow", modelsDelayMs: SLOW_UPSTREAM_MS });
  before = upstreamListCalls(ctx);
  const refreshBurst = await Promise.all(
    Array.from({ length: CONCURRENT }, () => timeGet(`${ctx.app.url}/api/models?refresh=1`)),
  );
  const refreshCalls = upstreamListCalls(ctx) - before;
  const refreshOk = refreshBurst.filter((r) => r.status === 200).length;
  ctx.fake.setScenario({ models: "ok" });

  // Cold and warm, each interleaved with its baseline: the fake's own list, and /api/health.
  const cold: number[] = [];
  const upstream: number[] = [];
  for (let i = 0; i < COLD; i++) {
    upstream.push((await timeGet(`${ctx.tap.routerUrl}/models`)).ms);
    cold.push((await timeGet(`${ctx.app.url}/api/models?refresh=1`)).ms);
  }
  await timeGet(`${ctx.app.url}/api/models`);
  const callsBeforeWarm = upstreamListCalls(ctx);
  const warm: number[] = [];
  const health: number[] = [];
  let warmBytes = 0;
  let warmEncoding = "";
  for (let i = 0; i < WARM; i++) {
    health.push((await timeGet(`${ctx.app.url}/api/health`)).ms);
    const answer = await timeGet(`${ctx.app.url}/api/models`);
    warm.push(answer.ms);
    warmBytes = answer.bytes;
    warmEncoding = answer.encoding;
  }
  const warmUpstreamCalls = upstreamListCalls(ctx) - callsBeforeWarm;

  const warmMedian = median(warm);
  const rows: Row[] = [
    {
      id: "catalog.cold",
      figure: names.cold,
      unit: "ms",
      median: round(median(cold)),
      p95: round(p95(cold)),
      baseline: ratio(median(upstream), median(cold), "upstream list"),
      budget: "info",
      status: "info",
      samples: cold.length,
      note: modelCount >= CATALOG_SIZE ? `${modelCount} models` : `only ${modelCount} models in the answer`,
    },
    {
      id: "catalog.warm",
      figure: names.warm,
      unit: "ms",
      median: round(warmMedian),
      p95: round(p95(warm)),
      baseline: ratio(median(health), warmMedian, "/api/health"),
      budget: `< ${WARM_BUDGET_MS} ms at median`,
      status: verdict(warmMedian !== null && warmMedian < WARM_BUDGET_MS && warmUpstreamCalls === 0),
      samples: warm.length,
      note: `${(warmBytes / 1024).toFixed(0)} KiB JSON sent ${warmEncoding}, ${warmUpstreamCalls} upstream calls`,
    },
    {
      id: "catalog.shared",
      figure: names.shared,
      unit: "",
      median: sharedCalls,
      p95: null,
      baseline: "–",
      budget: "exactly 1",
      status: verdict(sharedCalls === 1 && burstOk === CONCURRENT),
      note: `fresh server, ${burstOk}/${CONCURRENT} answered 200`,
    },
    {
      id: "catalog.refresh",
      figure: names.refresh,
      unit: "",
      median: refreshCalls,
      p95: null,
      baseline: "–",
      budget: "exactly 1",
      status: verdict(refreshCalls === 1 && refreshOk === CONCURRENT),
      note: `${refreshOk}/${CONCURRENT} answered 200, upstream takes ${SLOW_UPSTREAM_MS} ms`,
    },
  ];
  return {
    rows,
    details: {
      catalogSize: CATALOG_SIZE,
      modelsInAnswer: modelCount,
      coldMs: summary(cold),
      upstreamListMs: summary(upstream),
      warmMs: summary(warm),
      healthMs: summary(health),
      warmBodyBytes: warmBytes,
      warmEncoding,
      warmUpstreamCalls,
      concurrentCold: {
        requests: CONCURRENT,
        ok: burstOk,
        upstreamCalls: sharedCalls,
        ms: summary(burst.map((b) => b.ms)),
      },
      concurrentRefresh: {
        requests: CONCURRENT,
        ok: refreshOk,
        upstreamCalls: refreshCalls,
        upstreamDelayMs: SLOW_UPSTREAM_MS,
        ms: summary(refreshBurst.map((b) => b.ms)),
      },
    },
  };
}
