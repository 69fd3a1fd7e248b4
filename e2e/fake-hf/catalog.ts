// Public entry for model data: the default list (tests of the app read provider facts from it) and
// the synthetic generator for benchmarks.
export { DEFAULT_MODELS, ERROR_ONLY_MODEL_ID, bare, defaultModel, live, toWire } from "./default-models";
export { CHAT_PROVIDERS, syntheticCatalog } from "./synthetic-catalog";
export type { FakeModel, ProviderEntry, ProviderStatus, ReasoningForm, RouterModel } from "./types";
