import { describe, expect, it } from "vitest";
import { diffConfigText } from "./diff";
import { MASK, redactConfigData, redactConfigText } from "./redact";

describe("secrets in openclaw.json", () => {
  const text = `{
  // comment
  gateway: { auth: { mode: "token", token: "gw-secret-1234567890" } },
  "models": { "providers": { "huggingface": { "apiKey": "hf_abcdefghijklmnop", baseUrl: "https://router.huggingface.co/v1" } } },
  note: 'pasted hf_ZYXWVUTSRQPONMLK here',
}`;
  it("masks secret-looking keys and hf_ tokens in text, keeping the rest byte for byte", () => {
    const out = redactConfigText(text, ["custom-secret-value"]);
    expect(out).not.toMatch(/gw-secret|hf_abcdefgh|hf_ZYXW/);
    expect(out).toContain(`token: "${MASK}"`);
    expect(out).toContain(`"apiKey": "${MASK}"`);
    expect(out).toContain('baseUrl: "https://router.huggingface.co/v1"');
    expect(out).toContain("// comment");
    expect(out).toContain('mode: "token"');
  });
  it("masks the same values in parsed data", () => {
    const data = { gateway: { auth: { token: "gw-secret" } }, list: ["hf_abcdefghijklmnop"], n: 1 };
    expect(redactConfigData(data)).toEqual({ gateway: { auth: { token: MASK } }, list: [`hf_${MASK}`], n: 1 });
  });
});

describe("config diff", () => {
  it("counts and numbers added and removed lines", () => {
    const diff = diffConfigText('{\n  "a": 1\n}\n', '{\n  "a": 2,\n  "b": 3\n}\n');
    expect(diff).toMatchObject({ changed: true, added: 2, removed: 1 });
    expect(diff.hunks[0].lines.find((l) => l.kind === "add")).toEqual({ kind: "add", text: '  "a": 2,', newLine: 2 });
    expect(diff.patch).toContain('+  "b": 3');
    expect(diffConfigText("x\n", "x\n")).toMatchObject({ changed: false, hunks: [], patch: "" });
  });
});
