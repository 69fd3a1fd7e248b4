"use client";
import useSWR from "swr";
import useSWRMutation from "swr/mutation";
import type { CheckResult } from "@/lib/models-check/kinds";
import { fetchJson } from "./fetcher";

// "Check all" (POST /api/models/check). Never automatic: only the button triggers it. The answer is
// kept in the SWR cache under the route's key with the config revision it was run against, so the
// Overview and the Models page show the same results until the next check or a config change.
export const modelsCheckKey = () => "/api/models/check";

export interface ModelsCheckRun {
  results: CheckResult[];
  /** openclaw.json's revision when the check started: other results are stale. */
  revision: string;
  checkedAt: string;
}

async function postCheck(url: string, { arg }: { arg: { revision: string; refs?: string[] } }) {
  const body = await fetchJson<{ results: CheckResult[] }>(url, {
    method: "POST",
    json: arg.refs ? { refs: arg.refs } : {},
  });
  return { results: body.results, revision: arg.revision, checkedAt: new Date().toISOString() };
}

export function useModelsCheck() {
  return useSWRMutation<ModelsCheckRun, Error, string, { revision: string; refs?: string[] }>(
    modelsCheckKey(),
    postCheck,
    { populateCache: true, revalidate: false, throwOnError: false },
  );
}

/**
 * The last check's results, read from the cache. It must never request anything (a null fetcher
 * falls back to the app's GET fetcher in SWR), so every revalidation is off.
 */
export function useLastModelsCheck() {
  return useSWR<ModelsCheckRun>(modelsCheckKey(), null, {
    revalidateOnMount: false,
    revalidateIfStale: false,
    revalidateOnFocus: false,
    revalidateOnReconnect: false,
  });
}
