"use client";
import useSWR from "swr";
import type { CatalogModel, CatalogResponse } from "@/lib/catalog/types";
import { jsonFetcher } from "@/lib/client/fetcher";

// The catalog (GET /api/models) gives the playground model ids, capabilities and pricing.
// Without it the playground still works: any id can be typed, and only generic parameters show.
export const catalogKey = () => "/api/models";

export function useCatalog(): { models: CatalogModel[] | undefined; failed: boolean; loading: boolean } {
  const { data, error, isLoading } = useSWR<CatalogResponse>(catalogKey(), jsonFetcher, {
    revalidateOnFocus: false,
    shouldRetryOnError: false,
  });
  return { models: data?.models, failed: !!error, loading: isLoading };
}

export function findModel(models: readonly CatalogModel[] | undefined, id: string): CatalogModel | undefined {
  return models?.find((m) => m.id === id);
}
