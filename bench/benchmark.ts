// Figure 7: the provider benchmark (POST /api/models/benchmark). Its own fake (a model served by 10
// providers at their known speeds) and its own dashboard pointed straight at it, no tap in between,
// so the benchmark's measured time to first byte can be set beside the fake's own first-byte time
// for the very same requests: the difference is what the measurement itself adds. The same 10×10
// run gives the server's memory.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEFAULT_MODELS, live } from "../e2e/fake-hf/default-models";
import { PROVIDER_SPEEDS } from "../e2e/fake-hf/pacing";
import { startFakeHf } from "../e2e/fake-hf/server";
import type { FakeModel } from "../e2e/fake-hf/types";
import { BENCHMARK_LIMITS, type BenchmarkEvent, type BenchmarkProgress } from "../lib/benchmark/wire";
import { sampleRss, serverRssMb, startApp } from "./lib/app-process";
import type { BenchContext, FigureResult } from "./lib/context";
import { median, p95, round, summary } from "./lib/stats";
import { notAvailable, verdict, type Row } from "./lib/table";

const MODEL_ID = "bench-org/Bench-10-Providers";
const PROVIDERS = Object.keys(PROVIDER_SPEEDS).slice(0, 10);
const RUNS = 10;
const ADDED_BUDGET_MS = 1;
const RSS_BUDGET_MB = 400;

const BENCH_MODEL: FakeModel = {
  id: MODEL_ID,
  object: "model",
  created: 1767225600,
  owned_by: "bench-org",
  architecture: { input_modalities: ["text"], output_modalities: ["text"] },
  providers: PROVIDERS.map((p, i) =>
    live(p, { context_length: 32768, pricing: { input: 0.1 + i / 10, output: 0.5 + i / 5 }, throughput: 100 }),
  ),
};

async function runBenchmark(url: string): Promise<BenchmarkProgress[]> {
  const response = await fetch(`${url}/api/models/benchmark`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: MODEL_ID, providers: PROVIDERS, runs: RUNS, maxTokens: 64 }),
    signal: AbortSignal.timeout(120_000),
  });
  if (response.status !== 200) throw new Error(`POST /api/models/benchmark answered ${response.status}`);
  const events = (await response.text())
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as BenchmarkEvent);
  if (events.at(-1)?.type !== "summary") throw new Error("the benchmark ended without a summary");
  return events.filter((e): e is BenchmarkProgress => e.type === "progress");
}

export async function benchBenchmark(ctx: BenchContext): Promise<FigureResult> {
  const names = {
    added: `Benchmark: TTFT the measurement adds (${BENCHMARK_LIMITS.concurrency} concurrent)`,
    rss: `Benchmark: server RSS during a ${PROVIDERS.length}×${RUNS} benchmark`,
  };
  const fake = await startFakeHf({ models: [...DEFAULT_MODELS, BENCH_MODEL] });
  fake.setScenario({ pacing: "provider" });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "hfpd-bench-data-"));
  const app = await startApp(
    { ...ctx.appEnv, HF_ROUTER_URL: fake.routerUrl, HF_ENDPOINT: fake.url, DASHBOARD_DATA_DIR: dataDir },
    { readyPath: "/api/health", skipBuild: true },
  );
  try {
    const probe = await fetch(`${app.url}/api/models/benchmark`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: MODEL_ID, providers: PROVIDERS.slice(0, 2), runs: 1 }),
    });
    if (probe.status === 404) {
      return {
        rows: [
          notAvailable("benchmark.ttft.added", names.added, `< ${ADDED_BUDGET_MS} ms at the median`, "route missing"),
          notAvailable("benchmark.rss", names.rss, `peak < ${RSS_BUDGET_MB} MB`, "route missing"),
        ],
        details: {},
      };
    }
    await probe.text(); // warm-up: the route compiled, the catalog cached, sockets open
    fake.reset();
    fake.setScenario({ pacing: "provider" });
    const idleRss = serverRssMb(app);
    const sampler = sampleRss(app);
    const started = performance.now();
    const progress = await runBenchmark(app.url);
    const seconds = (performance.now() - started) / 1000;
    const rss = sampler.stop();

    // The fake's log in arrival order; a provider's runs go one after the other, so the nth call
    // to `model:provider` is that provider's run n.
    const calls = fake.requests().filter((r) => r.path === "/v1/chat/completions");
    const added: number[] = [];
    const fakeFirstByte: number[] = [];
    const measured: number[] = [];
    for (const provider of PROVIDERS) {
      const mine = calls.filter((c) => (c.body as { model?: string }).model === `${MODEL_ID}:${provider}`);
      for (const event of progress.filter((e) => e.provider === provider)) {
        const call = mine[event.run - 1];
        if (!event.ok || event.ttftMs === null || call?.firstByteMs == null) continue;
        added.push(event.ttftMs - call.firstByteMs);
        fakeFirstByte.push(call.firstByteMs);
        measured.push(event.ttftMs);
      }
    }
    const failures = progress.filter((e) => !e.ok).length;
    const addedMedian = median(added);
    const rows: Row[] = [
      {
        id: "benchmark.ttft.added",
        figure: names.added,
        unit: "ms",
        median: round(addedMedian, 3),
        p95: round(p95(added), 3),
        baseline: `fake's first byte ${round(median(fakeFirstByte), 1)} → measured ${round(median(measured), 1)} ms`,
        budget: `< ${ADDED_BUDGET_MS} ms at the median`,
        status: verdict(
          addedMedian !== null && addedMedian < ADDED_BUDGET_MS && failures === 0 && added.length === progress.length,
        ),
        note: `${added.length} of ${PROVIDERS.length * RUNS} runs matched, ${failures} failed, ${seconds.toFixed(1)} s`,
        samples: added.length,
      },
      {
        id: "benchmark.rss",
        figure: names.rss,
        unit: "MB",
        median: round(median(rss.samples), 0),
        p95: round(p95(rss.samples), 0),
        baseline: `idle ${idleRss.toFixed(0)} MB`,
        budget: `peak < ${RSS_BUDGET_MB} MB`,
        status: verdict(rss.peakMb > 0 && rss.peakMb < RSS_BUDGET_MB),
        note: `peak ${rss.peakMb.toFixed(0)} MB (+${(rss.peakMb - idleRss).toFixed(0)} over idle), ${rss.samples.length} samples`,
        samples: rss.samples.length,
      },
    ];
    return {
      rows,
      details: {
        providers: PROVIDERS,
        runs: RUNS,
        concurrency: BENCHMARK_LIMITS.concurrency,
        addedMs: summary(added),
        fakeFirstByteMs: summary(fakeFirstByte),
        measuredTtftMs: summary(measured),
        failures,
        seconds: round(seconds, 1),
        rssMb: { idle: round(idleRss, 1), peak: round(rss.peakMb, 1) },
      },
    };
  } finally {
    await app.stop();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
