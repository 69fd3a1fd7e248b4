import fc from "fast-check";
import { createTwoFilesPatch, structuredPatch } from "diff";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import { diffConfigText, MAX_EDIT_LINES } from "./diff";

/** A hand-written JSON5 file of about 2 MB: comments, bare keys, long strings. */
function bigFile(): string {
  const lines = ["// hand-written", "{"];
  for (let i = 0, size = 0; size < 1_900_000; i++) {
    const entry = `  key${i}: { name: 'model ${i}', note: '${"n".repeat(i % 10 === 0 ? 2000 : 20)}' },`;
    lines.push(`  // entry ${i}`, entry);
    size += entry.length + 20;
  }
  lines.push("}", "");
  return lines.join("\n");
}

describe("diffConfigText on large files", () => {
  it("diffs a 2 MB file against itself plus one change: one hunk with the line", () => {
    const before = bigFile();
    const after = before.replace("key1000: { name: 'model 1000'", "key1000: { name: 'renamed'");
    const diff = diffConfigText(before, after);
    expect(diff).toMatchObject({ changed: true, added: 1, removed: 1 });
    expect(diff.tooLarge).toBeUndefined();
    expect(diff.hunks).toHaveLength(1);
    const changed = diff.hunks[0].lines.filter((l) => l.kind !== "context");
    expect(changed.map((l) => [l.kind, l.text])).toEqual([
      ["remove", `  key1000: { name: 'model 1000', note: '${"n".repeat(2000)}' },`],
      ["add", `  key1000: { name: 'renamed', note: '${"n".repeat(2000)}' },`],
    ]);
    expect(changed[0].oldLine).toBe(2 + 2 * 1000 + 2);
  });

  it("answers a summary instead of a line diff when the whole 2 MB file changes", () => {
    const before = bigFile();
    const after = `${JSON.stringify(JSON5.parse(before), null, 2)}\n`; // what the first save writes
    const diff = diffConfigText(before, after);
    expect(diff.tooLarge).toBe(true);
    expect(diff.changed).toBe(true);
    expect(diff.hunks).toEqual([{ header: expect.stringContaining("Too large to diff line by line"), lines: [] }]);
    expect(diff.hunks[0].header).toContain(`more than ${MAX_EDIT_LINES} changed lines`);
    // All but "{" and "}" differ: the summary counts lines one side has and the other has not.
    expect(diff.removed).toBe(before.split("\n").length - 1 - 2);
    expect(diff.patch).toContain("Too large to diff line by line");
  });

  it("still diffs line by line up to the limit", () => {
    const lines = Array.from({ length: MAX_EDIT_LINES / 2 }, (_, i) => `line ${i}`);
    const diff = diffConfigText(`${lines.join("\n")}\n`, `${lines.map((l) => `${l}!`).join("\n")}\n`);
    expect(diff.tooLarge).toBeUndefined();
    expect(diff).toMatchObject({ added: lines.length, removed: lines.length });
  });
});

describe("diffConfigText, property", () => {
  it("gives what the diff package gives on the lines themselves", () => {
    const line = fc.constantFrom("{", "}", '  "a": 1,', '  "b": 2', "", "  // c", "x\r", "\t");
    const text = fc
      .tuple(fc.array(line, { maxLength: 30 }), fc.boolean())
      .map(([lines, end]) => lines.join("\n") + (end ? "\n" : ""));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = diffConfigText(before, after);
        const direct = structuredPatch("openclaw.json", "openclaw.json", before, after, "current", "after saving", {
          context: 3,
        });
        expect(diff.hunks.map((h) => h.header)).toEqual(
          direct.hunks.map((h) => `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`),
        );
        expect(diff.hunks.flatMap((h) => h.lines.map((l) => l.text))).toEqual(
          direct.hunks.flatMap((h) => h.lines.filter((l) => !l.startsWith("\\")).map((l) => l.slice(1))),
        );
        const patch = createTwoFilesPatch("openclaw.json", "openclaw.json", before, after, "current", "after saving", {
          context: 3,
        });
        expect(diff.patch).toBe(direct.hunks.length ? patch : "");
      }),
      { numRuns: 500 },
    );
  });
});
