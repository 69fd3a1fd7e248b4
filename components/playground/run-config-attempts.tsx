"use client";
import { useEffect, useState } from "react";
import type { CatalogModel } from "@/lib/catalog/types";
import { formatSeconds } from "@/lib/openclaw-agent/explain";
import type { AttemptStatus, ChainAttempt } from "@/lib/openclaw-agent/run-chain";
import { AnswerView } from "./answer-view";

// The attempts of a "Run my configuration" run, each with what the agent does after it, and a
// countdown while the agent would be waiting before a retry.
const STATE_LABEL: Record<AttemptStatus, string> = {
  pending: "waiting",
  waiting: "retry pending",
  running: "answering…",
  answered: "answered",
  failed: "failed",
  stopped: "stopped",
  "not-needed": "not needed",
  "not-tried": "not tried",
};

const STATE_CLASS: Record<AttemptStatus, string> = {
  pending: "border-zinc-300 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400",
  waiting: "border-amber-300 text-amber-700 dark:text-amber-300",
  running: "border-amber-400 text-amber-800 dark:text-amber-300",
  answered: "border-emerald-400 text-emerald-800 dark:text-emerald-300",
  failed: "border-red-400 text-red-800 dark:text-red-300",
  stopped: "border-zinc-400 text-zinc-700 dark:text-zinc-300",
  "not-needed": "border-zinc-200 text-zinc-500 dark:border-zinc-800",
  "not-tried": "border-zinc-200 text-zinc-500 dark:border-zinc-800",
};

export function roleOf(attempt: Pick<ChainAttempt, "model">): string {
  return attempt.model === 0 ? "Primary" : `Fallback ${attempt.model}`;
}

/** Date.now(), refreshed a few times a second while `active`. */
function useClock(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function AttemptList({
  attempts,
  models,
}: {
  attempts: ChainAttempt[];
  models: readonly CatalogModel[] | undefined;
}) {
  const now = useClock(attempts.some((a) => a.status === "waiting"));
  return (
    <ol className="space-y-3" aria-label="Attempts">
      {attempts.map((attempt, i) => (
        <li
          key={i}
          className="card"
          data-testid="attempt"
          data-state={attempt.status}
          data-ref={attempt.ref}
          data-try={attempt.try}
        >
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">
              {i + 1}. {roleOf(attempt)}
              {attempt.try > 1 ? `, try ${attempt.try}` : ""}
            </span>
            <span className="font-mono text-sm">{attempt.ref}</span>
            <span className={`badge ${STATE_CLASS[attempt.status]}`}>{STATE_LABEL[attempt.status]}</span>
          </div>
          {attempt.status === "waiting" && attempt.startsAt !== undefined ? (
            <p className="mt-2 text-sm text-amber-800 dark:text-amber-300" role="timer" data-testid="retry-countdown">
              The agent retries in {formatSeconds(Math.max(0, attempt.startsAt - now))}.
            </p>
          ) : null}
          {attempt.answer && attempt.status !== "pending" && attempt.status !== "not-needed" ? (
            <div className="mt-2">
              <AnswerView answer={attempt.answer} models={models} label={`${roleOf(attempt)} answer`} />
            </div>
          ) : null}
          {attempt.after ? (
            <p className="mt-2 text-sm" data-testid="attempt-next" data-action={attempt.after.action}>
              <span className="font-medium">What the agent does: </span>
              {attempt.after.text}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
