// A line diff of openclaw.json, shaped for display (and as a unified patch for copying).
// The diff's cost must stay linear in the file's size: a 2 MB file is allowed. So each distinct
// line is replaced by a short number before diffing (comparing two 20 kB lines is then as cheap as
// comparing two short ones), and the search gives up past MAX_EDIT_LINES changed lines (Myers'
// algorithm costs size × changes), answering with a summary instead of a line-by-line diff.
import { formatPatch, structuredPatch, type StructuredPatch } from "diff";

const CONTEXT = 3;
/** More changed lines than this (e.g. a big hand-written file saved as JSON the first time) get a summary. */
export const MAX_EDIT_LINES = 1000;
/** A last guard for inputs that are pathological even within MAX_EDIT_LINES. */
const DIFF_TIMEOUT_MS = 2000;

interface DiffLine {
  kind: "add" | "remove" | "context";
  text: string;
  oldLine?: number;
  newLine?: number;
}

export interface DiffHunk {
  header: string;
  lines: DiffLine[];
}

export interface ConfigDiff {
  changed: boolean;
  added: number;
  removed: number;
  hunks: DiffHunk[];
  patch: string;
  /** Set when the change was too large to diff line by line: `hunks` then holds one summary header. */
  tooLarge?: true;
}

/** Lines with their line break, as the `diff` package splits them ("\r\n" stays whole). */
function splitLines(text: string): string[] {
  const parts = text.split("\n");
  const lines = parts.map((part, i) => (i < parts.length - 1 ? `${part}\n` : part));
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Both texts with each distinct line replaced by its number (line breaks kept), and the numbers' lines. */
function intern(before: string[], after: string[]) {
  const ids = new Map<string, number>();
  const lines: string[] = [];
  const encode = (list: string[]) =>
    list
      .map((line) => {
        let id = ids.get(line);
        if (id === undefined) {
          id = lines.length;
          ids.set(line, id);
          lines.push(line);
        }
        return line.endsWith("\n") ? `${id}\n` : `${id}`;
      })
      .join("");
  return { before: encode(before), after: encode(after), lines };
}

/** Lines of one side that the other side does not have (as a multiset): a cheap lower bound of the change. */
function unmatched(from: string[], other: string[]): number {
  const counts = new Map<string, number>();
  for (const line of other) counts.set(line, (counts.get(line) ?? 0) + 1);
  let count = 0;
  for (const line of from) {
    const left = counts.get(line) ?? 0;
    if (left > 0) counts.set(line, left - 1);
    else count++;
  }
  return count;
}

function summary(name: string, before: string[], after: string[]): ConfigDiff {
  const removed = unmatched(before, after);
  const added = unmatched(after, before);
  const header = `Too large to diff line by line (more than ${MAX_EDIT_LINES} changed lines): at least ${removed} lines removed and ${added} added, ${before.length} lines before, ${after.length} after.`;
  return {
    changed: true,
    added,
    removed,
    hunks: [{ header, lines: [] }],
    patch: `--- ${name}\tcurrent\n+++ ${name}\tafter saving\n${header}\n`,
    tooLarge: true,
  };
}

export function diffConfigText(before: string, after: string, name = "openclaw.json"): ConfigDiff {
  if (before === after) return { changed: false, added: 0, removed: 0, hunks: [], patch: "" };
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const interned = intern(oldLines, newLines);
  const numbered = structuredPatch(name, name, interned.before, interned.after, "current", "after saving", {
    context: CONTEXT,
    maxEditLength: MAX_EDIT_LINES,
    timeout: DIFF_TIMEOUT_MS,
  });
  if (!numbered) return summary(name, oldLines, newLines);
  const lineOf = (numberedLine: string) => {
    const line = interned.lines[Number(numberedLine.slice(1))];
    return line.endsWith("\n") ? line.slice(0, -1) : line;
  };
  const structured: StructuredPatch = {
    ...numbered,
    hunks: numbered.hunks.map((hunk) => ({
      ...hunk,
      lines: hunk.lines.map((line) => (line.startsWith("\\") ? line : `${line[0]}${lineOf(line)}`)),
    })),
  };

  let added = 0;
  let removed = 0;
  const hunks = structured.hunks.map((hunk) => {
    let oldLine = hunk.oldStart;
    let newLine = hunk.newStart;
    const lines: DiffLine[] = [];
    for (const raw of hunk.lines) {
      if (raw.startsWith("\\")) continue; // "\ No newline at end of file"
      const text = raw.slice(1);
      if (raw[0] === "+") {
        added++;
        lines.push({ kind: "add", text, newLine: newLine++ });
      } else if (raw[0] === "-") {
        removed++;
        lines.push({ kind: "remove", text, oldLine: oldLine++ });
      } else {
        lines.push({ kind: "context", text, oldLine: oldLine++, newLine: newLine++ });
      }
    }
    return { header: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, lines };
  });
  const patch = hunks.length ? formatPatch(structured) : "";
  return { changed: hunks.length > 0, added, removed, hunks, patch };
}
