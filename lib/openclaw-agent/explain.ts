// What the agent does after a failure, in a sentence: "503 from together: the agent retries this
// model up to 8 times within 90 s, then tries the next."
import type { FailoverRule } from "./failover-rules";
import type { RetryVerdict } from "./decide";

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  if (s < 10) return `${Number(s.toFixed(1))} s`;
  if (s < 180) return `${Math.round(s)} s`;
  const m = Math.floor(s / 60);
  const rest = Math.round(s - m * 60);
  return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
}

/** "503 from together", "a timeout", "an error in the middle of the answer". */
export function outcomeLabel(
  failure: { upstreamStatus?: number; provider?: string | null },
  rule: FailoverRule,
): string {
  const from = failure.provider ? ` from ${failure.provider}` : "";
  if (failure.upstreamStatus !== undefined) return `${failure.upstreamStatus}${from}`;
  switch (rule.kind) {
    case "timeout":
      return `No complete answer${from} (a timeout or a broken connection)`;
    case "stream_error":
      return `An error${from} in the middle of the answer`;
    default:
      return `A failure${from}`;
  }
}

const CLASS_WORDS: Record<FailoverRule["kind"], string> = {
  rate_limit: "a rate limit",
  server_error: "a provider failure",
  timeout: "a timeout",
  format: "the request refused as it is",
  model_not_found: "an unknown model",
  auth: "the key refused",
  billing: "out of credits",
  stream_error: "an error in mid-answer",
  stop: "a final failure",
};

/** What follows "then": the next model, or the end of the turn. */
const thenWhat = (fallbackLeft: boolean) => (fallbackLeft ? "tries the next model" : "gives up: no fallback is left");

/** The agent's rule for this class, said once (quick mode says it beside each failure). */
export function ruleSentence(rule: FailoverRule, fallbackLeft: boolean): string {
  const then = thenWhat(fallbackLeft);
  switch (rule.action) {
    case "retry":
      return rule.windowMs
        ? `the agent retries this model up to ${rule.retries} times within ${formatSeconds(rule.windowMs)}, then ${then}`
        : `the agent retries this model up to ${rule.retries} times, then ${then}`;
    case "next": {
      const move = fallbackLeft ? "tries the next model at once" : "gives up: no fallback is left";
      return rule.kind === "auth" || rule.kind === "billing"
        ? `the agent puts the key on cooldown and ${move}`
        : `the agent ${move}`;
    }
    case "stop":
      return "the agent stops here and reports the error: it tries no other model";
  }
}

/** Quick mode: the outcome, its class and the agent's rule. */
export function quickVerdict(label: string, rule: FailoverRule, fallbackLeft: boolean, retryAfterMs?: number): string {
  const base = `${label} (${CLASS_WORDS[rule.kind]}): ${ruleSentence(rule, fallbackLeft)}`;
  return retryAfterMs === undefined ? `${base}.` : `${base}; the router asked to wait ${formatSeconds(retryAfterMs)}.`;
}

/** Agent mode: what the agent does now, after this very try. */
export function agentVerdict(label: string, rule: FailoverRule, verdict: RetryVerdict, fallbackLeft: boolean): string {
  const head = `${label} (${CLASS_WORDS[rule.kind]})`;
  if (verdict.retry)
    return `${head}: the agent waits about ${formatSeconds(verdict.waitMs)}, then retries this model (retry ${verdict.retryNumber} of at most ${verdict.budget}).`;
  const then = thenWhat(fallbackLeft);
  switch (verdict.why) {
    case "budget":
      return `${head}: the agent has used its ${rule.retries} retries and ${then}.`;
    case "window":
      return `${head}: the next wait would end past the agent's ${formatSeconds(rule.windowMs ?? 0)} window, so it ${then}.`;
    case "retry-after":
      return fallbackLeft
        ? `${head}: the router asked to wait longer than the agent would, so it tries the next model at once.`
        : `${head}: the router asked to wait longer than the agent would, so it gives up: no fallback is left.`;
    case "class":
      return `${head}: ${ruleSentence(rule, fallbackLeft)}.`;
  }
}
