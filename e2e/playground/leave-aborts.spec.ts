import type { Page } from "@playwright/test";
import type { FakeHf } from "../fake-hf/server";
import { expect, test } from "../fixtures";
import { writeAgentConfig } from "../support/config-files";
import { TOKEN, chooseModel, lastAnswer, openPlayground, send } from "./helpers";

// Leaving the Playground in the middle of an answer ends the upstream call (the router bills
// tokens until then), whichever way the user leaves. The router here sends one event and then
// goes silent (`hang-after-first`), so only the browser's abort can end the call before the
// dashboard's 60 s silence timeout; "within a second" is the poll's timeout, counted from leaving.
test.use({ appEnv: { HF_TOKEN: TOKEN } });

const MODEL = "meta-llama/Llama-3.3-70B-Instruct";
const WITHIN_A_SECOND = { timeout: 1_000 };
const chatCalls = (fake: FakeHf) => fake.requests().filter((r) => r.path === "/v1/chat/completions");
const nav = (page: Page) => page.getByRole("navigation", { name: "Main" });

async function startLongAnswer(page: Page, fake: FakeHf): Promise<void> {
  await chooseModel(page, MODEL);
  await send(page, "Tell me a long story");
  await expect(lastAnswer(page).getByTestId("answer-content")).not.toBeEmpty();
  expect(chatCalls(fake)).toHaveLength(1);
  expect(chatCalls(fake)[0]).toMatchObject({ aborted: false, finished: false });
}

async function expectModelsPage(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/models$/);
  await expect(page.getByRole("heading", { level: 1, name: "Models" })).toBeVisible();
}

test.beforeEach(({ fake }) => {
  fake.setScenario({ chat: "hang-after-first" });
});

test("clicking a navigation link in mid-answer aborts the upstream call", async ({ page, fake }) => {
  await openPlayground(page);
  await startLongAnswer(page, fake);
  await nav(page).getByRole("link", { name: "Models" }).click();
  await expect.poll(() => chatCalls(fake)[0].aborted, WITHIN_A_SECOND).toBe(true);
  await expectModelsPage(page);
});

test("the back button in mid-answer aborts the upstream call", async ({ page, fake }) => {
  await page.goto("/models");
  await nav(page).getByRole("link", { name: "Playground" }).click();
  await expect(page.getByRole("tab", { name: "Chat" })).toBeVisible();
  await startLongAnswer(page, fake);
  await page.goBack();
  await expect.poll(() => chatCalls(fake)[0].aborted, WITHIN_A_SECOND).toBe(true);
  await expectModelsPage(page);
});

test("a link in the playground's own content in mid-answer aborts the upstream call", async ({ page, fake }) => {
  // No primary model yet: "Run my configuration" links to the Models page while the chat streams.
  await openPlayground(page);
  await startLongAnswer(page, fake);
  await page.getByRole("tab", { name: "Run my configuration" }).click();
  await page.getByRole("link", { name: "Choose one on the Models page" }).click();
  await expect.poll(() => chatCalls(fake)[0].aborted, WITHIN_A_SECOND).toBe(true);
  await expectModelsPage(page);
});

test("a full page load elsewhere in mid-answer aborts the upstream call", async ({ page, fake }) => {
  await openPlayground(page);
  await startLongAnswer(page, fake);
  await page.goto("/models");
  await expect.poll(() => chatCalls(fake)[0].aborted, WITHIN_A_SECOND).toBe(true);
  await expectModelsPage(page);
});

test("leaving while Compare runs aborts both upstream calls", async ({ page, fake }) => {
  await openPlayground(page);
  await chooseModel(page, MODEL);
  await page.getByRole("tab", { name: "Compare" }).click();
  const panel = page.getByRole("tabpanel", { name: "Compare" });
  await panel.getByRole("combobox", { name: "Model (id, ref or alias)" }).fill("zai-org/GLM-4.5:novita");
  await panel.getByRole("button", { name: "Compare" }).click();
  for (const side of ["compare-a", "compare-b"])
    await expect(panel.getByTestId(side).getByTestId("answer")).toHaveAttribute("data-status", "streaming");
  expect(chatCalls(fake).map((r) => r.aborted)).toEqual([false, false]);
  await nav(page).getByRole("link", { name: "Models" }).click();
  await expect.poll(() => chatCalls(fake).map((r) => r.aborted), WITHIN_A_SECOND).toEqual([true, true]);
  await expectModelsPage(page);
});

test("leaving while Run my configuration runs aborts the upstream call", async ({ page, fake, stateDir }) => {
  await writeAgentConfig(stateDir, { primary: `huggingface/${MODEL}`, fallbacks: ["huggingface/Qwen/Qwen3-8B"] });
  await openPlayground(page);
  await page.getByRole("tab", { name: "Run my configuration" }).click();
  await page.getByRole("button", { name: "Run my configuration" }).click();
  await expect(page.getByTestId("attempt").first().getByTestId("answer-content")).not.toBeEmpty();
  expect(chatCalls(fake)).toHaveLength(1);
  await nav(page).getByRole("link", { name: "Models" }).click();
  await expect.poll(() => chatCalls(fake)[0]?.aborted, WITHIN_A_SECOND).toBe(true);
  await expectModelsPage(page);
  // The fallback is not tried on the way out.
  expect(chatCalls(fake)).toHaveLength(1);
});
