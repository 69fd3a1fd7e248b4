import { estimateCost, formatUsd } from "../../lib/chat/cost";
import { ANSWER_PIECES, answerText, split } from "../fake-hf/chat-content";
import { defaultModel } from "../fake-hf/default-models";
import { expect, test } from "../fixtures";
import { writeAgentConfig } from "../support/config-files";
import { TOKEN, chatBodies, chooseModel, lastAnswer, modelField, openPlayground, send, stat } from "./helpers";

test.use({ appEnv: { HF_TOKEN: TOKEN } });

test("the answer streams in progressively, rendered as Markdown", async ({ page, fake }) => {
  fake.setScenario({ chatDelayMs: 60 });
  await openPlayground(page);
  await chooseModel(page, "meta-llama/Llama-3.3-70B-Instruct");
  // Record every text the answer shows while it grows.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __seen: string[] }).__seen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="answer-content"]')?.textContent;
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await send(page, "Say **hi**");
  const answer = lastAnswer(page);
  await expect(answer).toHaveAttribute("data-status", "done");
  await expect(answer.getByTestId("answer-content")).toHaveText("Hello from cerebras! You said: Say hi");
  await expect(answer.getByTestId("answer-content").locator("strong")).toHaveText("hi");
  const seen = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
  expect(seen.length).toBeGreaterThanOrEqual(4);
  for (let i = 1; i < seen.length; i++) expect(seen[i].length).toBeGreaterThanOrEqual(seen[i - 1].length);
});

test("the first piece shows while the stream is still open, and Stop aborts the upstream call", async ({
  page,
  fake,
}) => {
  fake.setScenario({ chat: "hang-after-first" });
  await openPlayground(page);
  await chooseModel(page, "meta-llama/Llama-3.3-70B-Instruct");
  await send(page, "Hello");
  const answer = lastAnswer(page);
  const firstPiece = split(answerText("cerebras", "Hello"), ANSWER_PIECES)[0];
  await expect(answer.getByTestId("answer-content")).toHaveText(firstPiece);
  await expect(answer).toHaveAttribute("data-status", "streaming");
  expect(fake.requests().filter((r) => r.path === "/v1/chat/completions")[0].aborted).toBe(false);
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(answer).toHaveAttribute("data-status", "stopped");
  await expect(answer.getByTestId("answer-content")).toHaveText(firstPiece);
  await expect(page.getByTestId("chat-status")).toHaveText("Stopped.");
  await expect.poll(() => fake.requests().filter((r) => r.path === "/v1/chat/completions")[0].aborted).toBe(true);
});

const REASONING_FORMS = [
  { form: "inline <think>", model: "deepseek-ai/DeepSeek-R1:together", provider: "together" },
  { form: "delta.reasoning", model: "openai/gpt-oss-120b:groq", provider: "groq" },
  { form: "delta.reasoning_content", model: "Qwen/Qwen3-8B:featherless-ai", provider: "featherless-ai" },
  { form: "delta.reasoning_text", model: "zai-org/GLM-4.5:zai-org", provider: "zai-org" },
];

for (const { form, model, provider } of REASONING_FORMS) {
  test(`reasoning in ${form} is shown in its own collapsible block`, async ({ page }) => {
    await openPlayground(page);
    await chooseModel(page, model);
    await send(page, "Hi there");
    const answer = lastAnswer(page);
    await expect(answer).toHaveAttribute("data-status", "done");
    await expect(answer.getByTestId("answer-content")).toHaveText(`Hello from ${provider}! You said: Hi there`);
    const reasoning = answer.getByTestId("reasoning");
    const text = reasoning.getByTestId("reasoning-text");
    await expect(text).toBeHidden();
    await reasoning.getByText("Reasoning").click();
    await expect(text).toHaveText(
      `The user greeted me. I am served by ${provider}, so I will say hello and repeat their words.`,
    );
    await expect(answer.getByTestId("answer-content")).not.toContainText("think");
  });
}

test("after an answer: time to first token, tokens/s, usage, served-by provider, request id and cost", async ({
  page,
}) => {
  await openPlayground(page);
  await chooseModel(page, "openai/gpt-oss-120b:groq");
  await send(page, "Hi");
  const answer = lastAnswer(page);
  await expect(answer).toHaveAttribute("data-status", "done");
  const stats = answer.getByTestId("answer-stats");
  await expect(stat(stats, "Served by")).toHaveText("groq");
  await expect(answer.getByTestId("served-by")).toHaveText("groq");
  await expect(stat(stats, "Time to first token")).toHaveText(/^\d+(\.\d+)? (ms|s)$/);
  await expect(stat(stats, "Tokens/s")).toHaveText(/^\d+\.\d$/);
  await expect(stat(stats, "Request id")).toHaveText(/^[0-9a-f-]{36}$/);
  const usageText = await stat(stats, "Usage").textContent();
  const [prompt, completion, total] = (usageText?.match(/\d+/g) ?? []).map(Number);
  expect(total).toBe(prompt + completion);
  expect(completion).toBeGreaterThan(0);
  // The cost uses the serving provider's prices from the catalog.
  const groq = defaultModel("openai/gpt-oss-120b").providers.find((p) => p.provider === "groq")!;
  const expected = estimateCost(
    { promptTokens: prompt, completionTokens: completion, totalTokens: total },
    { provider: "groq", status: "live", inputPrice: groq.pricing!.input, outputPrice: groq.pricing!.output },
  );
  await expect(stat(stats, "Estimated cost")).toHaveText(
    `${formatUsd(expected!.usd)} (groq: $${groq.pricing!.input}/$${groq.pricing!.output} per 1M in/out)`,
  );
});

test("an alias resolves to its ref, the prefix is stripped and the suffix kept", async ({ page, fake, stateDir }) => {
  await writeAgentConfig(stateDir, {
    primary: "huggingface/deepseek-ai/DeepSeek-R1",
    aliases: { "huggingface/openai/gpt-oss-120b:cerebras": "Speedy" },
  });
  await openPlayground(page);
  await expect(modelField(page)).toHaveValue("huggingface/deepseek-ai/DeepSeek-R1");
  await chooseModel(page, "speedy");
  await expect(page.getByRole("region", { name: "Request settings" }).getByTestId("model-hint")).toContainText(
    "openai/gpt-oss-120b:cerebras",
  );
  await send(page, "Hi");
  await expect(lastAnswer(page)).toHaveAttribute("data-status", "done");
  await expect(lastAnswer(page).getByTestId("served-by")).toHaveText("cerebras");
  const [body] = chatBodies(fake.requests());
  expect(body).toMatchObject({
    model: "openai/gpt-oss-120b:cerebras",
    stream: true,
    stream_options: { include_usage: true },
  });
  expect(fake.requests()[fake.requests().length - 1].headers.authorization).toBe(`Bearer ${TOKEN}`);
});

test("the conversation survives a reload, is sent as history, and can be cleared", async ({ page, fake }) => {
  await openPlayground(page);
  await chooseModel(page, "Qwen/Qwen3-8B");
  await page.getByRole("textbox", { name: "System prompt" }).fill("Be brief.");
  await send(page, "First question");
  await expect(lastAnswer(page)).toHaveAttribute("data-status", "done");
  await page.reload();
  await expect(page.getByTestId("user-message")).toHaveText("First question");
  await expect(lastAnswer(page).getByTestId("answer-content")).toHaveText(
    "Hello from nscale! You said: First question",
  );
  await expect(modelField(page)).toHaveValue("Qwen/Qwen3-8B");
  await expect(page.getByRole("textbox", { name: "System prompt" })).toHaveValue("Be brief.");
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  expect(stored).not.toContain(TOKEN);

  await send(page, "Second question");
  await expect(lastAnswer(page)).toHaveAttribute("data-status", "done");
  expect(chatBodies(fake.requests())[1].messages).toEqual([
    { role: "system", content: "Be brief." },
    { role: "user", content: "First question" },
    { role: "assistant", content: "Hello from nscale! You said: First question" },
    { role: "user", content: "Second question" },
  ]);

  await page.getByRole("button", { name: "Clear conversation" }).click();
  await expect(page.getByTestId("user-message")).toHaveCount(0);
  await page.reload();
  await expect(modelField(page)).toBeVisible();
  await expect(page.getByTestId("user-message")).toHaveCount(0);
});

test("parameters reach the router, and only supported ones are offered", async ({ page, fake }) => {
  await openPlayground(page);
  const settings = page.getByRole("region", { name: "Request settings" });
  // A reasoning model offers reasoning effort; a provider without structured output offers no JSON.
  await chooseModel(page, "deepseek-ai/DeepSeek-R1:fireworks-ai");
  await expect(settings.getByLabel("Reasoning effort")).toBeVisible();
  await expect(settings.getByTestId("json-unavailable")).toContainText("together");
  await expect(settings.getByLabel("JSON output")).toHaveCount(0);
  // Pinning a provider with structured output offers JSON; max tokens is bounded by its context.
  await page.getByRole("combobox", { name: "Policy" }).selectOption({ label: "Provider: together" });
  await expect(modelField(page)).toHaveValue("huggingface/deepseek-ai/DeepSeek-R1:together");
  await expect(settings.getByLabel("JSON output")).toBeVisible();
  await expect(settings.getByText("Up to 163,840")).toBeVisible();
  await settings.getByLabel("Max tokens").fill("200000");
  await expect(settings.getByText("Between 1 and 163840.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send" })).toBeDisabled();
  await settings.getByLabel("Max tokens").fill("256");
  await settings.getByLabel("Temperature").fill("0.3");
  await settings.getByLabel("Top P").fill("0.9");
  await settings.getByLabel("Seed").fill("42");
  await settings.getByLabel(/Stop sequences/).fill("END\nSTOP");
  await settings.getByLabel("Reasoning effort").selectOption("low");
  await settings.getByLabel("JSON output").check();
  await send(page, "Answer in JSON");
  await expect(lastAnswer(page)).toHaveAttribute("data-status", "done");
  expect(chatBodies(fake.requests())[0]).toMatchObject({
    model: "deepseek-ai/DeepSeek-R1:together",
    max_tokens: 256,
    temperature: 0.3,
    top_p: 0.9,
    seed: 42,
    stop: ["END", "STOP"],
    reasoning_effort: "low",
    response_format: { type: "json_object" },
  });
  // A model that is not a reasoning model offers no reasoning effort.
  await chooseModel(page, "meta-llama/Llama-3.3-70B-Instruct");
  await expect(settings.getByLabel("Reasoning effort")).toHaveCount(0);
});

test.describe("without a token", () => {
  test.use({ appEnv: {} });

  test("the page says so, links to the Token page and does not send", async ({ page, fake }) => {
    await openPlayground(page);
    const notice = page.getByTestId("no-token");
    await expect(notice).toContainText("No Hugging Face token");
    await page.getByRole("textbox", { name: "Message" }).fill("Hi");
    await expect(page.getByRole("button", { name: "Send" })).toBeDisabled();
    await notice.getByRole("link", { name: /Token page/ }).click();
    await expect(page).toHaveURL(/\/token$/);
    expect(chatBodies(fake.requests())).toHaveLength(0);
  });
});

test("the model comes from ?model= in the URL and the URL follows the choice", async ({ page }) => {
  await page.goto("/playground?model=openai%2Fgpt-oss-120b%3Agroq");
  await expect(modelField(page)).toHaveValue("openai/gpt-oss-120b:groq");
  await page.getByRole("combobox", { name: "Policy" }).selectOption({ label: "Cheapest" });
  await expect(page).toHaveURL(/\?model=huggingface%2Fopenai%2Fgpt-oss-120b%3Acheapest$/);
  await page.reload();
  await expect(modelField(page)).toHaveValue("huggingface/openai/gpt-oss-120b:cheapest");
  await expect(page.getByRole("region", { name: "Request settings" }).getByTestId("model-hint")).toContainText(
    "the router would pick together now",
  );
});

test("clearing while an answer streams stops it and leaves an empty conversation", async ({ page, fake }) => {
  fake.setScenario({ chat: "hang-after-first" });
  await openPlayground(page);
  await chooseModel(page, "Qwen/Qwen3-8B");
  await send(page, "Hello");
  await expect(lastAnswer(page)).toHaveAttribute("data-status", "streaming");
  await page.getByRole("button", { name: "Clear conversation" }).click();
  await expect.poll(() => fake.requests().find((r) => r.path === "/v1/chat/completions")?.aborted).toBe(true);
  await expect(page.getByTestId("assistant-message")).toHaveCount(0);
  await expect(page.getByTestId("user-message")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Stop" })).toHaveCount(0);
});
