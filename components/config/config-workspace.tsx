"use client";
import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { PendingChange } from "@/components/models/pending-change";
import { ConfigCheck } from "@/components/ui/config-check";
import { GatewayLine } from "@/components/ui/gateway-line";
import { useConfigState } from "@/lib/client/config";
import { BackupsPanel } from "./backups-panel";
import { FileView } from "./file-view";
import type { ImportResult } from "./import-panel";

// The editor (CodeMirror, json5) and the import panel are fetched when first opened, so the page's
// first load does not carry them.
const ConfigEditor = dynamic(() => import("./config-editor").then((m) => m.ConfigEditor), {
  ssr: false,
  loading: () => <p className="muted text-sm">Loading the editor…</p>,
});
const ImportPanel = dynamic(() => import("./import-panel").then((m) => m.ImportPanel), {
  ssr: false,
  loading: () => <p className="muted text-sm">Loading the import…</p>,
});

/** What a new file starts from in the editor. */
const EMPTY_FILE = "{}\n";

/** The Config page: the file as it is (or its editor), the pending change's diff, import, download and backups. */
export function ConfigWorkspace() {
  const { data: state, error, isLoading } = useConfigState();
  const [editing, setEditing] = useState<{ text: string; key: number; notes: string[] } | null>(null);
  const [importing, setImporting] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  // The editor's text as typed, for an import made while editing.
  const editorText = useRef<string | null>(null);
  if (error)
    return <p className="alert-error">openclaw.json could not be read. Check that the state folder is readable.</p>;
  if (!state)
    return (
      <div className="card h-64 animate-pulse" role="status" aria-busy={isLoading} aria-label="Loading openclaw.json" />
    );
  const { problem } = state;
  const fileText = state.exists ? state.text : EMPTY_FILE;
  const startEditing = (text: string, notes: string[] = []) => {
    setSaved(null);
    editorText.current = text;
    setEditing((e) => ({ text, notes, key: (e?.key ?? 0) + 1 }));
  };
  const imported = ({ text, notes }: ImportResult) => {
    setImporting(false);
    startEditing(text, notes);
  };
  const done = (message: string | null) => {
    setEditing(null);
    setImporting(false);
    editorText.current = null;
    setSaved(message);
  };
  return (
    <div className="space-y-6">
      <GatewayLine />
      <ConfigCheck />
      <PendingChange showConfigLink={false} />
      <section className="card space-y-3" aria-labelledby="file-title">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <h2 id="file-title" className="text-lg font-semibold">
              openclaw.json
            </h2>
            <p className="muted break-all text-xs">
              <code>{state.path}</code> · revision <code data-testid="config-revision">{state.revision}</code>
            </p>
          </div>
          <div className="flex flex-wrap gap-2">
            {/* A file that does not parse is repaired here too (not one over 2 MB, which is not shown). */}
            {!editing && (!problem || state.text !== "") ? (
              <button type="button" className="btn" onClick={() => startEditing(fileText)}>
                Edit
              </button>
            ) : null}
            {!problem ? (
              <button
                type="button"
                className="btn"
                aria-expanded={importing}
                onClick={() => {
                  setSaved(null);
                  setImporting((open) => !open);
                }}
              >
                Import…
              </button>
            ) : null}
            {state.exists ? (
              <a className="btn" href="/api/config/download" download="openclaw.json">
                Download
              </a>
            ) : null}
          </div>
        </div>
        <div aria-live="polite">
          {saved ? (
            <p className="alert-ok" data-testid="editor-saved">
              {saved}
            </p>
          ) : null}
        </div>
        {importing ? (
          <ImportPanel
            currentText={() => editorText.current ?? fileText}
            onImport={imported}
            onClose={() => setImporting(false)}
          />
        ) : null}
        {problem ? (
          <div className="alert-error" role="alert" data-testid="parse-problem">
            <p className="font-medium">
              This file does not parse{problem.line ? ` at line ${problem.line}, column ${problem.column}` : ""}:{" "}
              {problem.message}
            </p>
            <p>
              OpenClaw cannot read it either. Repair it with Edit (nothing is written until it parses and OpenClaw
              accepts it; the broken file is kept as openclaw.json.bak), or restore a backup. No other change is saved
              over it.
            </p>
          </div>
        ) : null}
        {editing ? (
          <ConfigEditor
            key={editing.key}
            initialText={editing.text}
            notes={editing.notes}
            onTextChange={(text) => (editorText.current = text)}
            onDone={done}
          />
        ) : state.exists ? (
          <>
            <p className="muted text-xs">
              Read-only view. Secrets (API keys, tokens) are masked here and in the download.
            </p>
            <FileView text={state.text} problemLine={problem?.line} label="Contents of openclaw.json" />
          </>
        ) : (
          <p className="muted">
            There is no openclaw.json yet. It is created, the way OpenClaw writes it, when you first save a model.
          </p>
        )}
      </section>
      <BackupsPanel state={state} />
    </div>
  );
}
