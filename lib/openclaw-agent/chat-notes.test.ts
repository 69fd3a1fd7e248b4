import { describe, expect, it } from "vitest";
import { chatAgentNotes } from "./chat-notes";

const P = "huggingface/deepseek-ai/DeepSeek-V3.1:fastest";
const F = "huggingface/Qwen/Qwen3-8B";
const GLM = "huggingface/zai-org/GLM-4.5";
const policy = (refs: string[]) => ({ path: "agents.defaults.modelPolicy.allow" as const, refs });

describe("chatAgentNotes", () => {
  it("says nothing for an allowed model when there is no fallback to miss", () => {
    expect(chatAgentNotes(P, { primary: P, fallbacks: [], allowlist: policy([]) })).toEqual([]);
    expect(chatAgentNotes(F, { primary: null, fallbacks: [F], allowlist: policy([F]) })).toEqual([]);
  });

  it("warns that a model outside the allowlist is refused as an explicit choice", () => {
    const [note] = chatAgentNotes(GLM, { primary: P, fallbacks: [], allowlist: policy([F]) });
    expect(note).toEqual({
      kind: "not_allowed",
      message: `The agent would not use ${GLM}: it is not in agents.defaults.modelPolicy.allow, the allowlist that applies to your openclaw.json. Chosen with /model, the model picker or --model, OpenClaw refuses it before calling the router.`,
    });
  });

  it("says the configured primary is still used when it is outside the allowlist", () => {
    const notes = chatAgentNotes(P, {
      primary: P,
      fallbacks: [],
      allowlist: { path: "agents.defaults.models", refs: [F] },
    });
    expect(notes.map((n) => n.message)).toEqual([
      `${P} is not in agents.defaults.models, the allowlist that applies to your openclaw.json: the agent uses it as your primary, but refuses it when it is chosen with /model, the model picker or --model.`,
    ]);
  });

  it("warns that an explicit choice gets no fallback, naming the fallbacks it would miss", () => {
    const notes = chatAgentNotes(P, { primary: P, fallbacks: [F, GLM], allowlist: policy([]) });
    expect(notes).toHaveLength(1);
    expect(notes[0].kind).toBe("no_fallback");
    expect(notes[0].message).toContain(`instead of trying ${F}, ${GLM}.`);
    // A fallback chosen explicitly loses the rest of the chain, the primary included.
    expect(chatAgentNotes(F, { primary: P, fallbacks: [F, GLM], allowlist: policy([]) })[0].message).toContain(
      `instead of trying ${P}, ${GLM}.`,
    );
  });

  it("checks the allowlist only when the file's allowlist is known", () => {
    expect(chatAgentNotes(GLM, { primary: P, fallbacks: [] })).toEqual([]);
  });
});
