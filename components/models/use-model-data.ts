"use client";
import { useMemo } from "react";
import useSWR, { mutate } from "swr";
import { catalogKey } from "@/components/playground/use-catalog";
import type { CatalogModel, CatalogResponse } from "@/lib/catalog/types";
import { computeWarnings } from "@/lib/catalog/warnings";
import { fetchJson, jsonFetcher } from "@/lib/client/fetcher";
import type { ConfigStateBody } from "@/lib/openclaw-config/api-types";
import { applyChangeToSettings } from "@/lib/openclaw-config/draft";
import { useDraft } from "./draft-store";

// Data the Models and Config pages share: the catalog (GET /api/models), the config state
// (GET /api/config) and the settings as they will be once the pending change is saved.
export { catalogKey };
export const configKey = () => "/api/config";

export function useCatalogData() {
  return useSWR<CatalogResponse>(catalogKey(), jsonFetcher, { revalidateOnFocus: false, shouldRetryOnError: false });
}

export function useConfigState() {
  return useSWR<ConfigStateBody>(configKey(), jsonFetcher, { revalidateOnFocus: true });
}

/** Asks the router again (Refresh button) and puts the answer in the shared cache. */
export async function refreshCatalog(): Promise<CatalogResponse> {
  const fresh = await fetchJson<CatalogResponse>(`${catalogKey()}?refresh=1`);
  await mutate(catalogKey(), fresh, { revalidate: false });
  return fresh;
}

export function useCatalogIndex(models: CatalogModel[] | undefined): Map<string, CatalogModel> {
  return useMemo(() => new Map((models ?? []).map((m) => [m.id, m])), [models]);
}

/** The settings after the pending change, and the warnings for them against the current catalog. */
export function useEffectiveSettings() {
  const config = useConfigState();
  const catalog = useCatalogData();
  const draft = useDraft();
  const index = useCatalogIndex(catalog.data?.models);
  const saved = config.data?.settings;
  const settings = useMemo(
    () => (saved ? (draft ? applyChangeToSettings(saved, draft.change) : saved) : undefined),
    [saved, draft],
  );
  const warnings = useMemo(() => {
    if (!settings) return [];
    // Until the catalog arrives, the server's warnings for the saved file stand in.
    if (!catalog.data) return draft ? [] : (config.data?.warnings ?? []);
    return computeWarnings(settings, catalog.data, index);
  }, [settings, catalog.data, index, draft, config.data?.warnings]);
  return { config, catalog, draft, index, settings, warnings };
}
