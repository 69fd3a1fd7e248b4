// Wire types of the Hugging Face router's /v1/models, as described in
// /work/shared/reference/hf-router.md. Shared by the fake and by tests.

export type ProviderStatus = "live" | "error" | "staging";

/** One entry of a model's `providers` array. Only provider, status and is_model_author are always present. */
export interface ProviderEntry {
  provider: string;
  status: ProviderStatus;
  context_length?: number;
  /** USD per million tokens. */
  pricing?: { input: number; output: number };
  supports_tools?: boolean;
  supports_structured_output?: boolean;
  first_token_latency_ms?: number;
  /** Tokens per second. */
  throughput?: number;
  is_model_author: boolean;
  is_free?: boolean;
}

/** A model exactly as the router sends it. */
export interface RouterModel {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
  name?: string;
  title?: string;
  display_name?: string;
  architecture: { input_modalities: string[]; output_modalities: string[] };
  providers: ProviderEntry[];
}

/**
 * How a model streams its reasoning. `think-tags` is DeepSeek-R1's inline `<think>…</think>` inside
 * `content`; the others name the delta field that carries it.
 */
export type ReasoningForm = "think-tags" | "reasoning" | "reasoning_content" | "reasoning_text";

/** A catalog entry of the fake: a RouterModel plus fake-only facts that never go on the wire. */
export interface FakeModel extends RouterModel {
  reasoning?: ReasoningForm;
}
