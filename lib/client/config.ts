"use client";
import { useEffect } from "react";
import useSWR from "swr";
import useSWRMutation from "swr/mutation";
import type { ConfigPreviewBody, ConfigStateBody, ConfigTextPreviewBody } from "@/lib/openclaw-config/api-types";
import type { ModelChange } from "@/lib/openclaw-config/change";
import { fetchJson } from "./fetcher";
import { useSaveWithRevision } from "./save-with-revision";

// openclaw.json as the browser sees it: its state (GET /api/config, secrets masked), the diff a
// change or a restore would make (POST /api/config/preview, which writes nothing), and the two
// writes, both guarded by the revision they were computed against (see save-with-revision).
export const configKey = () => "/api/config";

export function useConfigState() {
  return useSWR<ConfigStateBody>(configKey(), { revalidateOnFocus: true });
}

/** OpenClaw's CLI checks a new revision in the background: while it does, ask again each second. */
const CHECKING_REFRESH_MS = 1000;

/** For the one component per page that shows the verdict: polls while `validation` or `doctor` is checking. */
export function useConfigCheckPolling() {
  const { data, mutate } = useConfigState();
  const checking = !!(data?.validation?.checking || data?.doctor?.checking);
  // An interval, not a timeout per answer: an answer equal to the last one does not re-render.
  useEffect(() => {
    if (!checking) return;
    const timer = setInterval(() => void mutate(), CHECKING_REFRESH_MS);
    return () => clearInterval(timer);
  }, [checking, mutate]);
}

/** The revision is part of the key: when the file changes, the diff is computed again. */
export const previewKey = (change: ModelChange, revision: string) =>
  ["/api/config/preview", JSON.stringify(change), revision] as const;

const postPreview = ([url, body]: readonly [string, string, string]) =>
  fetchJson<ConfigPreviewBody>(url, { method: "POST", body, headers: { "content-type": "application/json" } });

/** What `change` would do to openclaw.json at `revision`; nothing is fetched while either is missing. */
export function useConfigPreview(change: ModelChange | null | undefined, revision: string | null | undefined) {
  return useSWR(change && revision ? previewKey(change, revision) : null, postPreview, {
    revalidateOnFocus: false,
    shouldRetryOnError: false,
  });
}

/** On demand (Compare): what restoring backup `name` would change in openclaw.json as it is now. */
export function useCompareBackup() {
  return useSWRMutation(
    "/api/config/preview",
    (url: string, { arg: name }: { arg: string }) =>
      fetchJson<ConfigPreviewBody>(url, { method: "POST", json: { restore: name } }),
    { revalidate: false, throwOnError: false },
  );
}

/** PATCH /api/config: applies a model change the way OpenClaw's commands do. */
export function useSaveModelChange() {
  return useSaveWithRevision(configKey(), ({ change, revision }: { change: ModelChange; revision: string }) => ({
    url: configKey(),
    method: "PATCH",
    json: change,
    revision,
  }));
}

/** POST /api/config/backups/restore: replaces openclaw.json with a backup; the replaced file becomes .bak. */
export function useRestoreBackup() {
  return useSaveWithRevision(configKey(), ({ name, revision }: { name: string; revision: string }) => ({
    url: "/api/config/backups/restore",
    method: "POST",
    json: { name },
    revision,
  }));
}

/** On demand (Repair…): the diff repair `id` would make to openclaw.json as it is now. */
export function usePreviewRepair() {
  return useSWRMutation(
    "/api/config/preview",
    (url: string, { arg: id }: { arg: string }) =>
      fetchJson<ConfigPreviewBody>(url, { method: "POST", json: { fix: id } }),
    { revalidate: false, throwOnError: false },
  );
}

/** POST /api/config/fix: applies one repair through the normal save path. */
export function useApplyRepair() {
  return useSaveWithRevision(configKey(), ({ id, revision }: { id: string; revision: string }) => ({
    url: "/api/config/fix",
    method: "POST",
    json: { id },
    revision,
  }));
}

/** On demand (Review): what saving the whole file as `text` would do (diff, OpenClaw's verdict). Writes nothing. */
export function usePreviewConfigText() {
  return useSWRMutation(
    "/api/config/text/preview",
    (url: string, { arg: text }: { arg: string }) =>
      fetchJson<ConfigTextPreviewBody>(url, { method: "POST", json: { text } }),
    { revalidate: false, throwOnError: false },
  );
}

/** PUT /api/config/text: saves the whole file (masked values keep the saved secrets) through the normal save path. */
export function useSaveConfigText() {
  return useSaveWithRevision(configKey(), ({ text, revision }: { text: string; revision: string }) => ({
    url: "/api/config/text",
    method: "PUT",
    json: { text },
    revision,
  }));
}
