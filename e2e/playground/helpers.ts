import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";
import { expect } from "../fixtures";

// Shared steps of the playground specs. The config is written the way a user's openclaw.json
// looks, straight into the test's state directory, before the page loads.
export const TOKEN = "hf_playgroundE2Etoken0001";

export interface ConfigInput {
  primary?: string;
  fallbacks?: string[];
  aliases?: Record<string, string>;
  /** auth.profiles["huggingface:default"], as `openclaw onboard` records it. */
  authProfile?: boolean;
}

export async function writeConfig(
  stateDir: string,
  { primary, fallbacks = [], aliases = {}, authProfile = false }: ConfigInput,
): Promise<void> {
  const models: Record<string, { alias?: string }> = {};
  for (const ref of [primary, ...fallbacks]) if (ref) models[ref] = {};
  for (const [ref, alias] of Object.entries(aliases)) models[ref] = { alias };
  const config = {
    agents: { defaults: { model: { ...(primary ? { primary } : {}), fallbacks }, models } },
    ...(authProfile
      ? { auth: { profiles: { "huggingface:default": { provider: "huggingface", mode: "api_key" } } } }
      : {}),
  };
  await writeFile(path.join(stateDir, "openclaw.json"), `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
}

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
