import { expect, test } from "./fixtures";
import { expectNoSeriousAxeViolation } from "./support/axe";
import { agentConfig, writeAgentConfig, writeConfig } from "./support/config-files";

// "Check all" on the Overview and the Models page: a 1-token completion per configured ref, only
// when asked, classified in the user's words, with what to do next.
const OSS = "huggingface/openai/gpt-oss-120b";
const V31 = "huggingface/deepseek-ai/DeepSeek-V3.1";
const QWEN = "huggingface/Qwen/Qwen3-8B:cheapest";
const GLM = "huggingface/zai-org/GLM-4.5";
const KIMI = "huggingface/moonshotai/Kimi-K2-Instruct";
const R1 = "huggingface/deepseek-ai/DeepSeek-R1:novita";

test.use({ appEnv: { HF_TOKEN: "hf_modelsCheckSpecToken12345", HF_CHAT_TIMEOUT_MS: "1500" } });

const chatCalls = (fake: { requests(): { path: string; body: unknown }[] }) =>
  fake.requests().filter((r) => r.path === "/v1/chat/completions");

test("checks every configured ref on the Overview, only when asked, with a mix of outcomes", async ({
  page,
  fake,
  stateDir,
}) => {
  const config = agentConfig({ primary: OSS, fallbacks: [V31, QWEN, GLM], aliases: { [OSS]: "Big" } });
  // Two refs only in the allowlist count too.
  Object.assign(config.agents.defaults.models, { [KIMI]: {}, [R1]: {} });
  await writeConfig(stateDir, config);
  fake.setScenario({
    chatByModel: {
      "deepseek-ai/DeepSeek-V3.1": "error-402",
      "zai-org/GLM-4.5": "error-503",
      "moonshotai/Kimi-K2-Instruct": "error-400",
      "Qwen/Qwen3-8B": "error-429",
      "deepseek-ai/DeepSeek-R1": "hang",
    },
  });
  const checkRequests: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).pathname === "/api/models/check") checkRequests.push(r.method());
  });
  await page.goto("/");
  const panel = page.getByTestId("check-all");
  await expect(panel.getByTestId("check-all-cost")).toContainText("each of your 6 configured models");
  await expect(panel.getByTestId("check-all-cost")).toContainText(/at most \$0\.000\d+ of credit/);
  await expect(page.getByTestId("models-card")).toContainText("gpt-oss-120b");
  expect(chatCalls(fake)).toHaveLength(0); // never automatic

  await panel.getByRole("button", { name: "Check all 6 models" }).click();
  const results = panel.getByTestId("check-result");
  await expect(results).toHaveCount(6);
  const kindOf = (ref: string) => panel.locator(`[data-testid="check-result"][data-ref="${ref}"]`);
  await expect(kindOf(OSS)).toHaveAttribute("data-kind", "ok");
  await expect(kindOf(OSS)).toContainText(/Working via cerebras, first token in \d+ ms/);
  await expect(kindOf(OSS)).toContainText("Big");
  await expect(kindOf(V31)).toHaveAttribute("data-kind", "no_credits");
  await expect(kindOf(V31).getByRole("link", { name: /Add credits/ })).toHaveAttribute(
    "href",
    "https://huggingface.co/settings/billing",
  );
  await expect(kindOf(QWEN)).toHaveAttribute("data-kind", "rate_limited");
  await expect(kindOf(GLM)).toHaveAttribute("data-kind", "provider_error");
  await expect(kindOf(GLM)).toContainText("HTTP 503");
  await expect(kindOf(KIMI)).toHaveAttribute("data-kind", "model_not_supported");
  await expect(kindOf(KIMI).getByRole("link", { name: /enable providers/ })).toHaveAttribute(
    "href",
    "https://huggingface.co/settings/inference-providers",
  );
  await expect(kindOf(R1)).toHaveAttribute("data-kind", "timeout");
  await expectNoSeriousAxeViolation(page);

  // One call per ref, each a 1-token completion of the ref as the router receives it.
  const calls = chatCalls(fake);
  expect(calls).toHaveLength(6);
  expect(calls.map((c) => (c.body as { max_tokens: number }).max_tokens)).toEqual([1, 1, 1, 1, 1, 1]);
  expect(calls.map((c) => (c.body as { model: string }).model).sort()).toEqual(
    [OSS, V31, QWEN, GLM, KIMI, R1].map((r) => r.slice("huggingface/".length)).sort(),
  );

  // The link to the ref on the Models page opens it there.
  await kindOf(KIMI)
    .getByRole("link", { name: /on the Models page/ })
    .click();
  await expect(page.getByTestId("model-detail").getByRole("heading", { level: 2 })).toHaveText("Kimi K2");
  // Same results on the Models page (same tab, same config), and only the one POST was ever sent.
  await expect(page.getByTestId("check-all").getByTestId("check-result")).toHaveCount(6);
  expect(checkRequests).toEqual(["POST"]);
});

test("an invalid token, on the Models page; results go away when the config changes", async ({
  page,
  fake,
  stateDir,
}) => {
  await writeAgentConfig(stateDir, { primary: OSS, fallbacks: [V31] });
  fake.setScenario({ chat: "error-401" });
  await page.goto("/models");
  const panel = page.getByTestId("check-all");
  await panel.getByRole("button", { name: "Check all 2 models" }).click();
  await expect(panel.getByTestId("check-result")).toHaveCount(2);
  for (const row of await panel.getByTestId("check-result").all()) {
    await expect(row).toHaveAttribute("data-kind", "token_invalid");
    await expect(row.getByRole("link", { name: /Replace it on the Token page/ })).toHaveAttribute("href", "/token");
  }
  // A saved change to openclaw.json makes them stale: they go away.
  await page.getByRole("button", { name: `Remove ${V31} from fallbacks` }).click();
  const pending = page.getByTestId("pending-change");
  await expect(pending.getByTestId("config-diff")).toBeVisible();
  await expect(panel.getByTestId("check-result")).toHaveCount(2); // a draft is not a change yet
  await pending.getByRole("button", { name: "Save to openclaw.json" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved to openclaw.json" })).toBeVisible();
  await expect(panel.getByTestId("check-result")).toHaveCount(0);
  await expect(panel.getByRole("button", { name: /^Check/ })).toBeEnabled();
});

test("refuses bad input with a clear 400", async ({ request }) => {
  const bad = await request.post("/api/models/check", { data: { refs: ["not a ref"] } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain("refs.0");
  const extra = await request.post("/api/models/check", { data: { refs: [OSS], all: true } });
  expect(extra.status()).toBe(400);
});
