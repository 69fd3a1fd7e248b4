import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "./retry-after";

describe("parseRetryAfter", () => {
  it.each([
    ["1", 1000],
    ["120", 120_000],
    [" 0.5 ", 500],
    ["0", 0],
  ])("reads seconds: %s → %i ms", (value, ms) => {
    expect(parseRetryAfter(value)).toBe(ms);
  });

  it("reads an HTTP date against now, never below zero", () => {
    const now = Date.parse("Wed, 02 Dec 2026 10:00:00 GMT");
    expect(parseRetryAfter("Wed, 02 Dec 2026 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 02 Dec 2026 09:00:00 GMT", now)).toBe(0);
  });

  it.each([undefined, null, "", "soon", "-1", "1e3"])("ignores %s", (value) => {
    expect(parseRetryAfter(value)).toBeUndefined();
  });

  it("caps absurd values at a day", () => {
    expect(parseRetryAfter("99999999")).toBe(24 * 60 * 60 * 1000);
  });
});
