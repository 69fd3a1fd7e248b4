import { describe, expect, it } from "vitest";
import { planSetupChangeFromConfig } from "./setup-plan";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
describe("first-run plan", () => {
  it("adds the alias on a fresh config", () => {
    expect(planSetupChangeFromConfig({}, R1)).toEqual({
      change: { primary: R1, aliases: { [R1]: "Hugging Face" } },
      alias: { name: "Hugging Face", added: true },
    });
  });
  it("keeps an alias the ref already has", () => {
    const plan = planSetupChangeFromConfig({ agents: { defaults: { models: { [R1]: { alias: "R1" } } } } }, R1);
    expect(plan.change).toEqual({ primary: R1 });
    expect(plan.alias).toMatchObject({ name: "R1", added: false });
  });
  it("never duplicates the name when another ref holds it (any case)", () => {
    const plan = planSetupChangeFromConfig(
      { agents: { defaults: { models: { "huggingface/a/b": { alias: "hugging face" } } } } },
      R1,
    );
    expect(plan.change).toEqual({ primary: R1 });
    expect(plan.alias.reason).toContain("huggingface/a/b");
  });
});
