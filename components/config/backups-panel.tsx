"use client";
import { useState } from "react";
import { DiffView } from "@/components/ui/diff-view";
import { useCompareBackup, useRestoreBackup } from "@/lib/client/config";
import { savedMessage } from "@/lib/openclaw-config/save-message";
import { errorMessage } from "@/lib/client/fetcher";
import { FileChangedError } from "@/lib/client/save-with-revision";
import type { ConfigPreviewBody, ConfigStateBody } from "@/lib/openclaw-config/api-types";

/** The .bak … .bak.4 copies OpenClaw and the dashboard keep: compare one with the file, restore it. */
export function BackupsPanel({ state }: { state: ConfigStateBody }) {
  const [open, setOpen] = useState<{ name: string; preview: ConfigPreviewBody } | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const comparing = useCompareBackup();
  const restoring = useRestoreBackup();
  const busy = comparing.isMutating || restoring.isMutating;

  const compare = async (name: string) => {
    restoring.reset();
    const preview = await comparing.trigger(name);
    if (preview) setOpen({ name, preview });
  };

  const restore = async (name: string, revision: string) => {
    comparing.reset();
    const next = await restoring.trigger(
      { name, revision },
      // After a 409 the cache holds the file as it is now: this diff no longer applies.
      {
        onError: (error) => {
          if (error instanceof FileChangedError) setOpen(null);
        },
      },
    );
    if (next) {
      setOpen(null);
      setRestored(name);
    }
  };

  const error = restoring.error
    ? restoring.error instanceof FileChangedError
      ? "openclaw.json changed meanwhile: compare again before restoring."
      : errorMessage(restoring.error, "The dashboard server did not answer.")
    : comparing.error
      ? errorMessage(comparing.error, "The dashboard server did not answer.")
      : null;
  const done =
    restoring.data && restored
      ? `Restored ${restored}. The file it replaced is now ${restoring.data.backups[0]?.name ?? "a backup"}. ${savedMessage(restoring.data)}`
      : null;

  return (
    <section className="card space-y-3" aria-labelledby="backups-title" data-testid="backups">
      <h2 id="backups-title" className="text-lg font-semibold">
        Backups
      </h2>
      {state.backups.length === 0 ? <p className="muted">No backups yet: one is made before every save.</p> : null}
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {state.backups.map((b) => (
          <li key={b.name} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              <code className="text-sm">{b.name}</code>
              <span className="muted ml-2 text-xs">
                {new Date(b.mtime).toLocaleString("en")} · {b.size.toLocaleString("en")} bytes
              </span>
            </span>
            <button
              type="button"
              className="btn px-2 py-1 text-xs"
              aria-label={`Compare ${b.name} with the current file`}
              disabled={busy}
              onClick={() => compare(b.name)}
            >
              Compare
            </button>
          </li>
        ))}
      </ul>
      <div aria-live="polite">
        {!busy && done ? <p className="alert-ok">{done}</p> : null}
        {!busy && error ? (
          <p className="alert-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      {open ? (
        <div className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
          <DiffView diff={open.preview.diff} label={`Restoring ${open.name} changes openclaw.json`} />
          <div className="flex gap-2">
            <button
              type="button"
              className="btn-primary"
              disabled={busy || !open.preview.diff.changed}
              onClick={() => restore(open.name, open.preview.revision)}
            >
              Restore {open.name}
            </button>
            <button type="button" className="btn" onClick={() => setOpen(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
