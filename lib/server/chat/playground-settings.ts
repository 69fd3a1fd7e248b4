import "server-only";
import type { PlaygroundSettings } from "@/lib/chat/playground-settings";
import { readAllowlist } from "@/lib/openclaw-agent/allowlist";
import { readModelSettings } from "@/lib/openclaw-config/model-settings";
import { readConfig } from "../openclaw-config/config-file";
import { resolveToken } from "../token/token-source";

// The playground page's server data, serialized explicitly: a boolean for the token (never
// its value), refs and aliases from openclaw.json.
/** The configured baseUrl when it is safe to show in the browser (no credentials anywhere in it), without trailing slashes. */
export function publicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    const credentials = url.username || url.password || url.search || url.hash; // e.g. #access_token=…
    if ((url.protocol !== "https:" && url.protocol !== "http:") || credentials) return undefined;
    let end = value.length;
    while (end > 0 && value[end - 1] === "/") end--; // a loop, not /\/+$/: no backtracking on long input
    return value.slice(0, end);
  } catch {
    return undefined;
  }
}

export async function playgroundSettings(): Promise<PlaygroundSettings> {
  const [token, snapshot] = await Promise.all([resolveToken().catch(() => null), readConfig().catch(() => null)]);
  const settings = readModelSettings(snapshot?.data ?? null);
  const result: PlaygroundSettings = {
    hasToken: token !== null,
    primary: settings.primary,
    fallbacks: [...settings.fallbacks],
    aliases: { ...settings.aliases },
    allow: [...settings.allow],
    allowlist: readAllowlist(snapshot?.data ?? null),
  };
  if (settings.hasAuthProfile) result.hasAuthProfile = true;
  const baseUrl = publicUrl(settings.baseUrl);
  if (baseUrl) result.baseUrl = baseUrl;
  if (!snapshot) result.configProblem = "openclaw.json could not be read.";
  else if (snapshot.problem)
    result.configProblem = `openclaw.json does not parse${snapshot.problem.line ? ` (line ${snapshot.problem.line})` : ""}: aliases and fallbacks are unavailable.`;
  return result;
}
