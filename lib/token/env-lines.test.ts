import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readEnvVar, removeEnvVar, setEnvVar } from "./env-lines";

const FILE = "# my keys\nOPENAI_API_KEY=sk-1\n\nexport HF_TOKEN='hf_old'\nOTHER=\"x y\" # note\n";

describe("env lines", () => {
  it("reads plain, exported and quoted values", () => {
    expect(readEnvVar(FILE, "HF_TOKEN")).toBe("hf_old");
    expect(readEnvVar(FILE, "OTHER")).toBe("x y");
    expect(readEnvVar(FILE, "OPENAI_API_KEY")).toBe("sk-1");
    expect(readEnvVar(FILE, "MISSING")).toBeUndefined();
  });

  it("replaces only the managed line and keeps every other line byte for byte", () => {
    const next = setEnvVar(FILE, "HF_TOKEN", "hf_new");
    expect(next).toBe('# my keys\nOPENAI_API_KEY=sk-1\n\nHF_TOKEN=hf_new\nOTHER="x y" # note\n');
  });

  it("appends when missing, before the final newline", () => {
    expect(setEnvVar("A=1\n", "HF_TOKEN", "hf_x")).toBe("A=1\nHF_TOKEN=hf_x\n");
    expect(setEnvVar("", "HF_TOKEN", "hf_x")).toBe("HF_TOKEN=hf_x\n");
    expect(setEnvVar("A=1", "HF_TOKEN", "hf_x")).toBe("A=1\nHF_TOKEN=hf_x\n");
  });

  it("removes only that variable", () => {
    expect(removeEnvVar(FILE, "HF_TOKEN")).toBe('# my keys\nOPENAI_API_KEY=sk-1\n\nOTHER="x y" # note\n');
  });

  it("set then read round-trips and never touches other variables", () => {
    const name = fc.stringMatching(/^[A-Z][A-Z0-9_]{0,10}$/).filter((n) => n !== "HF_TOKEN");
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, fc.stringMatching(/^[a-z0-9]{0,8}$/)), { maxLength: 6 }),
        fc.stringMatching(/^hf_[A-Za-z0-9]{4,20}$/),
        (pairs, token) => {
          const text = pairs.map(([k, v]) => `${k}=${v}`).join("\n") + "\n";
          const next = setEnvVar(text, "HF_TOKEN", token);
          expect(readEnvVar(next, "HF_TOKEN")).toBe(token);
          for (const [k] of pairs) expect(readEnvVar(next, k)).toBe(readEnvVar(text, k));
          expect(removeEnvVar(next, "HF_TOKEN")).toBe(text);
        },
      ),
    );
  });
});
