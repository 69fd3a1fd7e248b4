// Order statistics for small samples (a benchmark has at most 10 runs per provider).
// Nearest-rank percentiles, so a figure is always a measured sample, never an interpolation.

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * Tokens per second of generation: completion tokens over the time after the first body byte (so a
 * slow start counts in TTFT, not here). Null without tokens or without time to divide by.
 */
export function tokensPerSecond(completionTokens: number, firstByteMs: number, endMs: number): number | null {
  const seconds = (endMs - firstByteMs) / 1000;
  return completionTokens > 0 && seconds > 0 ? completionTokens / seconds : null;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}
