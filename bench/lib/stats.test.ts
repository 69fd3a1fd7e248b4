import { describe, expect, it } from "vitest";
import { median, p95, percentile, round } from "./stats";
import { notAvailable, renderTable } from "./table";

describe("percentiles", () => {
  it("uses the nearest rank, so a figure is always a real sample", () => {
    const values = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
    expect(median(values)).toBe(5);
    expect(p95(values)).toBe(10);
    expect(percentile([42], 95)).toBe(42);
    expect(median([])).toBeNull();
  });

  it("rounds, and maps non-finite values to null", () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(Number.NaN)).toBeNull();
    expect(round(null)).toBeNull();
  });
});

describe("renderTable", () => {
  it("prints one aligned row per figure with its verdict and why a figure is missing", () => {
    const text = renderTable([
      {
        id: "a",
        figure: "Warm",
        unit: "ms",
        median: 3.21,
        p95: 12.5,
        baseline: "health 1.0 ms",
        budget: "< 20 ms",
        status: "pass",
      },
      { id: "b", figure: "TTFT", unit: "ms", median: 8.4, p95: 16, budget: "≤ 5 ms", status: "fail" },
      notAvailable("c", "Picker", "< 50 ms", "route missing"),
    ]);
    const lines = text.split("\n");
    expect(lines).toHaveLength(5);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[2]).toContain("3.21 ms");
    expect(lines[2]).toContain("PASS");
    expect(lines[3]).toContain("FAIL");
    expect(lines[4]).toContain("n/a (route missing)");
  });
});
