import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

// The one fixture helper for openclaw.json in a test's state folder, read and written the way
// another program (an editor, OpenClaw itself) would.
export const configFile = (stateDir: string) => path.join(stateDir, "openclaw.json");

/** Writes the file as given: text byte for byte (JSON5, comments, broken files), objects as JSON. */
export async function writeConfig(stateDir: string, value: unknown): Promise<void> {
  await writeFile(configFile(stateDir), typeof value === "string" ? value : JSON.stringify(value, null, 2), {
    mode: 0o600,
  });
}

export interface AgentConfigInput {
  primary?: string;
  fallbacks?: string[];
  aliases?: Record<string, string>;
  /** auth.profiles["huggingface:default"], as `openclaw onboard` records it. */
  authProfile?: boolean;
}

/** The agent part of a user's openclaw.json: primary, fallbacks, an allowlist entry (with alias) per ref. */
export function agentConfig({ primary, fallbacks = [], aliases = {}, authProfile = false }: AgentConfigInput) {
  const models: Record<string, { alias?: string }> = {};
  for (const ref of [primary, ...fallbacks]) if (ref) models[ref] = {};
  for (const [ref, alias] of Object.entries(aliases)) models[ref] = { alias };
  return {
    agents: { defaults: { model: { ...(primary ? { primary } : {}), fallbacks }, models } },
    ...(authProfile
      ? { auth: { profiles: { "huggingface:default": { provider: "huggingface", mode: "api_key" } } } }
      : {}),
  };
}

/** A user's openclaw.json with just the agent part, as JSON with a final newline. */
export async function writeAgentConfig(stateDir: string, input: AgentConfigInput): Promise<void> {
  await writeConfig(stateDir, `${JSON.stringify(agentConfig(input), null, 2)}\n`);
}

/** What `openclaw onboard` writes (a recorded file, with `<state>` filled in). */
export async function onboardConfigText(stateDir: string): Promise<string> {
  const text = await readFile(path.join("lib", "openclaw-config", "fixtures", "onboard-openclaw.json"), "utf8");
  return text.replaceAll("<state>", stateDir);
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
