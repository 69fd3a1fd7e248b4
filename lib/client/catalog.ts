"use client";
import { useMemo } from "react";
import useSWR from "swr";
import useSWRMutation from "swr/mutation";
import type { CatalogModel, CatalogResponse } from "@/lib/catalog/types";
import { fetchJson } from "./fetcher";

// The model catalog (GET /api/models): ids, capabilities and pricing for the Models page, the
// setup wizard and the playground. Without it the playground still works: any id can be typed.
export const catalogKey = () => "/api/models";

export function useCatalog() {
  return useSWR<CatalogResponse>(catalogKey(), { revalidateOnFocus: false, shouldRetryOnError: false });
}

/** Asks the router again (Refresh button); the answer replaces the cached catalog. */
export function useRefreshCatalog() {
  return useSWRMutation(catalogKey(), (url: string) => fetchJson<CatalogResponse>(`${url}?refresh=1`), {
    populateCache: true,
    revalidate: false,
    throwOnError: false,
  });
}

export function useCatalogIndex(models: CatalogModel[] | undefined): Map<string, CatalogModel> {
  return useMemo(() => new Map((models ?? []).map((m) => [m.id, m])), [models]);
}

export function findModel(models: readonly CatalogModel[] | undefined, id: string): CatalogModel | undefined {
  return models?.find((m) => m.id === id);
}
