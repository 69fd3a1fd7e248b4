import { describe, expect, it } from "vitest";
import { buildRef, parseRef, REF_PATTERN } from "./model-ref";

describe("model refs", () => {
  it("splits prefix, id and policy suffix", () => {
    expect(parseRef("huggingface/deepseek-ai/DeepSeek-R1")).toMatchObject({
      hasPrefix: true,
      modelId: "deepseek-ai/DeepSeek-R1",
      policy: { kind: "auto" },
      routerModel: "deepseek-ai/DeepSeek-R1",
    });
    expect(parseRef("huggingface/openai/gpt-oss-120b:cheapest")).toMatchObject({
      modelId: "openai/gpt-oss-120b",
      policy: { kind: "cheapest" },
      routerModel: "openai/gpt-oss-120b:cheapest",
    });
    expect(parseRef("huggingface/openai/gpt-oss-120b:groq").policy).toEqual({ kind: "provider", provider: "groq" });
    expect(parseRef("Qwen/Qwen3-8B").hasPrefix).toBe(false);
  });
  it("builds what it parses", () => {
    for (const ref of [
      "huggingface/a/b",
      "huggingface/a/b:fastest",
      "huggingface/a/b:preferred",
      "huggingface/a/b:together",
    ]) {
      const parsed = parseRef(ref);
      expect(buildRef(parsed.modelId, parsed.policy)).toBe(ref);
    }
  });
  it("accepts real refs and refuses junk", () => {
    expect(REF_PATTERN.test("huggingface/meta-llama/Llama-3.3-70B-Instruct:fireworks-ai")).toBe(true);
    for (const bad of ["", "huggingface/", "a b/c", "huggingface/a/b\n", "huggingface/a/b:Fast est"])
      expect(REF_PATTERN.test(bad), bad).toBe(false);
  });
});
