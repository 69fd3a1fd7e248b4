import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

// openclaw.json in a test's state folder, read and written the way another program would.
export const configFile = (stateDir: string) => path.join(stateDir, "openclaw.json");

export async function writeConfig(stateDir: string, value: unknown): Promise<void> {
  await writeFile(configFile(stateDir), typeof value === "string" ? value : JSON.stringify(value, null, 2), {
    mode: 0o600,
  });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests index freely into the parsed file
export async function readConfigJson(stateDir: string): Promise<Record<string, any>> {
  return JSON.parse(await readFile(configFile(stateDir), "utf8"));
}

export async function readConfigText(stateDir: string): Promise<string> {
  return readFile(configFile(stateDir), "utf8");
}

/** PATCH /api/config at the current revision, as the dashboard's own pages do. */
export async function patchConfig(request: APIRequestContext, change: Record<string, unknown>) {
  const current = await (await request.get("/api/config")).json();
  const response = await request.patch("/api/config", {
    data: change,
    headers: { "if-match": `"${current.revision}"` },
  });
  return { response, body: await response.json() };
}
