import { describe, expect, it } from "vitest";
import { estimateCost } from "@/lib/chat/cost";
import { mean, percentile, tokensPerSecond } from "./stats";

describe("percentiles (nearest rank)", () => {
  it("are always one of the samples", () => {
    const values = [40, 10, 30, 20, 50, 60, 70, 80, 90, 100];
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(100);
    expect(percentile(values, 0)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([1, 2], 50)).toBe(1);
    expect(percentile([], 50)).toBeNull();
  });

  it("does not reorder the input", () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("tokens per second", () => {
  it("counts the time after the first byte only", () => {
    expect(tokensPerSecond(50, 200, 700)).toBe(100);
    expect(tokensPerSecond(0, 200, 700)).toBeNull();
    expect(tokensPerSecond(10, 200, 200)).toBeNull();
  });
});

describe("cost per run", () => {
  it("is usage × the provider's prices, averaged over runs", () => {
    const offer = { provider: "groq", status: "live", inputPrice: 0.15, outputPrice: 0.75 };
    const runs = [
      { promptTokens: 12, completionTokens: 64, totalTokens: 76 },
      { promptTokens: 12, completionTokens: 32, totalTokens: 44 },
    ].map((usage) => estimateCost(usage, offer)!.usd);
    expect(mean(runs)).toBeCloseTo((12 * 0.15 + 48 * 0.75) / 1_000_000, 12);
    expect(mean([])).toBeNull();
  });
});
