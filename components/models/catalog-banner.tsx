"use client";
import { useEffect, useState } from "react";
import type { CatalogResponse } from "@/lib/catalog/types";
import { useRefreshCatalog } from "@/lib/client/catalog";
import { errorMessage } from "@/lib/client/fetcher";

export function formatAge(fetchedAt: string | null, now: number): string {
  if (!fetchedAt) return "never";
  const seconds = Math.max(0, Math.round((now - Date.parse(fetchedAt)) / 1000));
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

/** Re-renders every 30 s so "fetched 3 min ago" stays true. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** Where the catalog comes from, how old it is, why it is not live, and a Refresh button. */
export function CatalogBanner({ catalog, loading }: { catalog: CatalogResponse | undefined; loading: boolean }) {
  const now = useNow();
  const refresh = useRefreshCatalog();
  const busy = refresh.isMutating;
  const failed = refresh.error && !busy ? errorMessage(refresh.error, "The dashboard server did not answer.") : null;

  const live = catalog?.source === "live";
  return (
    <section
      aria-label="Model catalog"
      data-testid="catalog-banner"
      className={
        catalog?.error
          ? "alert-warn"
          : "rounded-lg border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900"
      }
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div aria-live="polite" aria-busy={loading || busy} className="space-y-1">
          {!catalog ? (
            <p>{loading ? "Loading the model catalog from the router…" : "The model catalog could not be loaded."}</p>
          ) : (
            <>
              <p>
                <strong data-testid="catalog-source">{live ? "Live catalog" : "Built-in catalog"}</strong> ·{" "}
                {catalog.models.length.toLocaleString("en")} models
                {live ? (
                  <>
                    {" "}
                    · fetched <span data-testid="catalog-age">{formatAge(catalog.fetchedAt, now)}</span>
                  </>
                ) : null}
              </p>
              {catalog.error ? <p data-testid="catalog-reason">{catalog.error.message}</p> : null}
              {live && catalog.partial ? (
                <p className="muted">Fetched without a token: the public list may be partial.</p>
              ) : null}
              {failed ? <p className="text-red-700 dark:text-red-300">Refresh failed: {failed}</p> : null}
            </>
          )}
        </div>
        <button type="button" className="btn" onClick={() => void refresh.trigger()} disabled={busy}>
          {busy ? "Refreshing…" : "Refresh"}
        </button>
      </div>
    </section>
  );
}
