// `npm run bench`: builds the app into .next-bench when needed, starts the fake HF service (with a
// timing tap in front of its router) and the built dashboard on free 127.0.0.1 ports, measures the
// figures of issues 6 and 13, prints the table and writes bench/results.json. It stops by itself.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startFakeHf } from "../e2e/fake-hf/server";
import { benchBenchmark } from "./benchmark";
import { benchCatalog } from "./catalog";
import { benchChat } from "./chat";
import { benchColdStart } from "./cold-start";
import { benchConfig } from "./config";
import { killAllApps, startApp } from "./lib/app-process";
import { launchBrowser } from "./lib/browser";
import { DIST_DIR, ROOT, ensureBuild } from "./lib/build";
import type { BenchContext, FigureResult } from "./lib/context";
import { renderTable, type Row } from "./lib/table";
import { startTap } from "./lib/tap";
import { benchPageJs } from "./page-js";
import { benchPicker } from "./picker";

const WATCHDOG_MS = 15 * 60_000;
const TOKEN = "hf_BenchToken0123456789abcdefghijklmn";
/** `npm run bench -- --only=chat,catalog` runs a subset (names: chat, catalog, config, benchmark, picker, js, coldstart). */
const ONLY = process.argv
  .find((a) => a.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const wanted = (name: string) => !ONLY || ONLY.includes(name);
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function figure(name: string, run: () => Promise<FigureResult>): Promise<FigureResult> {
  log(`${name}…`);
  const started = performance.now();
  try {
    const result = await run();
    log(`${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } catch (err) {
    const message = err instanceof Error ? err.message.split("\n")[0] : String(err);
    log(`${name} failed: ${message}`);
    return {
      rows: [
        {
          id: name,
          figure: name,
          unit: "",
          median: null,
          p95: null,
          budget: "–",
          status: "n/a",
          note: `bench error: ${message.slice(0, 120)}`,
        },
      ],
      details: { error: message },
    };
  }
}

async function main(): Promise<number> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
  const build = await ensureBuild(log);
  if (!build.ok) {
    log(
      `next build failed${build.usingStale ? "; measuring the previous bench build" : ""}:\n${build.log.slice(-3000)}`,
    );
    if (!build.usingStale) return 1;
  }

  const fake = await startFakeHf();
  const tap = await startTap(fake.url);
  const stateDir = mkdtempSync(path.join(os.tmpdir(), "hfpd-bench-"));
  writeFileSync(path.join(stateDir, ".env"), `HF_TOKEN=${TOKEN}\n`, { mode: 0o600 });
  chmodSync(stateDir, 0o700);
  const appEnv = { OPENCLAW_STATE_DIR: stateDir, HF_ROUTER_URL: tap.routerUrl, HF_ENDPOINT: fake.url };
  const results: Record<string, FigureResult> = {};
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  try {
    log(`starting the dashboard from ${DIST_DIR}…`);
    const app = await startApp(appEnv, { readyPath: "/api/health", skipBuild: true });
    const ctx: BenchContext = { fake, tap, app, token: TOKEN, appEnv, log };
    try {
      if (wanted("chat")) results.chat = await figure("chat", () => benchChat(ctx));
      if (wanted("catalog")) results.catalog = await figure("catalog", () => benchCatalog(ctx));
      if (wanted("config")) results.config = await figure("config", () => benchConfig(ctx));
      if (wanted("benchmark")) results.benchmark = await figure("benchmark", () => benchBenchmark(ctx));
      if (wanted("picker") || wanted("js")) {
        browser = await launchBrowser();
        const b = browser;
        if (wanted("picker")) results.picker = await figure("picker", () => benchPicker(ctx, b));
        if (wanted("js")) results.pageJs = await figure("page JS", () => benchPageJs(ctx, b));
      }
    } finally {
      await browser?.close();
      await app.stop();
    }
    if (wanted("coldstart")) results.coldStart = await figure("cold start", () => benchColdStart(ctx));
  } finally {
    await tap.close();
    await fake.close();
    rmSync(stateDir, { recursive: true, force: true });
  }

  const rows: Row[] = Object.values(results).flatMap((r) => r.rows);
  const finishedAt = new Date();
  const report = {
    startedAt: startedAt.toISOString(),
    seconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 100) / 10,
    // 1/5/15-minute load averages: a figure taken on a busy machine says so here.
    machine: {
      cpus: os.cpus().length,
      node: process.version,
      loadAtStart,
      loadAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100),
    },
    build: {
      distDir: DIST_DIR,
      built: build.built,
      ok: build.ok,
      seconds: Math.round(build.seconds),
      usingStale: build.usingStale ?? false,
    },
    rows,
    details: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.details])),
  };
  writeFileSync(path.join(ROOT, "bench", "results.json"), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${renderTable(rows)}\n\n`);
  const failed = rows.filter((r) => r.status === "fail").length;
  const missing = rows.filter((r) => r.status === "n/a").length;
  process.stdout.write(
    `${rows.length} figures: ${failed} failed, ${missing} n/a. ${report.seconds} s, load ${loadAtStart[0]} → ${report.machine.loadAtEnd[0]} on ${report.machine.cpus} CPUs. Details in bench/results.json.\n`,
  );
  return failed > 0 ? 1 : 0;
}

const watchdog = setTimeout(() => {
  log(`still running after ${WATCHDOG_MS / 60_000} min: stopping`);
  killAllApps();
  process.exit(2);
}, WATCHDOG_MS);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killAllApps();
    process.exit(130);
  });
}
main()
  .then((code) => {
    clearTimeout(watchdog);
    process.exit(code);
  })
  .catch((err: unknown) => {
    log(err instanceof Error ? (err.stack ?? err.message) : String(err));
    killAllApps();
    process.exit(1);
  });
