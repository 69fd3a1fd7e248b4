// Which provider the router would pick now, from the live list (hf-router.md): :fastest is the
// live provider with the highest throughput, :cheapest the lowest output price; no suffix is
// the router's default, today the same as :fastest. Ties keep the router's order.
import type { CatalogModel, ProviderOffer } from "@/lib/catalog/types";
import type { Policy } from "@/lib/openclaw-config/model-ref";

export function liveProviders(model: Pick<CatalogModel, "providers">): ProviderOffer[] {
  return model.providers.filter((p) => p.status === "live");
}

/** Highest throughput among live providers; unknown throughput counts as 0. */
export function fastestProvider(model: Pick<CatalogModel, "providers">): ProviderOffer | undefined {
  let best: ProviderOffer | undefined;
  for (const p of liveProviders(model)) if (!best || (p.throughput ?? 0) > (best.throughput ?? 0)) best = p;
  return best;
}

/** Lowest output price among live providers; unknown prices sort last. */
export function cheapestProvider(model: Pick<CatalogModel, "providers">): ProviderOffer | undefined {
  let best: ProviderOffer | undefined;
  const price = (p: ProviderOffer) => p.outputPrice ?? Number.POSITIVE_INFINITY;
  for (const p of liveProviders(model)) if (!best || price(p) < price(best)) best = p;
  return best;
}

/**
 * The provider a ref with this policy would reach now; undefined when nobody serves it, and
 * null for :preferred (the order lives in the user's Hugging Face settings, which we cannot see).
 */
export function predictProvider(
  model: Pick<CatalogModel, "providers"> | undefined,
  policy: Policy,
): ProviderOffer | undefined | null {
  if (policy.kind === "preferred") return null;
  if (!model) return undefined;
  switch (policy.kind) {
    case "auto":
    case "fastest":
      return fastestProvider(model);
    case "cheapest":
      return cheapestProvider(model);
    case "provider":
      return liveProviders(model).find((p) => p.provider === policy.provider);
  }
}
