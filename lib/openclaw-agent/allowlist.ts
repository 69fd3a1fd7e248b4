// The allowlist that applies to a file, as OpenClaw 2026.9.6 reads it (openclaw-gateway.md §0): a
// migrated file (meta.migrations.modelPolicyAllowlist) uses agents.defaults.modelPolicy.allow; a
// legacy one uses the keys of agents.defaults.models. Empty or absent means any model. Entries are
// exact refs (a policy suffix counts: `…/Qwen3-8B:groq` is not `…/Qwen3-8B`) or `provider/*`.
// Measured with `openclaw agent --local --model …`: a ref outside it is refused before any router
// call, in both kinds of file; the configured primary and fallbacks are used all the same.
export type AllowlistPath = "agents.defaults.modelPolicy.allow" | "agents.defaults.models";

export interface AgentAllowlist {
  /** Where the list comes from in this file. */
  path: AllowlistPath;
  /** Empty: every model is allowed. */
  refs: string[];
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function readAllowlist(config: Record<string, unknown> | null): AgentAllowlist {
  const defaults = record(record(config?.agents)?.defaults);
  const migrated = record(record(config?.meta)?.migrations)?.modelPolicyAllowlist === true;
  if (migrated) {
    const allow = record(defaults?.modelPolicy)?.allow;
    const refs = Array.isArray(allow) ? allow.filter((r): r is string => typeof r === "string" && r !== "") : [];
    return { path: "agents.defaults.modelPolicy.allow", refs };
  }
  return { path: "agents.defaults.models", refs: Object.keys(record(defaults?.models) ?? {}) };
}

/** Whether the agent accepts `ref` (with its huggingface/ prefix) as an explicit choice. */
export function isAllowed(ref: string, allowlist: AgentAllowlist): boolean {
  if (allowlist.refs.length === 0) return true;
  const provider = ref.slice(0, ref.indexOf("/") + 1);
  return allowlist.refs.some((entry) => entry === ref || (provider !== "" && entry === `${provider}*`));
}
