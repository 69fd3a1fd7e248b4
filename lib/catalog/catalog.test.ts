import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_MODELS, syntheticCatalog, toWire } from "@/e2e/fake-hf/catalog";
import { resolveProvider, type Policy as FakePolicy } from "@/e2e/fake-hf/routing";
import { builtinModels } from "./builtin";
import { mergeCatalog } from "./merge";
import { deriveName, displayName, guessReasoning } from "./naming";
import { MalformedListError, parseRouterList } from "./router-list";
import { cheapestProvider, fastestProvider, predictProvider } from "./routing";

const wire = (models = DEFAULT_MODELS) => ({ object: "list", data: models.map(toWire) });

describe("display names", () => {
  it("derives names from the last id segment", () => {
    expect(deriveName("deepseek-ai/DeepSeek-R1")).toBe("DeepSeek R1");
    expect(deriveName("Qwen/Qwen3-8B")).toBe("Qwen3 8B");
    expect(deriveName("meta-llama/Llama-3.3-70B-Instruct")).toBe("Llama 3.3 70B Instruct");
    expect(deriveName("google/gemma-3-27b-it")).toBe("Gemma 3 27b It");
  });
  it("prefers the router's own label, in order name, title, display_name", () => {
    expect(displayName("a/b", { title: "T", display_name: "D" })).toBe("T");
    expect(displayName("a/b", { name: "N", title: "T" })).toBe("N");
    expect(displayName("a/b-c", { name: "  ", display_name: "bad\u0007" })).toBe("B C");
  });
  it("never yields an empty name or a dash", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9][\w.-]{0,20}\/[\w.-]{0,10}[A-Za-z0-9][\w.-]{0,10}$/), (id) => {
        const name = deriveName(id);
        expect(name.length).toBeGreaterThan(0);
        expect(name).not.toContain("-");
      }),
    );
  });
  it("guesses reasoning like OpenClaw, without matching r1 inside other words", () => {
    for (const id of [
      "deepseek-ai/DeepSeek-R1",
      "Qwen/QwQ-32B",
      "x/Kimi-Thinking",
      "x/deepseek-reasoner",
      "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B",
    ])
      expect(guessReasoning(id), id).toBe(true);
    for (const id of ["Qwen/Qwen3-8B", "meta-llama/Llama-3.3-70B-Instruct", "x/bar1x"])
      expect(guessReasoning(id), id).toBe(false);
  });
});

describe("router list", () => {
  const models = parseRouterList(wire());
  const r1 = models.find((m) => m.id === "deepseek-ai/DeepSeek-R1")!;

  it("keeps every provider with its pricing and speed", () => {
    expect(r1.providers.map((p) => p.provider)).toEqual(["together", "fireworks-ai", "novita", "featherless-ai"]);
    expect(r1.providers[0]).toMatchObject({
      status: "live",
      inputPrice: 3,
      outputPrice: 7,
      throughput: 40.1,
      firstTokenLatencyMs: 611,
      supportsTools: true,
      supportsStructuredOutput: true,
      contextLength: 163840,
    });
    expect(r1.providers[3]).toMatchObject({ provider: "featherless-ai", status: "error" });
    expect(r1.providers[3].outputPrice).toBeUndefined();
  });
  it("uses the smallest live context, image input and labels", () => {
    expect(r1.contextWindow).toBe(64000);
    expect(r1.org).toBe("deepseek-ai");
    expect(r1.reasoning).toBe(true);
    const gemma = models.find((m) => m.id === "google/gemma-3-27b-it")!;
    expect(gemma).toMatchObject({ imageInput: true, name: "Gemma 3 27B IT" });
    expect(models.find((m) => m.id === "moonshotai/Kimi-K2-Instruct")!.name).toBe("Kimi K2");
    expect(models.find((m) => m.id === "Qwen/Qwen3-Coder-480B-A35B-Instruct")!.name).toBe("Qwen3 Coder 480B A35B");
    expect(models.find((m) => m.id === "mistralai/Mistral-7B-Instruct-v0.3")!.contextWindow).toBe(131072);
  });
  it("refuses a body that is not a list and skips broken entries", () => {
    expect(() => parseRouterList({ object: "list" })).toThrow(MalformedListError);
    expect(() => parseRouterList("nope")).toThrow(MalformedListError);
    const list = parseRouterList({
      data: [
        { id: 5 },
        null,
        { id: "a/b", providers: [{ provider: "x", status: "live", pricing: "free", throughput: "fast" }, { nope: 1 }] },
        { id: "a/b" },
      ],
    });
    expect(list).toHaveLength(1);
    expect(list[0].providers).toEqual([
      expect.objectContaining({ provider: "x", status: "live", outputPrice: undefined, throughput: undefined }),
    ]);
  });
  it("never throws anything but MalformedListError on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          parseRouterList(value);
        } catch (error) {
          expect(error).toBeInstanceOf(MalformedListError);
        }
      }),
    );
  });
});

describe("merge with the built-in catalog", () => {
  it("keeps OpenClaw's metadata for built-ins and adds the ones the router lacks", () => {
    const merged = mergeCatalog(parseRouterList(wire(DEFAULT_MODELS.filter((m) => m.id !== "openai/gpt-oss-120b"))));
    const r1 = merged.find((m) => m.id === "deepseek-ai/DeepSeek-R1")!;
    expect(r1).toMatchObject({
      name: "DeepSeek R1",
      reasoning: true,
      builtin: true,
      listed: true,
      contextWindow: 64000,
    });
    expect(r1.providers.length).toBe(4);
    const oss = merged.find((m) => m.id === "openai/gpt-oss-120b")!;
    expect(oss).toMatchObject({ name: "GPT-OSS 120B", builtin: true, listed: false, providers: [] });
    expect(merged.filter((m) => m.builtin)).toHaveLength(3);
  });
  it("is the built-in catalog alone when the router lists nothing", () => {
    expect(mergeCatalog([])).toEqual(builtinModels());
  });
});

describe("which provider the router would pick", () => {
  const models = parseRouterList(wire());
  const get = (id: string) => models.find((m) => m.id === id)!;

  it("matches the reference examples", () => {
    expect(fastestProvider(get("openai/gpt-oss-120b"))?.provider).toBe("cerebras");
    expect(cheapestProvider(get("openai/gpt-oss-120b"))?.provider).toBe("together");
    expect(cheapestProvider(get("Qwen/Qwen3-8B"))?.provider).toBe("featherless-ai"); // nscale has no price
    expect(
      predictProvider(get("deepseek-ai/DeepSeek-R1"), { kind: "provider", provider: "featherless-ai" }),
    ).toBeUndefined();
    expect(predictProvider(get("deepseek-ai/DeepSeek-R1"), { kind: "preferred" })).toBeNull();
    expect(predictProvider(get("mistralai/Mistral-7B-Instruct-v0.3"), { kind: "auto" })).toBeUndefined();
  });
  it("agrees with the fake router on a large catalog, for every policy", () => {
    const fake = syntheticCatalog(800);
    const ours = parseRouterList(wire(fake));
    const policies: [FakePolicy, Parameters<typeof predictProvider>[1]][] = [
      ["fastest", { kind: "fastest" }],
      ["cheapest", { kind: "cheapest" }],
      ["fastest", { kind: "auto" }],
    ];
    fake.forEach((model, i) => {
      for (const [theirs, mine] of policies) {
        expect(predictProvider(ours[i], mine)?.provider, `${model.id} ${mine.kind}`).toBe(
          resolveProvider(model, theirs)?.provider,
        );
      }
    });
  });
  it("always picks a live provider with the best value", () => {
    const offer = fc.record({
      provider: fc.constantFrom("a", "b", "c", "d"),
      status: fc.constantFrom("live", "error", "staging"),
      throughput: fc.option(fc.double({ min: 0, max: 5000, noNaN: true }), { nil: undefined }),
      outputPrice: fc.option(fc.double({ min: 0, max: 50, noNaN: true }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(offer, { maxLength: 8 }), (providers) => {
        const live = providers.filter((p) => p.status === "live");
        const fast = fastestProvider({ providers });
        const cheap = cheapestProvider({ providers });
        if (live.length === 0) {
          expect(fast ?? cheap).toBeUndefined();
          return;
        }
        expect(fast!.status).toBe("live");
        for (const p of live) expect(fast!.throughput ?? 0).toBeGreaterThanOrEqual(p.throughput ?? 0);
        for (const p of live) expect(cheap!.outputPrice ?? Infinity).toBeLessThanOrEqual(p.outputPrice ?? Infinity);
      }),
    );
  });
});
