// A repair for a known trap in openclaw.json: what is wrong, where, and a pure edit that fixes it.
// Repairs are found on the file as it is (findRepairs) and applied by id on the file at the
// revision the user saw (POST /api/config/fix), so an id only has to be stable for one file.
import type { CatalogModel } from "@/lib/catalog/types";
import type { WarningKind } from "@/lib/catalog/warnings";

export type Json = Record<string, unknown>;

export type RepairKind =
  | "provider_model_options"
  | "missing_prefix"
  | "duplicate_alias"
  | "provider_not_serving"
  | "fallback_repeats"
  | "primary_not_allowed"
  | "unknown_key";

export interface RepairedWarning {
  kind: WarningKind;
  ref?: string;
  alias?: string;
}

export interface Repair {
  /** `<kind>:<what>`: names the repair within one file. */
  id: string;
  kind: RepairKind;
  /** What the one click does, e.g. `Move "alias" to agents.defaults.models["huggingface/…"]`. */
  label: string;
  /** The problem, in a sentence. */
  message: string;
  /** Where in the file, dot-joined as OpenClaw reports it. */
  path: string;
  /** The warnings (lib/catalog/warnings.ts) this repairs, so it can be offered beside them. */
  warnings?: RepairedWarning[];
  /** The OpenClaw issue it answers: `Unrecognized key` at `path`, naming one of `keys`. */
  answers?: { path: string; keys: string[] };
  /** The file with the repair made; `config` is not modified. */
  apply(config: Json): Json;
}

export interface RepairContext {
  /** The model catalog, for the providers that serve a model now. */
  catalog: CatalogModel[];
  /** Whether `catalog` is the router's live list (only then is "no longer served" known). */
  live: boolean;
  /** OpenClaw's issues with the file (the verdict), for the repairs that answer them. */
  issues: { path: string; message: string }[];
  /** The keys OpenClaw knows at a path of the file (from its schema), for the unknown-key repair. */
  knownKeysAt?: (path: string[]) => string[] | null;
}

export function isRecord(value: unknown): value is Json {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

/** parent[key] as an object, created when absent; null when something else is there. */
export function child(parent: Json, key: string): Json | null {
  if (parent[key] === undefined) parent[key] = {};
  return isRecord(parent[key]) ? (parent[key] as Json) : null;
}

/** agents.defaults of a copy, created when absent (null when it is not an object). */
export function defaultsOf(config: Json): Json | null {
  const agents = child(config, "agents");
  return agents && child(agents, "defaults");
}
