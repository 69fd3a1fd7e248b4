"use client";
import { SWRConfig } from "swr";
import { jsonFetcher } from "./fetcher";

/** One SWR cache and fetcher for every page: the hooks in lib/client name a key, this fetches it. */
export function SWRProvider({ children }: { children: React.ReactNode }) {
  return <SWRConfig value={{ fetcher: jsonFetcher }}>{children}</SWRConfig>;
}
