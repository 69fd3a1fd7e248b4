"use client";
import Link from "next/link";
import { useState } from "react";
import type { CatalogModel } from "@/lib/catalog/types";
import { configuredChain, type PlaygroundSettings } from "@/lib/chat/playground-settings";
import type { ChatRequest } from "@/lib/chat/request";
import { runChat } from "@/lib/chat/run";
import { useChatRun } from "@/lib/client/use-chat-run";
import { runChain, type ChainAttempt, type ChainResult, type RunMode } from "@/lib/openclaw-agent/run-chain";
import { AttemptList, roleOf } from "./run-config-attempts";
import { FailoverRulesTable } from "./failover-rules-table";
import { formatSeconds } from "@/lib/openclaw-agent/explain";

// "Run my configuration" in the browser, one POST /api/chat per attempt, following OpenClaw's
// failover rules (lib/openclaw-agent): quick tries each model once and says what the agent would
// do; as the agent it also retries the same model after the agent's waits. Stop ends it all.
interface Props {
  settings: PlaygroundSettings;
  system: string;
  models: readonly CatalogModel[] | undefined;
  blocked?: string;
}

const MODES: { id: RunMode; label: string; hint: string }[] = [
  {
    id: "quick",
    label: "Quick: one try per model",
    hint: "Each model once, with what the agent would do beside each failure.",
  },
  {
    id: "agent",
    label: "As the agent: retries and waits",
    hint: "Retries the same model after the agent's waits (up to minutes), then falls back.",
  },
];

/** Waits ms unless the run is stopped first (then resolves false at once). */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

function summaryOf(result: ChainResult | null, running: boolean): string {
  if (running) return "Running your configuration…";
  if (!result) return "";
  switch (result.outcome) {
    case "answered": {
      const attempt = result.attempts[result.answered ?? 0];
      const provider = attempt.answer?.meta?.provider;
      const role = roleOf(attempt).toLowerCase();
      return `Answered by ${role}${attempt.try > 1 ? `, try ${attempt.try}` : ""}: ${attempt.ref}${provider ? `, served by ${provider}` : ""}.`;
    }
    case "halted": {
      const last = [...result.attempts].reverse().find((a) => a.status === "failed");
      return `The agent stops at the ${last ? roleOf(last).toLowerCase() : "primary"}: it tries no other model after this failure.`;
    }
    case "stopped":
      return "Stopped.";
    case "failed":
      return "Every model in your configuration failed.";
  }
}

function agentTimeOf(result: ChainResult | null, mode: RunMode): string {
  if (!result || result.outcome === "stopped") return "";
  const total = formatSeconds(result.agentMs);
  const waiting = result.waitMs > 0 ? ` (${formatSeconds(result.waitMs)} of it waiting between tries)` : "";
  const ending = result.outcome === "answered" ? "" : " before it gave up";
  return mode === "agent"
    ? `The agent would have taken about ${total} over its router calls${ending}${waiting}.`
    : `The agent would have taken about ${total} over its router calls${ending}, if each model it retries kept failing${waiting}.`;
}

export function RunConfigPanel({ settings, system, models, blocked }: Props) {
  const chain = configuredChain(settings);
  const [prompt, setPrompt] = useState("Hello! Which model are you?");
  const [mode, setMode] = useState<RunMode>("quick");
  const [attempts, setAttempts] = useState<ChainAttempt[]>([]);
  const [result, setResult] = useState<ChainResult | null>(null);
  const [ranAs, setRanAs] = useState<RunMode>("quick");
  const { running, run, stop } = useChatRun();

  async function runConfiguration() {
    if (running || chain.length === 0 || prompt.trim() === "") return;
    const runMode = mode;
    setResult(null);
    setRanAs(runMode);
    await run(async ({ signal, isCurrent }) => {
      const outcome = await runChain({
        mode: runMode,
        chain,
        call: (ref, onUpdate) => {
          const request: ChatRequest = {
            model: ref,
            messages: [{ role: "user", content: prompt }],
            ...(system.trim() ? { system } : {}),
          };
          return runChat(request, { signal, onUpdate });
        },
        wait: (ms) => pause(ms, signal),
        now: () => Date.now(),
        onChange: (list) => {
          if (isCurrent()) setAttempts(list);
        },
      });
      if (isCurrent()) setResult(outcome);
    });
  }

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
  const agentTime = agentTimeOf(result, ranAs);
  return (
    <div className="space-y-4">
      <p className="muted">
        Sends the prompt (with your system prompt, without the playground&apos;s parameters) to the primary model and
        goes through your fallbacks the way OpenClaw&apos;s agent does.
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
      <fieldset className="space-y-1" disabled={running}>
        <legend className="label">How to run</legend>
        {MODES.map((m) => (
          <label key={m.id} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="run-config-mode"
              value={m.id}
              className="mt-1"
              checked={mode === m.id}
              onChange={() => setMode(m.id)}
              aria-describedby={`run-config-mode-${m.id}`}
            />
            <span>
              <span className="font-medium">{m.label}</span>
              <span id={`run-config-mode-${m.id}`} className="muted block text-xs">
                {m.hint}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
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
      <div role="status" aria-live="polite" className="space-y-1">
        <p className="text-sm font-medium" data-testid="run-config-summary">
          {summaryOf(result, running)}
        </p>
        {agentTime ? (
          <p className="text-sm" data-testid="run-config-agent-time">
            {agentTime}
          </p>
        ) : null}
      </div>
      {attempts.length > 0 ? <AttemptList attempts={attempts} models={models} /> : null}
      <FailoverRulesTable />
    </div>
  );
}
