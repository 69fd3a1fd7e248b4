"use client";
import { useState } from "react";
import useSWR from "swr";
import { jsonFetcher } from "@/lib/client/fetcher";
import { tokenKey, type TokenStatus } from "@/lib/token/token-status";

/** /api/token, polled once a second only while the server is checking the token in the background. */
export function useTokenStatus(fallbackData?: TokenStatus) {
  // SWR's function form of refreshInterval is only re-read when data changes, and an answer equal
  // to fallbackData is no change: polling would never start. Derive the interval during render.
  const [interval, setPollInterval] = useState(0);
  const result = useSWR<TokenStatus>(tokenKey(), jsonFetcher, { fallbackData, refreshInterval: interval });
  const wanted = result.data?.checking ? 1000 : 0;
  if (wanted !== interval) setPollInterval(wanted);
  return result;
}
