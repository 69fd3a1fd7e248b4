import "server-only";
import type { TokenSource } from "@/lib/token/token-status";
import { getEnvFileVar } from "./env-file";

// OpenClaw's order: it fills its environment from the process, then <state>/.env (never overriding a
// value), then its provider takes HUGGINGFACE_HUB_TOKEN before HF_TOKEN, so the variable's name comes
// first: HUGGINGFACE_HUB_TOKEN in .env beats HF_TOKEN in the process (as env.vars' did, measured).
const TOKEN_VARS = ["HUGGINGFACE_HUB_TOKEN", "HF_TOKEN"] as const;

export interface TokenInEffect {
  token: string;
  source: TokenSource;
}

export async function resolveToken(): Promise<TokenInEffect | null> {
  for (const name of TOKEN_VARS) {
    const value = process.env[name]?.trim();
    if (value) return { token: value, source: `env:${name}` };
    const fromFile = (await getEnvFileVar(name))?.trim();
    if (fromFile) return { token: fromFile, source: `file:${name}` };
  }
  return null;
}

/** `hf_…wxyz`: enough to recognise a token, never enough to use it. */
export function maskToken(token: string): string {
  const prefix = token.startsWith("hf_") ? "hf_" : token.slice(0, 3);
  return `${prefix}…${token.slice(-4)}`;
}
