import { describe, expect, it } from "vitest";
import { applyChangeToSettings } from "./draft";
import { providerSwitchChange, usesModel } from "./provider-switch";

const OSS = "huggingface/openai/gpt-oss-120b";
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const base = {
  primary: OSS,
  fallbacks: [R1, `${OSS}:cheapest`],
  aliases: { [OSS]: "Big" } as Record<string, string>,
  allow: [OSS, R1, `${OSS}:cheapest`],
};

describe("use this provider", () => {
  it("puts the :provider suffix on every ref of the model, in place, with its alias", () => {
    const change = providerSwitchChange(base, "openai/gpt-oss-120b", "groq");
    expect(change).toEqual({
      primary: `${OSS}:groq`,
      fallbacks: [R1],
      allow: [`${OSS}:groq`, R1],
      aliases: { [`${OSS}:groq`]: "Big" },
    });
    const after = applyChangeToSettings(base, change!);
    expect(after.primary).toBe(`${OSS}:groq`);
    expect(after.aliases[`${OSS}:groq`]).toBe("Big");
    expect(after.allow.sort()).toEqual([`${OSS}:groq`, R1].sort());
  });

  it("changes a fallback in its place", () => {
    const change = providerSwitchChange(
      { ...base, primary: R1, fallbacks: [OSS], aliases: {} },
      "openai/gpt-oss-120b",
      "cerebras",
    );
    expect(change?.fallbacks).toEqual([`${OSS}:cerebras`]);
    expect(change?.primary).toBeUndefined();
  });

  it("is null for a model the configuration does not use, and when nothing would change", () => {
    expect(providerSwitchChange(base, "Qwen/Qwen3-8B", "groq")).toBeNull();
    expect(usesModel(base, "Qwen/Qwen3-8B")).toBe(false);
    expect(usesModel(base, "openai/gpt-oss-120b")).toBe(true);
    const pinned = { primary: `${OSS}:groq`, fallbacks: [], aliases: {}, allow: [`${OSS}:groq`] };
    expect(providerSwitchChange(pinned, "openai/gpt-oss-120b", "groq")).toBeNull();
  });
});
