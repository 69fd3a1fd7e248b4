// GET /api/openclaw/gateway: what the running OpenClaw Gateway says about the huggingface provider,
// beyond what openclaw.json says. Shared by the route's serializer and the panels.
import type { GatewayState } from "@/lib/openclaw-config/api-types";

export interface UsageTotalsBody {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
  totalTokens: number;
  /** Estimated from the models' configured cost ($ per 1M tokens). */
  totalCost: number;
  /** Calls whose model had no cost configured (their cost is not in totalCost). */
  missingCostEntries: number;
}

/** One part of the view: its data, or why the Gateway did not give it. */
export type Part<T> = { ok: true; data: T } | { ok: false; message: string };

export interface GatewayAuthBody {
  /** OpenClaw has a credential for huggingface. */
  configured: boolean;
  /** OpenClaw's summary ("static", "ok", "missing"…), null when it does not list the provider. */
  status: string | null;
  /** Where the key comes from ("env" with the variable's name, or "config"); never the key. */
  apiKey: { source: string; envVar?: string } | null;
  profiles: { profileId: string; type?: string; status?: string }[];
}

export interface GatewayCatalogModelBody {
  ref: string;
  id: string;
  name: string;
  contextWindow?: number;
  reasoning?: boolean;
  tags: string[];
  available: boolean;
  unavailableReason?: string;
}

export interface GatewayUsageBody {
  startDate?: string;
  endDate?: string;
  /** huggingface's share over the range; zeros when it has none. */
  huggingface: { count: number; totals: UsageTotalsBody };
  /** Per huggingface model, OpenClaw's order (most expensive first). */
  models: { model: string; count: number; totals: UsageTotalsBody }[];
  /** All providers (usage.cost), for scale. */
  allProviders: UsageTotalsBody;
}

export interface GatewayViewBody {
  state: GatewayState;
  /** What to tell the user (what to do, which command starts it), when there is something to say. */
  message?: string;
  version?: string;
  /** Present when the Gateway runs; each part can fail on its own. */
  auth?: Part<GatewayAuthBody>;
  catalog?: Part<{ models: GatewayCatalogModelBody[]; refreshFailed: boolean }>;
  usage?: Part<GatewayUsageBody>;
  /** Days covered by usage. */
  usageDays: number;
}

/** Which key source OpenClaw uses, said plainly. */
export function describeAuth(auth: GatewayAuthBody): string {
  if (auth.apiKey?.source === "env")
    return `an API key from the environment variable ${auth.apiKey.envVar ?? "(unnamed)"} (the process environment, <state>/.env or env.vars)`;
  if (auth.apiKey) return `an API key from ${auth.apiKey.source === "config" ? "openclaw.json" : auth.apiKey.source}`;
  if (auth.profiles.length > 0) return `the auth profile ${auth.profiles.map((p) => p.profileId).join(", ")}`;
  return "no key: the agent's Hugging Face calls fail until a token is set and the Gateway reloads";
}
