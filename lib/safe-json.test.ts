import { describe, expect, it } from "vitest";
import { hasControlChars, parseSafeJson, UnsafeJsonError } from "./safe-json";

describe("safe JSON", () => {
  it("parses ordinary JSON", () => {
    expect(parseSafeJson('{"a":[1,{"b":null}]}')).toEqual({ a: [1, { b: null }] });
  });
  it("refuses prototype-polluting keys at any depth", () => {
    for (const text of ['{"__proto__":{"x":1}}', '{"a":{"constructor":{"prototype":{}}}}', '[{"prototype":1}]']) {
      expect(() => parseSafeJson(text), text).toThrow(UnsafeJsonError);
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
  it("refuses deep nesting", () => {
    expect(() => parseSafeJson("[".repeat(40) + "]".repeat(40))).toThrow(UnsafeJsonError);
    expect(() => parseSafeJson("[".repeat(200000) + "]".repeat(200000))).toThrow(UnsafeJsonError);
  });
  it("spots control characters", () => {
    expect(hasControlChars("a\nb")).toBe(true);
    expect(hasControlChars("a\u2028b")).toBe(true);
    expect(hasControlChars("DeepSeek R1")).toBe(false);
  });
});
