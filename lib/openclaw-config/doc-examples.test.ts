import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import { DOC_EXAMPLES, docExample } from "./doc-examples";

// The documentation page lives outside the repository (never copied in): each embedded example
// must be one of its `{ agents: … }` blocks, and the page must have exactly seven.
const DOC = path.resolve(__dirname, "../../../shared/reference/openclaw-huggingface-doc.txt");

/** The page's configuration blocks: from a line that is just "{" to the next line that is just "}". */
function docBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (current === null) {
      if (line === "{") current = [line];
      continue;
    }
    current.push(line);
    if (line === "}") {
      blocks.push(current.join("\n"));
      current = null;
    }
  }
  return blocks.filter((block) => /^\s*agents:/m.test(block));
}

describe("the documentation's examples", () => {
  it("finds the documentation page", () => {
    expect(existsSync(DOC), DOC).toBe(true);
  });

  const blocks = docBlocks(readFileSync(DOC, "utf8")).map((block) => JSON5.parse(block));

  it("has exactly seven configuration blocks, and seven examples with distinct ids", () => {
    expect(blocks).toHaveLength(7);
    expect(DOC_EXAMPLES).toHaveLength(7);
    expect(new Set(DOC_EXAMPLES.map((e) => e.id)).size).toBe(7);
  });

  it.each(DOC_EXAMPLES.map((e) => [e.id, e] as const))("%s is one of the page's blocks", (_id, example) => {
    const parsed = JSON5.parse(example.text);
    expect(blocks).toContainEqual(parsed);
  });

  it("covers every block of the page once", () => {
    const parsed = DOC_EXAMPLES.map((e) => JSON5.parse(e.text));
    for (const block of blocks)
      expect(parsed.filter((p) => JSON.stringify(p) === JSON.stringify(block))).toHaveLength(1);
  });

  it("each has a title and a one-line description", () => {
    for (const e of DOC_EXAMPLES) {
      expect(e.title.length).toBeGreaterThan(0);
      expect(e.description).not.toContain("\n");
    }
    expect(docExample("forced-together")?.text).toContain(":together");
    expect(docExample("nope")).toBeUndefined();
  });
});
