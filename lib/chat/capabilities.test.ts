import { describe, expect, it } from "vitest";
import type { CatalogModel } from "../catalog/types";
import { capabilitiesFor } from "./capabilities";
import { EMPTY_PARAMS, genericParams, toChatParams } from "./params";

const r1 = {
  id: "deepseek-ai/DeepSeek-R1",
  reasoning: true,
  contextWindow: 64000,
  providers: [
    {
      provider: "together",
      status: "live",
      contextLength: 163840,
      outputPrice: 7,
      throughput: 40,
      supportsStructuredOutput: true,
    },
    { provider: "fireworks-ai", status: "live", contextLength: 163840, outputPrice: 8, throughput: 45 },
    { provider: "novita", status: "live", contextLength: 64000, outputPrice: 2.5, throughput: 20 },
    { provider: "featherless-ai", status: "error" },
  ],
} as unknown as CatalogModel;

describe("capabilitiesFor", () => {
  it("follows the provider the policy picks", () => {
    expect(capabilitiesFor(r1, { kind: "fastest" })).toMatchObject({
      predicted: "fireworks-ai",
      structuredOutput: false,
      maxTokensLimit: 163840,
      reasoningEffort: true,
    });
    expect(capabilitiesFor(r1, { kind: "auto" }).predicted).toBe("fireworks-ai");
    expect(capabilitiesFor(r1, { kind: "cheapest" })).toMatchObject({ predicted: "novita", maxTokensLimit: 64000 });
    expect(capabilitiesFor(r1, { kind: "provider", provider: "together" })).toMatchObject({
      structuredOutput: true,
      predicted: "together",
    });
  });

  it("with :preferred, offers only what every live provider supports", () => {
    expect(capabilitiesFor(r1, { kind: "preferred" })).toMatchObject({
      structuredOutput: false,
      maxTokensLimit: 64000,
      predicted: undefined,
    });
  });

  it("flags a pinned provider that does not serve the model", () => {
    expect(capabilitiesFor(r1, { kind: "provider", provider: "featherless-ai" }).pinnedUnavailable).toBe(
      "featherless-ai",
    );
  });

  it("offers only generic parameters for an unknown model", () => {
    expect(capabilitiesFor(undefined, { kind: "auto" })).toMatchObject({
      known: false,
      reasoningEffort: false,
      structuredOutput: false,
    });
  });
});

describe("toChatParams", () => {
  const caps = capabilitiesFor(r1, { kind: "cheapest" });

  it("converts what is typed and drops what the model does not support", () => {
    const { params, errors } = toChatParams(
      {
        ...EMPTY_PARAMS,
        temperature: "0.5",
        maxTokens: "100",
        stop: "END\n\nSTOP",
        seed: "7",
        reasoningEffort: "low",
        jsonOutput: true,
      },
      caps,
    );
    expect(errors).toEqual({});
    expect(params).toEqual({
      temperature: 0.5,
      max_tokens: 100,
      stop: ["END", "STOP"],
      seed: 7,
      reasoning_effort: "low",
    });
    expect(genericParams(params)).toEqual({ temperature: 0.5, stop: ["END", "STOP"], seed: 7 });
  });

  it("bounds max_tokens by the context and refuses bad values", () => {
    const { errors } = toChatParams(
      { ...EMPTY_PARAMS, temperature: "3", topP: "0", maxTokens: "64001", seed: "1.5", stop: "a\nb\nc\nd\ne" },
      caps,
    );
    expect(Object.keys(errors).sort()).toEqual(["maxTokens", "seed", "stop", "temperature", "topP"]);
  });

  it("sends JSON output only where structured output is supported", () => {
    const pinned = capabilitiesFor(r1, { kind: "provider", provider: "together" });
    expect(toChatParams({ ...EMPTY_PARAMS, jsonOutput: true }, pinned).params.response_format).toEqual({
      type: "json_object",
    });
  });
});
