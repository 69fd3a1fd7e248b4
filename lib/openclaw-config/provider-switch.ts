// "Use this provider" after a benchmark: every configured ref of the model (primary, fallbacks,
// allowlist, any suffix) becomes `huggingface/<model>:<provider>`, keeping its place and its alias.
// Pure: the result is one more step of the pending change, shown as a diff before saving.
import type { ModelChange } from "./change";
import { buildRef, parseRef } from "./model-ref";
import type { ModelSettings } from "./model-settings";

type Settings = Pick<ModelSettings, "primary" | "fallbacks" | "aliases" | "allow">;

const isRefOf = (ref: string, modelId: string) => ref.startsWith("huggingface/") && parseRef(ref).modelId === modelId;

/** Whether the primary, a fallback or the allowlist names this model (with any suffix). */
export function usesModel(settings: Settings, modelId: string): boolean {
  return [settings.primary ?? "", ...settings.fallbacks, ...settings.allow].some((ref) => isRefOf(ref, modelId));
}

/** The change, or null when the configuration does not use this model at all. */
export function providerSwitchChange(settings: Settings, modelId: string, provider: string): ModelChange | null {
  const target = buildRef(modelId, { kind: "provider", provider });
  const isModel = (ref: string) => isRefOf(ref, modelId);
  const uses = [settings.primary ?? "", ...settings.fallbacks, ...settings.allow].filter(isModel);
  if (uses.length === 0) return null;
  const swap = (ref: string) => (isModel(ref) ? target : ref);
  const dedupe = (refs: string[]) => [...new Set(refs)];
  const change: ModelChange = {};
  if (settings.primary && isModel(settings.primary) && settings.primary !== target) change.primary = target;
  const fallbacks = dedupe(settings.fallbacks.map(swap)).filter((ref) => ref !== (change.primary ?? settings.primary));
  if (JSON.stringify(fallbacks) !== JSON.stringify(settings.fallbacks)) change.fallbacks = fallbacks;
  const allow = dedupe(settings.allow.map(swap));
  if (JSON.stringify(allow) !== JSON.stringify(settings.allow)) change.allow = allow;
  // The alias follows the ref (the first one found wins when several refs of the model had one); the
  // old ref leaves the allowlist, and its alias with it.
  const alias = uses.map((ref) => settings.aliases[ref]).find((a) => a);
  if (alias && !settings.aliases[target]) change.aliases = { [target]: alias };
  return Object.keys(change).length ? change : null;
}
