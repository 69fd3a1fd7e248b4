// One file per known trap, each as a user would have written it, shared by the unit tests
// (find-repairs.test.ts) and the real-OpenClaw check (e2e/config-doctor.spec.ts), which proves
// each repaired file is accepted by `openclaw config validate`.
import type { CatalogModel } from "@/lib/catalog/types";
import type { RepairKind } from "./types";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const PROVIDER = {
  baseUrl: "https://router.huggingface.co/v1",
  api: "openai-completions",
  models: [{ id: "deepseek-ai/DeepSeek-R1", name: "DeepSeek R1" }],
};
const base = (defaults: Record<string, unknown>, provider: Record<string, unknown> = PROVIDER) => ({
  agents: { defaults },
  models: { mode: "merge", providers: { huggingface: provider } },
});

/** A live catalog where R1 is served by novita and together only. */
export const TRAP_CATALOG: CatalogModel[] = [
  {
    id: "deepseek-ai/DeepSeek-R1",
    name: "DeepSeek R1",
    org: "deepseek-ai",
    reasoning: true,
    imageInput: false,
    contextWindow: 131072,
    maxTokens: 8192,
    builtin: true,
    listed: true,
    providers: [
      { provider: "novita", status: "live", throughput: 40 },
      { provider: "together", status: "live", throughput: 25 },
      { provider: "fireworks-ai", status: "error" },
    ],
  },
  {
    id: "Qwen/Qwen3-8B",
    name: "Qwen3 8B",
    org: "Qwen",
    reasoning: true,
    imageInput: false,
    contextWindow: 40960,
    maxTokens: 8192,
    builtin: false,
    listed: true,
    providers: [{ provider: "nscale", status: "live" }],
  },
];

export interface TrapFixture {
  kind: RepairKind;
  /** The file as the user has it. */
  config: Record<string, unknown>;
  /** OpenClaw's issues with it (what `config validate` says), for the traps it refuses. */
  issues: { path: string; message: string }[];
}

export const TRAPS: TrapFixture[] = [
  {
    // The Hugging Face documentation page's own advice: an alias inside the provider's models.
    kind: "provider_model_options",
    config: base(
      { model: { primary: R1 } },
      {
        ...PROVIDER,
        models: [
          { id: "deepseek-ai/DeepSeek-R1", name: "DeepSeek R1", alias: "DeepSeek R1 (fast)", contextWindow: 131072 },
        ],
      },
    ),
    issues: [{ path: "models.providers.huggingface.models.0", message: 'Unrecognized key: "alias"' }],
  },
  {
    kind: "missing_prefix",
    config: base({
      model: { primary: "deepseek-ai/DeepSeek-R1" },
      models: { "deepseek-ai/DeepSeek-R1": { alias: "R1" } },
    }),
    issues: [],
  },
  {
    kind: "duplicate_alias",
    config: base({ model: { primary: R1 }, models: { [R1]: { alias: "Fast" }, [`${R1}:fastest`]: { alias: "fast" } } }),
    issues: [],
  },
  {
    kind: "provider_not_serving",
    config: base({ model: { primary: `${R1}:fireworks-ai`, fallbacks: [QWEN] } }),
    issues: [],
  },
  {
    kind: "fallback_repeats",
    config: base({ model: { primary: R1, fallbacks: [R1, QWEN, QWEN] } }),
    issues: [],
  },
  {
    kind: "primary_not_allowed",
    config: {
      ...base({ model: { primary: R1 }, models: { [R1]: {} }, modelPolicy: { allow: [QWEN] } }),
      meta: { migrations: { modelPolicyAllowlist: true } },
    },
    issues: [],
  },
  {
    kind: "unknown_key",
    config: base({ model: { primray: R1 } }),
    issues: [{ path: "agents.defaults.model", message: 'Unrecognized key: "primray"' }],
  },
];
