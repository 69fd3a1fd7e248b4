// Which parameters the playground offers for a model and policy, from the catalog: the
// provider(s) that may serve the request decide (a pinned provider, or the one the router's
// policy would pick now from the live list).
import type { CatalogModel, ProviderOffer } from "../catalog/types";
import type { Policy } from "../openclaw-config/model-ref";

export interface Capabilities {
  /** The model is in the catalog; when false only the generic parameters are offered. */
  known: boolean;
  /** Providers that may serve the request under this policy. */
  serving: ProviderOffer[];
  /** The provider the router would pick now, when the policy names one. */
  predicted?: string;
  /** Upper bound for max_tokens: the serving providers' smallest context. */
  maxTokensLimit?: number;
  reasoningEffort: boolean;
  structuredOutput: boolean;
  /** A pinned provider that does not serve this model live: the router will refuse it. */
  pinnedUnavailable?: string;
}

const byThroughput = (a: ProviderOffer, b: ProviderOffer) => (b.throughput ?? 0) - (a.throughput ?? 0);
const byOutputPrice = (a: ProviderOffer, b: ProviderOffer) =>
  (a.outputPrice ?? Number.MAX_VALUE) - (b.outputPrice ?? Number.MAX_VALUE);

export function liveOffers(model: CatalogModel): ProviderOffer[] {
  return model.providers.filter((p) => p.status === "live");
}

function servingOffers(model: CatalogModel, policy: Policy): ProviderOffer[] {
  const live = liveOffers(model);
  switch (policy.kind) {
    case "provider":
      return live.filter((p) => p.provider === policy.provider);
    case "auto": // the router's default is :fastest today
    case "fastest":
      return live.length > 0 ? [[...live].sort(byThroughput)[0]] : [];
    case "cheapest":
      return live.length > 0 ? [[...live].sort(byOutputPrice)[0]] : [];
    case "preferred":
      return live; // the user's order on Hugging Face is not known here
  }
}

export function capabilitiesFor(model: CatalogModel | undefined, policy: Policy): Capabilities {
  if (!model) return { known: false, serving: [], reasoningEffort: false, structuredOutput: false };
  const serving = servingOffers(model, policy);
  const contexts = serving.map((p) => p.contextLength).filter((n): n is number => typeof n === "number" && n > 0);
  return {
    known: true,
    serving,
    predicted: policy.kind !== "preferred" && serving.length === 1 ? serving[0].provider : undefined,
    maxTokensLimit: contexts.length > 0 ? Math.min(...contexts) : model.contextWindow || undefined,
    reasoningEffort: model.reasoning,
    structuredOutput: serving.length > 0 && serving.every((p) => p.supportsStructuredOutput === true),
    pinnedUnavailable: policy.kind === "provider" && serving.length === 0 ? policy.provider : undefined,
  };
}

/** Live providers that support structured output: what to suggest when JSON output is not offered. */
export function structuredOutputProviders(model: CatalogModel | undefined): string[] {
  return model
    ? liveOffers(model)
        .filter((p) => p.supportsStructuredOutput)
        .map((p) => p.provider)
    : [];
}
