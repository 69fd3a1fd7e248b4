// What the agent does after a failed call, following OpenClaw's retry controller
// (failover-retry-controller in 2026.9.6): a retryable class retries the same model while its budget
// lasts and, outside rate limits, while the next wait still ends inside the 90 s window opened by
// the first retry; a router `retry-after` is the least it waits. Waits here are the middle of the
// agent's jittered range, so a prediction is exact in its tries and about right in its time.
import { MAX_RATE_LIMIT_RETRY_AFTER_MS, RETRY_BACKOFF, type FailoverRule } from "./failover-rules";

/** The middle of the agent's wait before retry `n` (1-based), and its jittered range. */
export function retryWait(n: number): { ms: number; minMs: number; maxMs: number } {
  const ms = Math.min(RETRY_BACKOFF.maxMs, RETRY_BACKOFF.baseMs * 2 ** Math.max(0, n - 1));
  const cap = (v: number) => Math.min(RETRY_BACKOFF.maxMs, Math.round(v));
  return { ms, minMs: cap(ms * (1 - RETRY_BACKOFF.jitter)), maxMs: cap(ms * (1 + RETRY_BACKOFF.jitter)) };
}

/** One model's retry history within a turn. */
export interface RetryState {
  /** Same-model retries made so far. */
  retries: number;
  /** When the first retry was decided (the window's start), if any. */
  windowStartMs: number | null;
}

export const freshRetryState = (): RetryState => ({ retries: 0, windowStartMs: null });

export type RetryVerdict =
  | { retry: true; retryNumber: number; budget: number; waitMs: number; state: RetryState }
  | {
      retry: false;
      /** class: this class never retries; budget: retries used up; window: the next wait would end past the window; retry-after: the router asked for longer than the agent waits. */
      why: "class" | "budget" | "window" | "retry-after";
    };

interface RetryContext {
  nowMs: number;
  /** The router's retry-after with this failure. */
  retryAfterMs?: number;
  /** Another model follows in the chain. */
  fallbackLeft: boolean;
}

export function decideRetry(rule: FailoverRule, state: RetryState, context: RetryContext): RetryVerdict {
  if (rule.action !== "retry" || rule.retries === undefined) return { retry: false, why: "class" };
  const { nowMs, retryAfterMs, fallbackLeft } = context;
  if (
    rule.kind === "rate_limit" &&
    fallbackLeft &&
    retryAfterMs !== undefined &&
    retryAfterMs > MAX_RATE_LIMIT_RETRY_AFTER_MS
  )
    return { retry: false, why: "retry-after" };
  if (state.retries >= rule.retries) return { retry: false, why: "budget" };
  const windowStartMs = state.windowStartMs ?? nowMs;
  const waitMs = Math.max(retryWait(state.retries + 1).ms, retryAfterMs ?? 0);
  if (rule.windowMs !== undefined && waitMs > rule.windowMs - (nowMs - windowStartMs))
    return { retry: false, why: retryAfterMs !== undefined && retryAfterMs >= waitMs ? "retry-after" : "window" };
  return {
    retry: true,
    retryNumber: state.retries + 1,
    budget: rule.retries,
    waitMs,
    state: { retries: state.retries + 1, windowStartMs },
  };
}

/**
 * The waits the agent would spend on a model that keeps failing this way (calls taking no time):
 * what quick mode adds to say how long the agent would have taken.
 */
export function waitsIfItKeepsFailing(rule: FailoverRule, retryAfterMs?: number, fallbackLeft = true): number[] {
  const waits: number[] = [];
  let state = freshRetryState();
  let now = 0;
  for (;;) {
    const verdict = decideRetry(rule, state, { nowMs: now, retryAfterMs, fallbackLeft });
    if (!verdict.retry) return waits;
    waits.push(verdict.waitMs);
    now += verdict.waitMs;
    state = verdict.state;
  }
}
