// The catalog the dashboard serves at GET /api/models: the router's live list merged with
// OpenClaw's built-in models, keeping every provider's pricing and speed (OpenClaw drops them).
export interface ProviderOffer {
  provider: string;
  status: string; // "live" | "error" | "staging"
  contextLength?: number;
  inputPrice?: number; // USD per 1M tokens
  outputPrice?: number;
  throughput?: number; // tokens/s
  firstTokenLatencyMs?: number;
  supportsTools?: boolean;
  supportsStructuredOutput?: boolean;
  isModelAuthor?: boolean;
}

export interface CatalogModel {
  id: string; // deepseek-ai/DeepSeek-R1
  name: string; // DeepSeek R1
  org: string; // deepseek-ai
  reasoning: boolean;
  imageInput: boolean;
  contextWindow: number;
  maxTokens: number;
  builtin: boolean;
  /** Listed by the router in the last successful fetch. */
  listed: boolean;
  providers: ProviderOffer[];
}

export interface CatalogError {
  code: "unreachable" | "timeout" | "unauthorized" | "upstream_error" | "malformed" | "discovery_disabled";
  message: string;
}

export interface CatalogResponse {
  source: "live" | "builtin";
  fetchedAt: string | null;
  /** Fetched without a token: the public list may be partial. */
  partial?: boolean;
  error?: CatalogError;
  models: CatalogModel[];
}
