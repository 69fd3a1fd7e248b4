// "Run my configuration": the primary, then the fallbacks, the way OpenClaw's agent goes through
// them. Quick mode calls each model once and says beside each failure what the agent would do;
// agent mode does it: same-model retries after the agent's waits, then the next model, or a stop.
// The calls and the waits are handed in, so this runs in the browser and under test alike.
import type { Answer } from "../chat/answer";
import { classifyFailure } from "./classify";
import { decideRetry, freshRetryState, waitsIfItKeepsFailing, type RetryState } from "./decide";
import { agentVerdict, outcomeLabel, quickVerdict } from "./explain";

export type RunMode = "quick" | "agent";

export type AttemptStatus =
  "pending" | "waiting" | "running" | "answered" | "failed" | "stopped" | "not-needed" | "not-tried";

export interface AfterAttempt {
  /** retry: this model again after waitMs; next: the next model; give-up: none is left; stop: the turn ends. */
  action: "retry" | "next" | "give-up" | "stop";
  text: string;
  waitMs?: number;
}

export interface ChainAttempt {
  ref: string;
  /** Its model's place in the chain: 0 is the primary. */
  model: number;
  /** 1 for the first call to this model, 2 for its first retry, … */
  try: number;
  status: AttemptStatus;
  answer?: Answer;
  /** Set once this attempt failed. */
  after?: AfterAttempt;
  /** While status is "waiting": when the agent's wait ends (the clock of `now`). */
  startsAt?: number;
}

export type ChainOutcome = "answered" | "failed" | "stopped" | "halted";

export interface ChainResult {
  outcome: ChainOutcome;
  attempts: ChainAttempt[];
  /** The attempt that answered. */
  answered?: number;
  /**
   * How long the agent would have taken over its router calls: in agent mode the run's own time;
   * in quick mode the calls plus the waits the agent would add if each retried model kept failing.
   */
  agentMs: number;
  /** The part of agentMs spent waiting. */
  waitMs: number;
}

export interface RunChainOptions {
  mode: RunMode;
  chain: readonly string[];
  /** One chat call; resolves with the final answer ("stopped" once the run is aborted). */
  call: (ref: string, onUpdate: (answer: Answer) => void) => Promise<Answer>;
  /** Waits ms; resolves false when the run was stopped meanwhile. */
  wait: (ms: number) => Promise<boolean>;
  /** Wall-clock ms (Date.now). */
  now: () => number;
  onChange: (attempts: ChainAttempt[]) => void;
}

function duration(answer: Answer): number {
  return answer.endedAt !== undefined ? Math.max(0, answer.endedAt - answer.startedAt) : 0;
}

export async function runChain({ mode, chain, call, wait, now, onChange }: RunChainOptions): Promise<ChainResult> {
  let attempts: ChainAttempt[] = chain.map((ref, model) => ({ ref, model, try: 1, status: "pending" }));
  const started = now();
  let callsMs = 0;
  let waitMs = 0;
  /** Each model's retries and window so far. */
  const retryStates = new Map<number, RetryState>();
  const publish = () => onChange(attempts);
  const update = (index: number, patch: Partial<ChainAttempt>) => {
    attempts = attempts.map((a, i) => (i === index ? { ...a, ...patch } : a));
    publish();
  };
  const settleRest = (from: number, status: AttemptStatus) => {
    attempts = attempts.map((a, i) =>
      i > from && (a.status === "pending" || a.status === "waiting") ? { ...a, status } : a,
    );
    publish();
  };
  const finish = (outcome: ChainOutcome, answered?: number): ChainResult => ({
    outcome,
    attempts,
    answered,
    agentMs: mode === "agent" ? now() - started : callsMs + waitMs,
    waitMs,
  });
  publish();

  for (let index = 0; index < attempts.length; index++) {
    const attempt = attempts[index];
    update(index, { status: "running", startsAt: undefined });
    const answer = await call(attempt.ref, (a) => update(index, { answer: a }));
    callsMs += duration(answer);
    if (answer.status === "done") {
      update(index, { status: "answered", answer });
      settleRest(index, "not-needed");
      return finish("answered", index);
    }
    if (answer.status !== "error" || !answer.error) {
      update(index, { status: "stopped", answer });
      settleRest(index, "not-tried");
      return finish("stopped");
    }
    const failure = answer.error;
    const classified = classifyFailure(failure);
    const fallbackLeft = attempt.model < chain.length - 1;
    if (!classified.agent) {
      update(index, {
        status: "failed",
        answer,
        after: { action: "stop", text: "This failure is the dashboard's own: the agent would not have met it." },
      });
      settleRest(index, "not-tried");
      return finish("failed");
    }
    const { rule } = classified;
    const label = outcomeLabel(failure, rule);
    const moveOn = (text: string): AfterAttempt => ({ action: fallbackLeft ? "next" : "give-up", text });

    if (mode === "quick") {
      const text = quickVerdict(label, rule, fallbackLeft, failure.retryAfterMs);
      if (rule.action === "retry")
        waitMs += waitsIfItKeepsFailing(rule, failure.retryAfterMs, fallbackLeft).reduce((a, b) => a + b, 0);
      if (rule.action === "stop") {
        update(index, { status: "failed", answer, after: { action: "stop", text } });
        settleRest(index, "not-tried");
        return finish("halted");
      }
      update(index, { status: "failed", answer, after: moveOn(text) });
      continue;
    }

    const retryState = retryStates.get(attempt.model) ?? freshRetryState();
    const verdict = decideRetry(rule, retryState, { nowMs: now(), retryAfterMs: failure.retryAfterMs, fallbackLeft });
    const text = agentVerdict(label, rule, verdict, fallbackLeft);
    if (verdict.retry) {
      retryStates.set(attempt.model, verdict.state);
      const retry: ChainAttempt = {
        ref: attempt.ref,
        model: attempt.model,
        try: attempt.try + 1,
        status: "waiting",
        startsAt: now() + verdict.waitMs,
      };
      attempts = [...attempts.slice(0, index + 1), retry, ...attempts.slice(index + 1)];
      update(index, { status: "failed", answer, after: { action: "retry", text, waitMs: verdict.waitMs } });
      const waitStarted = now();
      const waited = await wait(verdict.waitMs);
      waitMs += now() - waitStarted;
      if (!waited) {
        update(index + 1, { status: "stopped", startsAt: undefined });
        settleRest(index + 1, "not-tried");
        return finish("stopped");
      }
      continue;
    }
    if (rule.action === "stop") {
      update(index, { status: "failed", answer, after: { action: "stop", text } });
      settleRest(index, "not-tried");
      return finish("halted");
    }
    update(index, { status: "failed", answer, after: moveOn(text) });
  }
  return finish("failed");
}
