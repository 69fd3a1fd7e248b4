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

/** A `provider/*` or `provider/namespace/*` entry (OpenClaw's segment-boundary prefix wildcard). */
export function isWildcardEntry(entry: string): boolean {
  return entry.endsWith("/*") && entry.length > 2 && !entry.slice(0, -2).includes("*");
}

/**
 * Whether the agent accepts `ref` (with its huggingface/ prefix) as an explicit choice: an exact
 * entry, a prefix wildcard, or (modelPolicy.allow only) the ref's alias, ignoring case.
 */
export function isAllowed(ref: string, allowlist: AgentAllowlist, alias?: string): boolean {
  if (allowlist.refs.length === 0) return true;
  const name = alias?.trim().toLowerCase();
  return allowlist.refs.some(
    (entry) =>
      entry === ref ||
      (isWildcardEntry(entry) && ref.startsWith(entry.slice(0, -1))) ||
      (!!name && allowlist.path === "agents.defaults.modelPolicy.allow" && entry.trim().toLowerCase() === name),
  );
}
