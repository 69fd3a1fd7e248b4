import http from "node:http";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { PROVIDER_SPEEDS } from "./fake-hf/pacing";
import { expect, test as base } from "./fixtures";
import { expectNoSeriousAxeViolation } from "./support/axe";
import { readConfigJson, writeAgentConfig } from "./support/config-files";

// Benchmarking a model's providers from its detail: progress, the ranked table, the chart, "Use
// this provider" through the diff and save, Stop aborting every upstream call, and the history.
const MODEL = "openai/gpt-oss-120b";
const OSS = `huggingface/${MODEL}`;
const TOKEN = "hf_benchmarkSpecToken12345";

const test = base.extend<{ dataDir: string }>({
  dataDir: async ({ stateDir }, use) => use(path.join(stateDir, "dashboard-data")),
  appEnv: async ({ dataDir }, use) => use({ HF_TOKEN: TOKEN, DASHBOARD_DATA_DIR: dataDir }),
});

const chatCalls = (fake: { requests(): { path: string; body: unknown; aborted: boolean }[] }) =>
  fake.requests().filter((r) => r.path === "/v1/chat/completions");

async function openModel(page: Page) {
  await page.goto(`/models?model=${encodeURIComponent(MODEL)}`);
  await expect(page.getByTestId("benchmark")).toBeVisible();
  return page.getByTestId("benchmark");
}

test("ranks the providers by their measured speed, charts them, and pins the one chosen", async ({
  page,
  fake,
  stateDir,
  dataDir,
}) => {
  await writeAgentConfig(stateDir, { primary: OSS, aliases: { [OSS]: "Big" } });
  fake.setScenario({ pacing: "provider" });
  const panel = await openModel(page);
  await panel.getByLabel("Runs per provider").fill("2");
  await expect(panel.getByTestId("benchmark-estimate")).toContainText("8 requests of up to 64 tokens");
  await panel.getByRole("button", { name: "Run benchmark" }).click();
  await expect(panel.getByTestId("benchmark-progress")).toBeVisible();
  await expect(panel.getByTestId("benchmark-status")).toHaveText("8 of 8 runs done.");
  await expect(panel.getByTestId("benchmark-progress")).toHaveAttribute("value", "8");

  // The fake's providers have known speeds: the table ranks them by measured TTFT.
  const expected = ["groq", "cerebras", "together", "fireworks-ai"].sort(
    (a, b) => PROVIDER_SPEEDS[a].ttftMs - PROVIDER_SPEEDS[b].ttftMs,
  );
  const rows = panel.getByTestId("benchmark-results").locator("tbody tr");
  await expect(rows).toHaveCount(4);
  for (const [i, provider] of expected.entries()) await expect(rows.nth(i)).toHaveAttribute("data-provider", provider);
  const fastest = Object.entries(PROVIDER_SPEEDS)
    .filter(([name]) => expected.includes(name))
    .sort((a, b) => b[1].tokensPerSecond - a[1].tokensPerSecond)[0][0];
  await expect(rows.filter({ hasText: "Fastest" })).toHaveAttribute("data-provider", fastest);
  for (const row of await rows.all()) {
    await expect(row.getByTestId("benchmark-errors")).toHaveText("0");
    await expect(row.getByTestId("benchmark-ttft")).toHaveText(/^\d+ ms$/);
    await expect(row.getByTestId("benchmark-speed")).toHaveText(/^\d+ tok\/s$/);
  }
  // Every run went to the pinned provider (`:<provider>`), 2 each, with the same prompt.
  const calls = chatCalls(fake);
  expect(calls).toHaveLength(8);
  for (const provider of expected)
    expect(calls.filter((c) => (c.body as { model: string }).model === `${MODEL}:${provider}`)).toHaveLength(2);
  expect(new Set(calls.map((c) => JSON.stringify((c.body as { messages: unknown }).messages))).size).toBe(1);

  // The chart (loaded on demand): one point per provider, one TTFT bar per provider.
  const chart = panel.getByTestId("benchmark-chart");
  await expect(chart.getByTestId("benchmark-scatter").locator(".ct-point")).toHaveCount(4);
  await expect(chart.getByTestId("benchmark-bars").locator(".ct-bar")).toHaveCount(4);
  await expect(chart.getByTestId("benchmark-scatter")).toHaveAttribute("aria-label", new RegExp(`Fastest: ${fastest}`));
  await expectNoSeriousAxeViolation(page);

  // History: kept on disk (mode 0600) and shown.
  await expect(panel.getByTestId("benchmark-history-row")).toHaveCount(1);
  const file = path.join(dataDir, "benchmark-history.jsonl");
  expect((await stat(file)).mode & 0o777).toBe(0o600);
  const lines = (await readFile(file, "utf8")).trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(JSON.parse(lines[0])).toMatchObject({ model: MODEL, runs: 2, maxTokens: 64 });

  // "Use this provider": the diff, the save, the file.
  await rows
    .nth(1)
    .getByRole("button", { name: `Use ${expected[1]}` })
    .click();
  const pending = page.getByTestId("pending-change");
  await expect(pending.getByTestId("config-diff")).toContainText(`${OSS}:${expected[1]}`);
  await pending.getByRole("button", { name: "Save to openclaw.json" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved to openclaw.json" })).toBeVisible();
  const saved = await readConfigJson(stateDir);
  expect(saved.agents.defaults.model.primary).toBe(`${OSS}:${expected[1]}`);
  expect(saved.agents.defaults.models[`${OSS}:${expected[1]}`]).toEqual({ alias: "Big" });
  await expect(rows.nth(1).getByRole("button")).toHaveText(`${expected[1]} in use`);
  await expect(rows.nth(1).getByRole("button")).toBeDisabled();

  // A later visit shows the history from the file.
  await page.reload();
  await expect(page.getByTestId("benchmark-history-row")).toHaveCount(1);
  await expect(page.getByTestId("benchmark-history")).toContainText(expected[0]);
});

test("for a model the agent does not use, Use <provider> picks it as the detail's policy", async ({
  page,
  fake,
  stateDir,
}) => {
  await writeAgentConfig(stateDir, { primary: "huggingface/deepseek-ai/DeepSeek-R1" });
  fake.setScenario({ pacing: "provider" });
  const panel = await openModel(page);
  await panel.getByLabel("Runs per provider").fill("1");
  await panel.getByRole("checkbox", { name: "together" }).uncheck();
  await panel.getByRole("checkbox", { name: "fireworks-ai" }).uncheck();
  await expect(panel.getByTestId("benchmark-estimate")).toContainText("2 requests");
  await panel.getByRole("button", { name: "Run benchmark" }).click();
  await expect(panel.getByTestId("benchmark-status")).toHaveText("2 of 2 runs done.");
  expect(
    chatCalls(fake)
      .map((c) => (c.body as { model: string }).model)
      .sort(),
  ).toEqual([`${MODEL}:cerebras`, `${MODEL}:groq`].sort());
  await expect(panel.getByText("Your agent does not use this model yet")).toBeVisible();
  await panel.getByRole("button", { name: "Use groq", exact: true }).click();
  await expect(page.getByTestId("selected-ref")).toContainText(`${OSS}:groq`);
  await expect(page.getByTestId("pending-change")).toHaveCount(0);
});

test("Stop aborts every upstream call, and a stopped benchmark is not kept", async ({
  page,
  fake,
  stateDir,
  dataDir,
}) => {
  await writeAgentConfig(stateDir, { primary: OSS });
  fake.setScenario({ chat: "hang-after-first" });
  const panel = await openModel(page);
  await panel.getByRole("button", { name: "Run benchmark" }).click();
  // One run per provider in flight (the runs of one provider go one after the other).
  await expect.poll(() => chatCalls(fake).length).toBe(4);
  await panel.getByRole("button", { name: "Stop" }).click();
  await expect(panel.getByTestId("benchmark-status")).toContainText("Stopped after 0 of 12 runs");
  await expect.poll(() => chatCalls(fake).filter((c) => c.aborted).length).toBe(4);
  await expect(panel.getByRole("button", { name: "Run benchmark" })).toBeEnabled();
  expect(chatCalls(fake)).toHaveLength(4);
  await expect(panel.getByText("No earlier benchmark of this model.")).toBeVisible();
  await expect(stat(path.join(dataDir, "benchmark-history.jsonl"))).rejects.toThrow();
});

test("closing the connection aborts the runs upstream", async ({ app, fake, stateDir }) => {
  await writeAgentConfig(stateDir, { primary: OSS });
  fake.setScenario({ chat: "hang-after-first" });
  const url = new URL("/api/models/benchmark", app.url);
  const body = JSON.stringify({ model: MODEL, runs: 5, providers: ["groq", "together"] });
  const request = http.request(url, {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
  });
  request.on("error", () => {});
  // No run ends while the providers hang, so nothing (not even the headers) has to arrive first.
  request.end(body);
  await expect.poll(() => chatCalls(fake).length).toBe(2);
  request.destroy();
  await expect.poll(() => chatCalls(fake).filter((c) => c.aborted).length).toBe(2);
  expect(chatCalls(fake)).toHaveLength(2);
});

test("refuses bad input with a clear 4xx", async ({ request }) => {
  const runs = await request.post("/api/models/benchmark", { data: { model: MODEL, runs: 11 } });
  expect(runs.status()).toBe(400);
  expect((await runs.json()).error.message).toContain("runs");
  const provider = await request.post("/api/models/benchmark", {
    data: { model: MODEL, runs: 1, providers: ["novita"] },
  });
  expect(provider.status()).toBe(400);
  expect((await provider.json()).error.message).toContain("Not a live provider of openai/gpt-oss-120b: novita");
  const unknown = await request.post("/api/models/benchmark", { data: { model: "nobody/nothing", runs: 1 } });
  expect(unknown.status()).toBe(404);
  const history = await request.get("/api/models/benchmark/history?model=../../etc");
  expect(history.status()).toBe(400);
});
