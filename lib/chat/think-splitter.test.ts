import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ThinkSplitter, type Segment } from "./think-splitter";

function run(pieces: string[]): { reasoning: string; content: string; segments: Segment[] } {
  const splitter = new ThinkSplitter();
  const segments = [...pieces.flatMap((p) => splitter.push(p)), ...splitter.end()];
  return {
    segments,
    reasoning: segments
      .filter((s) => s.kind === "reasoning")
      .map((s) => s.text)
      .join(""),
    content: segments
      .filter((s) => s.kind === "content")
      .map((s) => s.text)
      .join(""),
  };
}

/** Cuts `text` at the given fractional positions. */
function cut(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => Math.floor(c * (text.length + 1))))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let last = 0;
  for (const p of points) {
    pieces.push(text.slice(last, p));
    last = p;
  }
  pieces.push(text.slice(last));
  return pieces;
}

const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 40 });
// Text made of characters that tend to build (and break) tags.
const tagAlphabet = fc.string({
  unit: fc.constantFrom("<", ">", "/", "t", "h", "i", "n", "k", " ", "\n", "a", "é", "😀"),
});

describe("ThinkSplitter", () => {
  it("splits the fake's DeepSeek-R1 deltas, tags cut mid-word", () => {
    const r = run(["<thi", "nk>\n", "The user ", "greeted me.", "\n</thi", "nk>\n\n", "Hello", " there"]);
    expect(r.reasoning).toBe("The user greeted me.\n");
    expect(r.content).toBe("Hello there");
  });

  it("passes an answer without reasoning through untouched", () => {
    expect(run(["  Hi", " <b>", "there"]).content).toBe("  Hi <b>there");
    expect(run(["<", "b>bold"]).content).toBe("<b>bold");
    expect(run(["<thin"]).content).toBe("<thin");
  });

  it("keeps a <think> that is not at the start as content", () => {
    expect(run(["Use <think> tags"]).content).toBe("Use <think> tags");
  });

  it("treats an unclosed think block as reasoning", () => {
    const r = run(["<think>still thinking", " </thi"]);
    expect(r.reasoning).toBe("still thinking </thi");
    expect(r.content).toBe("");
  });

  it("streams reasoning before the closing tag arrives", () => {
    const splitter = new ThinkSplitter();
    expect(splitter.push("<think>abc")).toEqual([{ kind: "reasoning", text: "abc" }]);
    expect(splitter.push("def</")).toEqual([{ kind: "reasoning", text: "def" }]);
    expect(splitter.push("think>ok")).toEqual([{ kind: "content", text: "ok" }]);
  });

  it("gives the same reasoning and content for every chunking (property)", () => {
    fc.assert(
      fc.property(
        tagAlphabet,
        tagAlphabet,
        fc.string({ maxLength: 3, unit: fc.constantFrom(" ", "\n") }),
        cuts,
        (reasoning, content, lead, at) => {
          fc.pre(!reasoning.includes("</think>"));
          const text = `${lead}<think>${reasoning}</think>${content}`;
          const r = run(cut(text, at));
          expect(r.reasoning).toBe(reasoning.trimStart());
          expect(r.content).toBe(content.trimStart());
          const whole = run([text]);
          expect(whole.reasoning).toBe(r.reasoning);
          expect(whole.content).toBe(r.content);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("never alters text that does not start with <think> (property)", () => {
    fc.assert(
      fc.property(tagAlphabet, cuts, (text, at) => {
        fc.pre(!text.trimStart().startsWith("<think>"));
        fc.pre(text.trim() !== "");
        const r = run(cut(text, at));
        expect(r.reasoning).toBe("");
        expect(r.content).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
