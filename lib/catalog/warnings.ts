// Problems OpenClaw accepts silently but that break or mislead the agent, found from the
// config's model settings and the catalog. Shown on the Models page and the Overview.
import type { CatalogModel, CatalogResponse } from "@/lib/catalog/types";
import { parseRef, REMOVED_PROVIDERS } from "@/lib/openclaw-config/model-ref";
import type { ModelSettings } from "@/lib/openclaw-config/model-settings";
import { duplicateAliases } from "@/lib/openclaw-config/aliases";
import { isAllowed, isWildcardEntry } from "@/lib/openclaw-agent/allowlist";

export type WarningKind =
  | "removed_provider"
  | "provider_not_serving"
  | "no_live_provider"
  | "model_missing"
  | "duplicate_alias"
  | "missing_prefix"
  | "fallback_is_primary"
  | "duplicate_fallback"
  | "invalid_base_url"
  | "outside_allowlist";

export interface ModelWarning {
  kind: WarningKind;
  /** The ref concerned (shown with its alias); absent for file-wide warnings. */
  ref?: string;
  /** The alias concerned (duplicate_alias). */
  alias?: string;
  message: string;
}

type Settings = Pick<ModelSettings, "primary" | "fallbacks" | "aliases" | "allow" | "baseUrl"> &
  Partial<Pick<ModelSettings, "allowlistPath">>;
type Catalog = Pick<CatalogResponse, "source" | "models">;

const REMOVED = new Set<string>(REMOVED_PROVIDERS);

/** Each distinct ref once: primary, fallbacks, then the rest of the allowlist. */
function refsToCheck(settings: Settings): { ref: string; inUse: boolean }[] {
  const seen = new Map<string, boolean>();
  if (settings.primary) seen.set(settings.primary, true);
  for (const ref of settings.fallbacks) seen.set(ref, true);
  for (const ref of settings.allow) if (!seen.has(ref) && !isWildcardEntry(ref)) seen.set(ref, false);
  return [...seen].map(([ref, inUse]) => ({ ref, inUse }));
}

export function computeWarnings(
  settings: Settings,
  catalog: Catalog,
  index?: Map<string, CatalogModel>,
): ModelWarning[] {
  const byId = index ?? new Map(catalog.models.map((m) => [m.id, m]));
  const live = catalog.source === "live";
  const warnings: ModelWarning[] = [];

  for (const { ref, inUse } of refsToCheck(settings)) {
    const parsed = parseRef(ref);
    if (!parsed.hasPrefix) {
      // Only flag refs that are clearly meant for Hugging Face: in use, or a model the catalog knows.
      if (inUse || byId.has(ref)) {
        const provider = ref.split("/")[0];
        warnings.push({
          kind: "missing_prefix",
          ref,
          message: `"${ref}" has no huggingface/ prefix: OpenClaw reads "${provider}" as the provider and will not send it to Hugging Face. Use huggingface/${ref}.`,
        });
      }
      continue;
    }
    const model = byId.get(parsed.modelId);
    const policy = parsed.policy;
    if (policy.kind === "provider" && REMOVED.has(policy.provider)) {
      warnings.push({
        kind: "removed_provider",
        ref,
        message: `"${policy.provider}" was removed from Hugging Face's router in July 2026: requests for this ref fail. Pick another provider or a policy.`,
      });
    } else if (!model || (live && !model.listed)) {
      warnings.push({
        kind: "model_missing",
        ref,
        message: live
          ? `${parsed.modelId} is not in the router's model list: no provider serves it.`
          : `${parsed.modelId} is not in the built-in catalog, and the live list is unavailable to check it.`,
      });
    } else if (
      live &&
      policy.kind === "provider" &&
      !model.providers.some((p) => p.provider === policy.provider && p.status === "live")
    ) {
      warnings.push({
        kind: "provider_not_serving",
        ref,
        message: `${policy.provider} does not serve ${parsed.modelId} in the live list: requests for this ref fail.`,
      });
    } else if (live && !model.providers.some((p) => p.status === "live")) {
      warnings.push({
        kind: "no_live_provider",
        ref,
        message: `No provider serves ${parsed.modelId} right now (none is live).`,
      });
    }
  }

  if (settings.primary) {
    if (settings.fallbacks.includes(settings.primary)) {
      warnings.push({
        kind: "fallback_is_primary",
        ref: settings.primary,
        message: "A fallback is the same ref as the primary: it adds nothing when the primary fails.",
      });
    }
  }
  // OpenClaw runs a configured primary or fallback outside the allowlist all the same, but refuses
  // it as an explicit choice (/model, --model, the Playground's picker): worth saying.
  const allowlist = { path: settings.allowlistPath ?? "agents.defaults.models", refs: settings.allow };
  for (const ref of new Set([...(settings.primary ? [settings.primary] : []), ...settings.fallbacks])) {
    if (isAllowed(ref, allowlist, settings.aliases[ref])) continue;
    warnings.push({
      kind: "outside_allowlist",
      ref,
      message: `${ref === settings.primary ? "The primary" : "This fallback"} is not in the allowlist (${allowlist.path}): the agent uses it as configured, but refuses it when chosen explicitly (/model, --model).`,
    });
  }
  const seenFallbacks = new Set<string>();
  for (const ref of settings.fallbacks) {
    if (seenFallbacks.has(ref))
      warnings.push({ kind: "duplicate_fallback", ref, message: "This fallback is listed more than once." });
    seenFallbacks.add(ref);
  }
  for (const group of duplicateAliases(settings.aliases)) {
    warnings.push({
      kind: "duplicate_alias",
      alias: group.alias,
      message: `The alias "${group.alias}" is used by ${group.refs.length} refs (${group.refs.join(", ")}); OpenClaw silently uses the last one.`,
    });
  }
  if (settings.baseUrl !== undefined && !isHttpUrl(settings.baseUrl)) {
    warnings.push({
      kind: "invalid_base_url",
      message: `models.providers.huggingface.baseUrl ("${settings.baseUrl.slice(0, 80)}") is not a URL: every call to Hugging Face fails.`,
    });
  }
  return warnings;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
