// What the agent will use, read from an openclaw.json object (pure: both sides use it).
// `agents.defaults.model` may be a bare string ref or {primary, fallbacks}.
import { type AllowlistPath, readAllowlist } from "@/lib/openclaw-agent/allowlist";

export interface ModelSettings {
  primary: string | null;
  fallbacks: string[];
  /** ref → alias, from agents.defaults.models[ref].alias */
  aliases: Record<string, string>;
  /**
   * The allowlist that applies (when non-empty, OpenClaw lets the agent choose only these):
   * agents.defaults.modelPolicy.allow in a migrated file, the keys of agents.defaults.models in a legacy one.
   */
  allow: string[];
  /** Where `allow` lives in this file, so edits write that one. */
  allowlistPath: AllowlistPath;
  /** The keys of agents.defaults.models (refs with options such as an alias). */
  modelEntries: string[];
  /** auth.profiles has a huggingface entry: OpenClaw uses it before the environment. */
  hasAuthProfile: boolean;
  baseUrl?: string;
  discoveryEnabled: boolean;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function readModelSettings(config: Record<string, unknown> | null): ModelSettings {
  const defaults = record(record(record(config?.agents)?.defaults));
  const model = defaults?.model;
  const modelObject = record(model);
  const primary =
    typeof model === "string" ? model : typeof modelObject?.primary === "string" ? modelObject.primary : null;
  const fallbacks = Array.isArray(modelObject?.fallbacks)
    ? modelObject.fallbacks.filter((f): f is string => typeof f === "string")
    : [];
  const models = record(defaults?.models) ?? {};
  const aliases: Record<string, string> = {};
  for (const [ref, options] of Object.entries(models)) {
    const alias = record(options)?.alias;
    if (typeof alias === "string" && alias !== "") aliases[ref] = alias;
  }
  const profiles = record(record(config?.auth)?.profiles) ?? {};
  const hasAuthProfile = Object.entries(profiles).some(
    ([key, profile]) => key.startsWith("huggingface:") || record(profile)?.provider === "huggingface",
  );
  const provider = record(record(record(config?.models)?.providers)?.huggingface);
  const discovery = record(record(record(record(record(config?.plugins)?.entries)?.huggingface)?.config)?.discovery);
  const allowlist = readAllowlist(config);
  return {
    primary,
    fallbacks,
    aliases,
    allow: allowlist.refs,
    allowlistPath: allowlist.path,
    modelEntries: Object.keys(models),
    hasAuthProfile,
    baseUrl: typeof provider?.baseUrl === "string" ? provider.baseUrl : undefined,
    discoveryEnabled: discovery?.enabled !== false,
  };
}

/**
 * Alias → ref, case-insensitive. When two refs share a name the last entry of agents.defaults.models
 * wins, as in OpenClaw (it builds its alias index in file order, each entry overwriting the last).
 */
export function refForAlias(aliases: Record<string, string>, name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  if (wanted === "") return undefined;
  let found: string | undefined;
  for (const [ref, alias] of Object.entries(aliases)) if (alias.toLowerCase() === wanted) found = ref;
  return found;
}

export function resolveAlias(settings: ModelSettings, name: string): string | undefined {
  return refForAlias(settings.aliases, name);
}
