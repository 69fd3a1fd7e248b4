"use client";
// The whole-file editor of the Config page: edit openclaw.json as text (masked secrets stay masked),
// see parse errors as you type, review what saving would do (the server's diff and OpenClaw's
// verdict), then save with the revision the review was computed on. Loaded on demand with the
// CodeMirror wrapper and json5 (next/dynamic in config-workspace.tsx), so the page's first load
// does not carry them.
import { useEffect, useId, useState } from "react";
import { DiffView } from "@/components/ui/diff-view";
import { usePreviewConfigText, useSaveConfigText } from "@/lib/client/config";
import { ApiError, errorMessage } from "@/lib/client/fetcher";
import { FileChangedError } from "@/lib/client/save-with-revision";
import type { ConfigTextPreviewBody, ValidationIssue } from "@/lib/openclaw-config/api-types";
import { parseConfigText, type ParseProblem } from "@/lib/openclaw-config/parse-config";
import { MASK } from "@/lib/openclaw-config/redact";
import { savedMessage } from "@/lib/openclaw-config/save-message";
import { verdictHeadline } from "@/lib/openclaw-config/verdict-text";
import { CodeEditor } from "./code-editor";

const PARSE_DELAY_MS = 150;

/** Where the text does not parse, as the server will say it; null when it parses. */
const parseProblem = (text: string): ParseProblem | null => parseConfigText(text).problem;

const problemText = (p: ParseProblem) => (p.line ? `Line ${p.line}, column ${p.column ?? 1}: ${p.message}` : p.message);

function Issues({ issues, label }: { issues: ValidationIssue[]; label: string }) {
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm" aria-label={label}>
      {issues.map((issue, i) => (
        <li key={`${issue.path}-${i}`} data-testid="editor-issue">
          <code className="break-all">{issue.path || "(whole file)"}</code>: {issue.message}
        </li>
      ))}
    </ul>
  );
}

interface Props {
  initialText: string;
  /** What an import did, shown above the editor. */
  notes?: string[];
  /** Every edit, so an import can start from the editor's text. */
  onTextChange?: (text: string) => void;
  /** Leaves edit mode: with the saved message after a save, null after Cancel. */
  onDone: (saved: string | null) => void;
}

export function ConfigEditor({ initialText, notes = [], onTextChange, onDone }: Props) {
  const [text, setText] = useState(initialText);
  // The editor is remounted (new key) when its text is replaced: "Load the current file", "Put my text back".
  const [start, setStart] = useState({ text: initialText, key: 0 });
  const [problem, setProblem] = useState<ParseProblem | null>(() => parseProblem(initialText));
  const [reviewed, setReviewed] = useState<{ text: string; body: ConfigTextPreviewBody } | null>(null);
  const [conflict, setConflict] = useState<{ current: string; mine: string; loaded: boolean } | null>(null);
  const [copied, setCopied] = useState(false);
  const preview = usePreviewConfigText();
  const save = useSaveConfigText();
  const noteId = useId();
  const statusId = useId();

  useEffect(() => {
    const timer = setTimeout(() => setProblem(parseProblem(text)), PARSE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);

  const change = (next: string) => {
    setText(next);
    onTextChange?.(next);
  };
  const replaceText = (next: string) => {
    setStart((s) => ({ text: next, key: s.key + 1 }));
    change(next);
    setProblem(parseProblem(next));
  };

  const review = async () => {
    save.reset();
    const reviewedText = text;
    const body = await preview.trigger(reviewedText);
    if (body) setReviewed({ text: reviewedText, body });
  };

  const stale = !!reviewed && reviewed.text !== text;
  const blocking = reviewed?.body.issues ?? [];
  const canSave = !!reviewed && !stale && !problem && blocking.length === 0 && !save.isMutating;

  const submit = async () => {
    if (!reviewed) return;
    const saved = await save.trigger(
      { text: reviewed.text, revision: reviewed.body.revision },
      {
        onError: (error) => {
          if (error instanceof FileChangedError) {
            setConflict({ current: error.current.text, mine: reviewed.text, loaded: false });
            setReviewed(null);
          }
        },
      },
    );
    if (saved) onDone(savedMessage(saved));
  };

  const cancel = () => {
    if (text !== initialText && !window.confirm("Discard your edits to openclaw.json?")) return;
    onDone(null);
  };

  const copyMine = async () => {
    if (!conflict) return;
    try {
      await navigator.clipboard.writeText(conflict.mine);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  const saveError = save.error && !(save.error instanceof FileChangedError) ? save.error : null;
  const saveIssues =
    saveError instanceof ApiError
      ? ((saveError.details as { issues?: ValidationIssue[] } | undefined)?.issues ?? [])
      : [];
  const savePosition =
    saveError instanceof ApiError && saveError.code === "config_unparsable"
      ? (saveError.details as { line?: number; column?: number } | undefined)
      : undefined;

  return (
    <div className="space-y-3" data-testid="config-editor">
      {notes.length > 0 ? (
        <div className="alert-warn space-y-1" data-testid="import-notes">
          <p className="font-medium">About this import (nothing is saved until you review and save):</p>
          <ul className="list-disc pl-5">
            {notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p id={noteId} className="muted text-xs">
        Masked values ({MASK}) keep the saved secret when left as they are; type a new value to replace one.{" "}
        <code>${"{VAR}"}</code> references and SecretRef objects (<code>{"{source, provider, id}"}</code>) are shown as
        they are and kept.
      </p>
      <CodeEditor
        key={start.key}
        initialText={start.text}
        onChange={change}
        label="openclaw.json editor"
        describedBy={`${noteId} ${statusId}`}
      />
      <p
        id={statusId}
        role="status"
        aria-live="polite"
        data-testid="editor-parse"
        className={problem ? "text-sm text-red-700 dark:text-red-300" : "muted text-xs"}
      >
        {problem ? problemText(problem) : "The text parses as JSON5."}
      </p>

      {conflict ? (
        <div className="alert-error space-y-2" role="alert" data-testid="editor-conflict">
          {conflict.loaded ? (
            <p>The editor now holds openclaw.json as it is on disk. Your text is kept until you leave edit mode.</p>
          ) : (
            <p>
              openclaw.json changed on disk since you started editing (OpenClaw or another program wrote it). Nothing
              was saved; your text is still in the editor.
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            {conflict.loaded ? (
              <button
                type="button"
                className="btn"
                onClick={() => {
                  replaceText(conflict.mine);
                  setConflict({ ...conflict, loaded: false });
                }}
              >
                Put my text back
              </button>
            ) : (
              <button
                type="button"
                className="btn"
                onClick={() => {
                  replaceText(conflict.current);
                  setConflict({ ...conflict, loaded: true });
                }}
              >
                Load the current file
              </button>
            )}
            <button type="button" className="btn" onClick={copyMine}>
              {copied ? "Copied my text" : "Copy my text"}
            </button>
          </div>
        </div>
      ) : null}

      {reviewed ? <Review body={reviewed.body} stale={stale} /> : null}
      {preview.error ? (
        <p className="alert-error" role="alert">
          {errorMessage(preview.error, "The dashboard server did not answer: the changes could not be reviewed.")}
        </p>
      ) : null}
      {saveError ? (
        <div className="alert-error space-y-1" role="alert" data-testid="editor-save-error">
          <p>
            {errorMessage(saveError, "The dashboard server did not answer. Nothing was saved.")}
            {savePosition?.line ? ` (line ${savePosition.line}, column ${savePosition.column ?? 1})` : ""}
          </p>
          {saveIssues.length > 0 ? <Issues issues={saveIssues} label="Why openclaw.json was not saved" /> : null}
          <p>Your text is still in the editor.</p>
        </div>
      ) : null}

      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn" onClick={review} disabled={preview.isMutating}>
          {preview.isMutating ? "Reviewing…" : "Review changes"}
        </button>
        <button type="button" className="btn-primary" onClick={submit} disabled={!canSave}>
          {save.isMutating ? "Saving…" : "Save"}
        </button>
        <button type="button" className="btn" onClick={cancel}>
          Cancel
        </button>
      </div>
      {!reviewed || stale ? (
        <p className="muted text-xs">
          {stale ? "The text changed since the review: review it again to save." : "Review the changes to save."}
        </p>
      ) : null}
    </div>
  );
}

function Review({ body, stale }: { body: ConfigTextPreviewBody; stale: boolean }) {
  return (
    <section
      className={`space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800 ${stale ? "opacity-60" : ""}`}
      aria-label="Review of your changes"
      data-testid="editor-review"
      data-stale={String(stale)}
    >
      <p className={body.validation.valid ? "alert-ok" : "alert-error"} data-testid="editor-verdict">
        {verdictHeadline(body.validation)}
        {body.gatewayJudgesSave
          ? " The running Gateway checks it again when you save, and applies it (config.patch)."
          : ""}
      </p>
      {body.issues.length > 0 ? (
        <div className="space-y-1">
          <p className="text-sm font-medium">This text cannot be saved:</p>
          <Issues issues={body.issues} label="What stops the save" />
        </div>
      ) : null}
      {body.reformats ? (
        <p className="alert-warn" data-testid="editor-reformats">
          This file has comments or JSON5 syntax. OpenClaw&apos;s own writes strip them, and so does this save: it is
          written as plain JSON.
        </p>
      ) : null}
      <ul className="muted space-y-0.5 text-xs">
        {body.keptSecrets > 0 ? (
          <li data-testid="editor-kept-secrets">
            {body.keptSecrets} masked value
            {body.keptSecrets === 1 ? " keeps its saved secret" : "s keep their saved secrets"}.
          </li>
        ) : null}
        {body.metaKept ? <li>meta is OpenClaw&apos;s: kept as it is.</li> : null}
      </ul>
      <DiffView
        diff={body.diff}
        label="Saving this text changes openclaw.json"
        unchangedText="Saving this text leaves openclaw.json as it is."
        testId="editor-diff"
      />
    </section>
  );
}
