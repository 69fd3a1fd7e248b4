import { describe, expect, it } from "vitest";
import type { CatalogModel } from "../catalog/types";
import { estimateCost, findOffer, formatUsd } from "./cost";

const model = {
  id: "openai/gpt-oss-120b",
  providers: [
    { provider: "groq", status: "live", inputPrice: 0.15, outputPrice: 0.75 },
    { provider: "nscale", status: "live" },
  ],
} as unknown as CatalogModel;

describe("cost", () => {
  it("prices prompt and completion tokens with the serving provider's prices", () => {
    const offer = findOffer([model], "openai/gpt-oss-120b", "groq");
    const cost = estimateCost({ promptTokens: 1_000_000, completionTokens: 2_000_000, totalTokens: 3_000_000 }, offer);
    expect(cost?.usd).toBeCloseTo(0.15 + 1.5);
  });

  it("gives no estimate without pricing, usage or provider", () => {
    expect(
      estimateCost(
        { promptTokens: 1, completionTokens: 1, totalTokens: 2 },
        findOffer([model], "openai/gpt-oss-120b", "nscale"),
      ),
    ).toBeNull();
    expect(estimateCost(undefined, findOffer([model], "openai/gpt-oss-120b", "groq"))).toBeNull();
    expect(findOffer([model], "openai/gpt-oss-120b", null)).toBeUndefined();
  });

  it("formats tiny amounts readably", () => {
    expect(formatUsd(0)).toBe("$0");
    expect(formatUsd(1.65)).toBe("$1.6500");
    expect(formatUsd(0.0000123)).toBe("$0.0000123");
    expect(formatUsd(4.2e-9)).not.toContain("e");
  });
});
