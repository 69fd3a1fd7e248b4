import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ProviderSummary } from "@/lib/benchmark/wire";
import { MAX_RECORDS, appendHistory, historyPath, parseHistory, readHistory } from "./history";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hfpd-history-"));
  process.env.DASHBOARD_DATA_DIR = path.join(dir, "data");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env.DASHBOARD_DATA_DIR;
});

const summary = (provider: string, ttft: number): ProviderSummary => ({
  provider,
  runs: 3,
  errors: 0,
  ttftMsP50: ttft,
  ttftMsP95: ttft + 5,
  tokensPerSecondP50: 100,
  costUsdPerRun: 0.00001,
  advertised: { throughput: 90, firstTokenLatencyMs: 300, inputPrice: 0.1, outputPrice: 0.5 },
});
const entry = (model: string, ttft = 40) => ({
  model,
  runs: 3,
  maxTokens: 64,
  customPrompt: false,
  providers: [summary("groq", ttft)],
});

describe("the benchmark history", () => {
  it("lives in DASHBOARD_DATA_DIR as JSON Lines, mode 0600 in a 0700 folder", async () => {
    await appendHistory(entry("openai/gpt-oss-120b"));
    expect(historyPath()).toBe(path.join(dir, "data", "benchmark-history.jsonl"));
    const text = readFileSync(historyPath(), "utf8");
    expect(text.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(text).model).toBe("openai/gpt-oss-120b");
    expect(statSync(historyPath()).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(historyPath())).mode & 0o777).toBe(0o700);
  });

  it("answers newest first, per model", async () => {
    await appendHistory(entry("a/one", 10));
    await appendHistory(entry("b/two", 20));
    await appendHistory(entry("a/one", 30));
    const one = await readHistory("a/one");
    expect(one.map((r) => r.providers[0].ttftMsP50)).toEqual([30, 10]);
    expect((await readHistory()).map((r) => r.model)).toEqual(["a/one", "b/two", "a/one"]);
  });

  it(`keeps the newest ${MAX_RECORDS}, trimmed by an atomic rewrite`, async () => {
    const lines = Array.from({ length: MAX_RECORDS }, (_, i) =>
      JSON.stringify({ id: `old-${i}`, at: new Date(i * 1000).toISOString(), ...entry("a/one", i) }),
    );
    mkdirSync(path.dirname(historyPath()), { recursive: true, mode: 0o700 });
    writeFileSync(historyPath(), `${lines.join("\n")}\n`, { mode: 0o600 });
    await appendHistory(entry("a/one", 999));
    const all = await readHistory();
    expect(all).toHaveLength(MAX_RECORDS);
    expect(all[0].providers[0].ttftMsP50).toBe(999);
    expect(all.at(-1)?.id).toBe("old-1"); // old-0 dropped
  });

  it("skips a torn last line (a crash mid-write) and drops it at the next save", async () => {
    await appendHistory(entry("a/one", 10));
    const good = readFileSync(historyPath(), "utf8");
    writeFileSync(historyPath(), `${good}{"id":"torn","at":"2026-12-0`);
    expect(await readHistory()).toHaveLength(1);
    await appendHistory(entry("a/one", 20));
    const text = readFileSync(historyPath(), "utf8");
    expect(text).not.toContain("torn");
    expect(text.endsWith("\n")).toBe(true);
    expect(await readHistory()).toHaveLength(2);
  });

  it("ignores lines that are JSON but not records", () => {
    expect(parseHistory('{"hello":1}\n[1,2]\nnull\n\n')).toEqual([]);
  });

  it("is empty before the first benchmark", async () => {
    expect(await readHistory()).toEqual([]);
  });
});
