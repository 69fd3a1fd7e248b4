// Estimated cost of one answer from the serving provider's pricing (USD per 1M tokens) in the
// catalog. An estimate: providers may bill cached or reasoning tokens differently.
import type { CatalogModel, ProviderOffer } from "../catalog/types";
import type { ChatUsage } from "./wire";

interface CostEstimate {
  usd: number;
  inputPrice: number;
  outputPrice: number;
  provider: string;
}

export function findOffer(
  models: readonly CatalogModel[] | undefined,
  modelId: string,
  provider: string | null | undefined,
): ProviderOffer | undefined {
  if (!models || !provider) return undefined;
  return models.find((m) => m.id === modelId)?.providers.find((p) => p.provider === provider);
}

export function estimateCost(usage: ChatUsage | undefined, offer: ProviderOffer | undefined): CostEstimate | null {
  if (!usage || !offer || offer.inputPrice === undefined || offer.outputPrice === undefined) return null;
  const usd = (usage.promptTokens * offer.inputPrice + usage.completionTokens * offer.outputPrice) / 1_000_000;
  return { usd, inputPrice: offer.inputPrice, outputPrice: offer.outputPrice, provider: offer.provider };
}

/** "$0.0000123": enough significant digits to tell tiny answers apart. */
export function formatUsd(usd: number): string {
  if (usd === 0) return "$0";
  if (usd >= 0.01) return `$${usd.toFixed(4)}`;
  const digits = Math.min(12, Math.ceil(-Math.log10(usd)) + 2);
  return `$${usd.toFixed(digits).replace(/0+$/, "")}`;
}
