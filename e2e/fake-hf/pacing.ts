// Providers with distinct, known speeds, for benchmarks (scenario `pacing: "provider"`): the first
// body byte after `ttftMs`, then one delta per write spaced so that completion tokens divided by the
// time after the first byte is `tokensPerSecond` (the dashboard's own definition of tokens/s).
// The router's advertised figures in the catalog differ on purpose: a benchmark measures, it does
// not repeat the table.
import type { RequestContext } from "./context";
import { sleep, type Headers } from "./http-util";

export interface ProviderSpeed {
  ttftMs: number;
  tokensPerSecond: number;
}

/** Every chat provider of the reference, fastest first by time to first token. */
export const PROVIDER_SPEEDS: Readonly<Record<string, ProviderSpeed>> = {
  cerebras: { ttftMs: 20, tokensPerSecond: 250 },
  groq: { ttftMs: 35, tokensPerSecond: 200 },
  "fireworks-ai": { ttftMs: 55, tokensPerSecond: 160 },
  "hf-inference": { ttftMs: 65, tokensPerSecond: 140 },
  together: { ttftMs: 80, tokensPerSecond: 120 },
  deepinfra: { ttftMs: 95, tokensPerSecond: 110 },
  baseten: { ttftMs: 105, tokensPerSecond: 100 },
  "zai-org": { ttftMs: 115, tokensPerSecond: 90 },
  nscale: { ttftMs: 125, tokensPerSecond: 80 },
  scaleway: { ttftMs: 135, tokensPerSecond: 70 },
  cohere: { ttftMs: 145, tokensPerSecond: 65 },
  ovhcloud: { ttftMs: 155, tokensPerSecond: 60 },
  publicai: { ttftMs: 165, tokensPerSecond: 55 },
  novita: { ttftMs: 180, tokensPerSecond: 50 },
  "featherless-ai": { ttftMs: 220, tokensPerSecond: 40 },
};

const UNKNOWN_SPEED: ProviderSpeed = { ttftMs: 100, tokensPerSecond: 100 };

export function providerSpeed(provider: string): ProviderSpeed {
  return Object.hasOwn(PROVIDER_SPEEDS, provider) ? PROVIDER_SPEEDS[provider] : UNKNOWN_SPEED;
}

/**
 * Writes `deltaEvents` one per write at the provider's pace, then `tail` (finish, usage, [DONE]) in
 * one write right after the last delta. Stops as soon as the client leaves.
 */
export async function writePacedStream(
  ctx: RequestContext,
  headers: Headers,
  deltaEvents: string[],
  tail: string[],
  speed: ProviderSpeed,
): Promise<void> {
  const { res, signal } = ctx;
  res.writeHead(200, { ...headers, "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.flushHeaders();
  const n = deltaEvents.length;
  // n tokens over (n − 1) gaps after the first byte must take n / tokensPerSecond seconds. Each write
  // waits for its time on one schedule, so timer rounding does not add up over the answer.
  const gapMs = n > 1 ? (1000 * n) / ((n - 1) * speed.tokensPerSecond) : 0;
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const due = start + speed.ttftMs + i * gapMs;
    if (!(await sleep(Math.max(0, due - performance.now()), signal)) || res.destroyed) return;
    res.write(deltaEvents[i] + (i === n - 1 ? tail.join("") : ""));
  }
  if (n === 0) res.write(tail.join(""));
  res.end();
}
