"use client";
import Link from "next/link";
import { DiffView } from "@/components/ui/diff-view";
import { useConfigPreview, useConfigState, useSaveModelChange } from "@/lib/client/config";
import { ApiError, errorMessage } from "@/lib/client/fetcher";
import { FileChangedError } from "@/lib/client/save-with-revision";
import { RepairAction } from "@/components/ui/repair-action";
import type { ConfigSaveBody, ConfigStateBody, ValidationIssue } from "@/lib/openclaw-config/api-types";
import { clearDraft, rebaseDraft, useDraft } from "./draft-store";
import { RefLabel } from "./ref-label";
import { savedMessage } from "@/lib/openclaw-config/save-message";

type Outcome =
  | { kind: "saved"; saved: ConfigSaveBody }
  | { kind: "conflict"; current: ConfigStateBody }
  | { kind: "error"; message: string; issues?: ValidationIssue[] };

/** What the last Save came to, while no other is running. */
function outcomeOf({ isMutating, error, data }: ReturnType<typeof useSaveModelChange>): Outcome | null {
  if (isMutating) return null;
  if (error instanceof FileChangedError) return { kind: "conflict", current: error.current };
  if (error)
    return {
      kind: "error",
      message: errorMessage(error, "The dashboard server did not answer. Nothing was saved."),
      issues:
        error instanceof ApiError ? (error.details as { issues?: ValidationIssue[] } | undefined)?.issues : undefined,
    };
  return data ? { kind: "saved", saved: data } : null;
}

/** The unsaved change: its diff against the file as it is now, Save (with If-Match) and Discard. */
export function PendingChange({ showConfigLink = true }: { showConfigLink?: boolean }) {
  const draft = useDraft();
  const config = useConfigState();
  const saving = useSaveModelChange();
  const outcome = outcomeOf(saving);
  const revision = config.data?.revision;
  const preview = useConfigPreview(draft?.change, revision);

  const save = async () => {
    if (!draft) return;
    if (await saving.trigger({ change: draft.change, revision: draft.baseRevision })) clearDraft();
  };

  const stale = draft && revision && draft.baseRevision !== revision;
  return (
    <div aria-live="polite" className="space-y-3">
      {outcome?.kind === "saved" && !draft ? (
        <p className="alert-ok" role="status">
          {savedMessage(outcome.saved)}
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
              <button type="button" className="btn" onClick={() => (clearDraft(), saving.reset())}>
                Discard
              </button>
              <button
                type="button"
                className="btn-primary"
                onClick={save}
                disabled={saving.isMutating || !!preview.data?.issues.length}
              >
                {saving.isMutating ? "Saving…" : "Save to openclaw.json"}
              </button>
            </div>
          </div>
          {outcome?.kind === "conflict" || stale ? (
            <ConflictNotice
              current={outcome?.kind === "conflict" ? outcome.current : config.data}
              onReapply={() => (rebaseDraft(revision ?? draft.baseRevision), saving.reset())}
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
              <IssueRepairs issues={outcome.issues} />
            </div>
          ) : null}
          {preview.error ? (
            <p className="alert-error">{errorMessage(preview.error, "The diff could not be computed.")}</p>
          ) : null}
          {preview.data?.issues.length ? (
            <div className="alert-error" role="alert">
              <p>This change cannot be saved:</p>
              <ul className="mt-1 list-disc pl-5">
                {preview.data.issues.map((i, n) => (
                  <li key={n}>{i.message}</li>
                ))}
              </ul>
              <IssueRepairs issues={preview.data.issues} />
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

/** A problem the file already had blocks every save: its repair, right here (the way out). */
function IssueRepairs({ issues }: { issues: ValidationIssue[] | undefined }) {
  const fixes = [...new Map((issues ?? []).flatMap((i) => (i.fix ? [[i.fix.id, i.fix] as const] : []))).values()];
  if (fixes.length === 0) return null;
  return (
    <div className="mt-2 space-y-1 text-zinc-900 dark:text-zinc-100">
      {fixes.map((fix) => (
        <RepairAction key={fix.id} fix={fix} />
      ))}
    </div>
  );
}
