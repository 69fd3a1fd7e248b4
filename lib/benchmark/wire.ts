// POST /api/models/benchmark's NDJSON events and the history's entries, shared by the server and
// the browser. One progress event per run as it ends, then one summary.
export const BENCHMARK_LIMITS = {
  minRuns: 1,
  maxRuns: 10,
  maxProviders: 20,
  maxPromptChars: 2000,
  maxTokens: 1024,
  /** Providers measured at once; the runs of one provider go one after the other. */
  concurrency: 8,
} as const;

export const DEFAULT_BENCHMARK_PROMPT = "In two sentences, explain what a hash table is.";
export const DEFAULT_BENCHMARK_MAX_TOKENS = 64;

export interface BenchmarkProgress {
  type: "progress";
  provider: string;
  /** 1-based, per provider. */
  run: number;
  ok: boolean;
  ttftMs: number | null;
  tokensPerSecond: number | null;
  /** Why a run failed (lib/chat's kinds and our own message); absent when ok. */
  error?: { kind: string; message: string };
}

export interface AdvertisedFigures {
  throughput: number | null;
  firstTokenLatencyMs: number | null;
  inputPrice: number | null;
  outputPrice: number | null;
}

export interface ProviderSummary {
  provider: string;
  /** Runs that ended (ok or not); a stopped benchmark counts only those. */
  runs: number;
  errors: number;
  ttftMsP50: number | null;
  ttftMsP95: number | null;
  tokensPerSecondP50: number | null;
  /** Mean over the ok runs of usage × this provider's prices; null without prices or usage. */
  costUsdPerRun: number | null;
  advertised: AdvertisedFigures;
}

export interface BenchmarkSummary {
  type: "summary";
  providers: ProviderSummary[];
}

export type BenchmarkEvent = BenchmarkProgress | BenchmarkSummary;

/** One benchmark as the history keeps it (a line of benchmark-history.jsonl). */
export interface BenchmarkRecord {
  id: string;
  /** ISO time the benchmark finished. */
  at: string;
  model: string;
  runs: number;
  maxTokens: number;
  /** The default prompt, or one of the user's (not stored). */
  customPrompt: boolean;
  providers: ProviderSummary[];
}
