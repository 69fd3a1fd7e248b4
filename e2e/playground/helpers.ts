import type { Locator, Page } from "@playwright/test";
import { expect } from "../fixtures";

// Shared steps of the playground specs. Their openclaw.json comes from e2e/support/config-files.
export const TOKEN = "hf_playgroundE2Etoken0001";

export function modelField(page: Page, scope: Page | Locator = page): Locator {
  return scope.getByRole("combobox", { name: "Model (id, ref or alias)" });
}

export async function openPlayground(page: Page): Promise<void> {
  await page.goto("/playground");
  await expect(page.getByRole("tab", { name: "Chat" })).toBeVisible();
}

export async function chooseModel(page: Page, model: string): Promise<void> {
  await modelField(page).fill(model);
}

export async function send(page: Page, text: string): Promise<void> {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
}

export function lastAnswer(page: Page): Locator {
  return page.getByTestId("assistant-message").last().getByTestId("answer");
}

export function stat(scope: Locator, label: string): Locator {
  return scope.locator(`[data-stat="${label}"]`);
}

/** Bodies of the chat calls the fake received, in order. */
export function chatBodies(requests: { path: string; body: unknown }[]): Record<string, unknown>[] {
  return requests.filter((r) => r.path === "/v1/chat/completions").map((r) => r.body as Record<string, unknown>);
}
