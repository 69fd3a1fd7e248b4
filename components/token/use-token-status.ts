"use client";
import useSWR from "swr";
import { jsonFetcher } from "@/lib/fetcher";
import { tokenKey, type TokenStatus } from "@/lib/token-status";

/** /api/token, polled once a second only while the server is checking the token in the background. */
export function useTokenStatus(fallbackData?: TokenStatus) {
  return useSWR<TokenStatus>(tokenKey(), jsonFetcher, {
    fallbackData,
    refreshInterval: (latest) => (latest?.checking ? 1000 : 0),
    revalidateOnFocus: true,
  });
}
