// What the playground page receives from the server (lib/server/chat/playground-settings.ts): whether a
// token is set (never the token) and the agent's primary, fallbacks and aliases.
import type { AgentAllowlist } from "../openclaw-agent/allowlist";

export interface PlaygroundSettings {
  hasToken: boolean;
  primary: string | null;
  fallbacks: string[];
  /** ref → alias */
  aliases: Record<string, string>;
  /** agents.defaults.models keys (refs the agent may use). */
  allow: string[];
  /** The allowlist OpenClaw applies to this file (modelPolicy.allow once migrated, else the models keys). */
  allowlist?: AgentAllowlist;
  /** OpenClaw has a huggingface auth profile: the agent uses that key, not the dashboard's token. */
  hasAuthProfile?: boolean;
  /** The config's router address, for code snippets; only a plain http(s) URL without credentials. */
  baseUrl?: string;
  configProblem?: string;
}

/** The agent's order: primary, then each fallback (duplicates kept once). */
export function configuredChain(settings: Pick<PlaygroundSettings, "primary" | "fallbacks">): string[] {
  const chain: string[] = [];
  for (const ref of [settings.primary, ...settings.fallbacks]) if (ref && !chain.includes(ref)) chain.push(ref);
  return chain;
}
