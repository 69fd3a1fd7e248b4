import { describe, expect, it } from "vitest";
import { DEFAULT_MODELS, toWire } from "@/e2e/fake-hf/catalog";
import { builtinModels } from "./builtin";
import { mergeCatalog } from "./merge";
import { parseRouterList } from "./router-list";
import { computeWarnings, type WarningKind } from "./warnings";

const live = { source: "live" as const, models: mergeCatalog(parseRouterList({ data: DEFAULT_MODELS.map(toWire) })) };
const builtin = { source: "builtin" as const, models: builtinModels() };
const base = {
  primary: "huggingface/deepseek-ai/DeepSeek-R1",
  fallbacks: [] as string[],
  aliases: {} as Record<string, string>,
  allow: [] as string[],
};
const kinds = (settings: Partial<typeof base> & { baseUrl?: string }, catalog = live) =>
  computeWarnings({ ...base, ...settings }, catalog).map((w) => `${w.kind}${w.ref ? ` ${w.ref}` : ""}`);

describe("model warnings", () => {
  it("says nothing about a healthy setup", () => {
    expect(
      kinds({
        fallbacks: ["huggingface/openai/gpt-oss-120b:cheapest", "huggingface/Qwen/Qwen3-8B:nscale"],
        aliases: { "huggingface/deepseek-ai/DeepSeek-R1": "R1" },
      }),
    ).toEqual([]);
  });
  it("flags each problem once, on the ref concerned", () => {
    const all: [Partial<typeof base> & { baseUrl?: string }, string[]][] = [
      [
        { primary: "huggingface/deepseek-ai/DeepSeek-R1:sambanova" },
        ["removed_provider huggingface/deepseek-ai/DeepSeek-R1:sambanova"],
      ],
      [
        { fallbacks: ["huggingface/deepseek-ai/DeepSeek-R1:groq"] },
        ["provider_not_serving huggingface/deepseek-ai/DeepSeek-R1:groq"],
      ],
      [
        { fallbacks: ["huggingface/deepseek-ai/DeepSeek-R1:featherless-ai"] },
        ["provider_not_serving huggingface/deepseek-ai/DeepSeek-R1:featherless-ai"],
      ],
      [{ allow: [base.primary, "huggingface/acme/NotAModel"] }, ["model_missing huggingface/acme/NotAModel"]],
      [
        { allow: ["huggingface/Qwen/Qwen3-8B"], fallbacks: ["huggingface/Qwen/Qwen3-8B"] },
        ["outside_allowlist huggingface/deepseek-ai/DeepSeek-R1"],
      ],
      [
        { fallbacks: ["huggingface/mistralai/Mistral-7B-Instruct-v0.3"] },
        ["no_live_provider huggingface/mistralai/Mistral-7B-Instruct-v0.3"],
      ],
      [{ primary: "Qwen/Qwen3-8B" }, ["missing_prefix Qwen/Qwen3-8B"]],
      [
        { fallbacks: ["huggingface/deepseek-ai/DeepSeek-R1"] },
        ["fallback_is_primary huggingface/deepseek-ai/DeepSeek-R1"],
      ],
      [
        { fallbacks: ["huggingface/Qwen/Qwen3-8B", "huggingface/Qwen/Qwen3-8B"] },
        ["duplicate_fallback huggingface/Qwen/Qwen3-8B"],
      ],
      [
        { aliases: { "huggingface/deepseek-ai/DeepSeek-R1": "Fast", "huggingface/Qwen/Qwen3-8B": "fast" } },
        ["duplicate_alias"],
      ],
      [{ baseUrl: "router.huggingface.co" }, ["invalid_base_url"]],
    ];
    for (const [settings, expected] of all) expect(kinds(settings), JSON.stringify(settings)).toEqual(expected);
  });
  it("leaves other providers' allowlist entries alone", () => {
    expect(kinds({ allow: [base.primary, "anthropic/claude-opus-4"] })).toEqual([]);
  });
  it("judges the allowlist that applies: wildcards, and aliases in modelPolicy.allow", () => {
    const policy = { allowlistPath: "agents.defaults.modelPolicy.allow" as const };
    expect(kinds({ allow: ["huggingface/deepseek-ai/*"] })).toEqual([]);
    const aliased = { aliases: { [base.primary]: "Thinker" }, allow: ["thinker"] };
    expect(computeWarnings({ ...base, ...aliased, ...policy }, live)).toEqual([]);
    expect(computeWarnings({ ...base, ...aliased }, live).map((w) => w.kind)).toEqual(["outside_allowlist"]);
  });
  it("cannot check providers without the live list, and says so", () => {
    const warnings = computeWarnings(
      { ...base, fallbacks: ["huggingface/Qwen/Qwen3-8B", "huggingface/deepseek-ai/DeepSeek-R1:groq"] },
      builtin,
    );
    expect(warnings.map((w) => w.kind)).toEqual(["model_missing" satisfies WarningKind]);
    expect(warnings[0].message).toMatch(/built-in catalog/);
  });
});
