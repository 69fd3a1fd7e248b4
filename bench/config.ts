// Figure 6: GET /api/config with a 2 MB openclaw.json (the largest the dashboard reads), written
// anew before each request so every one reads, parses and masks the whole file, interleaved with
// the same request on a 2 kB file. While each 2 MB request runs, /api/health is called in a loop:
// the server is one thread, so its latency shows how long any work on the file holds it.
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { probe, whyMissing, type BenchContext, type FigureResult } from "./lib/context";
import { median, p95, round, summary } from "./lib/stats";
import { notAvailable, verdict, type Row } from "./lib/table";

const RUNS = 8;
const BUDGET_MS = 1000;
const HEALTH_BUDGET_MS = 500;
const SECRET = `bench-secret-${"s".repeat(20_000)}`;

/** About 2 MB as OpenClaw writes it: long strings in arrays under model refs, a 20 kB secret. */
function configText(size: "small" | "big", run: number): string {
  const models: Record<string, unknown> = { "huggingface/deepseek-ai/DeepSeek-R1": { alias: "Hugging Face" } };
  const long = size === "big" ? 40_000 : 20;
  for (let i = 0; i < 48; i++)
    models[`huggingface/org/model-${i}`] = { params: { notes: [`${"x".repeat(long)}${i}`] } };
  const config = {
    agents: { defaults: { model: { primary: "huggingface/deepseek-ai/DeepSeek-R1" }, models } },
    plugins: { entries: { other: { config: { apiKey: size === "big" ? SECRET : "small-secret", run } } } },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

async function timeGet(url: string): Promise<{ ms: number; status: number; text: string }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
    const text = await response.text();
    return { ms: performance.now() - started, status: response.status, text };
  } catch {
    return { ms: performance.now() - started, status: 0, text: "" };
  }
}

export async function benchConfig(ctx: BenchContext): Promise<FigureResult> {
  const names = {
    big: "Config: GET /api/config, 2 MB file (read, parse, mask)",
    health: "Config: GET /api/health during those requests",
  };
  const file = path.join(ctx.appEnv.OPENCLAW_STATE_DIR, "openclaw.json");
  const url = `${ctx.app.url}/api/config`;
  try {
    writeFileSync(file, configText("small", -1), { mode: 0o600 });
    const first = await probe(url);
    if (first.status !== 200) {
      const why = whyMissing(first.status, first.text);
      return {
        rows: [
          notAvailable("config.big", names.big, `< ${BUDGET_MS} ms at median`, why),
          notAvailable("config.health", names.health, `< ${HEALTH_BUDGET_MS} ms at p95`, why),
        ],
        details: { probe: { status: first.status, body: first.text.slice(0, 300) } },
      };
    }
    const big: number[] = [];
    const small: number[] = [];
    const idleHealth: number[] = [];
    const busyHealth: number[] = [];
    let bytes = 0;
    let masked = true;
    let failures = 0;
    for (let run = 0; run < RUNS; run++) {
      idleHealth.push((await timeGet(`${ctx.app.url}/api/health`)).ms);
      writeFileSync(file, configText("small", run));
      small.push((await timeGet(url)).ms);
      const text = configText("big", run);
      bytes = text.length;
      writeFileSync(file, text);
      let done = false;
      const request = timeGet(url).finally(() => (done = true));
      while (!done) busyHealth.push((await timeGet(`${ctx.app.url}/api/health`)).ms);
      const answer = await request;
      big.push(answer.ms);
      if (answer.status !== 200) failures++;
      else if (answer.text.includes(SECRET) || !answer.text.includes('\\"apiKey\\": \\"••••••••\\"')) masked = false;
    }
    const bigMedian = median(big);
    const healthP95 = p95(busyHealth);
    const rows: Row[] = [
      {
        id: "config.big",
        figure: names.big,
        unit: "ms",
        median: round(bigMedian),
        p95: round(p95(big)),
        baseline: `2 kB file ${median(small)?.toFixed(1)} ms`,
        budget: `< ${BUDGET_MS} ms at median`,
        status: verdict(bigMedian !== null && bigMedian < BUDGET_MS && failures === 0 && masked),
        samples: big.length,
        note: `${(bytes / 1e6).toFixed(2)} MB file, ${failures} failed, secret ${masked ? "masked" : "NOT masked"}`,
      },
      {
        id: "config.health",
        figure: names.health,
        unit: "ms",
        median: round(median(busyHealth)),
        p95: round(healthP95),
        baseline: `idle ${median(idleHealth)?.toFixed(1)} ms`,
        budget: `< ${HEALTH_BUDGET_MS} ms at p95`,
        status: verdict(healthP95 !== null && healthP95 < HEALTH_BUDGET_MS),
        samples: busyHealth.length,
        note: `max ${Math.max(...busyHealth).toFixed(0)} ms`,
      },
    ];
    return {
      rows,
      details: {
        fileBytes: bytes,
        bigMs: summary(big),
        smallMs: summary(small),
        healthDuringMs: summary(busyHealth),
        healthIdleMs: summary(idleHealth),
        failures,
        masked,
      },
    };
  } finally {
    rmSync(file, { force: true }); // the other figures run without a config, as before
  }
}
