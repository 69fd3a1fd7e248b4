// OpenClaw's own built-in Hugging Face catalog (used when discovery is off or fails). Its
// metadata wins over the router's for these three models, as in OpenClaw.
import type { CatalogModel } from "@/lib/catalog/types";

interface ModelCost {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

interface BuiltinEntry {
  id: string;
  name: string;
  reasoning: boolean;
  contextWindow: number;
  maxTokens: number;
  cost: ModelCost;
}

const BUILTIN_ENTRIES: readonly BuiltinEntry[] = [
  {
    id: "deepseek-ai/DeepSeek-R1",
    name: "DeepSeek R1",
    reasoning: true,
    contextWindow: 131072,
    maxTokens: 8192,
    cost: { input: 3, output: 7, cacheRead: 3, cacheWrite: 3 },
  },
  {
    id: "deepseek-ai/DeepSeek-V3.1",
    name: "DeepSeek V3.1",
    reasoning: false,
    contextWindow: 131072,
    maxTokens: 8192,
    cost: { input: 0.6, output: 1.25, cacheRead: 0.6, cacheWrite: 0.6 },
  },
  {
    id: "openai/gpt-oss-120b",
    name: "GPT-OSS 120B",
    reasoning: false,
    contextWindow: 131072,
    maxTokens: 8192,
    cost: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
  },
];

export const DEFAULT_CONTEXT_WINDOW = 131072;
export const DEFAULT_MAX_TOKENS = 8192;

const byId = new Map(BUILTIN_ENTRIES.map((entry) => [entry.id, entry]));

export function builtinEntry(id: string): BuiltinEntry | undefined {
  return byId.get(id);
}

export function builtinModels(): CatalogModel[] {
  return BUILTIN_ENTRIES.map((entry) => ({
    id: entry.id,
    name: entry.name,
    org: entry.id.split("/")[0],
    reasoning: entry.reasoning,
    imageInput: false,
    contextWindow: entry.contextWindow,
    maxTokens: entry.maxTokens,
    builtin: true,
    listed: false,
    providers: [],
  }));
}
