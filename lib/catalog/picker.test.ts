import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_MODELS, syntheticCatalog, toWire } from "@/e2e/fake-hf/catalog";
import { mergeCatalog } from "./merge";
import {
  EMPTY_QUERY,
  filterAndSort,
  matchesQuery,
  modelFacts,
  providerNames,
  SORT_KEYS,
  type PickerQuery,
} from "./picker";
import { readPickerState, writePickerState } from "./picker-url";
import { parseRouterList } from "./router-list";

const catalog = mergeCatalog(parseRouterList({ data: DEFAULT_MODELS.map(toWire) }));
const big = mergeCatalog(parseRouterList({ data: syntheticCatalog(5000).map(toWire) }));
const ids = (q: Partial<PickerQuery>, models = catalog) =>
  filterAndSort(models, { ...EMPTY_QUERY, ...q }).map((m) => m.id);

describe("picker search and filters", () => {
  it("searches id, name, org and provider, every term must match", () => {
    expect(ids({ q: "kimi k2" })).toEqual(["moonshotai/Kimi-K2-Instruct"]);
    expect(ids({ q: "GEMMA" })).toEqual(["google/gemma-3-27b-it"]);
    expect(ids({ q: "scaleway" })).toEqual(["google/gemma-3-27b-it"]);
    expect(ids({ q: "deepseek-ai" })).toEqual(["deepseek-ai/DeepSeek-R1", "deepseek-ai/DeepSeek-V3.1"]);
    expect(ids({ q: "deepseek zzz" })).toEqual([]);
  });
  it("filters by provider, capabilities and liveness", () => {
    expect(ids({ provider: "cerebras" }).sort()).toEqual([
      "Qwen/Qwen3-Coder-480B-A35B-Instruct",
      "meta-llama/Llama-3.3-70B-Instruct",
      "openai/gpt-oss-120b",
    ]);
    expect(ids({ image: true })).toEqual(["google/gemma-3-27b-it"]);
    expect(ids({ live: true })).not.toContain("mistralai/Mistral-7B-Instruct-v0.3");
    expect(ids({})).toContain("mistralai/Mistral-7B-Instruct-v0.3");
    expect(ids({ provider: "featherless-ai", live: true })).toEqual(["Qwen/Qwen3-8B"]); // its DeepSeek-R1 entry is in error
    expect(ids({ structured: true }).sort()).toEqual([
      "deepseek-ai/DeepSeek-R1",
      "deepseek-ai/DeepSeek-V3.1",
      "meta-llama/Llama-3.3-70B-Instruct",
      "openai/gpt-oss-120b",
    ]);
    expect(ids({ reasoning: true })).toEqual(["deepseek-ai/DeepSeek-R1"]);
  });
  it("sorts by price, context, throughput and latency with unknowns last", () => {
    expect(ids({ sort: "price" })[0]).toBe("Qwen/Qwen3-8B");
    expect(ids({ sort: "price" }).slice(-2).sort()).toEqual([
      "HuggingFaceTB/SmolLM3-3B",
      "mistralai/Mistral-7B-Instruct-v0.3",
    ]);
    expect(ids({ sort: "throughput" })[0]).toBe("meta-llama/Llama-3.3-70B-Instruct");
    expect(ids({ sort: "latency" })[0]).toBe("openai/gpt-oss-120b");
    const contexts = filterAndSort(catalog, { ...EMPTY_QUERY, sort: "context" }).map((m) => m.contextWindow);
    expect(contexts).toEqual([...contexts].sort((a, b) => b - a));
    expect(ids({ sort: "name" })[0]).toBe("deepseek-ai/DeepSeek-R1");
  });
  it("lists provider names once, sorted", () => {
    const names = providerNames(catalog);
    expect(names).toEqual([...new Set(names)].sort());
    expect(names).toContain("together");
  });
  it("returns exactly the matching models, in sort order, on a 5,000-model catalog", () => {
    const query = fc.record({
      q: fc.constantFrom("", "qwen", "llama 70b", "groq", "instruct", "xyz"),
      provider: fc.constantFrom(null, "groq", "together", "nscale"),
      reasoning: fc.boolean(),
      tools: fc.boolean(),
      structured: fc.boolean(),
      image: fc.boolean(),
      live: fc.boolean(),
      sort: fc.constantFrom(...SORT_KEYS),
    });
    fc.assert(
      fc.property(query, (q) => {
        const out = filterAndSort(big, q);
        expect(out.length).toBe(big.filter((m) => matchesQuery(m, q)).length);
        const key = {
          name: null,
          price: (m: (typeof big)[0]) => modelFacts(m).minOutputPrice,
          latency: (m: (typeof big)[0]) => modelFacts(m).minLatency,
          throughput: (m: (typeof big)[0]) => -modelFacts(m).maxThroughput,
          context: (m: (typeof big)[0]) => -m.contextWindow,
        }[q.sort];
        if (key) for (let i = 1; i < out.length; i++) expect(key(out[i - 1])).toBeLessThanOrEqual(key(out[i]));
      }),
      { numRuns: 40 },
    );
  });
  it("filters 5,000 models quickly enough for every keystroke", () => {
    const start = performance.now();
    for (const q of ["", "q", "qw", "qwe", "qwen", "qwen3"]) {
      filterAndSort(big, { ...EMPTY_QUERY, q, sort: "price" });
      filterAndSort(big, { ...EMPTY_QUERY, q, sort: "name" });
    }
    expect((performance.now() - start) / 12).toBeLessThan(30);
  });
});

describe("picker state in the URL", () => {
  it("round-trips and ignores junk", () => {
    const state = fc.record({
      q: fc.string({ maxLength: 30 }).map((s) => s.replace(/[\u0000-\u001f\u007f]/g, "").trim()),
      provider: fc.constantFrom(null, "groq"),
      reasoning: fc.boolean(),
      tools: fc.boolean(),
      structured: fc.boolean(),
      image: fc.boolean(),
      live: fc.boolean(),
      sort: fc.constantFrom(...SORT_KEYS),
      model: fc.constantFrom(null, "openai/gpt-oss-120b"),
    });
    fc.assert(
      fc.property(state, (s) => {
        expect(readPickerState(writePickerState(s))).toEqual(s);
      }),
    );
    expect(readPickerState(new URLSearchParams("sort=evil&q=%00x&live=yes"))).toMatchObject({
      sort: "name",
      q: "",
      live: false,
    });
  });
});
