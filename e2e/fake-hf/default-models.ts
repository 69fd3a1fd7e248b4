// The fake router's default model list. Tests of the app import DEFAULT_MODELS to look up provider
// facts instead of repeating numbers. Facts are chosen so every routing policy has one clear winner.
import type { FakeModel, ProviderEntry, RouterModel } from "./types";

export type Facts = Omit<ProviderEntry, "provider" | "status" | "is_model_author">;

/** A live provider entry; key order follows the real router (is_model_author last). */
export function live(provider: string, facts: Facts = {}, isModelAuthor = false): ProviderEntry {
  return { provider, status: "live", ...facts, is_model_author: isModelAuthor };
}

/** A provider entry as bare as the router ever sends one. */
export function bare(provider: string, status: ProviderEntry["status"] = "live"): ProviderEntry {
  return { provider, status, is_model_author: false };
}

const TEXT = { input_modalities: ["text"], output_modalities: ["text"] };

export const DEFAULT_MODELS: readonly FakeModel[] = [
  {
    id: "deepseek-ai/DeepSeek-R1",
    object: "model",
    created: 1737331200,
    owned_by: "deepseek-ai",
    architecture: TEXT,
    reasoning: "think-tags",
    providers: [
      live("together", {
        context_length: 163840,
        pricing: { input: 3, output: 7 },
        supports_tools: true,
        supports_structured_output: true,
        first_token_latency_ms: 611,
        throughput: 40.1,
      }),
      live("fireworks-ai", {
        context_length: 163840,
        pricing: { input: 3, output: 8 },
        supports_tools: false,
        first_token_latency_ms: 588.4,
        throughput: 45.4,
      }),
      live("novita", {
        context_length: 64000,
        pricing: { input: 0.7, output: 2.5 },
        first_token_latency_ms: 900,
        throughput: 20,
      }),
      bare("featherless-ai", "error"),
    ],
  },
  {
    id: "deepseek-ai/DeepSeek-V3.1",
    object: "model",
    created: 1755734400,
    owned_by: "deepseek-ai",
    architecture: TEXT,
    providers: [
      live("novita", {
        context_length: 131072,
        pricing: { input: 0.27, output: 1 },
        supports_tools: true,
        first_token_latency_ms: 700,
        throughput: 35,
      }),
      live("fireworks-ai", {
        context_length: 163840,
        pricing: { input: 0.56, output: 1.68 },
        supports_tools: true,
        supports_structured_output: true,
        first_token_latency_ms: 420,
        throughput: 80,
      }),
      live("together", {
        context_length: 131072,
        pricing: { input: 0.6, output: 1.7 },
        supports_tools: true,
        first_token_latency_ms: 500,
        throughput: 60,
      }),
    ],
  },
  {
    id: "openai/gpt-oss-120b",
    object: "model",
    created: 1754352000,
    owned_by: "openai",
    architecture: TEXT,
    reasoning: "reasoning",
    providers: [
      live("groq", {
        context_length: 131072,
        pricing: { input: 0.15, output: 0.75 },
        supports_tools: true,
        supports_structured_output: true,
        first_token_latency_ms: 180,
        throughput: 500,
      }),
      live("cerebras", {
        context_length: 131072,
        pricing: { input: 0.25, output: 0.69 },
        supports_tools: true,
        first_token_latency_ms: 150,
        throughput: 2000,
      }),
      live("together", {
        context_length: 131072,
        pricing: { input: 0.15, output: 0.6 },
        supports_tools: true,
        supports_structured_output: true,
        first_token_latency_ms: 400,
        throughput: 90,
      }),
      live("fireworks-ai", {
        context_length: 131072,
        pricing: { input: 0.15, output: 0.65 },
        supports_tools: true,
        first_token_latency_ms: 350,
        throughput: 150,
      }),
    ],
  },
  {
    id: "Qwen/Qwen3-8B",
    object: "model",
    created: 1745884800,
    owned_by: "Qwen",
    architecture: TEXT,
    reasoning: "reasoning_content",
    providers: [
      live("featherless-ai", {
        context_length: 32768,
        pricing: { input: 0.06, output: 0.24 },
        first_token_latency_ms: 1200,
        throughput: 30,
      }),
      // No pricing: :cheapest must sort it last even though it is the fastest.
      live("nscale", { context_length: 40960, first_token_latency_ms: 600, throughput: 60 }),
    ],
  },
  {
    id: "zai-org/GLM-4.5",
    object: "model",
    created: 1753660800,
    owned_by: "zai-org",
    architecture: TEXT,
    reasoning: "reasoning_text",
    providers: [
      live(
        "zai-org",
        {
          context_length: 131072,
          pricing: { input: 0.6, output: 2.2 },
          supports_tools: true,
          first_token_latency_ms: 800,
          throughput: 50,
        },
        true,
      ),
      live("novita", {
        context_length: 131072,
        pricing: { input: 0.6, output: 2 },
        supports_tools: true,
        first_token_latency_ms: 900,
        throughput: 45,
      }),
    ],
  },
  {
    id: "meta-llama/Llama-3.3-70B-Instruct",
    object: "model",
    created: 1733443200,
    owned_by: "meta-llama",
    architecture: TEXT,
    providers: [
      live("groq", {
        context_length: 131072,
        pricing: { input: 0.59, output: 0.79 },
        supports_tools: true,
        first_token_latency_ms: 200,
        throughput: 280,
      }),
      live("cerebras", {
        context_length: 65536,
        pricing: { input: 0.85, output: 1.2 },
        supports_tools: true,
        first_token_latency_ms: 170,
        throughput: 2100,
      }),
      live("together", {
        context_length: 131072,
        pricing: { input: 0.88, output: 0.88 },
        supports_tools: true,
        supports_structured_output: true,
        first_token_latency_ms: 450,
        throughput: 110,
      }),
      live("fireworks-ai", {
        context_length: 131072,
        pricing: { input: 0.9, output: 0.9 },
        first_token_latency_ms: 380,
        throughput: 120,
      }),
      live("novita", {
        context_length: 131072,
        pricing: { input: 0.13, output: 0.39 },
        first_token_latency_ms: 950,
        throughput: 30,
      }),
      live("nscale", { context_length: 131072, first_token_latency_ms: 700 }),
      bare("ovhcloud", "staging"),
    ],
  },
  {
    id: "google/gemma-3-27b-it",
    object: "model",
    created: 1741737600,
    owned_by: "google",
    display_name: "Gemma 3 27B IT",
    architecture: { input_modalities: ["text", "image"], output_modalities: ["text"] },
    providers: [
      live("scaleway", {
        context_length: 40000,
        pricing: { input: 0.25, output: 0.5 },
        supports_tools: false,
        first_token_latency_ms: 400,
        throughput: 70,
      }),
    ],
  },
  {
    id: "moonshotai/Kimi-K2-Instruct",
    object: "model",
    created: 1752192000,
    owned_by: "moonshotai",
    name: "Kimi K2",
    architecture: TEXT,
    providers: [
      bare("groq"),
      live("together", {
        context_length: 131072,
        pricing: { input: 1, output: 3 },
        supports_tools: true,
        first_token_latency_ms: 520,
        throughput: 40,
      }),
      live("novita", {
        context_length: 131072,
        pricing: { input: 0.57, output: 2.3 },
        supports_tools: true,
        first_token_latency_ms: 880,
        throughput: 25,
      }),
    ],
  },
  {
    id: "Qwen/Qwen3-Coder-480B-A35B-Instruct",
    object: "model",
    created: 1753142400,
    owned_by: "Qwen",
    title: "Qwen3 Coder 480B A35B",
    architecture: TEXT,
    providers: [
      live("cerebras", {
        context_length: 131072,
        pricing: { input: 2, output: 2 },
        supports_tools: true,
        first_token_latency_ms: 160,
        throughput: 1500,
      }),
      live("novita", {
        context_length: 262144,
        pricing: { input: 0.3, output: 1.3 },
        supports_tools: true,
        first_token_latency_ms: 1000,
        throughput: 35,
        is_free: true,
      }),
      live("together", {
        context_length: 262144,
        pricing: { input: 2, output: 2 },
        supports_tools: true,
        first_token_latency_ms: 600,
        throughput: 70,
      }),
    ],
  },
  {
    id: "HuggingFaceTB/SmolLM3-3B",
    object: "model",
    created: 1751932800,
    owned_by: "HuggingFaceTB",
    architecture: TEXT,
    providers: [live("hf-inference", { context_length: 65536, is_free: true, throughput: 90 }, true)],
  },
  {
    // Every provider is down: lists must show it, chat must answer model_not_supported.
    id: "mistralai/Mistral-7B-Instruct-v0.3",
    object: "model",
    created: 1716336000,
    owned_by: "mistralai",
    architecture: TEXT,
    providers: [bare("hf-inference", "error")],
  },
];

/** The id of a default model whose only provider is in status "error". */
export const ERROR_ONLY_MODEL_ID = "mistralai/Mistral-7B-Instruct-v0.3";

/** Strips fake-only fields so the JSON equals what the real router sends. */
export function toWire(model: FakeModel): RouterModel {
  const wire: RouterModel & { reasoning?: unknown } = { ...model };
  delete wire.reasoning;
  return wire;
}

/** Looks a model up in DEFAULT_MODELS (throws so test typos fail loudly). */
export function defaultModel(id: string): FakeModel {
  const found = DEFAULT_MODELS.find((m) => m.id === id);
  if (!found) throw new Error(`fake-hf: no default model ${id}`);
  return found;
}
