// Picker search, filters and sorts. Pure and allocation-light: it runs on every keystroke
// over up to several thousand models, so per-model facts are computed once and memoised.
import type { CatalogModel } from "@/lib/catalog/types";
import { liveProviders } from "./routing";

export const SORT_KEYS = ["name", "price", "context", "throughput", "latency"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_LABELS: Record<SortKey, string> = {
  name: "Name",
  price: "Output price (lowest)",
  context: "Context (largest)",
  throughput: "Throughput (highest)",
  latency: "First-token latency (lowest)",
};

export interface PickerQuery {
  q: string;
  provider: string | null;
  reasoning: boolean;
  tools: boolean;
  structured: boolean;
  image: boolean;
  live: boolean;
  sort: SortKey;
}

export const EMPTY_QUERY: PickerQuery = {
  q: "",
  provider: null,
  reasoning: false,
  tools: false,
  structured: false,
  image: false,
  live: false,
  sort: "name",
};

interface ModelFacts {
  haystack: string;
  live: boolean;
  tools: boolean;
  structured: boolean;
  /** Lowest live output price, Infinity when unknown. */
  minOutputPrice: number;
  /** Highest live throughput, -1 when unknown. */
  maxThroughput: number;
  /** Lowest live first-token latency, Infinity when unknown. */
  minLatency: number;
  providers: Set<string>;
  liveProviders: Set<string>;
}

const factsCache = new WeakMap<CatalogModel, ModelFacts>();

export function modelFacts(model: CatalogModel): ModelFacts {
  const cached = factsCache.get(model);
  if (cached) return cached;
  const live = liveProviders(model);
  const facts: ModelFacts = {
    haystack:
      `${model.id}\n${model.name}\n${model.org}\n${model.providers.map((p) => p.provider).join("\n")}`.toLowerCase(),
    live: live.length > 0,
    tools: live.some((p) => p.supportsTools === true),
    structured: live.some((p) => p.supportsStructuredOutput === true),
    minOutputPrice: Math.min(Infinity, ...live.map((p) => p.outputPrice ?? Infinity)),
    maxThroughput: Math.max(-1, ...live.map((p) => p.throughput ?? -1)),
    minLatency: Math.min(Infinity, ...live.map((p) => p.firstTokenLatencyMs ?? Infinity)),
    providers: new Set(model.providers.map((p) => p.provider)),
    liveProviders: new Set(live.map((p) => p.provider)),
  };
  factsCache.set(model, facts);
  return facts;
}

export function matchesQuery(model: CatalogModel, query: PickerQuery, terms = searchTerms(query.q)): boolean {
  const f = modelFacts(model);
  if (query.live && !f.live) return false;
  if (query.provider && !(query.live ? f.liveProviders : f.providers).has(query.provider)) return false;
  if (query.reasoning && !model.reasoning) return false;
  if (query.image && !model.imageInput) return false;
  if (query.tools && !f.tools) return false;
  if (query.structured && !f.structured) return false;
  for (const term of terms) if (!f.haystack.includes(term)) return false;
  return true;
}

/** Whitespace-separated terms, every one must match (id, name, org or a provider name). */
function searchTerms(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean);
}

// One collator for every comparison: localeCompare with options builds a new one per call,
// which made sorting 5,000 names take a noticeable fraction of a second.
const collator = new Intl.Collator("en", { sensitivity: "base" });
const byName = (a: CatalogModel, b: CatalogModel) =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

// Unknown values (Infinity / -1) always sort after known ones; ties fall back to the name.
function compareFor(sort: SortKey): (a: CatalogModel, b: CatalogModel) => number {
  const num = (get: (f: ModelFacts) => number, dir: 1 | -1) => (a: CatalogModel, b: CatalogModel) => {
    const x = get(modelFacts(a));
    const y = get(modelFacts(b));
    if (x === y) return byName(a, b);
    return x < y ? -dir : dir;
  };
  switch (sort) {
    case "name":
      return byName;
    case "price":
      return num((f) => f.minOutputPrice, 1);
    case "latency":
      return num((f) => f.minLatency, 1);
    case "throughput":
      return num((f) => f.maxThroughput, -1);
    case "context":
      return (a, b) => b.contextWindow - a.contextWindow || byName(a, b);
  }
}

// The full list sorted once per sort key; each keystroke then only filters (order is kept).
const sortedCache = new WeakMap<CatalogModel[], Map<SortKey, CatalogModel[]>>();

function sortedBy(models: CatalogModel[], sort: SortKey): CatalogModel[] {
  let bySort = sortedCache.get(models);
  if (!bySort) sortedCache.set(models, (bySort = new Map()));
  let sorted = bySort.get(sort);
  if (!sorted) bySort.set(sort, (sorted = [...models].sort(compareFor(sort))));
  return sorted;
}

export function filterAndSort(models: CatalogModel[], query: PickerQuery): CatalogModel[] {
  const terms = searchTerms(query.q);
  return sortedBy(models, query.sort).filter((m) => matchesQuery(m, query, terms));
}

export function providerNames(models: CatalogModel[]): string[] {
  const names = new Set<string>();
  for (const m of models) for (const p of m.providers) names.add(p.provider);
  return [...names].sort();
}
