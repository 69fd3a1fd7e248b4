import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readEnvVar, setEnvVar } from "./env-lines";
import { MAX_TOKEN_LENGTH, cleanTokenInput, parseTokenInput, type TokenInputProblem } from "./token-input";

// A real user token is hf_ + 34 letters/digits.
const REAL = "hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567";
const OAUTH = "hf_oauth_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";

const tokenChar = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");
const validToken = fc.string({ unit: tokenChar, minLength: 8, maxLength: 120 }).map((rest) => `hf_${rest}`);

function problem(raw: string): TokenInputProblem | "ok" {
  const result = parseTokenInput(raw);
  return result.ok ? "ok" : result.problem;
}

describe("cleanTokenInput (OpenClaw's clean-up)", () => {
  it.each([
    [`  ${REAL}  `, REAL],
    [`${REAL}\n`, REAL],
    [`export HF_TOKEN=${REAL}`, REAL],
    [`export HF_TOKEN="${REAL}";`, REAL],
    [`HUGGINGFACE_HUB_TOKEN = '${REAL}'`, REAL],
    [`"${REAL}"`, REAL],
    [`\`${REAL}\``, REAL],
    [`${REAL};`, REAL],
    [`"${REAL};"`, REAL],
    ["", ""],
    ["   ", ""],
  ])("cleans %j", (raw, expected) => {
    expect(cleanTokenInput(raw)).toBe(expected);
  });

  it("leaves a lone quote alone", () => {
    expect(cleanTokenInput('"')).toBe('"');
  });
});

describe("parseTokenInput", () => {
  it("accepts real token shapes, including OAuth tokens", () => {
    expect(parseTokenInput(REAL)).toEqual({ ok: true, token: REAL });
    expect(parseTokenInput(OAUTH)).toEqual({ ok: true, token: OAUTH });
    expect(parseTokenInput(`export HF_TOKEN='${OAUTH}';`)).toEqual({ ok: true, token: OAUTH });
  });

  it.each<[string, TokenInputProblem]>([
    ["", "empty"],
    ["  \t ", "empty"],
    ['""', "empty"],
    ["export HF_TOKEN=''", "empty"],
    [`${REAL}\nOPENAI_API_KEY=sk-x`, "multiline"],
    [`${REAL}\rX=1`, "multiline"],
    [`${REAL}\u2028X=1`, "multiline"],
    [`hf_abc\u0000defghijkl`, "multiline"],
    ["api_org_AbCdEfGhIjKlMnOpQrStUvWxYz0123", "org_token"],
    [`Bearer ${REAL}`, "bearer"],
    ["sk-proj-abcdefghijklmnop", "not_hf"],
    ["HF_AbCdEfGhIjKlMnOp", "not_hf"],
    [`x${REAL}`, "not_hf"],
    [`${REAL}=extra`, "bad_characters"],
    [`HF_TOKEN=${REAL}=x`, "bad_characters"],
    [`hf_abcdefghijkl=${REAL}`, "bad_characters"],
    ["hf_abc def ghijklmno", "bad_characters"],
    ["hf_abcdefghij-klmno", "bad_characters"],
    ["hf_abcdefghijklmnoé", "bad_characters"],
    ["hf_abcdefghij\u200bklm", "bad_characters"],
    ["hf_аbcdefghijklm", "bad_characters"], // Cyrillic а
    ["hf_", "too_short"],
    ["hf_abc", "too_short"],
    [`hf_${"a".repeat(MAX_TOKEN_LENGTH)}`, "too_long"],
    [`hf_${"a".repeat(5000)}`, "too_long"],
  ])("refuses %j as %s", (raw, expected) => {
    expect(problem(raw)).toBe(expected);
  });

  it("points at the bad character by position, never by value", () => {
    const result = parseTokenInput("hf_secretpart=moresecret");
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain("Character 14");
      expect(result.message).not.toContain("secret");
    }
  });

  it("accepts every well-formed token, wrapped in any OpenClaw-style decoration", () => {
    const decorate = fc.constantFrom(
      (t: string) => t,
      (t: string) => `  ${t}\n`,
      (t: string) => `export HF_TOKEN=${t}`,
      (t: string) => `HF_TOKEN="${t}";`,
      (t: string) => `'${t}'`,
    );
    fc.assert(
      fc.property(validToken, decorate, (token, wrap) => {
        expect(parseTokenInput(wrap(token))).toEqual({ ok: true, token });
      }),
    );
  });

  it("whatever is accepted is one safe .env line that reads back unchanged", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 60 }), (a, b) => {
        for (const raw of [a, `hf_${b}`, `export HF_TOKEN="hf_${a}";`]) {
          const result = parseTokenInput(raw);
          if (!result.ok) {
            if (raw.trim().length >= 8) expect(result.message).not.toContain(raw.trim());
            continue;
          }
          expect(result.token).toMatch(/^hf_[A-Za-z0-9_]{8,}$/);
          expect(result.token.length).toBeLessThanOrEqual(MAX_TOKEN_LENGTH);
          const file = setEnvVar("# keep\nA=1\n", "HF_TOKEN", result.token);
          expect(file.split("\n")).toHaveLength(4);
          expect(readEnvVar(file, "HF_TOKEN")).toBe(result.token);
          expect(readEnvVar(file, "A")).toBe("1");
        }
      }),
      { numRuns: 500 },
    );
  });

  it("never throws, whatever is pasted", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 2000 }), (raw) => {
        const result = parseTokenInput(raw);
        expect(typeof result.ok).toBe("boolean");
      }),
    );
  });
});
