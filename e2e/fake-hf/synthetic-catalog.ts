// A large, deterministic catalog for benchmarks (2,000 / 5,000 models). It starts with the default
// models so chat and routing tests keep working when a scenario switches to a big catalog.
import { DEFAULT_MODELS, type Facts } from "./default-models";
import type { FakeModel, ProviderEntry, ReasoningForm } from "./types";

/** Chat-capable provider ids of the real router (removed providers deliberately absent). */
export const CHAT_PROVIDERS = [
  "baseten",
  "cerebras",
  "cohere",
  "deepinfra",
  "featherless-ai",
  "fireworks-ai",
  "groq",
  "hf-inference",
  "novita",
  "nscale",
  "ovhcloud",
  "publicai",
  "scaleway",
  "together",
  "zai-org",
] as const;

const ORGS: Record<string, string[]> = {
  "meta-llama": ["Llama-3.1", "Llama-3.2", "Llama-3.3", "Llama-4-Scout", "Llama-4-Maverick"],
  Qwen: ["Qwen2.5", "Qwen2.5-Coder", "Qwen3", "Qwen3-Coder", "QwQ", "Qwen2.5-VL"],
  "deepseek-ai": ["DeepSeek-V3", "DeepSeek-R1-Distill-Qwen", "DeepSeek-R1-Distill-Llama", "DeepSeek-Coder"],
  mistralai: ["Mistral", "Mixtral", "Mistral-Small", "Mistral-Nemo", "Devstral"],
  google: ["gemma-2", "gemma-3", "codegemma"],
  microsoft: ["Phi-3", "Phi-3.5", "Phi-4"],
  "zai-org": ["GLM-4", "GLM-4.5-Air", "GLM-Z1"],
  CohereLabs: ["c4ai-command-r", "aya-expanse", "command-a"],
  NousResearch: ["Hermes-3", "Hermes-4", "Nous-Capybara"],
  HuggingFaceTB: ["SmolLM2", "SmolLM3"],
  allenai: ["OLMo-2", "Tulu-3"],
  "ibm-granite": ["granite-3.1", "granite-3.3"],
  moonshotai: ["Kimi-K2", "Kimi-Dev", "Moonlight"],
  openai: ["gpt-oss"],
  "swiss-ai": ["Apertus"],
  tiiuae: ["Falcon3", "Falcon-H1"],
  nvidia: ["Llama-3.1-Nemotron", "Nemotron-Mini"],
  baidu: ["ERNIE-4.5"],
};
const SIZES = ["0.5B", "1B", "1.5B", "3B", "7B", "8B", "9B", "14B", "27B", "32B", "70B", "72B", "120B", "235B-A22B"];
const VARIANTS = ["Instruct", "it", "Chat", "Instruct-2507", "Thinking", "Base-SFT", "Preview", "DPO"];
const CONTEXTS = [8192, 16384, 32768, 40960, 65536, 131072, 163840, 262144];
const REASONING: (ReasoningForm | undefined)[] = [
  undefined,
  undefined,
  undefined,
  "think-tags",
  "reasoning",
  "reasoning_content",
  "reasoning_text",
];

/** mulberry32: tiny seeded PRNG so every run builds the same catalog. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function provider(r: () => number, name: string, org: string): ProviderEntry {
  const roll = r();
  const isAuthor = name === org;
  if (roll < 0.06) return { provider: name, status: "error", is_model_author: isAuthor };
  if (roll < 0.14) return { provider: name, status: "live", is_model_author: isAuthor }; // bare entry
  const status = roll < 0.16 ? "staging" : "live";
  const facts: Facts = { context_length: CONTEXTS[Math.floor(r() * CONTEXTS.length)] };
  if (r() < 0.85) {
    const input = round2(0.02 + r() * 3);
    facts.pricing = { input, output: round2(input * (1.5 + r() * 2.5)) };
  }
  if (r() < 0.7) facts.supports_tools = r() < 0.75;
  if (r() < 0.4) facts.supports_structured_output = r() < 0.8;
  if (r() < 0.8) {
    facts.first_token_latency_ms = Math.round(100 + r() * 2000);
    facts.throughput = Math.round((10 + r() * 2400) * 10) / 10;
  }
  if (r() < 0.03) facts.is_free = true;
  // Key order as on the wire: provider, status, facts…, is_model_author.
  return { provider: name, status, ...facts, is_model_author: isAuthor };
}

/**
 * `n` realistic models: varied orgs, 1–5 providers each, prices, bare entries, staging/error
 * statuses, ~3% of models with no live provider at all, ~10% that take images.
 */
export function syntheticCatalog(n: number, seed = 20260701): FakeModel[] {
  const r = rng(seed);
  const out: FakeModel[] = DEFAULT_MODELS.slice(0, n).map((m) => structuredClone(m));
  const seen = new Set(out.map((m) => m.id));
  const orgs = Object.keys(ORGS);
  for (let i = out.length; out.length < n; i++) {
    const org = orgs[Math.floor(r() * orgs.length)];
    const families = ORGS[org];
    const family = families[Math.floor(r() * families.length)];
    const base = `${org}/${family}-${SIZES[Math.floor(r() * SIZES.length)]}-${VARIANTS[Math.floor(r() * VARIANTS.length)]}`;
    const id = seen.has(base) ? `${base}-v${i}` : base;
    seen.add(id);

    const count = 1 + Math.floor(r() * 5);
    const names = new Set<string>();
    while (names.size < count) names.add(CHAT_PROVIDERS[Math.floor(r() * CHAT_PROVIDERS.length)]);
    let providers = [...names].map((p) => provider(r, p, org));
    if (r() < 0.03)
      providers = providers.map((p) => ({ provider: p.provider, status: "error", is_model_author: p.is_model_author }));

    const image = r() < 0.1 || family.includes("VL");
    const model: FakeModel = {
      id,
      object: "model",
      created: 1672531200 + Math.floor(r() * 110_000_000),
      owned_by: org,
      architecture: { input_modalities: image ? ["text", "image"] : ["text"], output_modalities: ["text"] },
      providers,
    };
    const label = r();
    if (label < 0.02) model.name = id.split("/")[1].replace(/-/g, " ");
    else if (label < 0.04) model.title = id.split("/")[1];
    else if (label < 0.05) model.display_name = id.split("/")[1].replace(/-/g, " ");
    const form = REASONING[Math.floor(r() * REASONING.length)];
    if (form) model.reasoning = form;
    out.push(model);
  }
  return out;
}
