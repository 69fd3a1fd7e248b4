"use client";
import { useState } from "react";
import { mutate } from "swr";
import { configKey } from "@/components/models/use-model-data";
import { ApiError, fetchJson } from "@/lib/client/fetcher";
import type { ConfigPreviewBody, ConfigStateBody } from "@/lib/openclaw-config/api-types";
import { DiffView } from "./diff-view";

type Status =
  { kind: "idle" } | { kind: "busy" } | { kind: "done"; message: string } | { kind: "error"; message: string };

/** The .bak … .bak.4 copies OpenClaw and the dashboard keep: compare one with the file, restore it. */
export function BackupsPanel({ state }: { state: ConfigStateBody }) {
  const [open, setOpen] = useState<{ name: string; preview: ConfigPreviewBody } | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  const compare = async (name: string) => {
    setStatus({ kind: "busy" });
    try {
      const preview = await fetchJson<ConfigPreviewBody>("/api/config/preview", {
        method: "POST",
        json: { restore: name },
      });
      setOpen({ name, preview });
      setStatus({ kind: "idle" });
    } catch (error) {
      setStatus({
        kind: "error",
        message: error instanceof ApiError ? error.message : "The dashboard server did not answer.",
      });
    }
  };

  const restore = async (name: string, revision: string) => {
    setStatus({ kind: "busy" });
    try {
      const next = await fetchJson<ConfigStateBody>("/api/config/backups/restore", {
        method: "POST",
        json: { name },
        headers: { "if-match": `"${revision}"` },
      });
      await mutate(configKey(), next, { revalidate: false });
      setOpen(null);
      setStatus({
        kind: "done",
        message: `Restored ${name}. The file it replaced is now ${next.backups[0]?.name ?? "a backup"}.`,
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        const current = (error.details as { current?: ConfigStateBody } | undefined)?.current;
        if (current) await mutate(configKey(), current, { revalidate: false });
        setOpen(null);
        setStatus({ kind: "error", message: "openclaw.json changed meanwhile: compare again before restoring." });
      } else
        setStatus({
          kind: "error",
          message: error instanceof ApiError ? error.message : "The dashboard server did not answer.",
        });
    }
  };

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
              disabled={status.kind === "busy"}
              onClick={() => compare(b.name)}
            >
              Compare
            </button>
          </li>
        ))}
      </ul>
      <div aria-live="polite">
        {status.kind === "done" ? <p className="alert-ok">{status.message}</p> : null}
        {status.kind === "error" ? (
          <p className="alert-error" role="alert">
            {status.message}
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
              disabled={status.kind === "busy" || !open.preview.diff.changed}
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
