import { readFile } from "node:fs/promises";
import path from "node:path";
import { configFile, writeConfig } from "./support/config-files";
import { test, expect } from "./fixtures";

// The guided setup on the Overview, from an empty state directory to an answer.
const TOKEN = "hf_GuidedSetupToken0123456789abcd";

test("walks from an empty state directory to a working default model and an answer", async ({
  page,
  stateDir,
  fake,
}) => {
  await page.goto("/");
  const setup = page.getByTestId("guided-setup");
  await expect(setup).toBeVisible();
  await expect(setup.getByRole("link", { name: /Create a fine-grained token/ })).toHaveAttribute(
    "href",
    "https://huggingface.co/settings/tokens/new?ownUserPermissions=inference.serverless.write&tokenType=fineGrained",
  );

  await setup.getByLabel("Hugging Face token").fill(TOKEN);
  await setup.getByRole("button", { name: "Check and save" }).click();
  await expect(setup.getByTestId("token-result")).toContainText("The token works for fake-user");
  await setup.getByRole("button", { name: "Continue" }).click();

  const select = setup.getByLabel("Model your agent uses by default");
  await expect(setup.getByTestId("setup-catalog-source")).toContainText("live list");
  await expect(select).toHaveValue("huggingface/deepseek-ai/DeepSeek-R1");
  await select.selectOption("huggingface/deepseek-ai/DeepSeek-R1:cheapest");
  // novita has DeepSeek R1's lowest output price in the fake's live list.
  await expect(setup.getByTestId("setup-policy-note")).toContainText("the router picks the provider");
  await expect(setup.getByTestId("setup-policy-note")).toContainText("Right now that is novita");
  await setup.getByRole("button", { name: "Continue" }).click();

  await expect(setup.getByTestId("setup-diff")).toContainText(
    '"primary": "huggingface/deepseek-ai/DeepSeek-R1:cheapest"',
  );
  await expect(setup.getByTestId("setup-diff")).toContainText('"alias": "Hugging Face"');
  await setup.getByRole("button", { name: "Save to openclaw.json" }).click();
  await expect(setup.getByTestId("setup-done")).toContainText("huggingface/deepseek-ai/DeepSeek-R1:cheapest");
  await expect(setup.getByText("openclaw models status")).toBeVisible();

  const written = JSON.parse(await readFile(path.join(stateDir, "openclaw.json"), "utf8"));
  expect(written.agents.defaults.model.primary).toBe("huggingface/deepseek-ai/DeepSeek-R1:cheapest");
  expect(written.agents.defaults.models["huggingface/deepseek-ai/DeepSeek-R1:cheapest"]).toEqual({
    alias: "Hugging Face",
  });
  expect(await readFile(path.join(stateDir, ".env"), "utf8")).toBe(`HF_TOKEN=${TOKEN}\n`);

  await setup.getByRole("button", { name: /Try it: send/ }).click();
  await expect(setup.getByTestId("setup-try-answer")).toContainText("Hello from novita!");
  const chat = fake.requests().filter((r) => r.path === "/v1/chat/completions");
  expect(chat).toHaveLength(1);
  expect((chat[0].body as { model: string }).model).toBe("deepseek-ai/DeepSeek-R1:cheapest");
  expect(chat[0].headers.authorization).toBe(`Bearer ${TOKEN}`);

  await setup.getByRole("button", { name: "Finish" }).click();
  await expect(page.getByRole("button", { name: "Run setup again" })).toBeVisible();
});

test("every step can be skipped, resumed after a reload, and redone from the Overview", async ({ page }) => {
  await page.goto("/");
  const setup = page.getByTestId("guided-setup");
  await setup.getByRole("button", { name: "Skip this step" }).click();
  await expect(setup.getByLabel("Model your agent uses by default")).toBeVisible();
  // Without a token the catalog is the public list, which may be partial.
  await expect(setup.getByTestId("setup-catalog-source")).toContainText("may be partial");
  await setup.getByLabel("Model your agent uses by default").selectOption("huggingface/openai/gpt-oss-120b:fastest");
  await expect(setup.getByTestId("setup-policy-note")).toContainText("Right now that is cerebras");

  await page.reload();
  await expect(setup.getByRole("button", { name: /Default model/ })).toHaveAttribute("aria-current", "step");
  await expect(setup.getByLabel("Model your agent uses by default")).toHaveValue(
    "huggingface/openai/gpt-oss-120b:fastest",
  );
  await expect(setup.getByRole("button", { name: /Token \(skipped\)/ })).toBeVisible();

  await setup.getByRole("button", { name: "Skip this step" }).click();
  await setup.getByRole("button", { name: "Skip this step" }).click();
  await expect(page.getByTestId("guided-setup")).toHaveCount(0);
  await page.reload();
  await page.getByRole("button", { name: "Resume setup" }).click();
  await expect(setup.getByRole("button", { name: /Token/ }).first()).toHaveAttribute("aria-current", "step");
});

test.describe("with settings already in place", () => {
  test.use({ appEnv: { HF_TOKEN: TOKEN } });

  test("keeps existing fallbacks and aliases, and a token already in effect", async ({ page, stateDir }) => {
    const file = configFile(stateDir);
    await writeConfig(
      stateDir,
      `// written by hand\n{\n  gateway: { port: 18789 },\n  agents: { defaults: { model: { fallbacks: ["huggingface/Qwen/Qwen3-8B"] }, models: { "huggingface/Qwen/Qwen3-8B": { alias: "qwen" } } } },\n}\n`,
    );
    await page.goto("/");
    const setup = page.getByTestId("guided-setup");
    await expect(setup.getByTestId("setup-token-state")).toContainText("A token is in effect");
    await setup.getByRole("button", { name: "Continue" }).click();
    await setup.getByRole("button", { name: "Continue" }).click();
    await expect(setup.getByTestId("setup-diff")).toContainText('"primary": "huggingface/deepseek-ai/DeepSeek-R1"');
    await setup.getByRole("button", { name: "Save to openclaw.json" }).click();
    await expect(setup.getByTestId("setup-done")).toBeVisible();
    const written = JSON.parse(await readFile(file, "utf8"));
    expect(written.gateway).toEqual({ port: 18789 });
    expect(written.agents.defaults.model).toEqual({
      primary: "huggingface/deepseek-ai/DeepSeek-R1",
      fallbacks: ["huggingface/Qwen/Qwen3-8B"],
    });
    expect(written.agents.defaults.models["huggingface/Qwen/Qwen3-8B"]).toEqual({ alias: "qwen" });
    expect(written.agents.defaults.models["huggingface/deepseek-ai/DeepSeek-R1"]).toEqual({ alias: "Hugging Face" });
  });
});
