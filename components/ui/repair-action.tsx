"use client";
import { useState } from "react";
import { DiffView } from "@/components/ui/diff-view";
import { useApplyRepair, usePreviewRepair } from "@/lib/client/config";
import { errorMessage } from "@/lib/client/fetcher";
import { FileChangedError } from "@/lib/client/save-with-revision";
import type { ConfigFixRef } from "@/lib/openclaw-config/api-types";
import { savedMessage } from "@/lib/openclaw-config/save-message";
import { setRepairNotice } from "./repair-notice";

/** "Repair…" beside a problem: the diff it makes, then one click to apply it (If-Match). */
export function RepairAction({ fix }: { fix: ConfigFixRef }) {
  const [open, setOpen] = useState(false);
  const preview = usePreviewRepair();
  const apply = useApplyRepair();

  const show = async () => {
    setOpen(true);
    setRepairNotice(null);
    apply.reset();
    await preview.trigger(fix.id);
  };
  const run = async (revision: string) => {
    const saved = await apply.trigger({ id: fix.id, revision });
    if (saved) {
      setOpen(false);
      setRepairNotice(`Repaired: ${fix.label}. ${savedMessage(saved)}`);
    }
  };

  const error = apply.error
    ? apply.error instanceof FileChangedError
      ? "openclaw.json changed meanwhile: the page shows it as it is now; look at the repair again."
      : errorMessage(apply.error, "The dashboard server did not answer. Nothing was changed.")
    : preview.error
      ? errorMessage(preview.error, "The repair's diff could not be computed.")
      : null;

  if (!open)
    return (
      <button type="button" className="btn px-2 py-1 text-left text-xs" onClick={show}>
        Repair: {fix.label}…
      </button>
    );
  return (
    <div className="mt-2 space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" data-testid="repair">
      <p className="text-sm font-medium">{fix.label}</p>
      {preview.data?.reformats ? (
        <p className="muted text-xs">
          openclaw.json is written the way OpenClaw writes it: plain JSON, so its comments and JSON5 syntax do not
          survive (OpenClaw&apos;s own writes strip them too).
        </p>
      ) : null}
      {preview.data ? (
        <DiffView
          diff={preview.data.diff}
          label={`What "${fix.label}" changes in openclaw.json`}
          testId="repair-diff"
        />
      ) : preview.isMutating ? (
        <p className="muted text-sm">Computing the diff…</p>
      ) : null}
      {error ? (
        <p className="alert-error text-sm" role="alert">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button
          type="button"
          className="btn-primary"
          disabled={!preview.data || !preview.data.diff.changed || apply.isMutating}
          onClick={() => preview.data && run(preview.data.revision)}
        >
          {apply.isMutating ? "Repairing…" : "Apply repair"}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
