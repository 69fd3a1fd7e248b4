"use client";
// Import into openclaw.json: a pasted config, an uploaded file or one of the examples of OpenClaw's
// Hugging Face page, either as model settings (replaced or merged, lib/openclaw-config/import-settings)
// or as the whole file. The result goes into the editor; nothing is saved until it is reviewed and
// saved there. Loaded on demand (next/dynamic in config-workspace.tsx), with json5.
import { useId, useState } from "react";
import { DOC_EXAMPLES } from "@/lib/openclaw-config/doc-examples";
import { hasComments, importModelSettings, type ImportMode } from "@/lib/openclaw-config/import-settings";
import { parseConfigText, problemPosition } from "@/lib/openclaw-config/parse-config";

/** Far above any real openclaw.json, and the server's own cap on a saved text. */
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

type Source = "paste" | "upload" | "example";
type Mode = ImportMode | "file";

export interface ImportResult {
  text: string;
  notes: string[];
}

interface Props {
  /** The text the import starts from, read when it runs: the editor's, else the file's (masked), else "{}". */
  currentText: () => string;
  onImport: (result: ImportResult) => void;
  onClose: () => void;
}

function parseObject(text: string, what: string): Record<string, unknown> {
  const { data, problem } = parseConfigText(text);
  if (!data)
    throw new Error(`${what} does not parse${problemPosition(problem ?? { message: "" })}: ${problem?.message}`);
  return data;
}

const sizeText = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The text an import puts into the editor, with what to say about it. Throws an Error with our message. */
function combine(currentText: string, incomingText: string, mode: Mode): ImportResult {
  if (mode === "file") {
    const notes = hasComments(incomingText)
      ? ["The imported text has comments: they stay in the editor, but the save writes plain JSON, so they are lost."]
      : [];
    return { text: incomingText.endsWith("\n") ? incomingText : `${incomingText}\n`, notes };
  }
  const incoming = parseObject(incomingText, "The imported text");
  const current = parseObject(currentText, "The current file (or the editor's text)");
  const { config, notes } = importModelSettings(current, incoming, mode);
  if (hasComments(incomingText))
    notes.push("The imported text had comments: they are lost, because the result is written as JSON with 2 spaces.");
  if (hasComments(currentText))
    notes.push("openclaw.json's comments are lost as well: the combined file is written as JSON with 2 spaces.");
  return { text: `${JSON.stringify(config, null, 2)}\n`, notes };
}

export function ImportPanel({ currentText, onImport, onClose }: Props) {
  const [source, setSource] = useState<Source>("example");
  const [mode, setMode] = useState<Mode>("merge");
  const [pasted, setPasted] = useState("");
  const [uploaded, setUploaded] = useState<{ name: string; text: string } | null>(null);
  const [exampleId, setExampleId] = useState(DOC_EXAMPLES[0].id);
  const [error, setError] = useState<string | null>(null);
  const ids = { title: useId(), paste: useId(), upload: useId(), example: useId() };
  const example = DOC_EXAMPLES.find((e) => e.id === exampleId) ?? DOC_EXAMPLES[0];
  const effectiveMode: Mode = source === "example" && mode === "file" ? "merge" : mode;

  const pickSource = (next: Source) => {
    setSource(next);
    setError(null);
    if (next === "example" && mode === "file") setMode("merge");
  };

  const upload = async (file: File | undefined) => {
    setError(null);
    setUploaded(null);
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) {
      setError(
        `“${file.name}” is ${sizeText(file.size)}: the limit is 2 MB. An openclaw.json is far smaller; is it the right file?`,
      );
      return;
    }
    setUploaded({ name: file.name, text: await file.text() });
  };

  const run = () => {
    setError(null);
    const incoming = source === "paste" ? pasted : source === "upload" ? uploaded?.text : example.text;
    if (!incoming?.trim()) {
      setError(source === "upload" ? "Choose a file to import first." : "Paste a config to import first.");
      return;
    }
    try {
      onImport(combine(currentText(), incoming, effectiveMode));
    } catch (e) {
      setError(e instanceof Error ? e.message : "The import failed.");
    }
  };

  const radio = "mt-0.5 accent-amber-500";
  return (
    <section
      className="space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
      aria-labelledby={ids.title}
      data-testid="import-panel"
    >
      <div className="flex items-center justify-between gap-2">
        <h3 id={ids.title} className="font-semibold">
          Import into openclaw.json
        </h3>
        <button type="button" className="btn px-2 py-1 text-xs" onClick={onClose}>
          Close import
        </button>
      </div>

      <fieldset className="space-y-1">
        <legend className="label">What to import</legend>
        {(
          [
            ["example", "An example from OpenClaw's Hugging Face page"],
            ["paste", "Paste a config"],
            ["upload", "Upload a file (.json, .json5)"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="import-source"
              className={radio}
              checked={source === value}
              onChange={() => pickSource(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>

      {source === "paste" ? (
        <div className="space-y-1">
          <label htmlFor={ids.paste} className="label">
            Config to import (JSON or JSON5)
          </label>
          <textarea
            id={ids.paste}
            className="input min-h-40 font-mono text-xs"
            value={pasted}
            spellCheck={false}
            onChange={(e) => setPasted(e.target.value)}
          />
        </div>
      ) : source === "upload" ? (
        <div className="space-y-1">
          <label htmlFor={ids.upload} className="label">
            File to import (at most 2 MB)
          </label>
          <input
            id={ids.upload}
            type="file"
            accept=".json,.json5,application/json"
            className="block text-sm"
            onChange={(e) => void upload(e.target.files?.[0])}
          />
          {uploaded ? (
            <p className="muted text-xs">
              Read <code>{uploaded.name}</code> ({uploaded.text.length.toLocaleString("en")} characters).
            </p>
          ) : null}
        </div>
      ) : (
        <fieldset className="space-y-2">
          <legend className="label">Example</legend>
          {DOC_EXAMPLES.map((e) => (
            <label key={e.id} className="flex items-start gap-2 text-sm">
              <input
                type="radio"
                name="import-example"
                className={radio}
                checked={exampleId === e.id}
                onChange={() => setExampleId(e.id)}
              />
              <span>
                <span className="font-medium">{e.title}</span>
                <span className="muted block text-xs">{e.description}</span>
              </span>
            </label>
          ))}
          <pre
            className="max-h-56 overflow-auto rounded-lg border border-zinc-200 bg-white p-2 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-950"
            tabIndex={0}
            role="region"
            aria-label={`The example “${example.title}”`}
            data-testid="import-example-text"
          >
            {example.text}
          </pre>
        </fieldset>
      )}

      <fieldset className="space-y-1">
        <legend className="label">How</legend>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="import-mode"
            className={radio}
            checked={effectiveMode === "replace"}
            onChange={() => setMode("replace")}
          />
          <span>
            Replace model settings
            <span className="muted block text-xs">
              The primary and fallbacks, the model entries and the allowlist the import sets replace yours.
            </span>
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="import-mode"
            className={radio}
            checked={effectiveMode === "merge"}
            onChange={() => setMode("merge")}
          />
          <span>
            Merge into model settings
            <span className="muted block text-xs">
              Its primary wins; fallbacks, model entries and the allowlist are added to yours.
            </span>
          </span>
        </label>
        {source !== "example" ? (
          <label className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="import-mode"
              className={radio}
              checked={effectiveMode === "file"}
              onChange={() => setMode("file")}
            />
            <span>
              Replace the whole file
              <span className="muted block text-xs">The editor gets the imported text as it is.</span>
            </span>
          </label>
        ) : null}
        <p className="muted text-xs" hidden={effectiveMode === "file"}>
          Only model settings are imported (agents.defaults.model, agents.defaults.models,
          agents.defaults.modelPolicy.allow); the rest of your file stays as it is.
        </p>
      </fieldset>

      <div aria-live="polite">
        {error ? (
          <p className="alert-error" role="alert" data-testid="import-error">
            {error}
          </p>
        ) : null}
      </div>
      <button type="button" className="btn-primary" onClick={run}>
        Put into the editor
      </button>
    </section>
  );
}
