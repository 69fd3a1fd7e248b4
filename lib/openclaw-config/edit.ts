// Applies a model change to an openclaw.json object the way OpenClaw's own commands do
// (openclaw.md, "What OpenClaw's own commands write"): primary/fallbacks under
// agents.defaults.model, an agents.defaults.models entry (with its alias) for every ref in use,
// and models.providers.huggingface with baseUrl, api and a declaration of each ref's model so
// `openclaw models list` shows it. Every key the dashboard does not manage is kept as it was.
import type { CatalogModel } from "@/lib/catalog/types";
import { builtinEntry } from "@/lib/catalog/builtin";
import { deriveName, guessReasoning } from "@/lib/catalog/naming";
import { predictProvider } from "@/lib/catalog/routing";
import { isWildcardEntry } from "@/lib/openclaw-agent/allowlist";
import { parseRef } from "@/lib/openclaw-config/model-ref";
import { readModelSettings } from "@/lib/openclaw-config/model-settings";
import { duplicateAliases } from "./aliases";
import type { ModelChange } from "./change";
import { checkTouchedConfig, type ConfigIssue } from "./schema";

export type Json = Record<string, unknown>;
const DEFAULT_BASE_URL = "https://router.huggingface.co/v1";

interface EditResult {
  config: Json;
  issues: ConfigIssue[];
}

function isRecord(value: unknown): value is Json {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

/** Returns parent[key] as an object, creating it when absent; null when something else is there. */
function child(parent: Json, key: string): Json | null {
  if (parent[key] === undefined) parent[key] = {};
  return isRecord(parent[key]) ? (parent[key] as Json) : null;
}

export function applyModelChange(input: Json, change: ModelChange, catalog: CatalogModel[] = []): EditResult {
  const config = structuredClone(input);
  const issues: ConfigIssue[] = [];
  const before = readModelSettings(input);
  const known = new Set([...(before.primary ? [before.primary] : []), ...before.fallbacks, ...before.allow]);

  // New refs must name the Hugging Face provider; refs already in the file may stay as they are
  // (so reordering fallbacks never fails on someone else's hand-written entry).
  const incoming = [
    change.primary,
    ...(change.fallbacks ?? []),
    ...Object.keys(change.aliases ?? {}),
    ...(change.allow ?? []),
  ];
  for (const ref of incoming) {
    if (ref !== undefined && !parseRef(ref).hasPrefix && !known.has(ref) && !isWildcardEntry(ref)) {
      issues.push({
        path: "change",
        message: `"${ref}" does not start with huggingface/: OpenClaw would not send it to Hugging Face.`,
      });
    }
  }
  if (issues.length > 0) return { config: input, issues };

  const agents = child(config, "agents");
  const defaults = agents && child(agents, "defaults");
  if (!defaults)
    return {
      config: input,
      issues: [{ path: "agents.defaults", message: "agents.defaults is not an object; fix it by hand first." }],
    };

  const primary = change.primary ?? before.primary;
  const fallbacks = change.fallbacks ?? before.fallbacks;
  if (change.primary !== undefined || change.fallbacks !== undefined) {
    const current = defaults.model;
    const model: Json = isRecord(current) ? current : {};
    if (primary) model.primary = primary;
    if (change.fallbacks !== undefined || Array.isArray(model.fallbacks)) model.fallbacks = fallbacks;
    defaults.model = model;
  }

  const models = child(defaults, "models");
  if (!models)
    return {
      config: input,
      issues: [
        { path: "agents.defaults.models", message: "agents.defaults.models is not an object; fix it by hand first." },
      ],
    };
  const inUse = [...(primary ? [primary] : []), ...fallbacks];
  // The allowlist is written where this file keeps it (lib/openclaw-agent/allowlist.ts).
  const policyAllow = before.allowlistPath === "agents.defaults.modelPolicy.allow";
  if (change.allow !== undefined && policyAllow) {
    const policy = child(defaults, "modelPolicy");
    if (!policy)
      return {
        config: input,
        issues: [
          {
            path: "agents.defaults.modelPolicy",
            message: "agents.defaults.modelPolicy is not an object; fix it by hand first.",
          },
        ],
      };
    policy.allow = [...change.allow];
  } else if (change.allow !== undefined) {
    const keep = new Set([...change.allow, ...inUse]);
    for (const ref of Object.keys(models)) if (!keep.has(ref)) delete models[ref];
  }
  const newEntries = policyAllow ? inUse : [...inUse, ...(change.allow ?? [])];
  for (const ref of newEntries) if (!isRecord(models[ref])) models[ref] = {};
  for (const [ref, alias] of Object.entries(change.aliases ?? {})) {
    const entry = isRecord(models[ref]) ? (models[ref] as Json) : (models[ref] = {} as Json);
    if (alias === "") delete entry.alias;
    else entry.alias = alias;
  }
  issues.push(...aliasClashes(models, Object.keys(change.aliases ?? {})));

  const provider = declareProvider(config);
  if (!provider)
    return {
      config: input,
      issues: [
        {
          path: "models.providers.huggingface",
          message: "models.providers.huggingface is not an object; fix it by hand first.",
        },
      ],
    };
  const refsToDeclare = [...inUse, ...Object.keys(models), ...(policyAllow ? (change.allow ?? []) : [])].filter(
    (ref) => !isWildcardEntry(ref),
  );
  declareModels(provider, refsToDeclare, catalog);

  issues.push(...checkTouchedConfig(config));
  return { config: issues.length > 0 ? input : config, issues };
}

function aliasClashes(models: Json, changedRefs: string[]): ConfigIssue[] {
  const aliases: Record<string, string> = {};
  for (const [ref, entry] of Object.entries(models)) {
    const alias = isRecord(entry) ? entry.alias : undefined;
    if (typeof alias === "string" && alias !== "") aliases[ref] = alias;
  }
  const changed = new Set(changedRefs);
  return duplicateAliases(aliases)
    .filter((group) => group.refs.some((ref) => changed.has(ref)))
    .map((group) => ({
      path: "aliases",
      message: `The alias "${group.alias}" is already used by ${group.refs.filter((r) => !changed.has(r)).join(", ") || group.refs.join(", ")} (aliases are unique, ignoring case).`,
    }));
}

function declareProvider(config: Json): Json | null {
  const section = child(config, "models");
  if (!section) return null;
  if (section.mode === undefined) section.mode = "merge";
  const providers = child(section, "providers");
  const provider = providers && child(providers, "huggingface");
  if (!provider) return null;
  if (provider.baseUrl === undefined) provider.baseUrl = DEFAULT_BASE_URL;
  if (provider.api === undefined) provider.api = "openai-completions";
  if (provider.models === undefined) provider.models = [];
  return provider;
}

/** Adds an entry for each Hugging Face model in use that the provider does not declare yet. */
function declareModels(provider: Json, refs: string[], catalog: CatalogModel[]): void {
  if (!Array.isArray(provider.models)) return; // the schema check reports it
  const list = provider.models as unknown[];
  const declared = new Set(list.map((m) => (isRecord(m) && typeof m.id === "string" ? m.id : "")));
  const byId = new Map(catalog.map((m) => [m.id, m]));
  for (const ref of refs) {
    const parsed = parseRef(ref);
    if (!parsed.hasPrefix || declared.has(parsed.modelId)) continue;
    declared.add(parsed.modelId);
    list.push(modelEntry(parsed.modelId, byId.get(parsed.modelId), parsed.policy));
  }
}

function modelEntry(id: string, model: CatalogModel | undefined, policy = parseRef(id).policy): Json {
  const builtin = builtinEntry(id);
  const entry: Json = {
    id,
    name: builtin?.name ?? model?.name ?? deriveName(id),
    reasoning: builtin?.reasoning ?? model?.reasoning ?? guessReasoning(id),
    input: model?.imageInput ? ["text", "image"] : ["text"],
  };
  if (builtin) entry.cost = { ...builtin.cost };
  else {
    const offer = model ? predictProvider(model, policy) : undefined;
    if (offer && offer.inputPrice !== undefined && offer.outputPrice !== undefined) {
      entry.cost = {
        input: offer.inputPrice,
        output: offer.outputPrice,
        cacheRead: offer.inputPrice,
        cacheWrite: offer.inputPrice,
      };
    }
  }
  const context = builtin ? Math.min(builtin.contextWindow, model?.contextWindow ?? Infinity) : model?.contextWindow;
  if (context) entry.contextWindow = context;
  entry.maxTokens = builtin?.maxTokens ?? model?.maxTokens ?? 8192;
  return entry;
}
