"use client";
import Link from "next/link";
import { useState } from "react";
import useSWR, { mutate } from "swr";
import { DiffView } from "@/components/config/diff-view";
import { ApiError, fetchJson } from "@/lib/client/fetcher";
import type { ConfigPreviewBody, ConfigStateBody } from "@/lib/openclaw-config/api-types";
import type { ModelChange } from "@/lib/openclaw-config/change";
import { clearDraft, rebaseDraft, useDraft } from "./draft-store";
import { RefLabel } from "./ref-label";
import { configKey, useConfigState } from "./use-model-data";

export const previewKey = (change: ModelChange, revision: string) =>
  ["/api/config/preview", JSON.stringify(change), revision] as const;
const postPreview = ([url, body]: readonly [string, string, string]) =>
  fetchJson<ConfigPreviewBody>(url, { method: "POST", body, headers: { "content-type": "application/json" } });

type Outcome =
  | { kind: "saved" }
  | { kind: "conflict"; current: ConfigStateBody }
  | { kind: "error"; message: string; issues?: { path: string; message: string }[] };

/** The unsaved change: its diff against the file as it is now, Save (with If-Match) and Discard. */
export function PendingChange({ showConfigLink = true }: { showConfigLink?: boolean }) {
  const draft = useDraft();
  const config = useConfigState();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [saving, setSaving] = useState(false);
  const revision = config.data?.revision;
  const preview = useSWR(draft && revision ? previewKey(draft.change, revision) : null, postPreview, {
    revalidateOnFocus: false,
    shouldRetryOnError: false,
  });

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setOutcome(null);
    try {
      const state = await fetchJson<ConfigStateBody>(configKey(), {
        method: "PATCH",
        json: draft.change,
        headers: { "if-match": `"${draft.baseRevision}"` },
      });
      await mutate(configKey(), state, { revalidate: false });
      clearDraft();
      setOutcome({ kind: "saved" });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const current = (error.details as { current?: ConfigStateBody } | undefined)?.current;
        if (current) await mutate(configKey(), current, { revalidate: false });
        setOutcome(current ? { kind: "conflict", current } : { kind: "error", message: error.message });
      } else if (error instanceof ApiError) {
        setOutcome({
          kind: "error",
          message: error.message,
          issues: (error.details as { issues?: { path: string; message: string }[] } | undefined)?.issues,
        });
      } else {
        setOutcome({ kind: "error", message: "The dashboard server did not answer. Nothing was saved." });
      }
    } finally {
      setSaving(false);
    }
  };

  const stale = draft && revision && draft.baseRevision !== revision;
  return (
    <div aria-live="polite" className="space-y-3">
      {outcome?.kind === "saved" && !draft ? (
        <p className="alert-ok" role="status">
          Saved to openclaw.json. OpenClaw uses the new settings from its next request.
        </p>
      ) : null}
      {draft ? (
        <section
          className="card space-y-3 border-amber-300 dark:border-amber-700"
          aria-labelledby="pending-title"
          data-testid="pending-change"
        >
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="pending-title" className="text-lg font-semibold">
              Unsaved change to openclaw.json
            </h2>
            <div className="flex gap-2">
              <button type="button" className="btn" onClick={() => (clearDraft(), setOutcome(null))}>
                Discard
              </button>
              <button
                type="button"
                className="btn-primary"
                onClick={save}
                disabled={saving || !!preview.data?.issues.length}
              >
                {saving ? "Saving…" : "Save to openclaw.json"}
              </button>
            </div>
          </div>
          {outcome?.kind === "conflict" || stale ? (
            <ConflictNotice
              current={outcome?.kind === "conflict" ? outcome.current : config.data}
              onReapply={() => (rebaseDraft(revision ?? draft.baseRevision), setOutcome(null))}
            />
          ) : null}
          {outcome?.kind === "error" ? (
            <div className="alert-error" role="alert">
              <p>{outcome.message}</p>
              {outcome.issues && outcome.issues.length > 1 ? (
                <ul className="mt-1 list-disc pl-5">
                  {outcome.issues.map((i, n) => (
                    <li key={n}>{i.path ? `${i.path}: ${i.message}` : i.message}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          {preview.error ? (
            <p className="alert-error">
              {preview.error instanceof ApiError ? preview.error.message : "The diff could not be computed."}
            </p>
          ) : null}
          {preview.data?.issues.length ? (
            <div className="alert-error" role="alert">
              <p>This change cannot be saved:</p>
              <ul className="mt-1 list-disc pl-5">
                {preview.data.issues.map((i, n) => (
                  <li key={n}>{i.message}</li>
                ))}
              </ul>
            </div>
          ) : preview.data ? (
            <DiffView diff={preview.data.diff} label="What saving changes in openclaw.json" />
          ) : (
            <p className="muted">Computing the diff…</p>
          )}
          {showConfigLink ? (
            <p className="text-sm">
              <Link className="link" href="/config">
                See the whole file
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

function ConflictNotice({ current, onReapply }: { current: ConfigStateBody | undefined; onReapply: () => void }) {
  return (
    <div className="alert-warn space-y-2" role="alert" data-testid="conflict">
      <p className="font-medium">
        openclaw.json changed since you started this change (OpenClaw, an editor or another tab).
      </p>
      {current ? (
        <div className="text-sm">
          <p>The file now has:</p>
          <ul className="mt-1 space-y-1">
            <li>
              Primary:{" "}
              {current.settings.primary ? (
                <RefLabel
                  refText={current.settings.primary}
                  alias={current.settings.aliases[current.settings.primary]}
                  compact
                />
              ) : (
                "none"
              )}
            </li>
            <li>
              Fallbacks:{" "}
              {current.settings.fallbacks.length
                ? current.settings.fallbacks.map((f) => (
                    <RefLabel key={f} refText={f} alias={current.settings.aliases[f]} compact />
                  ))
                : "none"}
            </li>
          </ul>
        </div>
      ) : null}
      <p>Your change is kept. Re-apply it to the current file, check the diff again, then save.</p>
      <button type="button" className="btn" onClick={onReapply}>
        Re-apply my change to the current file
      </button>
    </div>
  );
}
