// A pending (unsaved) model change, edited step by step in the browser. Pure: the page shows the
// settings as they will be after saving, computed the same way the server edit does.
import type { ModelSettings } from "@/lib/openclaw-config/model-settings";
import type { ModelChange } from "./change";

/** Later steps win; aliases merge key by key. */
export function mergeChanges(a: ModelChange, b: ModelChange): ModelChange {
  const out: ModelChange = { ...a, ...b };
  if (a.aliases || b.aliases) out.aliases = { ...a.aliases, ...b.aliases };
  for (const key of Object.keys(out) as (keyof ModelChange)[]) if (out[key] === undefined) delete out[key];
  return out;
}

type Settings = Pick<ModelSettings, "primary" | "fallbacks" | "aliases" | "allow"> &
  Partial<Pick<ModelSettings, "allowlistPath" | "modelEntries">>;

export function applyChangeToSettings<S extends Settings>(settings: S, change: ModelChange): S {
  const primary = change.primary ?? settings.primary;
  const fallbacks = change.fallbacks ?? settings.fallbacks;
  const inUse = [...(primary ? [primary] : []), ...fallbacks];
  const aliases = { ...settings.aliases };
  for (const [ref, alias] of Object.entries(change.aliases ?? {})) {
    if (alias === "") delete aliases[ref];
    else aliases[ref] = alias;
  }
  const withRefs = (list: readonly string[], more: string[]) => [
    ...list,
    ...more.filter((r, i) => !list.includes(r) && more.indexOf(r) === i),
  ];
  const named = [...inUse, ...Object.keys(change.aliases ?? {})];
  // A migrated file: the allowlist is modelPolicy.allow, exactly as asked; refs in use and refs
  // given an alias get an agents.defaults.models entry, outside it (edit.ts does the same).
  if (settings.allowlistPath === "agents.defaults.modelPolicy.allow") {
    const allow = change.allow ? [...change.allow] : [...settings.allow];
    return {
      ...settings,
      primary,
      fallbacks,
      aliases,
      allow,
      modelEntries: withRefs(settings.modelEntries ?? [], named),
    };
  }
  // A legacy file: the allowlist is agents.defaults.models' keys, which keep the refs in use.
  const kept = change.allow
    ? settings.allow.filter((ref) => change.allow!.includes(ref) || inUse.includes(ref))
    : [...settings.allow];
  const allow = withRefs(kept, [...inUse, ...(change.allow ?? []), ...Object.keys(change.aliases ?? {})]);
  return { ...settings, primary, fallbacks, aliases, allow, ...(settings.modelEntries ? { modelEntries: allow } : {}) };
}

/** Drops the parts of a change that would not change anything, so "no pending change" is exact. */
export function normalizeChange(settings: Settings, change: ModelChange): ModelChange {
  const out: ModelChange = {};
  if (change.primary !== undefined && change.primary !== settings.primary) out.primary = change.primary;
  if (change.fallbacks && JSON.stringify(change.fallbacks) !== JSON.stringify(settings.fallbacks))
    out.fallbacks = change.fallbacks;
  const aliases = Object.entries(change.aliases ?? {}).filter(
    ([ref, alias]) => (settings.aliases[ref] ?? "") !== alias,
  );
  if (aliases.length) out.aliases = Object.fromEntries(aliases);
  if (change.allow) {
    const before = applyChangeToSettings(settings, out).allow.sort().join("\n");
    const after = applyChangeToSettings(settings, { ...out, allow: change.allow })
      .allow.sort()
      .join("\n");
    if (before !== after) out.allow = change.allow;
  }
  return out;
}
