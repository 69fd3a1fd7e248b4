import type { BenchmarkRecord } from "@/lib/benchmark/wire";

/** Field by field, so nothing but the figures leaves the server. */
export function historyResponse(records: BenchmarkRecord[]) {
  return {
    runs: records.map((r) => ({
      id: r.id,
      at: r.at,
      model: r.model,
      runs: r.runs,
      maxTokens: r.maxTokens,
      customPrompt: r.customPrompt,
      providers: r.providers.map((p) => ({
        provider: p.provider,
        runs: p.runs,
        errors: p.errors,
        ttftMsP50: p.ttftMsP50,
        ttftMsP95: p.ttftMsP95,
        tokensPerSecondP50: p.tokensPerSecondP50,
        costUsdPerRun: p.costUsdPerRun,
        advertised: { ...p.advertised },
      })),
    })),
  };
}
