// The JSON merge patch (RFC 7396) that turns one openclaw.json into another, for the Gateway's
// config.patch: objects merge, `null` deletes a key, any other value (arrays included) replaces.
// OpenClaw refuses a patch that removes array entries unless the array's exact path is listed in
// replacePaths, and it merges arrays of objects by `id`; so every array that existed before and
// changes is listed, which makes the Gateway store exactly the array we computed.

export interface MergePatch {
  /** null when nothing differs. */
  patch: Record<string, unknown> | null;
  /** Dotted paths of the changed arrays that existed before (e.g. agents.defaults.model.fallbacks). */
  replacePaths: string[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
  }
  return false;
}

/** The paths of every array in `value` (itself included), for a subtree a patch deletes. */
function arrayPaths(value: unknown, path: string, out: string[]): void {
  if (Array.isArray(value)) out.push(path);
  else if (isObject(value)) for (const [key, item] of Object.entries(value)) arrayPaths(item, `${path}.${key}`, out);
}

function diff(before: unknown, after: unknown, path: string, replacePaths: string[]): unknown {
  if (same(before, after)) return undefined;
  if (isObject(before) && isObject(after)) {
    const out: Json = {};
    for (const key of Object.keys(before)) {
      if (Object.hasOwn(after, key)) continue;
      out[key] = null;
      // OpenClaw counts deleting an array (or an object holding one) as removing its entries.
      arrayPaths(before[key], path ? `${path}.${key}` : key, replacePaths);
    }
    for (const key of Object.keys(after)) {
      const child = diff(before[key], after[key], path ? `${path}.${key}` : key, replacePaths);
      if (child !== undefined) out[key] = child;
    }
    return out;
  }
  if (Array.isArray(after) && Array.isArray(before)) replacePaths.push(path);
  // A value null in the target cannot be said in a merge patch (null deletes); OpenClaw's schema
  // has no null-valued model settings, so deleting is the closest and the dashboard never writes one.
  return after;
}

/** The merge patch from `before` to `after`, leaving out the top-level keys in `skip` (e.g. meta). */
export function mergePatchOf(before: Json, after: Json, skip: readonly string[] = []): MergePatch {
  const replacePaths: string[] = [];
  const strip = (o: Json) => Object.fromEntries(Object.entries(o).filter(([k]) => !skip.includes(k)));
  const patch = diff(strip(before), strip(after), "", replacePaths) as Json | undefined;
  return { patch: patch && Object.keys(patch).length > 0 ? patch : null, replacePaths };
}
