import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { writeAgentConfig, writeConfig } from "../support/config-files";
import { TOKEN, chatBodies, chooseModel, openPlayground } from "./helpers";

// "Run my configuration" follows OpenClaw's failover rules: quick mode tries each model once and
// says what the agent would do; "as the agent" retries the same model after the agent's waits,
// with a countdown, and Stop ends it all. The chat says where its model differs from the agent.
test.use({ appEnv: { HF_TOKEN: TOKEN } });

const PRIMARY = "huggingface/deepseek-ai/DeepSeek-V3.1:fastest";
const FALLBACK = "huggingface/Qwen/Qwen3-8B";
const V31 = "deepseek-ai/DeepSeek-V3.1";

async function openRunConfig(page: Page, mode: "Quick" | "As the agent") {
  await openPlayground(page);
  await page.getByRole("tab", { name: "Run my configuration" }).click();
  await page.getByRole("radio", { name: new RegExp(`^${mode}`) }).check();
}

/** The (ref, try) of each attempt that was made, as the page lists them. */
async function madeAttempts(attempts: Locator): Promise<[string, number][]> {
  const out: [string, number][] = [];
  for (const a of await attempts.all()) {
    const state = await a.getAttribute("data-state");
    if (state === "failed" || state === "answered")
      out.push([(await a.getAttribute("data-ref")) ?? "", Number(await a.getAttribute("data-try"))]);
  }
  return out;
}

test("quick: one try per model, what the agent would do beside the 503, and how long the agent would take", async ({
  page,
  fake,
  stateDir,
}) => {
  await writeAgentConfig(stateDir, { primary: PRIMARY, fallbacks: [FALLBACK] });
  fake.setScenario({ chatByModel: { [V31]: "error-503" } });
  await openRunConfig(page, "Quick");
  await page.getByRole("button", { name: "Run my configuration" }).click();
  await expect(page.getByTestId("run-config-summary")).toHaveText(
    `Answered by fallback 1: ${FALLBACK}, served by nscale.`,
  );
  const attempts = page.getByTestId("attempt");
  await expect(attempts).toHaveCount(2);
  await expect(attempts.nth(0).getByTestId("attempt-next")).toHaveText(
    "What the agent does: 503 from fireworks-ai (a provider failure): the agent retries this model up to 8 times within 90 s, then tries the next model.",
  );
  await expect(attempts.nth(0).getByTestId("attempt-next")).toHaveAttribute("data-action", "next");
  // 1 + 2 + 4 + 8 + 16 + 30 s of waits had the primary kept failing, plus the two calls.
  await expect(page.getByTestId("run-config-agent-time")).toHaveText(
    /^The agent would have taken about 6\d s over its router calls, if each model it retries kept failing \(61 s of it waiting between tries\)\.$/,
  );
  expect(chatBodies(fake.requests()).map((b) => b.model)).toEqual([`${V31}:fastest`, "Qwen/Qwen3-8B"]);
});

test("quick: an error in the middle of an answer is where the agent stops", async ({ page, fake, stateDir }) => {
  await writeAgentConfig(stateDir, { primary: PRIMARY, fallbacks: [FALLBACK] });
  fake.setScenario({ chatByModel: { [V31]: "midstream-error" } });
  await openRunConfig(page, "Quick");
  await page.getByRole("button", { name: "Run my configuration" }).click();
  await expect(page.getByTestId("run-config-summary")).toHaveText(
    "The agent stops at the primary: it tries no other model after this failure.",
  );
  await expect(page.getByTestId("attempt").nth(1)).toHaveAttribute("data-state", "not-tried");
  expect(chatBodies(fake.requests())).toHaveLength(1);
});

test("as the agent: same-model retries after the agent's waits, with a countdown, then the fallback", async ({
  page,
  fake,
  stateDir,
}) => {
  await writeAgentConfig(stateDir, { primary: PRIMARY, fallbacks: [FALLBACK] });
  // Two 503s, then one asking to come back in 120 s: longer than the agent's 90 s window.
  fake.setScenario({ chatScript: { [V31]: ["error-503", "error-503", "error-503-retry-after"] } });
  await openRunConfig(page, "As the agent");
  await page.getByRole("button", { name: "Run my configuration" }).click();
  const attempts = page.getByTestId("attempt");
  await expect(attempts.nth(1)).toHaveAttribute("data-state", "waiting");
  await expect(attempts.nth(1).getByRole("timer")).toHaveText(/^The agent retries in \d(\.\d)? s\.$/);
  await expect(page.getByTestId("run-config-summary")).toHaveText(
    `Answered by fallback 1: ${FALLBACK}, served by nscale.`,
    { timeout: 20_000 },
  );
  expect(await madeAttempts(attempts)).toEqual([
    [PRIMARY, 1],
    [PRIMARY, 2],
    [PRIMARY, 3],
    [FALLBACK, 1],
  ]);
  const next = attempts.getByTestId("attempt-next");
  await expect(next).toHaveText([
    "What the agent does: 503 from fireworks-ai (a provider failure): the agent waits about 1 s, then retries this model (retry 1 of at most 8).",
    "What the agent does: 503 from fireworks-ai (a provider failure): the agent waits about 2 s, then retries this model (retry 2 of at most 8).",
    "What the agent does: 503 from fireworks-ai (a provider failure): the router asked to wait longer than the agent would, so it tries the next model at once.",
  ]);
  await expect(page.getByTestId("run-config-agent-time")).toHaveText(
    /^The agent would have taken about 3(\.\d)? s over its router calls \(3(\.\d)? s of it waiting between tries\)\.$/,
  );
  expect(chatBodies(fake.requests()).map((b) => b.model)).toEqual([
    `${V31}:fastest`,
    `${V31}:fastest`,
    `${V31}:fastest`,
    "Qwen/Qwen3-8B",
  ]);
  // The tries really waited: about 1 s, then about 2 s.
  const at = fake
    .requests()
    .filter((r) => r.path === "/v1/chat/completions")
    .map((r) => r.at);
  expect(at[1] - at[0]).toBeGreaterThanOrEqual(1000);
  expect(at[2] - at[1]).toBeGreaterThanOrEqual(2000);
});

test("as the agent: Stop during the wait ends everything, no retry is sent", async ({ page, fake, stateDir }) => {
  await writeAgentConfig(stateDir, { primary: PRIMARY, fallbacks: [FALLBACK] });
  fake.setScenario({ chat: "error-429" }); // the first wait is short, the rest would run for minutes
  await openRunConfig(page, "As the agent");
  await page.getByRole("button", { name: "Run my configuration" }).click();
  const attempts = page.getByTestId("attempt");
  await expect(attempts.nth(2)).toHaveAttribute("data-state", "waiting", { timeout: 15_000 });
  const calls = chatBodies(fake.requests()).length;
  expect(calls).toBe(2);
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(page.getByTestId("run-config-summary")).toHaveText("Stopped.");
  await expect(attempts.nth(2)).toHaveAttribute("data-state", "stopped");
  await expect(attempts.nth(3)).toHaveAttribute("data-state", "not-tried");
  await expect(page.getByRole("timer")).toHaveCount(0);
  expect(chatBodies(fake.requests())).toHaveLength(calls);
  // The page is free for the next run, which starts from the primary again.
  fake.setScenario({ chat: "ok" });
  await page.getByRole("button", { name: "Run my configuration" }).click();
  await expect(page.getByTestId("run-config-summary")).toHaveText(/^Answered by primary: /);
  expect(chatBodies(fake.requests()).map((b) => b.model)).toEqual([
    `${V31}:fastest`,
    `${V31}:fastest`,
    `${V31}:fastest`,
  ]);
});

test("the chat warns about a model outside the allowlist that applies, and about no fallback", async ({
  page,
  stateDir,
}) => {
  // A migrated file: modelPolicy.allow applies, not the keys of agents.defaults.models.
  await writeConfig(stateDir, {
    meta: { migrations: { modelPolicyAllowlist: true } },
    agents: {
      defaults: {
        model: { primary: PRIMARY, fallbacks: [FALLBACK] },
        models: { [PRIMARY]: {}, [FALLBACK]: {}, "huggingface/zai-org/GLM-4.5": { alias: "Glm" } },
        modelPolicy: { allow: [FALLBACK] },
      },
    },
  });
  await openPlayground(page);
  const notes = page.getByTestId("agent-note");
  await chooseModel(page, "Glm");
  await expect(notes).toHaveText([
    "The agent would not use huggingface/zai-org/GLM-4.5: it is not in agents.defaults.modelPolicy.allow, the allowlist that applies to your openclaw.json. Chosen with /model, the model picker or --model, OpenClaw refuses it before calling the router.",
    `No fallback here: this chat tries only this model, as OpenClaw does for a model chosen with /model, the model picker or --model: if it fails, the agent reports the error instead of trying ${PRIMARY}, ${FALLBACK}. Only the configured default falls back; Run my configuration follows it.`,
  ]);
  await chooseModel(page, FALLBACK);
  // Allowed; chosen explicitly it still loses the rest of the chain.
  await expect(notes).toHaveText([
    `No fallback here: this chat tries only this model, as OpenClaw does for a model chosen with /model, the model picker or --model: if it fails, the agent reports the error instead of trying ${PRIMARY}. Only the configured default falls back; Run my configuration follows it.`,
  ]);
  await chooseModel(page, PRIMARY);
  await expect(notes.first()).toHaveAttribute("data-kind", "not_allowed");
  await expect(notes.first()).toContainText("the agent uses it as your primary, but refuses it");
});

test("in a legacy file the keys of agents.defaults.models are the allowlist", async ({ page, stateDir }) => {
  await writeAgentConfig(stateDir, { primary: PRIMARY, fallbacks: [FALLBACK] });
  await openPlayground(page);
  await chooseModel(page, "huggingface/Qwen/Qwen3-8B:groq"); // another suffix is another ref
  await expect(page.locator('[data-testid=agent-note][data-kind="not_allowed"]')).toContainText(
    "it is not in agents.defaults.models, the allowlist",
  );
});

test("GET /api/openclaw/failover serves the rules with the OpenClaw version they were measured on", async ({
  request,
}) => {
  const response = await request.get("/api/openclaw/failover");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.openclawVersion).toBe("2026.9.6");
  const byKind = Object.fromEntries(body.rules.map((r: { kind: string }) => [r.kind, r]));
  expect(byKind.server_error).toMatchObject({
    statuses: [500, 502, 503, 529],
    action: "retry",
    retries: 8,
    windowMs: 90_000,
  });
  expect(byKind.rate_limit).toMatchObject({ statuses: [429], action: "retry", retries: 9 });
  expect(byKind.rate_limit.windowMs).toBeUndefined();
  expect(byKind.format).toMatchObject({ statuses: [400, 422], action: "next" });
  expect(byKind.auth).toMatchObject({ statuses: [401, 403], action: "next" });
  expect(byKind.billing).toMatchObject({ statuses: [402], action: "next" });
  expect(byKind.stream_error).toMatchObject({ statuses: [], action: "stop" });
  for (const rule of body.rules)
    expect(Object.keys(rule).sort()).toEqual(expect.arrayContaining(["action", "kind", "statuses"]));
});
