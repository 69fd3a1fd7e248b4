// The seven configuration examples of OpenClaw's Hugging Face documentation page, as the page
// writes them (JSON5), for the Config page's Import panel. Copied verbatim: doc-examples.test.ts
// checks each one against the page's text, so an edit here that drifts from the doc fails.

export interface DocExample {
  id: string;
  title: string;
  /** One line: what the example sets. */
  description: string;
  /** The example's JSON5 text, exactly as on the documentation page. */
  text: string;
}

export const DOC_EXAMPLES: readonly DocExample[] = [
  {
    id: "default-model",
    title: "Default model: DeepSeek R1",
    description: "Sets huggingface/deepseek-ai/DeepSeek-R1 as the agent's primary model.",
    text: `{
  agents: {
    defaults: {
      model: { primary: "huggingface/deepseek-ai/DeepSeek-R1" },
    },
  },
}
`,
  },
  {
    id: "display-names",
    title: "Display names (aliases)",
    description: "Gives DeepSeek R1 and its :cheapest variant their own display names.",
    text: `{
  agents: {
    defaults: {
      models: {
        "huggingface/deepseek-ai/DeepSeek-R1": { alias: "DeepSeek R1 (fast)" },
        "huggingface/deepseek-ai/DeepSeek-R1:cheapest": { alias: "DeepSeek R1 (cheap)" },
      },
    },
  },
}
`,
  },
  {
    id: "r1-qwen-fallback",
    title: "DeepSeek R1 with a Qwen fallback",
    description: "DeepSeek R1 as primary, Qwen3 8B when it fails, both with aliases.",
    text: `{
  agents: {
    defaults: {
      model: {
        primary: "huggingface/deepseek-ai/DeepSeek-R1",
        fallbacks: ["huggingface/Qwen/Qwen3-8B"],
      },
      models: {
        "huggingface/deepseek-ai/DeepSeek-R1": { alias: "DeepSeek R1" },
        "huggingface/Qwen/Qwen3-8B": { alias: "Qwen3 8B" },
      },
    },
  },
}
`,
  },
  {
    id: "qwen-variants",
    title: "Qwen with :cheapest and :fastest",
    description: "Qwen3 8B as primary, with its :cheapest and :fastest variants as aliases.",
    text: `{
  agents: {
    defaults: {
      model: { primary: "huggingface/Qwen/Qwen3-8B" },
      models: {
        "huggingface/Qwen/Qwen3-8B": { alias: "Qwen3 8B" },
        "huggingface/Qwen/Qwen3-8B:cheapest": { alias: "Qwen3 8B (cheapest)" },
        "huggingface/Qwen/Qwen3-8B:fastest": { alias: "Qwen3 8B (fastest)" },
      },
    },
  },
}
`,
  },
  {
    id: "three-families",
    title: "DeepSeek + Llama + GPT-OSS",
    description: "DeepSeek V3.2 as primary, Llama 3.3 70B and GPT-OSS 120B as fallbacks.",
    text: `{
  agents: {
    defaults: {
      model: {
        primary: "huggingface/deepseek-ai/DeepSeek-V3.2",
        fallbacks: [
          "huggingface/meta-llama/Llama-3.3-70B-Instruct",
          "huggingface/openai/gpt-oss-120b",
        ],
      },
      models: {
        "huggingface/deepseek-ai/DeepSeek-V3.2": { alias: "DeepSeek V3.2" },
        "huggingface/meta-llama/Llama-3.3-70B-Instruct": { alias: "Llama 3.3 70B" },
        "huggingface/openai/gpt-oss-120b": { alias: "GPT-OSS 120B" },
      },
    },
  },
}
`,
  },
  {
    id: "forced-together",
    title: "Force a backend (:together)",
    description: "DeepSeek R1 always served by Together, through the :together suffix.",
    text: `{
  agents: {
    defaults: {
      model: { primary: "huggingface/deepseek-ai/DeepSeek-R1:together" },
      models: {
        "huggingface/deepseek-ai/DeepSeek-R1:together": { alias: "DeepSeek R1 (Together)" },
      },
    },
  },
}
`,
  },
  {
    id: "policy-mix",
    title: "Qwen and DeepSeek with policy suffixes",
    description: "Qwen2.5 7B :cheapest as primary, with DeepSeek R1 :fastest and Llama 3.1 8B allowed.",
    text: `{
  agents: {
    defaults: {
      model: { primary: "huggingface/Qwen/Qwen2.5-7B-Instruct:cheapest" },
      models: {
        "huggingface/Qwen/Qwen2.5-7B-Instruct": { alias: "Qwen2.5 7B" },
        "huggingface/Qwen/Qwen2.5-7B-Instruct:cheapest": { alias: "Qwen2.5 7B (cheap)" },
        "huggingface/deepseek-ai/DeepSeek-R1:fastest": { alias: "DeepSeek R1 (fast)" },
        "huggingface/meta-llama/Llama-3.1-8B-Instruct": { alias: "Llama 3.1 8B" },
      },
    },
  },
}
`,
  },
];

export function docExample(id: string): DocExample | undefined {
  return DOC_EXAMPLES.find((example) => example.id === id);
}
