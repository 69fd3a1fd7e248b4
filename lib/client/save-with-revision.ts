"use client";
import { useSWRConfig } from "swr";
import useSWRMutation from "swr/mutation";
import type { ConfigSaveBody, ConfigStateBody } from "@/lib/openclaw-config/api-types";
import { ApiError, fetchJson } from "./fetcher";

// Every write to openclaw.json names the revision it was computed against (If-Match), so a change
// made meanwhile (by OpenClaw, an editor or another tab) is never overwritten. The server then
// answers 409 with the file as it is now: that becomes a FileChangedError carrying it, and the
// cached config becomes that file, so the page shows the current one at once.

export interface RevisionedWrite {
  url: string;
  method: "PATCH" | "POST" | "PUT";
  json: unknown;
  /** The revision the change was computed against. */
  revision: string;
}

/** The file changed since the change was computed: `current` is openclaw.json as it is now. */
export class FileChangedError extends ApiError {
  constructor(
    conflict: ApiError,
    readonly current: ConfigStateBody,
  ) {
    super(conflict.status, conflict.code, conflict.message, conflict.details, conflict.body);
    this.name = "FileChangedError";
  }
}

function currentFile(error: unknown): ConfigStateBody | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const current = (error.details as { current?: ConfigStateBody } | undefined)?.current;
  return current && typeof current.revision === "string" ? current : undefined;
}

/** Sends the write with `If-Match: "<revision>"`; a 409 that carries the current file throws FileChangedError. */
export async function sendWithRevision({ url, method, json, revision }: RevisionedWrite): Promise<ConfigSaveBody> {
  try {
    return await fetchJson<ConfigSaveBody>(url, { method, json, headers: { "if-match": `"${revision}"` } });
  } catch (error) {
    const current = currentFile(error);
    throw current ? new FileChangedError(error as ApiError, current) : error;
  }
}

/**
 * A revision-guarded write as a mutation of `configKey`: the saved state fills the cache, and so
 * does the current file after a 409. Errors land in `error` (a FileChangedError after a 409).
 */
export function useSaveWithRevision<Arg>(configKey: string, toWrite: (arg: Arg) => RevisionedWrite) {
  const { mutate } = useSWRConfig();
  return useSWRMutation<ConfigSaveBody, Error, string, Arg>(
    configKey,
    async (_key, { arg }) => {
      try {
        return await sendWithRevision(toWrite(arg));
      } catch (error) {
        if (error instanceof FileChangedError) await mutate(configKey, error.current, { revalidate: false });
        throw error;
      }
    },
    { populateCache: true, revalidate: false, throwOnError: false },
  );
}
