"use client";
import dynamic from "next/dynamic";
import { useState } from "react";
import { isAllowed as allowsRef } from "@/lib/openclaw-agent/allowlist";
import type { CatalogModel } from "@/lib/catalog/types";
import { buildRef, type Policy } from "@/lib/openclaw-config/model-ref";
import type { ModelChange } from "@/lib/openclaw-config/change";
import type { ModelSettings } from "@/lib/openclaw-config/model-settings";
import { AliasEditor } from "./alias-editor";
import { formatTokens } from "./format";
import { PolicyControl } from "./policy-control";
import { ProvidersTable } from "./providers-table";
import { RefLabel } from "./ref-label";

// The benchmark (its table, history and chart) loads with the first model opened, not with the page.
const BenchmarkPanel = dynamic(() => import("./benchmark-panel").then((m) => m.BenchmarkPanel), {
  loading: () => <p className="muted text-sm">Loading the benchmark…</p>,
});

/** One model: its providers, a routing policy, and what to do with the resulting ref. */
export function ModelDetail({
  model,
  settings,
  liveCatalog,
  onStep,
}: {
  model: CatalogModel;
  settings: ModelSettings;
  liveCatalog: boolean;
  onStep: (change: ModelChange) => void;
}) {
  const [policy, setPolicy] = useState<Policy>({ kind: "auto" });
  const ref = buildRef(model.id, policy.kind === "provider" && !policy.provider ? { kind: "auto" } : policy);
  const isPrimary = settings.primary === ref;
  const isFallback = settings.fallbacks.includes(ref);
  // Listed in the allowlist that applies (an empty one allows any model, but adding makes it a list).
  const allowlist = { path: settings.allowlistPath, refs: settings.allow };
  const isAllowed = settings.allow.length > 0 && allowsRef(ref, allowlist, settings.aliases[ref]);

  return (
    <section className="card space-y-5" aria-labelledby="model-detail-title" data-testid="model-detail">
      <header className="space-y-1">
        <p className="muted text-xs uppercase tracking-wide">{model.org || "no organisation"}</p>
        <h2 id="model-detail-title" className="text-xl font-semibold">
          {model.name}
        </h2>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <code className="break-all">{model.id}</code>
          {model.reasoning ? (
            <span className="badge border-violet-300 text-violet-800 dark:border-violet-700 dark:text-violet-200">
              Reasoning
            </span>
          ) : null}
          {model.imageInput ? (
            <span className="badge border-sky-300 text-sky-800 dark:border-sky-700 dark:text-sky-200">Image input</span>
          ) : null}
          {model.builtin ? <span className="badge border-zinc-300 dark:border-zinc-700">OpenClaw built-in</span> : null}
          <span className="muted">
            Context {formatTokens(model.contextWindow)} tokens (smallest among live providers)
          </span>
        </p>
      </header>

      <ProvidersTable model={model} />

      <PolicyControl key={model.id} model={model} policy={policy} onChange={setPolicy} liveCatalog={liveCatalog} />

      <div className="space-y-3 rounded-lg bg-zinc-50 p-3 dark:bg-zinc-950/60">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm">
            <span className="muted mr-2">Ref:</span>
            <span data-testid="selected-ref">
              <RefLabel refText={ref} alias={settings.aliases[ref]} />
            </span>
          </p>
          <AliasEditor
            key={ref}
            refText={ref}
            alias={settings.aliases[ref]}
            otherAliases={settings.aliases}
            onSave={(alias) => onStep({ aliases: { [ref]: alias } })}
          />
        </div>
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className="btn-primary"
            disabled={isPrimary}
            onClick={() => onStep({ primary: ref, fallbacks: settings.fallbacks.filter((f) => f !== ref) })}
          >
            {isPrimary ? "This is the primary" : "Set as primary"}
          </button>
          <button
            type="button"
            className="btn"
            disabled={isPrimary || isFallback}
            onClick={() => onStep({ fallbacks: [...settings.fallbacks, ref] })}
          >
            {isFallback ? "Already a fallback" : "Add to fallbacks"}
          </button>
          <button
            type="button"
            className="btn"
            disabled={isAllowed}
            onClick={() => onStep({ allow: [...settings.allow, ref] })}
          >
            {isAllowed ? "In the allowlist" : "Add to allowlist"}
          </button>
        </div>
      </div>

      <BenchmarkPanel
        model={model}
        settings={settings}
        onStep={onStep}
        onPickProvider={(provider) => setPolicy({ kind: "provider", provider })}
      />
    </section>
  );
}
