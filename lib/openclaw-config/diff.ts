// A line diff of openclaw.json, shaped for display (and as a unified patch for copying).
import { createTwoFilesPatch, structuredPatch } from "diff";

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
}

export function diffConfigText(before: string, after: string, name = "openclaw.json"): ConfigDiff {
  const structured = structuredPatch(name, name, before, after, "current", "after saving", { context: 3 });
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
  const patch = hunks.length
    ? createTwoFilesPatch(name, name, before, after, "current", "after saving", { context: 3 })
    : "";
  return { changed: hunks.length > 0, added, removed, hunks, patch };
}
