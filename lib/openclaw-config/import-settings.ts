// Importing another config's model settings into openclaw.json (the Config page's Import panel),
// on parsed objects. "Model settings" are the three places OpenClaw reads the agent's models from:
// agents.defaults.model (primary, fallbacks), agents.defaults.models (per-ref entries: alias,
// params…) and agents.defaults.modelPolicy.allow (the allowlist of a migrated file). Everything
// else of the current file is kept as it is (masked secrets included: the server puts the saved
// values back), and everything else of the imported one is ignored, with a note saying so.
// The inputs come from pasted or uploaded text: keys such as __proto__ are skipped, never assigned.
import { isWildcardEntry } from "@/lib/openclaw-agent/allowlist";

export type ImportMode = "replace" | "merge";

export interface ImportResult {
  config: Record<string, unknown>;
  /** What the import did besides the obvious, and what it ignored, in words. */
  notes: string[];
}

type Obj = Record<string, unknown>;

const HOSTILE = new Set(["__proto__", "constructor", "prototype"]);
const IGNORED = "ignored: only model settings are imported";

function isObject(value: unknown): value is Obj {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

/** A deep copy of a JSON value without hostile keys (each skipped one noted with its path). */
function copy(value: unknown, path: string, notes: string[]): unknown {
  if (Array.isArray(value)) return value.map((item, i) => copy(item, `${path}.${i}`, notes));
  if (!isObject(value)) return value;
  const out: Obj = {};
  for (const [key, item] of Object.entries(value)) {
    if (HOSTILE.has(key)) {
      notes.push(`${path ? `${path}.` : ""}${key} (skipped: this key name is not allowed)`);
      continue;
    }
    out[key] = copy(item, path ? `${path}.${key}` : key, notes);
  }
  return out;
}

/** `parent[key]` as an object, created (or replaced, when it is not one) if needed. */
function child(parent: Obj, key: string, path: string, notes: string[]): Obj {
  const value = parent[key];
  if (isObject(value)) return value;
  if (value !== undefined) notes.push(`${path} was not an object in the current file: it is replaced.`);
  const created: Obj = {};
  parent[key] = created;
  return created;
}

const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((item) => typeof item === "string") ? (value as string[]) : undefined;

function union(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}

/** The incoming model settings, checked; anything malformed is left out with a note. */
interface Incoming {
  /** agents.defaults.model as written (a string ref or {primary, fallbacks, …}). */
  model?: unknown;
  primary?: string;
  fallbacks?: string[];
  models?: Obj;
  allow?: string[];
}

function readIncoming(incoming: Obj, notes: string[]): Incoming {
  const found: Incoming = {};
  for (const key of Object.keys(incoming)) {
    if (HOSTILE.has(key)) notes.push(`${key} (skipped: this key name is not allowed)`);
    else if (key !== "agents") notes.push(`${key} (${IGNORED})`);
  }
  const agents = incoming.agents;
  if (agents === undefined) return found;
  if (!isObject(agents)) {
    notes.push(`agents (ignored: not an object)`);
    return found;
  }
  for (const key of Object.keys(agents))
    if (key !== "defaults")
      notes.push(`agents.${key} (${HOSTILE.has(key) ? "skipped: this key name is not allowed" : IGNORED})`);
  const defaults = agents.defaults;
  if (defaults === undefined) return found;
  if (!isObject(defaults)) {
    notes.push(`agents.defaults (ignored: not an object)`);
    return found;
  }
  for (const key of Object.keys(defaults))
    if (key !== "model" && key !== "models" && key !== "modelPolicy")
      notes.push(`agents.defaults.${key} (${HOSTILE.has(key) ? "skipped: this key name is not allowed" : IGNORED})`);

  const model = defaults.model;
  if (typeof model === "string") {
    found.model = model;
    found.primary = model;
  } else if (isObject(model)) {
    found.model = copy(model, "agents.defaults.model", notes);
    if (typeof model.primary === "string") found.primary = model.primary;
    else if (model.primary !== undefined) notes.push("agents.defaults.model.primary (ignored: not a string)");
    if (model.fallbacks !== undefined) {
      found.fallbacks = strings(model.fallbacks);
      if (!found.fallbacks) notes.push("agents.defaults.model.fallbacks (ignored: not a list of refs)");
    }
  } else if (model !== undefined) notes.push("agents.defaults.model (ignored: neither a ref nor an object)");

  if (isObject(defaults.models)) found.models = copy(defaults.models, "agents.defaults.models", notes) as Obj;
  else if (defaults.models !== undefined) notes.push("agents.defaults.models (ignored: not an object)");

  const policy = defaults.modelPolicy;
  if (isObject(policy)) {
    for (const key of Object.keys(policy))
      if (key !== "allow")
        notes.push(
          `agents.defaults.modelPolicy.${key} (${HOSTILE.has(key) ? "skipped: this key name is not allowed" : IGNORED})`,
        );
    if (policy.allow !== undefined) {
      found.allow = strings(policy.allow);
      if (!found.allow) notes.push("agents.defaults.modelPolicy.allow (ignored: not a list of refs)");
    }
  } else if (policy !== undefined) notes.push("agents.defaults.modelPolicy (ignored: not an object)");
  return found;
}

/** The refs the imported settings name: primary, fallbacks, and the keys of models. */
function namedRefs(found: Incoming): string[] {
  return union(
    [...(found.primary ? [found.primary] : []), ...(found.fallbacks ?? [])],
    Object.keys(found.models ?? {}),
  );
}

const covered = (ref: string, allow: readonly string[]) =>
  allow.some((entry) => entry === ref || (isWildcardEntry(entry) && ref.startsWith(entry.slice(0, -1))));

function mergeModel(current: unknown, found: Incoming): unknown {
  const base: Obj = isObject(current) ? { ...current } : typeof current === "string" ? { primary: current } : {};
  if (isObject(found.model))
    for (const [key, value] of Object.entries(found.model))
      if (key !== "primary" && key !== "fallbacks") base[key] = value;
  const primary = found.primary ?? (typeof base.primary === "string" ? base.primary : undefined);
  const fallbacks = union(strings(base.fallbacks) ?? [], found.fallbacks ?? []).filter((ref) => ref !== primary);
  // Two bare refs stay a bare ref.
  if (!isObject(current) && !isObject(found.model) && primary !== undefined && fallbacks.length === 0) return primary;
  if (primary !== undefined) base.primary = primary;
  if (fallbacks.length > 0 || base.fallbacks !== undefined) base.fallbacks = fallbacks;
  return base;
}

function mergeModels(current: unknown, incoming: Obj): Obj {
  const out: Obj = isObject(current) ? { ...current } : {};
  for (const [ref, entry] of Object.entries(incoming)) {
    const before = out[ref];
    out[ref] = isObject(before) && isObject(entry) ? { ...before, ...entry } : entry;
  }
  return out;
}

/**
 * `current` with `incoming`'s model settings put in. Replace: each of the three places the imported
 * config sets replaces the current one. Merge: its primary wins, fallbacks and the allowlist are
 * unions, entries of agents.defaults.models are merged per ref (its fields win). Neither input is changed.
 */
export function importModelSettings(current: Obj, incoming: Obj, mode: ImportMode): ImportResult {
  const notes: string[] = [];
  const config = copy(current, "", notes) as Obj;
  const found = readIncoming(incoming, notes);
  const sets = found.model !== undefined || found.models !== undefined || found.allow !== undefined;
  if (!sets) {
    notes.push(
      "The imported config sets no model settings (agents.defaults.model, agents.defaults.models, agents.defaults.modelPolicy.allow): nothing changed.",
    );
    return { config, notes };
  }

  const defaults = child(child(config, "agents", "agents", notes), "defaults", "agents.defaults", notes);
  if (found.model !== undefined) {
    defaults.model = mode === "replace" ? found.model : mergeModel(defaults.model, found);
  }
  if (found.models !== undefined) {
    defaults.models = mode === "replace" ? found.models : mergeModels(defaults.models, found.models);
  }

  const currentAllow = isObject(defaults.modelPolicy) ? strings(defaults.modelPolicy.allow) : undefined;
  if (found.allow !== undefined) {
    const policy = child(defaults, "modelPolicy", "agents.defaults.modelPolicy", notes);
    policy.allow = mode === "replace" ? [...found.allow] : union(currentAllow ?? [], found.allow);
  } else if (currentAllow && currentAllow.length > 0) {
    // A migrated file: only the refs in modelPolicy.allow may be chosen, so the imported ones join it.
    const added = namedRefs(found).filter((ref) => !covered(ref, currentAllow));
    if (added.length > 0) {
      (defaults.modelPolicy as Obj).allow = [...currentAllow, ...added];
      notes.push(
        `Added to agents.defaults.modelPolicy.allow so the agent may use ${added.length === 1 ? "it" : "them"}: ${added.join(", ")}.`,
      );
    }
  }
  return { config, notes };
}

/** Whether JSON5 text holds a comment (outside strings): the Import panel says they are lost. */
export function hasComments(text: string): boolean {
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote || c === "\n") quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) return true;
  }
  return false;
}
