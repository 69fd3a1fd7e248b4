// What OpenClaw's agent does when a model call fails, as data. OpenClaw publishes no such table (no
// CLI command or Gateway method answers it), so this is our own copy: read from its
// docs (concepts/model-failover.md, concepts/retry.md) and its code (failover-retry-controller,
// classify-core), then checked by running `openclaw agent --local` 2026.9.6 against the fake router
// for every status below. Measured there (primary failing every time, one fallback):
//   503: 8 calls (1 + 7 retries), waits 1.4, 1.6, 3.2, 10.5, 9.2, 18.3, 30 s, the fallback at 75.8 s;
//   500: 8 calls, the fallback at 86.4 s; a connection cut mid-answer and a 410: 7 calls, about 63 s;
//   429: 10 calls (1 + 9 retries, no window), waits up to 30 s, the fallback at about 134 s;
//   503 with retry-after 120: no retry, the fallback at once ("window elapsed after 0/8");
//   400 (model_not_supported, model_not_found), 404, 422 (JSON or text/plain), 401 (JSON or HTML),
//   403, 402: the fallback at once, no retry;
//   an error event in the middle of an answer: no retry and no fallback ("Agent run failed").
export const OPENCLAW_VERSION_MEASURED = "2026.9.6";

/** OpenClaw's own names for the failure classes (FailoverError reasons), plus `stream_error`. */
export type FailoverKind =
  | "rate_limit"
  | "server_error"
  | "timeout"
  | "format"
  | "model_not_found"
  | "auth"
  | "billing"
  | "stream_error"
  | "stop";

export type FailoverAction = "retry" | "next" | "stop";

export interface FailoverRule {
  kind: FailoverKind;
  /** Router HTTP statuses of this class (empty: failures without a status). */
  statuses: number[];
  /** retry: the same model again after a wait, then the next model; next: the next model at once; stop: the turn ends. */
  action: FailoverAction;
  /** retry: same-model retries after the first try. */
  retries?: number;
  /** retry: every retry's wait must end within this many ms of the first retry, or the agent moves on. */
  windowMs?: number;
  /** What else falls in this class, in our words. */
  covers: string;
}

/** The retry wait: about baseMs · 2^(n−1) for retry n, jittered by ±50 %, never above maxMs. */
export const RETRY_BACKOFF = { baseMs: 1000, maxMs: 30_000, jitter: 0.5 } as const;

/**
 * A router `retry-after` is a floor for the wait. A rate limit asking for longer than this goes to
 * the fallback at once when there is one (retry.provider.maxRetryDelayMs, default 60 s).
 */
export const MAX_RATE_LIMIT_RETRY_AFTER_MS = 60_000;

export const FAILOVER_RULES: readonly FailoverRule[] = [
  {
    kind: "rate_limit",
    statuses: [429],
    action: "retry",
    retries: 9,
    covers: "429 and rate-limit messages; 10 tries in all, with no time window",
  },
  {
    kind: "server_error",
    statuses: [500, 502, 503, 529],
    action: "retry",
    retries: 8,
    windowMs: 90_000,
    covers: "provider failures (OpenClaw calls a 503 'Service Unavailable' and a 529 'overloaded': the same budget)",
  },
  {
    kind: "timeout",
    statuses: [408, 410, 499, 504, 522, 524],
    action: "retry",
    retries: 8,
    windowMs: 90_000,
    covers:
      "no answer in time, a connection cut in the middle of an answer, the router unreachable, and a 410 from a pinned provider that dropped the model",
  },
  {
    kind: "format",
    statuses: [400, 422],
    action: "next",
    covers: "the request was refused as it is, e.g. HF's model_not_supported; the same request would fail again",
  },
  {
    kind: "model_not_found",
    statuses: [404],
    action: "next",
    covers: "404, and a 400 with code model_not_found",
  },
  {
    kind: "auth",
    statuses: [401, 403],
    action: "next",
    covers: "a refused key or a key without the Inference Providers permission; the key is put on cooldown",
  },
  {
    kind: "billing",
    statuses: [402],
    action: "next",
    covers: "out of credits; the key is disabled for 10 minutes",
  },
  {
    kind: "stream_error",
    statuses: [],
    action: "stop",
    covers: "the provider reported an error in the middle of its answer: the agent reports it and tries nothing else",
  },
  {
    kind: "stop",
    statuses: [],
    action: "stop",
    covers: "context overflow, a provider refusal, Stop, and the turn's deadline (agents.defaults.timeoutSeconds)",
  },
];

export function ruleFor(kind: FailoverKind): FailoverRule {
  const rule = FAILOVER_RULES.find((r) => r.kind === kind);
  if (!rule) throw new Error(`no failover rule for ${kind}`);
  return rule;
}
