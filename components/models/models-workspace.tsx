"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useDeferredValue, useMemo, useState } from "react";
import { filterAndSort, providerNames } from "@/lib/catalog/picker";
import { readPickerState, writePickerState, type PickerUrlState } from "@/lib/catalog/picker-url";
import type { ModelChange } from "@/lib/openclaw-config/change";
import { AgentModels } from "./agent-models";
import { AllowlistTable } from "./allowlist-table";
import { CatalogBanner } from "./catalog-banner";
import { CheckAllPanel } from "./check-all-panel";
import { GatewayAgentPanel } from "./gateway-agent-panel";
import { addDraftStep } from "./draft-store";
import { ModelDetail } from "./model-detail";
import { ModelList } from "./model-list";
import { PendingChange } from "./pending-change";
import { PickerFilters } from "./picker-filters";
import { useEffectiveSettings } from "./use-effective-settings";
import { WarningsPanel } from "./warnings-panel";

/** The Models page: catalog, picker and detail, the agent's models and the pending change. */
export function ModelsWorkspace() {
  const params = useSearchParams();
  const pathname = usePathname();
  const fromUrl = useMemo(() => readPickerState(params), [params]);
  // A click shows at once: the URL (and useSearchParams) catches up in a transition, which can lag
  // under load, so recent changes are overlaid until the URL reports them.
  const [overlay, setOverlay] = useState<{ base: typeof fromUrl; patch: Partial<PickerUrlState> }>({
    base: fromUrl,
    patch: {},
  });
  const urlState = overlay.base === fromUrl ? { ...fromUrl, ...overlay.patch } : fromUrl;
  const [search, setSearch] = useState(fromUrl.q);
  const deferredSearch = useDeferredValue(search);
  const { config, catalog, settings, warnings, index } = useEffectiveSettings();

  // Native history calls keep useSearchParams in sync without a server round trip per keystroke.
  const setUrl = (patch: Partial<PickerUrlState>, push = false) => {
    setOverlay((current) => ({
      base: fromUrl,
      patch: current.base === fromUrl ? { ...current.patch, ...patch } : patch,
    }));
    const next = writePickerState({ ...urlState, q: search, ...patch }).toString();
    window.history[push ? "pushState" : "replaceState"](null, "", next ? `${pathname}?${next}` : pathname);
  };

  const { provider, reasoning, tools, structured, image, live, sort } = urlState;
  const models = catalog.data?.models;
  const providers = useMemo(() => providerNames(models ?? []), [models]);
  // Keyed on the fields, not the object: urlState is rebuilt on every render.
  const results = useMemo(
    () => filterAndSort(models ?? [], { q: deferredSearch, provider, reasoning, tools, structured, image, live, sort }),
    [models, deferredSearch, provider, reasoning, tools, structured, image, live, sort],
  );
  const selected = urlState.model ? index.get(urlState.model) : undefined;

  const onStep = (change: ModelChange) => {
    if (!config.data) return;
    addDraftStep(config.data.settings, config.data.revision, change);
  };

  const problem = config.data?.problem;
  return (
    <div className="space-y-6">
      <CatalogBanner catalog={catalog.data} loading={catalog.isLoading} />
      {config.error ? (
        <p className="alert-error">openclaw.json could not be read. Check that the state folder is readable.</p>
      ) : null}
      {problem ? (
        <div className="alert-error" role="alert">
          <p className="font-medium">
            openclaw.json does not parse{problem.line ? ` (line ${problem.line}, column ${problem.column})` : ""}:{" "}
            {problem.message}
          </p>
          <p>The dashboard will not change it until you fix it by hand. See it on the Config page.</p>
        </div>
      ) : null}
      {settings ? (
        <WarningsPanel warnings={warnings} aliases={settings.aliases} repairs={config.data?.repairs} />
      ) : null}
      <PendingChange />
      {settings && !problem ? (
        <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
          <AgentModels settings={settings} onStep={onStep} />
          <AllowlistTable settings={settings} onStep={onStep} />
        </div>
      ) : null}
      {settings && !problem ? <CheckAllPanel /> : null}
      <GatewayAgentPanel />

      <section aria-labelledby="picker-title" className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="card min-w-0 space-y-4">
          <h2 id="picker-title" className="text-lg font-semibold">
            Pick a model
          </h2>
          <PickerFilters
            query={urlState}
            search={search}
            providers={providers}
            onSearch={(q) => {
              setSearch(q);
              setUrl({ q });
            }}
            onChange={(patch) => setUrl(patch)}
          />
          <p className="muted text-xs" aria-live="polite" data-testid="result-count">
            {models
              ? `${results.length.toLocaleString("en")} of ${models.length.toLocaleString("en")} models`
              : "Loading models…"}
          </p>
          {models ? (
            <ModelList models={results} selected={urlState.model} onSelect={(id) => setUrl({ model: id }, true)} />
          ) : (
            <div className="h-[28rem] animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" />
          )}
        </div>
        <div className="min-w-0">
          {selected && settings && !problem ? (
            <ModelDetail
              key={selected.id}
              model={selected}
              settings={settings}
              liveCatalog={catalog.data?.source === "live"}
              onStep={onStep}
            />
          ) : (
            <div className="card muted flex h-full min-h-40 items-center justify-center text-center">
              {urlState.model && models
                ? `${urlState.model} is not in the catalog.`
                : "Select a model to see its providers and use it."}
            </div>
          )}
        </div>
      </section>
    </div>
  );
}
