import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { chatBodies, lastAnswer } from "../playground/helpers";
import { readConfigJson } from "../support/config-files";

// Keyboard only: no clicks, no fill(), no focus() — Tab/Shift+Tab to move, Enter/Space/arrows to
// act, typing to enter text. Each step asserts where the focus is, so a control that cannot be
// reached or used from the keyboard fails the run.
const MAX_TABS = 80;

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after MAX_TABS presses. */
async function tabTo(page: Page, target: Locator, { backwards = false } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < MAX_TABS; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) break;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  await expect(target).toBeFocused();
}

test("token entry: paste a token, save it, hear the result", async ({ page, stateDir }) => {
  const token = "hf_keyboardOnlyToken0001";
  await page.goto("/token");
  const field = page.getByLabel("Hugging Face token", { exact: true });
  await tabTo(page, field);
  await page.keyboard.insertText(token); // what a paste delivers
  await tabTo(page, page.getByRole("button", { name: "Check and save" }));
  await page.keyboard.press("Space");
  await expect(page.getByTestId("token-result")).toContainText(
    `Saved hf_…${token.slice(-4)}. The token works for fake-user.`,
  );
  await expect(field).toHaveValue("");
  expect(await readFile(path.join(stateDir, ".env"), "utf8")).toBe(`HF_TOKEN=${token}\n`);
});

test("picking a model: search, select, choose a policy, set it as primary, save", async ({ page, stateDir }) => {
  const ref = "huggingface/openai/gpt-oss-120b:cheapest";
  await page.goto("/models");
  await tabTo(page, page.getByLabel("Search models"));
  await page.keyboard.type("gpt-oss");
  await expect(page.getByTestId("result-count")).toHaveText(/^1 of \d+ models$/);

  const row = page
    .getByRole("list", { name: "Models" })
    .getByRole("button", { name: /^GPT-OSS 120B openai · openai\/gpt-oss-120b / });
  await tabTo(page, row);
  await page.keyboard.press("Enter");
  const detail = page.getByTestId("model-detail");
  await expect(detail.getByRole("heading", { level: 2 })).toHaveText("GPT-OSS 120B");

  // The policy radios are one Tab stop; the arrows move the choice.
  await tabTo(page, detail.getByRole("radio", { name: /^Auto/ }));
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  const cheapest = detail.getByRole("radio", { name: /^Cheapest/ });
  await expect(cheapest).toBeFocused();
  await expect(cheapest).toBeChecked();
  await expect(detail.getByTestId("selected-ref").locator("code")).toHaveText(ref);

  await tabTo(page, detail.getByRole("button", { name: "Set as primary" }));
  await page.keyboard.press("Enter");
  const pending = page.getByTestId("pending-change");
  await expect(pending.getByTestId("config-diff")).toContainText(`"primary": "${ref}"`);
  // The unsaved change shows above the picker: go back up to its Save button.
  await tabTo(page, pending.getByRole("button", { name: "Save to openclaw.json" }), { backwards: true });
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved to openclaw.json" })).toBeVisible();
  expect((await readConfigJson(stateDir)).agents.defaults.model.primary).toBe(ref);
});

test.describe("with a token", () => {
  test.use({ appEnv: { HF_TOKEN: "hf_keyboardChatToken0001" } });

  test("a chat: choose the model and policy, type, send, read the streamed answer", async ({ page, fake }) => {
    await page.goto("/playground");
    const settings = page.getByRole("region", { name: "Request settings" });
    const model = settings.getByRole("combobox", { name: "Model (id, ref or alias)" });
    await tabTo(page, model);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("openai/gpt-oss-120b");
    await expect(model).toHaveValue("openai/gpt-oss-120b");
    const policy = settings.getByLabel("Policy", { exact: true });
    await tabTo(page, policy);
    await page.keyboard.press("ArrowDown"); // a closed select changes with the arrows
    await expect(policy).toHaveValue(":fastest");
    await expect(model).toHaveValue("huggingface/openai/gpt-oss-120b:fastest"); // the policy writes a full ref

    await tabTo(page, page.getByRole("textbox", { name: "Message" }));
    await page.keyboard.type("Hello over the keyboard");
    await tabTo(page, page.getByRole("button", { name: "Send" }));
    await page.keyboard.press("Enter");
    const answer = lastAnswer(page);
    await expect(answer.getByTestId("answer-content")).toHaveText(
      "Hello from cerebras! You said: Hello over the keyboard",
    );
    await expect(page.getByTestId("chat-status")).toHaveText("Answer complete.");
    expect(chatBodies(fake.requests()).map((body) => body.model)).toEqual(["openai/gpt-oss-120b:fastest"]);
  });
});
