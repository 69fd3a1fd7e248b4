// Trap: a `:<provider>` suffix naming a provider the router no longer serves the model through
// (or one removed from the router altogether). Every request for that ref fails. The repair picks
// the provider the live catalog says serves it now, the one the router would choose by default.
import { fastestProvider } from "@/lib/catalog/routing";
import { REMOVED_PROVIDERS, buildRef, parseRef } from "../model-ref";
import { readModelSettings } from "../model-settings";
import { renameRef } from "./rename-ref";
import type { Json, Repair, RepairContext } from "./types";

const REMOVED = new Set<string>(REMOVED_PROVIDERS);

export function providerNotServingRepairs(config: Json, ctx: RepairContext): Repair[] {
  const settings = readModelSettings(config);
  const refs = new Set([...(settings.primary ? [settings.primary] : []), ...settings.fallbacks, ...settings.allow]);
  const byId = new Map(ctx.catalog.map((m) => [m.id, m]));
  return [...refs].flatMap((ref) => {
    const parsed = parseRef(ref);
    if (!parsed.hasPrefix || parsed.policy.kind !== "provider") return [];
    const { provider } = parsed.policy;
    const model = byId.get(parsed.modelId);
    const removed = REMOVED.has(provider);
    const served = model?.providers.some((p) => p.provider === provider && p.status === "live") ?? false;
    if (!removed && (!ctx.live || !model || served)) return [];
    const now = model && ctx.live ? fastestProvider(model) : undefined;
    if (!now) return [];
    const fixed = buildRef(parsed.modelId, { kind: "provider", provider: now.provider });
    return [
      {
        id: `provider_not_serving:${ref}`,
        kind: "provider_not_serving" as const,
        path: settings.primary === ref ? "agents.defaults.model.primary" : "agents.defaults.model",
        label: `Use ${fixed} (${now.provider} serves it now)`,
        message: removed
          ? `${provider} was removed from Hugging Face's router: every request for ${ref} fails.`
          : `${provider} no longer serves ${parsed.modelId} (the router's live list): every request for ${ref} fails.`,
        warnings: [{ kind: removed ? ("removed_provider" as const) : ("provider_not_serving" as const), ref }],
        apply: (input: Json) => renameRef(input, ref, fixed),
      },
    ];
  });
}
