import fc from "fast-check";
import JSON5 from "json5";
import { describe, expect, it, vi } from "vitest";
import { scanJson5, type Json5Token } from "./json5-scan";

type Leaf = [path: string, value: unknown];

/** Every primitive the scanner reports, with its path ("a.b.[]") and its value as JSON5 would parse it. */
function scannedLeaves(text: string): { leaves: Leaf[]; tokens: Json5Token[] } {
  const leaves: Leaf[] = [];
  const tokens: Json5Token[] = [];
  scanJson5<string>(text, {
    root: "",
    child: (parent, key) => (parent ? `${parent}.${key}` : key),
    item: (parent) => `${parent}.[]`,
    value(token, path) {
      tokens.push(token);
      const value =
        token.kind === "number"
          ? Number(token.value)
          : token.kind === "literal"
            ? JSON.parse(token.value)
            : token.value;
      leaves.push([path, value]);
    },
  });
  return { leaves, tokens };
}

function parsedLeaves(value: unknown, path = "", out: Leaf[] = []): Leaf[] {
  if (Array.isArray(value)) for (const item of value) parsedLeaves(item, `${path}.[]`, out);
  else if (value && typeof value === "object")
    for (const [key, item] of Object.entries(value)) parsedLeaves(item, path ? `${path}.${key}` : key, out);
  else out.push([path, value]);
  return out;
}

const byPath = (a: Leaf, b: Leaf) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : String(a[1]).localeCompare(String(b[1])));

describe("scanJson5", () => {
  it("reports each value with its place, decoded keys and exact positions", () => {
    const text = `// lead
{
  plain: 'it\\'s',
  "api\\u004bey" /* between */ : /* and */ "k\\x41y",
  \\u0074oken: 0x1F,
  list: [1, -2.5e3, .5, +Infinity, NaN, true, null,],
  nested: { "deep": { x: "y" } },
  multi: "a\\
b",
}`;
    const { leaves, tokens } = scannedLeaves(text);
    expect(leaves).toEqual([
      ["plain", "it's"],
      ["apiKey", "kAy"],
      ["token", 31],
      ["list.[]", 1],
      ["list.[]", -2500],
      ["list.[]", 0.5],
      ["list.[]", Infinity],
      ["list.[]", NaN],
      ["list.[]", true],
      ["list.[]", null],
      ["nested.deep.x", "y"],
      ["multi", "ab"],
    ]);
    for (const token of tokens) expect(token.closed).toBe(true);
    const apiKey = tokens[1];
    expect(text.slice(apiKey.start, apiKey.end)).toBe('"k\\x41y"');
    expect(apiKey).toMatchObject({ kind: "string", quote: '"', escaped: true });
    expect(text.slice(tokens[2].start, tokens[2].end)).toBe("0x1F");
  });

  it("agrees with json5 on what every value is and where it sits", () => {
    // json5 warns on a raw U+2028 in a string (valid JSON5, kept as it is).
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const json = fc.jsonValue({ maxDepth: 4, stringUnit: "binary" }).filter((v) => v !== null && typeof v === "object");
    fc.assert(
      fc.property(json, fc.constantFrom(0, 2, "\t"), fc.boolean(), (value, space, json5) => {
        const text = json5 ? JSON5.stringify(value, null, space) : JSON.stringify(value, null, space);
        const expected = parsedLeaves(JSON5.parse(text)).sort(byPath);
        const { leaves, tokens } = scannedLeaves(text);
        // Each token's span is exactly the literal: parsed alone, it gives the value reported.
        tokens.forEach((token, i) => expect(JSON5.parse(text.slice(token.start, token.end))).toEqual(leaves[i][1]));
        expect(leaves.sort(byPath)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
    warn.mockRestore();
  });

  it("never throws on text that is not JSON5, and reports a broken value whole", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: "grapheme-ascii" }), (text) => {
        expect(() => scannedLeaves(text)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
    const { leaves, tokens } = scannedLeaves('{ apiKey: sk-abc 123, ok: "fine", cut: "no end\n}');
    expect(leaves).toEqual([
      ["apiKey", "sk-abc 123"],
      ["ok", "fine"],
      ["cut", '"no end'],
    ]);
    expect(tokens.map((t) => t.closed)).toEqual([false, true, false]);
  });

  it("walks deep nesting without recursion", () => {
    const depth = 200_000;
    const seen: [number, string][] = [];
    scanJson5<number>(`${"[".repeat(depth)}"x"${"]".repeat(depth)}`, {
      root: 0,
      child: (parent) => parent + 1,
      item: (parent) => parent + 1,
      value: (token, level) => seen.push([level, token.value]),
    });
    expect(seen).toEqual([[depth, "x"]]);
  });
});
