// Figure 5: `node scripts/start.mjs` on a built app until GET / (the overview) answers 200.
// Baseline: a bare Node HTTP server started and polled the same way, so a slow machine shows.
import { spawn } from "node:child_process";
import { freePort, startApp } from "./lib/app-process";
import { ensureBuild } from "./lib/build";
import type { BenchContext, FigureResult } from "./lib/context";
import { median, p95, round, summary } from "./lib/stats";
import { verdict } from "./lib/table";

const RUNS = 5;
const BUDGET_MS = 2000;

async function bareNodeStart(): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["-e", `require("http").createServer((q,s)=>s.end("ok")).listen(${port},"127.0.0.1")`],
    { stdio: "ignore" },
  );
  try {
    for (let i = 0; i < 2000; i++) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        await response.text();
        if (response.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return Number.NaN;
  } finally {
    child.kill("SIGKILL");
  }
}

export async function benchColdStart(ctx: BenchContext): Promise<FigureResult> {
  const figure = "Cold start: npm start → GET / answers 200";
  const starts: number[] = [];
  const bare: number[] = [];
  let rebuilt = 0;
  const errors: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(await bareNodeStart());
    try {
      // Sources edited by someone meanwhile: build first, so start.mjs finds the build fresh.
      await ensureBuild(ctx.log);
      const app = await startApp(ctx.appEnv, { readyPath: "/", timeoutMs: 60_000 });
      await app.stop();
      // A source edit after the bench's build makes start.mjs build first: not a cold start.
      if (app.rebuilt()) rebuilt++;
      else starts.push(app.readyMs);
    } catch (err) {
      errors.push(err instanceof Error ? err.message.split("\n")[0] : String(err));
    }
  }
  const med = median(starts);
  const bareMed = median(bare.filter(Number.isFinite));
  const notes = [
    rebuilt > 0 ? `${rebuilt} runs rebuilt, dropped` : "",
    errors.length > 0 ? `${errors.length} failed: ${errors[0]}` : "",
  ].filter(Boolean);
  return {
    rows: [
      {
        id: "coldstart",
        figure,
        unit: "ms",
        median: round(med, 0),
        p95: round(p95(starts), 0),
        baseline:
          bareMed === null || med === null
            ? "–"
            : `bare node ${bareMed.toFixed(0)} ms (×${(med / bareMed).toFixed(1)})`,
        budget: `< ${BUDGET_MS} ms`,
        status: starts.length === 0 ? "n/a" : verdict(med !== null && med < BUDGET_MS && errors.length === 0),
        samples: starts.length,
        note: notes.join("; ") || undefined,
      },
    ],
    details: { runs: RUNS, startMs: summary(starts), bareNodeMs: summary(bare), rebuilt, errors },
  };
}
