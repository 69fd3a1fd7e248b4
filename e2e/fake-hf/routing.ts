// Model id suffixes (routing policies) resolved the way the reference describes them.
import type { FakeModel, ProviderEntry } from "./types";

export type Policy = "fastest" | "cheapest" | "preferred" | { provider: string };

export interface ModelRef {
  /** The id without suffix, e.g. "openai/gpt-oss-120b". */
  id: string;
  policy: Policy;
}

/** Splits "org/name:suffix"; no suffix means the router default, which is :fastest today. */
export function parseModelRef(model: string): ModelRef {
  const colon = model.indexOf(":", model.indexOf("/") + 1);
  if (colon < 0) return { id: model, policy: "fastest" };
  const id = model.slice(0, colon);
  const suffix = model.slice(colon + 1);
  if (suffix === "fastest" || suffix === "cheapest" || suffix === "preferred") return { id, policy: suffix };
  return { id, policy: { provider: suffix } };
}

/** Picks the provider that serves a request, or undefined when none may (the router answers 400). */
export function resolveProvider(model: FakeModel | undefined, policy: Policy): ProviderEntry | undefined {
  const liveOnes = model?.providers.filter((p) => p.status === "live") ?? [];
  if (liveOnes.length === 0) return undefined;
  if (typeof policy === "object") return liveOnes.find((p) => p.provider === policy.provider);
  if (policy === "preferred") return liveOnes[0];
  // Array.prototype.sort is stable, so ties keep the listed order.
  const sorted = [...liveOnes].sort(
    policy === "fastest" ? (a, b) => (b.throughput ?? 0) - (a.throughput ?? 0) : (a, b) => price(a) - price(b),
  );
  return sorted[0];
}

/** Output price with missing pricing sorted last (a large finite number keeps the comparator NaN-free). */
function price(p: ProviderEntry): number {
  return p.pricing?.output ?? Number.MAX_VALUE;
}
