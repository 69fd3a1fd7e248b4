"use client";
import Link from "next/link";
import { formatAge, useNow } from "@/components/models/catalog-banner";
import { RefLabel } from "@/components/models/ref-label";
import { WarningsPanel } from "@/components/models/warnings-panel";
import { computeWarnings } from "@/lib/catalog/warnings";
import { useCatalog, useCatalogIndex } from "@/lib/client/catalog";
import { useConfigState } from "@/lib/client/config";

/** Overview: what the agent will use (primary, fallbacks, aliases, policies), catalog freshness, warnings. */
export function ModelsCard() {
  const config = useConfigState();
  const catalog = useCatalog();
  const index = useCatalogIndex(catalog.data?.models);
  const now = useNow();
  const state = config.data;
  const settings = state?.settings;
  const warnings = settings ? (catalog.data ? computeWarnings(settings, catalog.data, index) : state.warnings) : [];

  return (
    <section className="card space-y-4" aria-labelledby="models-card-title" data-testid="models-card">
      <h2 id="models-card-title" className="text-lg font-semibold">
        Models
      </h2>
      <div aria-live="polite" aria-busy={config.isLoading} className="space-y-3">
        {config.error ? (
          <p className="alert-error">openclaw.json could not be read.</p>
        ) : !state || !settings ? (
          <div
            className="h-32 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800"
            role="status"
            aria-label="Loading the model settings"
          />
        ) : state.problem ? (
          <p className="alert-error">
            openclaw.json does not parse
            {state.problem.line ? ` (line ${state.problem.line}, column ${state.problem.column})` : ""}: OpenClaw cannot
            start until it is fixed.
          </p>
        ) : (
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="label">Primary</dt>
              <dd className="mt-1">
                {settings.primary ? (
                  <RefLabel refText={settings.primary} alias={settings.aliases[settings.primary]} />
                ) : (
                  <span className="muted">None: OpenClaw has no default model yet.</span>
                )}
              </dd>
            </div>
            <div>
              <dt className="label">Fallbacks</dt>
              <dd className="mt-1">
                {settings.fallbacks.length === 0 ? (
                  <span className="muted">None</span>
                ) : (
                  <ol className="list-decimal space-y-1 pl-5">
                    {settings.fallbacks.map((ref, i) => (
                      <li key={`${ref}-${i}`}>
                        <RefLabel refText={ref} alias={settings.aliases[ref]} />
                      </li>
                    ))}
                  </ol>
                )}
              </dd>
            </div>
          </dl>
        )}
        <p className="muted text-xs" data-testid="models-card-catalog">
          {catalog.data
            ? catalog.data.source === "live"
              ? `Live catalog, ${catalog.data.models.length.toLocaleString("en")} models, fetched ${formatAge(catalog.data.fetchedAt, now)}.`
              : `Built-in catalog (${catalog.data.models.length} models). ${catalog.data.error?.message ?? ""}`
            : catalog.isLoading
              ? "Loading the model catalog…"
              : "The model catalog could not be loaded."}
        </p>
      </div>
      {settings ? <WarningsPanel warnings={warnings} aliases={settings.aliases} repairs={state?.repairs} /> : null}
      <Link href="/models" className="link text-sm">
        {settings?.primary ? "Change models" : "Pick a model"}
      </Link>
    </section>
  );
}
