import type { Page } from "@playwright/test";
import type { FakeHf, RecordedRequest, Scenario } from "./fake-hf/server";
import { expect, test } from "./fixtures";
import { writeConfig } from "./support/config-files";
import { ensureOpenClaw, openclaw, type CliResult } from "./support/openclaw-cli";

// The consumer is the judge: the configuration is set through the browser, the dashboard's "Run my
// configuration" (as the agent) predicts which router calls the agent makes, and the real OpenClaw
// agent (`openclaw agent --local`, 2026.9.6) then runs one turn against the same scripted fake
// router. The (model, try) sequence it sends must be the one the dashboard predicted.
const TOKEN = "hf_agentFailoverToken0001";
const PRIMARY = "huggingface/deepseek-ai/DeepSeek-V3.1:fastest";
const FALLBACK = "huggingface/openai/gpt-oss-120b";
const ALIAS = "Backup";
const V31 = "deepseek-ai/DeepSeek-V3.1";
const OSS = "openai/gpt-oss-120b";

type Call = [model: string, attempt: number];

test.beforeAll(async () => {
  test.setTimeout(15 * 60_000); // first run on a clean machine: npm installs Node 24 and openclaw
  await ensureOpenClaw();
});

/** The router model (prefix stripped, suffix kept) of each chat call, with its try number per model. */
function calls(requests: RecordedRequest[]): Call[] {
  const seen = new Map<string, number>();
  return requests
    .filter((r) => r.path === "/v1/chat/completions")
    .map((r) => {
      const model = (r.body as { model: string }).model;
      seen.set(model, (seen.get(model) ?? 0) + 1);
      return [model, seen.get(model)!];
    });
}

const routerModel = (ref: string) => ref.replace(/^huggingface\//, "");

/** A user's openclaw.json that points the provider at the fake router (discovery off, so nothing reaches huggingface.co), then the rest through the dashboard's pages. */
async function configureThroughBrowser(page: Page, fake: FakeHf, stateDir: string) {
  await writeConfig(stateDir, {
    models: {
      mode: "merge",
      providers: { huggingface: { baseUrl: fake.routerUrl, api: "openai-completions", models: [] } },
    },
    plugins: { entries: { huggingface: { enabled: true, config: { discovery: { enabled: false } } } } },
  });
  await page.goto("/token");
  await page.getByLabel("Hugging Face token", { exact: true }).fill(TOKEN);
  await page.getByRole("button", { name: /^Check and (save|replace)$/ }).click();
  await expect(page.getByTestId("token-result")).toContainText("Saved");

  await page.goto(`/models?model=${encodeURIComponent(V31)}`);
  const detail = page.getByTestId("model-detail");
  await detail.getByRole("radio", { name: /^Fastest/ }).check();
  await detail.getByRole("button", { name: "Set as primary" }).click();
  await expect(page.getByTestId("primary")).toContainText(PRIMARY);
  await page
    .getByRole("list", { name: "Models" })
    .getByRole("button")
    .filter({ has: page.getByText(OSS, { exact: true }) }) // a row is named by what it shows, its id included
    .click();
  await expect(detail.getByTestId("selected-ref").locator("code")).toHaveText(FALLBACK);
  await detail.getByRole("button", { name: "Add to fallbacks" }).click();
  const allow = page.getByTestId("allowlist");
  await allow.getByRole("button", { name: `Add an alias for ${FALLBACK}` }).click();
  await allow.getByLabel(`Alias for ${FALLBACK}`).fill(ALIAS);
  await allow.getByRole("button", { name: "Keep alias" }).click();
  const pending = page.getByTestId("pending-change");
  await pending.getByRole("button", { name: "Save to openclaw.json" }).click();
  await expect(page.getByRole("status")).toContainText("Saved to openclaw.json");
}

/** The dashboard's prediction: Run my configuration, as the agent; the attempts it made, as the page lists them. */
async function dashboardPrediction(page: Page): Promise<{ page: Call[]; summary: string }> {
  await page.goto("/playground");
  await page.getByRole("tab", { name: "Run my configuration" }).click();
  await page.getByRole("radio", { name: /^As the agent/ }).check();
  await page.getByRole("button", { name: "Run my configuration" }).click();
  const summary = page.getByTestId("run-config-summary");
  await expect(summary).not.toHaveText(/^(Running your configuration…)?$/, { timeout: 30_000 });
  const made: Call[] = [];
  for (const attempt of await page.getByTestId("attempt").all()) {
    const state = await attempt.getAttribute("data-state");
    if (state === "failed" || state === "answered")
      made.push([
        routerModel((await attempt.getAttribute("data-ref")) ?? ""),
        Number(await attempt.getAttribute("data-try")),
      ]);
  }
  return { page: made, summary: (await summary.textContent()) ?? "" };
}

/** One real agent turn, bounded, against the fake as scripted now. */
async function agentTurn(stateDir: string, extra: string[] = []): Promise<CliResult> {
  return openclaw(stateDir, ["agent", "--local", "-m", "Say hi", "--json", "--timeout", "60", ...extra]);
}

function trace(result: CliResult): { winnerModel?: string; fallbackUsed?: boolean } {
  const meta = (result.json?.meta ?? {}) as { executionTrace?: { winnerModel?: string; fallbackUsed?: boolean } };
  return meta.executionTrace ?? {};
}

/** The dashboard predicts, then the agent runs, each against a fresh copy of the same script. */
async function predictThenRun(page: Page, fake: FakeHf, stateDir: string, script: Partial<Scenario>) {
  fake.reset();
  fake.setScenario(script);
  const predicted = await dashboardPrediction(page);
  const dashboardCalls = calls(fake.requests());
  expect(predicted.page, "the page lists the calls the dashboard made").toEqual(dashboardCalls);
  fake.reset();
  fake.setScenario(script);
  const result = await agentTurn(stateDir);
  const agentCalls = calls(fake.requests());
  return { predicted, dashboardCalls, result, agentCalls, requests: fake.requests() };
}

test("the primary with its policy suffix and the token from <state>/.env on the wire, as predicted", async ({
  page,
  fake,
  stateDir,
}) => {
  test.setTimeout(180_000);
  await configureThroughBrowser(page, fake, stateDir);
  const { predicted, result, agentCalls, requests } = await predictThenRun(page, fake, stateDir, {});
  expect(predicted.page).toEqual([[`${V31}:fastest`, 1]]);
  expect(agentCalls, result.stderr.slice(-2000)).toEqual(predicted.page);
  expect(result.code).toBe(0);
  const call = requests.find((r) => r.path === "/v1/chat/completions")!;
  expect(call.headers.authorization).toBe(`Bearer ${TOKEN}`);
  // A real agent turn: a system prompt and tools offered, answered without a tool call.
  const body = call.body as { messages: { role: string }[]; tools?: unknown[] };
  expect(body.messages[0].role).toBe("system");
  expect(body.tools?.length).toBeGreaterThan(0);
  expect(trace(result)).toMatchObject({ winnerModel: `${V31}:fastest`, fallbackUsed: false });
  expect(predicted.summary).toBe(`Answered by primary: ${PRIMARY}, served by fireworks-ai.`);
});

test("an alias passed with --model is an explicit choice: its model on the wire, and no fallback", async ({
  page,
  fake,
  stateDir,
}) => {
  test.setTimeout(180_000);
  await configureThroughBrowser(page, fake, stateDir);
  // The dashboard's prediction for an explicit choice is its chat: this model only, and it says so.
  fake.reset();
  fake.setScenario({ chatByModel: { [OSS]: "error-400" } });
  await page.goto("/playground");
  await page.getByRole("combobox", { name: "Model (id, ref or alias)" }).fill(ALIAS);
  await expect(page.locator('[data-testid=agent-note][data-kind="no_fallback"]')).toContainText(`instead of trying`);
  await page.getByRole("textbox", { name: "Message" }).fill("Say hi");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByTestId("assistant-message").last().getByTestId("answer")).toHaveAttribute(
    "data-status",
    "error",
  );
  const predicted = calls(fake.requests());
  expect(predicted).toEqual([[OSS, 1]]);

  fake.reset();
  fake.setScenario({ chatByModel: { [OSS]: "error-400" } });
  const failed = await agentTurn(stateDir, ["--model", ALIAS]);
  expect(calls(fake.requests()), failed.stderr.slice(-2000)).toEqual(predicted);
  expect(failed.code).not.toBe(0);

  fake.reset();
  const answered = await agentTurn(stateDir, ["--model", ALIAS]);
  expect(calls(fake.requests())).toEqual([[OSS, 1]]);
  expect(answered.code).toBe(0);
  expect(fake.requests()[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
});

test("a 400 primary: the fallback at once, as predicted", async ({ page, fake, stateDir }) => {
  test.setTimeout(180_000);
  await configureThroughBrowser(page, fake, stateDir);
  const { predicted, result, agentCalls } = await predictThenRun(page, fake, stateDir, {
    chatByModel: { [V31]: "error-400" },
  });
  expect(predicted.page).toEqual([
    [`${V31}:fastest`, 1],
    [OSS, 1],
  ]);
  expect(agentCalls, result.stderr.slice(-2000)).toEqual(predicted.page);
  expect(trace(result)).toMatchObject({ winnerModel: OSS, fallbackUsed: true });
});

test("a 503 primary: same-model retries after the agent's waits, then the fallback, as predicted", async ({
  page,
  fake,
  stateDir,
}) => {
  test.setTimeout(180_000);
  await configureThroughBrowser(page, fake, stateDir);
  // Two 503s, then a 503 asking to come back in 120 s: past the agent's 90 s window, so it moves on
  // after two retries (about 1 s and 2 s) instead of a minute and a half.
  const { predicted, result, agentCalls } = await predictThenRun(page, fake, stateDir, {
    chatScript: { [V31]: ["error-503", "error-503", "error-503-retry-after"] },
  });
  expect(predicted.page).toEqual([
    [`${V31}:fastest`, 1],
    [`${V31}:fastest`, 2],
    [`${V31}:fastest`, 3],
    [OSS, 1],
  ]);
  expect(agentCalls, result.stderr.slice(-2000)).toEqual(predicted.page);
  expect(result.stderr).toContain("transient same-model retry 2/8");
  expect(trace(result)).toMatchObject({ winnerModel: OSS, fallbackUsed: true });
});

test("a 401 and a 402 primary: the next model at once, as predicted", async ({ page, fake, stateDir }) => {
  test.setTimeout(240_000);
  await configureThroughBrowser(page, fake, stateDir);
  for (const scenario of ["error-401", "error-402"] as const) {
    await test.step(scenario, async () => {
      const { predicted, result, agentCalls } = await predictThenRun(page, fake, stateDir, {
        chatByModel: { [V31]: scenario },
      });
      expect(predicted.page).toEqual([
        [`${V31}:fastest`, 1],
        [OSS, 1],
      ]);
      expect(agentCalls, result.stderr.slice(-2000)).toEqual(predicted.page);
      expect(trace(result)).toMatchObject({ winnerModel: OSS, fallbackUsed: true });
    });
  }
});
