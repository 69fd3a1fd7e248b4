import fc from "fast-check";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import { MASK, redactConfigData, redactConfigText } from "./redact";
import { restoreMasks, valuesOfUnparsable } from "./restore-masks";

const SAVED = {
  gateway: { mode: "local", auth: { mode: "token", token: "gw-secret-1234567890" } },
  env: { vars: { OPENAI_API_KEY: "sk-openai-0123456789", PLAIN: "visible", FROM: "${OPENAI_API_KEY}" } },
  models: {
    providers: {
      huggingface: {
        apiKey: { source: "env", provider: "default", id: "HF_TOKEN" },
        headers: { Authorization: "Bearer header-secret-value" },
      },
      other: { apiKey: "other-secret-value-12345", port: 1234 },
    },
  },
  channels: { pin: { accessToken: 12345678 } },
  notes: ["pasted hf_abcdefghijklmnop here"],
};

const shown = () => JSON5.parse(redactConfigText(JSON.stringify(SAVED, null, 2))) as Record<string, unknown>;

describe("masked values saved back", () => {
  it("gives every untouched mask its saved secret back, so an unchanged text is the saved file", () => {
    const result = restoreMasks(shown(), SAVED, []);
    expect(result.stray).toEqual([]);
    expect(result.data).toEqual(SAVED);
    // gateway token, OPENAI_API_KEY, Authorization, the other apiKey, the secret number, the hf_ token in a note
    expect(result.kept).toBe(6);
  });

  it("keeps a new value typed over a mask, and a mask moved elsewhere is stray", () => {
    const edited = shown() as typeof SAVED;
    edited.gateway.auth.token = "a-new-token-typed";
    (edited.env.vars as Record<string, string>).NEW_KEY = MASK;
    const result = restoreMasks(edited, SAVED, []);
    expect((result.data.gateway as typeof SAVED.gateway).auth.token).toBe("a-new-token-typed");
    expect(result.stray).toEqual(["env.vars.NEW_KEY"]);
  });

  it("a partly edited mask is stray, never half a secret", () => {
    const edited = shown() as typeof SAVED;
    edited.models.providers.other.apiKey = `${MASK}x`;
    expect(restoreMasks(edited, SAVED, []).stray).toEqual(["models.providers.other.apiKey"]);
  });

  it("shows SecretRef objects and ${VAR} references and keeps them as references", () => {
    const text = redactConfigText(JSON.stringify(SAVED));
    expect(text).toContain('"apiKey":{"source":"env","provider":"default","id":"HF_TOKEN"}');
    expect(text).toContain('"FROM":"${OPENAI_API_KEY}"');
    expect(redactConfigData(SAVED).models.providers.huggingface.apiKey).toEqual(
      SAVED.models.providers.huggingface.apiKey,
    );
  });

  it("masks what only looks like a SecretRef when its id could be a secret", () => {
    const data = {
      models: { providers: { x: { apiKey: { source: "exec", provider: "vault", id: "sk-live-9876543210" } } } },
    };
    expect(redactConfigData(data).models.providers.x.apiKey).toEqual({ source: "exec", provider: "vault", id: MASK });
  });

  it("restores a key that held a token (hf_ in a key) by matching its masked form", () => {
    const saved = { agents: { defaults: { models: { hf_abcdefghijklmnop: { alias: "x" } } } } };
    const edited = redactConfigData(saved);
    const result = restoreMasks(edited, saved, []);
    expect(result.data).toEqual(saved);
    expect(result.stray).toEqual([]);
  });

  it("never leaves a mask in the data it returns unless it reports it (property)", () => {
    const secretish = fc.oneof(
      fc.constant("token"),
      fc.constant("apiKey"),
      fc.constant("name"),
      fc.constant("password"),
    );
    const plain = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.integer());
    const config = (value: fc.Arbitrary<unknown>) =>
      fc.dictionary(secretish, fc.dictionary(secretish, value, { maxKeys: 3 }), { maxKeys: 3 });
    fc.assert(
      // A saved file holds no masks (the dashboard never writes one).
      fc.property(config(plain), config(fc.oneof(plain, fc.constant(MASK))), (saved, edited) => {
        const result = restoreMasks(edited, saved, []);
        const leftover = JSON.stringify(result.data).split(MASK).length - 1;
        expect(leftover).toBe(result.stray.length);
        // Restoring the file's own masked view gives the file back.
        const round = restoreMasks(redactConfigData(saved), saved, []);
        expect(round.data).toEqual(saved);
      }),
    );
  });
});

describe("the values of a file that does not parse", () => {
  it("reads what it can by place, arrays by index, and skips hostile keys", () => {
    const text = `{ a: { token: "t-1234567890", list: [1, "two", { k: true }] }, "__proto__": { x: 1 }, b: oops, c: null`;
    const values = valuesOfUnparsable(text);
    expect(values.a).toEqual({ token: "t-1234567890", list: [1, "two", { k: true }] });
    expect(values.c).toBeNull();
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(Object.hasOwn(values, "__proto__")).toBe(false);
  });

  it("stays linear on deep nesting: 200 000 open brackets are read without a stack or a path per level", () => {
    const deep = `${"[".repeat(200_000)}1`;
    expect(valuesOfUnparsable(deep)).toEqual({});
  });
});
