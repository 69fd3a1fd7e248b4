"use client";
import { useState } from "react";
import useSWR from "swr";
import useSWRMutation from "swr/mutation";
import type { RemoveTokenResponse, SaveTokenResponse, TokenStatus } from "@/lib/token/token-status";
import { fetchJson } from "./fetcher";

// The Hugging Face token as the browser sees it: its status (never the value), and the three
// writes. Each write answers the new status, which goes straight into the cache.
export const tokenKey = () => "/api/token";

/** /api/token, polled once a second only while the server is checking the token in the background. */
export function useTokenStatus(fallbackData?: TokenStatus) {
  // SWR's function form of refreshInterval is only re-read when data changes, and an answer equal
  // to fallbackData is no change: polling would never start. Derive the interval during render.
  const [interval, setPollInterval] = useState(0);
  const result = useSWR<TokenStatus>(tokenKey(), { fallbackData, refreshInterval: interval });
  const wanted = result.data?.checking ? 1000 : 0;
  if (wanted !== interval) setPollInterval(wanted);
  return result;
}

/** PUT /api/token: checks the token with Hugging Face and saves it (`force`: even if rejected). */
export function useSaveToken() {
  return useSWRMutation(
    tokenKey(),
    (url: string, { arg }: { arg: { token: string; force: boolean } }) =>
      fetchJson<SaveTokenResponse>(url, { method: "PUT", json: arg }),
    { populateCache: (response: SaveTokenResponse) => response.status, revalidate: false, throwOnError: false },
  );
}

/** DELETE /api/token: removes the saved HF_TOKEN line from .env. */
export function useRemoveToken() {
  return useSWRMutation(tokenKey(), (url: string) => fetchJson<RemoveTokenResponse>(url, { method: "DELETE" }), {
    populateCache: (response: RemoveTokenResponse) => response.status,
    revalidate: false,
    throwOnError: false,
  });
}

/** POST /api/token/verify: checks the token in effect again now. */
export function useRecheckToken() {
  return useSWRMutation(tokenKey(), () => fetchJson<TokenStatus>("/api/token/verify", { method: "POST" }), {
    populateCache: true,
    revalidate: false,
    throwOnError: false,
  });
}
