import { expect, test } from "../fixtures";
import { writeAgentConfig } from "../support/config-files";
import { TOKEN, chatBodies, chooseModel, lastAnswer, openPlayground, send } from "./helpers";

// Run my configuration, Compare and Code.
test.use({ appEnv: { HF_TOKEN: TOKEN } });

const PRIMARY = "huggingface/deepseek-ai/DeepSeek-R1";
const FALLBACK_1 = "huggingface/Qwen/Qwen3-8B";
const FALLBACK_2 = "huggingface/openai/gpt-oss-120b:groq";

test("run my configuration: the primary, then each fallback in order until one answers", async ({
  page,
  fake,
  stateDir,
}) => {
  await writeAgentConfig(stateDir, {
    primary: PRIMARY,
    fallbacks: [FALLBACK_1, FALLBACK_2],
    aliases: { [FALLBACK_2]: "Fast" },
  });
  fake.setScenario({ chatByModel: { "deepseek-ai/DeepSeek-R1": "error-503", "Qwen/Qwen3-8B": "error-429" } });
  await openPlayground(page);
  await page.getByRole("tab", { name: "Run my configuration" }).click();
  const chain = page.getByRole("list", { name: "Your configuration" });
  await expect(chain.getByRole("listitem")).toHaveText([
    `Primary: ${PRIMARY}`,
    `Fallback 1: ${FALLBACK_1}`,
    `Fallback 2: ${FALLBACK_2} (Fast)`,
  ]);
  await expect(page.getByTestId("auth-profile-note")).toHaveCount(0);
  await page.getByRole("textbox", { name: "Prompt", exact: true }).fill("Are you there?");
  await page.getByRole("button", { name: "Run my configuration" }).click();
  await expect(page.getByTestId("run-config-summary")).toHaveText(
    `Answered by fallback 2: ${FALLBACK_2}, served by groq.`,
  );
  const attempts = page.getByTestId("attempt");
  await expect(attempts).toHaveCount(3);
  await expect(attempts.nth(0)).toHaveAttribute("data-state", "failed");
  await expect(attempts.nth(0).getByTestId("chat-error")).toContainText("The provider failed");
  await expect(attempts.nth(1)).toHaveAttribute("data-state", "failed");
  await expect(attempts.nth(1).getByTestId("chat-error")).toContainText("Rate limited");
  await expect(attempts.nth(2)).toHaveAttribute("data-state", "answered");
  await expect(attempts.nth(2).getByTestId("answer-content")).toHaveText("Hello from groq! You said: Are you there?");
  expect(chatBodies(fake.requests()).map((b) => b.model)).toEqual([
    "deepseek-ai/DeepSeek-R1",
    "Qwen/Qwen3-8B",
    "openai/gpt-oss-120b:groq",
  ]);
});

test("run my configuration stops at the primary when it answers, and reports when all fail", async ({
  page,
  fake,
  stateDir,
}) => {
  await writeAgentConfig(stateDir, { primary: PRIMARY, fallbacks: [FALLBACK_1], authProfile: true });
  await openPlayground(page);
  await page.getByRole("tab", { name: "Run my configuration" }).click();
  await expect(page.getByTestId("auth-profile-note")).toContainText("the agent uses that key");
  await page.getByRole("button", { name: "Run my configuration" }).click();
  await expect(page.getByTestId("run-config-summary")).toHaveText(
    /^Answered by primary: huggingface\/deepseek-ai\/DeepSeek-R1, served by /,
  );
  await expect(page.getByTestId("attempt").nth(1)).toHaveAttribute("data-state", "not-needed");
  expect(chatBodies(fake.requests())).toHaveLength(1);

  fake.setScenario({ chat: "error-500" });
  await page.getByRole("button", { name: "Run my configuration" }).click();
  await expect(page.getByTestId("run-config-summary")).toHaveText("Every model in your configuration failed.");
  await expect(page.getByTestId("attempt")).toHaveCount(2);
  for (const attempt of await page.getByTestId("attempt").all())
    await expect(attempt).toHaveAttribute("data-state", "failed");
});

test("run my configuration without a primary points to the Models page", async ({ page }) => {
  await openPlayground(page);
  await page.getByRole("tab", { name: "Run my configuration" }).click();
  await expect(page.getByRole("link", { name: "Choose one on the Models page" })).toHaveAttribute("href", "/models");
});

test("compare sends the same prompt to two models and shows the answers side by side", async ({ page, fake }) => {
  fake.setScenario({ chatDelayMs: 30 });
  await openPlayground(page);
  await chooseModel(page, "openai/gpt-oss-120b:cerebras");
  await page.getByRole("tab", { name: "Compare" }).click();
  const panel = page.getByRole("tabpanel", { name: "Compare" });
  await expect(panel.getByTestId("compare-model-a")).toHaveText("openai/gpt-oss-120b:cerebras");
  await panel.getByRole("combobox", { name: "Model (id, ref or alias)" }).fill("zai-org/GLM-4.5:novita");
  await panel.getByRole("textbox", { name: "Prompt for both" }).fill("Which is better?");
  await panel.getByRole("button", { name: "Compare" }).click();
  const a = panel.getByTestId("compare-a");
  const b = panel.getByTestId("compare-b");
  await expect(a.getByTestId("answer-content")).toHaveText("Hello from cerebras! You said: Which is better?");
  await expect(b.getByTestId("answer-content")).toHaveText("Hello from novita! You said: Which is better?");
  await expect(a.locator('[data-stat="Served by"]')).toHaveText("cerebras");
  await expect(b.locator('[data-stat="Served by"]')).toHaveText("novita");
  const bodies = chatBodies(fake.requests());
  expect(bodies.map((body) => body.model).sort()).toEqual(["openai/gpt-oss-120b:cerebras", "zai-org/GLM-4.5:novita"]);
  // Both requests were under way at the same time.
  const [first, second] = fake.requests().filter((r) => r.path === "/v1/chat/completions");
  expect(second.at).toBeLessThan(first.at + 2000);
});

test("code snippets show the current request with $HF_TOKEN, never the token", async ({ page, stateDir }) => {
  await writeAgentConfig(stateDir, { primary: PRIMARY, aliases: { [FALLBACK_2]: "Fast" } });
  await openPlayground(page);
  await chooseModel(page, "Fast");
  await page.getByRole("region", { name: "Request settings" }).getByLabel("Temperature").fill("0.4");
  await page.getByRole("textbox", { name: "System prompt" }).fill("You are terse.");
  await send(page, "Previous question");
  await expect(lastAnswer(page)).toHaveAttribute("data-status", "done");
  await page.getByRole("textbox", { name: "Message" }).fill("Next question");
  await page.getByRole("tab", { name: "Code" }).click();
  const snippet = page.getByTestId("snippet");
  const expectations: [string, RegExp[]][] = [
    ["curl", [/Authorization: Bearer \$HF_TOKEN/, /https:\/\/router\.huggingface\.co\/v1\/chat\/completions/]],
    ["JavaScript (openai)", [/apiKey: process\.env\.HF_TOKEN/, /from "openai"/]],
    ["Python (openai)", [/api_key=os\.environ\["HF_TOKEN"\]/, /stream=True/]],
  ];
  for (const [language, patterns] of expectations) {
    await page.getByRole("radio", { name: language }).check();
    await expect(snippet).toContainText("openai/gpt-oss-120b:groq");
    await expect(snippet).not.toContainText("huggingface/openai");
    for (const pattern of patterns) await expect(snippet).toContainText(pattern);
    await expect(snippet).toContainText("You are terse.");
    await expect(snippet).toContainText("Previous question");
    await expect(snippet).toContainText("Hello from groq! You said: Previous question");
    await expect(snippet).toContainText("Next question");
    await expect(snippet).toContainText("0.4");
    expect(await snippet.textContent()).not.toContain(TOKEN);
    expect(await snippet.textContent()).not.toMatch(/hf_[A-Za-z0-9]{6}/);
  }
});
