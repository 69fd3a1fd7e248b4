"use client";
import dynamic from "next/dynamic";
import { useId, useState } from "react";
import { formatUsd } from "@/lib/chat/cost";
import {
  BENCHMARK_LIMITS,
  DEFAULT_BENCHMARK_MAX_TOKENS,
  DEFAULT_BENCHMARK_PROMPT,
  type ProviderSummary,
} from "@/lib/benchmark/wire";
import type { CatalogModel } from "@/lib/catalog/types";
import { useBenchmarkRun } from "@/lib/client/benchmark";
import type { ModelChange } from "@/lib/openclaw-config/change";
import type { ModelSettings } from "@/lib/openclaw-config/model-settings";
import { providerSwitchChange, usesModel } from "@/lib/openclaw-config/provider-switch";
import { BenchmarkHistory } from "./benchmark-history";
import { BenchmarkResults } from "./benchmark-results";

// The chart library is fetched only when there are results to draw.
const BenchmarkChart = dynamic(() => import("./benchmark-chart"), {
  ssr: false,
  loading: () => <p className="muted text-sm">Loading the chart…</p>,
});

/** Tokens a benchmark prompt is counted as, chat template included: a generous guess for the estimate. */
const PROMPT_OVERHEAD_TOKENS = 20;

/** From a model's detail: the same prompt N times on each live provider, measured on the server. */
export function BenchmarkPanel({
  model,
  settings,
  onStep,
  onPickProvider,
}: {
  model: CatalogModel;
  settings: ModelSettings;
  onStep: (change: ModelChange) => void;
  /** For a model the configuration does not use yet: pick the provider in the policy control. */
  onPickProvider: (provider: string) => void;
}) {
  const id = useId();
  const live = model.providers.filter((p) => p.status === "live");
  const [runs, setRuns] = useState(3);
  const [maxTokens, setMaxTokens] = useState(DEFAULT_BENCHMARK_MAX_TOKENS);
  const [prompt, setPrompt] = useState("");
  const [excluded, setExcluded] = useState<string[]>([]);
  const { state, running, start, stop } = useBenchmarkRun();
  const chosen = live.filter((p) => !excluded.includes(p.provider));
  const total = state.phase === "idle" ? 0 : state.request.providers.length * state.request.runs;
  const done = state.phase === "idle" ? 0 : state.progress.length;
  const promptTokens = Math.ceil((prompt || DEFAULT_BENCHMARK_PROMPT).length / 4) + PROMPT_OVERHEAD_TOKENS;
  const estimate = chosen.reduce(
    (sum, p) => sum + (runs * (promptTokens * (p.inputPrice ?? 0) + maxTokens * (p.outputPrice ?? 0))) / 1e6,
    0,
  );
  const configured = usesModel(settings, model.id);

  const use = (provider: string) => {
    const change = providerSwitchChange(settings, model.id, provider);
    if (change) onStep(change);
    else if (!configured) onPickProvider(provider);
  };
  const run = () =>
    void start({
      model: model.id,
      providers: chosen.map((p) => p.provider),
      runs,
      maxTokens,
      ...(prompt.trim() ? { prompt: prompt.trim() } : {}),
    });

  if (live.length === 0)
    return (
      <section className="space-y-1" aria-labelledby={`${id}-title`}>
        <h3 id={`${id}-title`} className="font-semibold">
          Benchmark the providers
        </h3>
        <p className="muted text-sm">No live provider is known for this model, so there is nothing to measure.</p>
      </section>
    );
  return (
    <section className="space-y-3" aria-labelledby={`${id}-title`} data-testid="benchmark">
      <div>
        <h3 id={`${id}-title`} className="font-semibold">
          Benchmark the providers
        </h3>
        <p className="muted text-sm">
          The same prompt on each provider, timed on the dashboard&apos;s server at the socket: time to first token,
          tokens per second, cost from the answer&apos;s usage.
        </p>
      </div>
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1 text-sm" disabled={running}>
        <legend className="label mb-1">Providers</legend>
        {live.map((p) => (
          <label key={p.provider} className="inline-flex items-center gap-1.5">
            <input
              type="checkbox"
              checked={!excluded.includes(p.provider)}
              onChange={(e) =>
                setExcluded((list) => (e.target.checked ? list.filter((x) => x !== p.provider) : [...list, p.provider]))
              }
            />
            {p.provider}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="label block">Runs per provider</span>
          <input
            className="input w-24"
            type="number"
            min={BENCHMARK_LIMITS.minRuns}
            max={BENCHMARK_LIMITS.maxRuns}
            value={runs}
            disabled={running}
            onChange={(e) =>
              setRuns(
                Math.min(BENCHMARK_LIMITS.maxRuns, Math.max(BENCHMARK_LIMITS.minRuns, Number(e.target.value) || 1)),
              )
            }
          />
        </label>
        <label className="text-sm">
          <span className="label block">Max tokens</span>
          <input
            className="input w-24"
            type="number"
            min={1}
            max={BENCHMARK_LIMITS.maxTokens}
            value={maxTokens}
            disabled={running}
            onChange={(e) =>
              setMaxTokens(Math.min(BENCHMARK_LIMITS.maxTokens, Math.max(1, Number(e.target.value) || 1)))
            }
          />
        </label>
        <label className="min-w-48 flex-1 text-sm">
          <span className="label block">Prompt</span>
          <input
            className="input w-full"
            value={prompt}
            placeholder={DEFAULT_BENCHMARK_PROMPT}
            maxLength={BENCHMARK_LIMITS.maxPromptChars}
            disabled={running}
            onChange={(e) => setPrompt(e.target.value)}
          />
        </label>
        {running ? (
          <button type="button" className="btn" onClick={stop}>
            Stop
          </button>
        ) : (
          <button type="button" className="btn-primary" disabled={chosen.length === 0} onClick={run}>
            Run benchmark
          </button>
        )}
      </div>
      <p className="muted text-xs" data-testid="benchmark-estimate">
        {chosen.length * runs} requests of up to {maxTokens} tokens: at most{" "}
        {estimate > 0 ? formatUsd(estimate) : "a fraction of a cent"} at the listed prices.
      </p>
      {state.phase !== "idle" ? (
        <div className="space-y-1" aria-live="polite">
          <progress
            className="h-2 w-full accent-sky-600"
            max={total}
            value={done}
            aria-label="Benchmark progress"
            data-testid="benchmark-progress"
          />
          <p className="muted text-xs" data-testid="benchmark-status">
            {state.phase === "running"
              ? `${done} of ${total} runs…`
              : state.phase === "stopped"
                ? `Stopped after ${done} of ${total} runs: every request still open was aborted. Nothing was kept.`
                : state.phase === "failed"
                  ? `Failed after ${done} of ${total} runs.`
                  : `${done} of ${total} runs done.`}
          </p>
        </div>
      ) : null}
      {state.phase === "failed" ? (
        <p className="alert-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {state.phase === "done" ? (
        <Results providers={state.providers} settings={settings} model={model} use={use} />
      ) : null}
      <BenchmarkHistory modelId={model.id} />
    </section>
  );
}

function Results({
  providers,
  settings,
  model,
  use,
}: {
  providers: ProviderSummary[];
  settings: ModelSettings;
  model: CatalogModel;
  use: (provider: string) => void;
}) {
  const configured = usesModel(settings, model.id);
  return (
    <div className="space-y-4">
      {!configured ? (
        <p className="muted text-sm">
          Your agent does not use this model yet: “Use this provider” picks it as the policy below, then set it as
          primary or a fallback.
        </p>
      ) : null}
      <BenchmarkResults
        providers={providers}
        inUse={(provider) => configured && providerSwitchChange(settings, model.id, provider) === null}
        onUse={use}
      />
      <BenchmarkChart providers={providers} />
    </div>
  );
}
