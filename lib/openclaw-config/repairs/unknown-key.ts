// Trap: a key OpenClaw does not know, one edit away from one it does (`primray` → `primary`).
// OpenClaw refuses the whole file (`Unrecognized key: "primray"` at agents.defaults.model); the
// repair renames the key, keeping its value, when exactly one known key at that place is one edit
// away (a substitution, an insertion, a deletion or two neighbours swapped) and not already used.
import { isAgentOnlyOption } from "./provider-model-options";
import { isRecord, type Json, type Repair, type RepairContext } from "./types";

/** Whether `a` becomes `b` with exactly one edit (Damerau: swapping two neighbours counts as one). Linear. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.slice(i) === long.slice(i + 1);
}

/** The keys an "Unrecognized key(s)" message names (zod's and OpenClaw's wording). */
export function unrecognizedKeys(message: string): string[] {
  if (!message.startsWith("Unrecognized key")) return [];
  const keys: string[] = [];
  for (const match of message.matchAll(/"((?:[^"\\]|\\.)*)"/g)) keys.push(match[1].replace(/\\(.)/g, "$1"));
  return keys;
}

/**
 * The segments of a dot-joined path in `data` (keys may contain dots, as refs do: `Qwen2.5`), found
 * by walking the object; null when the path does not lead to an object.
 */
export function resolvePath(data: unknown, dotted: string): string[] | null {
  if (dotted === "") return isRecord(data) ? [] : null;
  if (Array.isArray(data)) {
    const dot = dotted.indexOf(".");
    const head = dot < 0 ? dotted : dotted.slice(0, dot);
    if (!/^\d+$/.test(head)) return null;
    const rest = dot < 0 ? "" : dotted.slice(dot + 1);
    const tail = resolvePath(data[Number(head)], rest);
    return tail && [head, ...tail];
  }
  if (!isRecord(data)) return null;
  // Try the longest key first: a key with dots wins over nested objects that merely share a prefix.
  const candidates = Object.keys(data)
    .filter((key) => dotted === key || dotted.startsWith(`${key}.`))
    .sort((a, b) => b.length - a.length);
  for (const key of candidates) {
    const tail = resolvePath(data[key], dotted.slice(key.length + 1));
    if (tail) return [key, ...tail];
  }
  return null;
}

function objectAt(data: Json, segments: string[]): Json | null {
  let node: unknown = data;
  for (const segment of segments)
    node = Array.isArray(node) ? node[Number(segment)] : isRecord(node) ? node[segment] : undefined;
  return isRecord(node) ? node : null;
}

export function unknownKeyRepairs(config: Json, ctx: RepairContext): Repair[] {
  if (!ctx.knownKeysAt) return [];
  const repairs: Repair[] = [];
  const seen = new Set<string>();
  for (const issue of ctx.issues) {
    const keys = unrecognizedKeys(issue.message);
    if (keys.length === 0) continue;
    const segments = resolvePath(config, issue.path);
    const target = segments && objectAt(config, segments);
    const known = segments && ctx.knownKeysAt(segments);
    if (!segments || !target || !known) continue;
    const inProviderModel =
      segments.length === 5 && segments.slice(0, 4).join(".") === "models.providers.huggingface.models";
    for (const key of keys) {
      if (!(key in target) || (inProviderModel && isAgentOnlyOption(key))) continue;
      const close = known.filter((k) => oneEditApart(key, k) && !(k in target));
      const id = `unknown_key:${issue.path}:${key}`;
      if (close.length !== 1 || seen.has(id)) continue;
      seen.add(id);
      const [to] = close;
      repairs.push({
        id,
        kind: "unknown_key",
        path: issue.path,
        answers: { path: issue.path, keys: [key] },
        label: `Rename "${key}" to "${to}"`,
        message: `OpenClaw does not know "${key}" at ${issue.path || "the top level"} and rejects the whole file; "${to}" is one letter away.`,
        apply: (input: Json) => {
          const out = structuredClone(input);
          const object = objectAt(out, segments);
          if (!object) return out;
          // Rebuilt in order, so the key keeps its place in the file.
          const renamed = Object.fromEntries(Object.entries(object).map(([k, v]) => [k === key ? to : k, v]));
          for (const k of Object.keys(object)) delete object[k];
          Object.assign(object, renamed);
          return out;
        },
      });
    }
  }
  return repairs;
}
