"use client";
import Link from "next/link";
import { useState } from "react";
import type { CatalogModel } from "@/lib/catalog/types";
import type { Answer } from "@/lib/chat/answer";
import { configuredChain, type PlaygroundSettings } from "@/lib/chat/playground-settings";
import type { ChatRequest } from "@/lib/chat/request";
import { runChat } from "@/lib/chat/run";
import { useChatRun } from "@/lib/client/use-chat-run";
import { AnswerView } from "./answer-view";

// "Run my configuration", done in the browser with one POST /api/chat per attempt: the primary,
// then each fallback in order until one answers, the way the agent falls back.
type AttemptState = "pending" | "running" | "answered" | "failed" | "stopped" | "not-needed";

interface Attempt {
  ref: string;
  role: string;
  state: AttemptState;
  answer?: Answer;
}

const STATE_LABEL: Record<AttemptState, string> = {
  pending: "waiting",
  running: "answering…",
  answered: "answered",
  failed: "failed",
  stopped: "stopped",
  "not-needed": "not needed",
};

const STATE_CLASS: Record<AttemptState, string> = {
  pending: "border-zinc-300 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400",
  running: "border-amber-400 text-amber-800 dark:text-amber-300",
  answered: "border-emerald-400 text-emerald-800 dark:text-emerald-300",
  failed: "border-red-400 text-red-800 dark:text-red-300",
  stopped: "border-zinc-400 text-zinc-700 dark:text-zinc-300",
  "not-needed": "border-zinc-200 text-zinc-500 dark:border-zinc-800",
};

interface Props {
  settings: PlaygroundSettings;
  system: string;
  models: readonly CatalogModel[] | undefined;
  blocked?: string;
}

export function RunConfigPanel({ settings, system, models, blocked }: Props) {
  const chain = configuredChain(settings);
  const [prompt, setPrompt] = useState("Hello! Which model are you?");
  const [attempts, setAttempts] = useState<Attempt[]>([]);
  const { running, run, stop } = useChatRun();

  async function runConfiguration() {
    if (running || chain.length === 0 || prompt.trim() === "") return;
    await run(async ({ signal, isCurrent }) => {
      const update = (index: number, patch: Partial<Attempt>) => {
        if (isCurrent()) setAttempts((list) => list.map((a, i) => (i === index ? { ...a, ...patch } : a)));
      };
      setAttempts(chain.map((ref, i) => ({ ref, role: i === 0 ? "Primary" : `Fallback ${i}`, state: "pending" })));
      for (let i = 0; i < chain.length; i++) {
        update(i, { state: "running" });
        const request: ChatRequest = {
          model: chain[i],
          messages: [{ role: "user", content: prompt }],
          ...(system.trim() ? { system } : {}),
        };
        const answer = await runChat(request, { signal, onUpdate: (a) => update(i, { answer: a }) });
        if (answer.status === "done") {
          update(i, { state: "answered" });
          if (isCurrent()) setAttempts((list) => list.map((a, j) => (j > i ? { ...a, state: "not-needed" } : a)));
          break;
        }
        update(i, { state: answer.status === "stopped" ? "stopped" : "failed" });
        // Stop, a newer run and unmounting all abort: no fallback is tried then.
        if (answer.status === "stopped") break;
      }
    });
  }

  const answered = attempts.findIndex((a) => a.state === "answered");
  const summary = running
    ? "Running your configuration…"
    : answered >= 0
      ? `Answered by ${attempts[answered].role.toLowerCase()}: ${attempts[answered].ref}${attempts[answered].answer?.meta?.provider ? `, served by ${attempts[answered].answer?.meta?.provider}` : ""}.`
      : attempts.some((a) => a.state === "stopped")
        ? "Stopped."
        : attempts.length > 0
          ? "Every model in your configuration failed."
          : "";

  if (chain.length === 0) {
    return (
      <p className="alert-warn">
        openclaw.json names no primary model yet.{" "}
        <Link className="link" href="/models">
          Choose one on the Models page
        </Link>
        , then run it here.
      </p>
    );
  }
  return (
    <div className="space-y-4">
      <p className="muted">
        Sends the prompt (with your system prompt, without the playground&apos;s parameters) to the primary model and,
        on failure, to each fallback in order, as the agent would.
      </p>
      {settings.hasAuthProfile ? (
        <p className="alert-warn" data-testid="auth-profile-note">
          OpenClaw has a Hugging Face auth profile (from <code className="font-mono">openclaw onboard</code>): the agent
          uses that key, which may differ from the token the dashboard uses here.
        </p>
      ) : null}
      <ol className="list-decimal space-y-1 pl-6 text-sm" aria-label="Your configuration">
        {chain.map((ref, i) => (
          <li key={ref}>
            <span className="font-medium">{i === 0 ? "Primary" : `Fallback ${i}`}:</span>{" "}
            <span className="font-mono">{ref}</span>
            {settings.aliases[ref] ? <span className="muted"> ({settings.aliases[ref]})</span> : null}
          </li>
        ))}
      </ol>
      <div>
        <label className="label" htmlFor="run-config-prompt">
          Prompt
        </label>
        <textarea
          id="run-config-prompt"
          className="input mt-1 min-h-20"
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
        />
      </div>
      {blocked ? <p className="text-xs text-amber-700 dark:text-amber-400">{blocked}</p> : null}
      <div className="flex gap-2">
        <button
          type="button"
          className="btn-primary"
          onClick={runConfiguration}
          disabled={running || !!blocked || prompt.trim() === ""}
        >
          Run my configuration
        </button>
        {running ? (
          <button type="button" className="btn" onClick={stop}>
            Stop
          </button>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className="text-sm font-medium" data-testid="run-config-summary">
        {summary}
      </p>
      {attempts.length > 0 ? (
        <ol className="space-y-3" aria-label="Attempts">
          {attempts.map((attempt, i) => (
            <li key={i} className="card" data-testid="attempt" data-state={attempt.state}>
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">
                  {i + 1}. {attempt.role}
                </span>
                <span className="font-mono text-sm">{attempt.ref}</span>
                <span className={`badge ${STATE_CLASS[attempt.state]}`}>{STATE_LABEL[attempt.state]}</span>
              </div>
              {attempt.answer && attempt.state !== "pending" && attempt.state !== "not-needed" ? (
                <div className="mt-2">
                  <AnswerView answer={attempt.answer} models={models} label={`${attempt.role} answer`} />
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
