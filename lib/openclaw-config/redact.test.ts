import fc from "fast-check";
import JSON5 from "json5";
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

describe("secrets of other tools, masked as OpenClaw's config.get does", () => {
  const file = `// my setup
{
  env: {
    vars: {
      OPENAI_API_KEY: "sk-openai-0123456789",
      GROQ_API_KEY: "gsk_groq_0123456789",
      MY_SERVICE_SECRET: "service-secret-value",
      SOME_TOKEN: "some-token-value",
      DB_PASSWD: "db-passwd-value",
      PLAIN_VAR: "plain-visible",
      FROM_ENV: "\${OPENAI_API_KEY}",
    },
  },
  channels: { telegram: { botToken: "123456789:telegram-bot-token" /* from BotFather */ } },
  auth: { profiles: { "openai:me": { refreshToken: "refresh-token-value", maxTokens: 4096, passwordFile: "/run/pw" } } },
  models: {
    providers: {
      openai: {
        baseUrl: "https://user:url-password@api.example.com/v1",
        headers: { Authorization: "Bearer header-bearer-value", Cookie: "session=cookie-value", "X-Trace": "trace-visible" },
        models: [{ id: "gpt", contextTokens: 128000, maxTokens: 8192 }],
      },
      other: { baseUrl: "https://api.example.org/v1?api_key=query-key-value", apiKey: { source: "env", id: "OTHER_KEY" } },
      huggingface: { baseUrl: "https://router.huggingface.co/v1", "api\\u004bey" /* c */ : /* d */ "escaped-key-value" },
    },
  },
  gateway: { auth: { mode: "token", token: 12345678901 }, password: 987654321 },
  plugins: { entries: { x: { config: { localService: { env: { ANYTHING: "local-service-env-value" } } } } } },
  serviceAccount: { client_email: "bot@example.com", private_key: "-----BEGIN private-key-value" },
  secrets: { vault: { unlock: "vault-unlock-value" } },
}
`;
  const SECRETS = [
    "sk-openai-0123456789",
    "gsk_groq_0123456789",
    "service-secret-value",
    "some-token-value",
    "db-passwd-value",
    "telegram-bot-token",
    "refresh-token-value",
    "url-password",
    "header-bearer-value",
    "cookie-value",
    "query-key-value",
    "escaped-key-value",
    "12345678901",
    "987654321",
    "local-service-env-value",
    "bot@example.com",
    "private-key-value",
    "vault-unlock-value",
  ];
  const VISIBLE = [
    "plain-visible",
    "${OPENAI_API_KEY}",
    "/run/pw",
    "4096",
    "128000",
    "8192",
    "trace-visible",
    "https://router.huggingface.co/v1",
    "// my setup",
    "/* from BotFather */",
    'mode: "token"',
  ];

  it("masks them in the text and keeps everything else as written", () => {
    const out = redactConfigText(file);
    for (const secret of SECRETS) expect(out).not.toContain(secret);
    for (const visible of VISIBLE) expect(out).toContain(visible);
    expect(out).toContain(`botToken: "${MASK}" /* from BotFather */`);
    expect(out).toContain(`"api\\u004bey" /* c */ : /* d */ "${MASK}"`);
    expect(out).toContain(`token: "${MASK}" }, password: "${MASK}"`);
    expect(out).toContain(`baseUrl: "${MASK}",\n        headers`);
    expect(out.split("\n").length).toBe(file.split("\n").length);
  });

  it("masks the same values in the parsed data", () => {
    const data = redactConfigData(JSON5.parse(file));
    const text = JSON.stringify(data);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(data.env.vars).toEqual({
      OPENAI_API_KEY: MASK,
      GROQ_API_KEY: MASK,
      MY_SERVICE_SECRET: MASK,
      SOME_TOKEN: MASK,
      DB_PASSWD: MASK,
      PLAIN_VAR: "plain-visible",
      FROM_ENV: "${OPENAI_API_KEY}",
    });
    expect(data.auth.profiles["openai:me"]).toEqual({ refreshToken: MASK, maxTokens: 4096, passwordFile: "/run/pw" });
    expect(data.models.providers.openai.baseUrl).toBe(MASK);
    expect(data.models.providers.openai.headers).toEqual({
      Authorization: MASK,
      Cookie: MASK,
      "X-Trace": "trace-visible",
    });
    expect(data.models.providers.huggingface).toEqual({ baseUrl: "https://router.huggingface.co/v1", apiKey: MASK });
    expect(data.gateway).toEqual({ auth: { mode: "token", token: MASK }, password: MASK });
  });

  it.each([
    ["https://user:pw@host/v1", true],
    ["https://host/v1?api_key=x", true],
    ["https://host/v1?key=x", true],
    ["https://host/v1?X-Amz-Signature=x", true],
    ["https://host/cb#access_token=x", true],
    ["http://user@host", true],
    ["postgres://user:pass word@db/x", true],
    ["https://router.huggingface.co/v1", false],
    ["https://host/v1?model=x&stream=true", false],
    ["not a url user:pw@host", false],
  ])("a URL value %s is masked: %s", (url, masked) => {
    expect(redactConfigData({ notes: { link: url } }).notes.link === MASK).toBe(masked);
    expect(redactConfigText(`{ link: "${url}" }`) === `{ link: "${MASK}" }`).toBe(masked);
  });

  it("keeps the hf_ token and known-secret masking everywhere, comments and keys included", () => {
    const text = `{ // hf_CommentToken0123456789
  hf_KeyToken0123456789: 1,
  note: "known-secret-value and hf_ValueToken0123456789",
  esc: "hf\\u005fEscapedToken0123456789",
}`;
    const out = redactConfigText(text, ["known-secret-value"]);
    expect(out).not.toMatch(/CommentToken|KeyToken|ValueToken|EscapedToken|known-secret-value/);
    expect(out).toContain(`"hf_${MASK}": 1`); // a bare key that held a token is quoted, so the file still parses
    expect(JSON5.parse(out)).toEqual({ [`hf_${MASK}`]: 1, note: `${MASK} and hf_${MASK}`, esc: `hf_${MASK}` });
  });

  it("masks what a broken file holds under a secret key, and still shows the rest", () => {
    const out = redactConfigText('{\n  apiKey: sk-unquoted-secret,\n  token: "cut-short-secret\n  name: "visible",\n');
    expect(out).not.toMatch(/unquoted-secret|cut-short-secret/);
    expect(out).toContain('name: "visible"');
  });

  it("masks a 2 MB file with long strings in one linear pass", () => {
    // Long strings in arrays and under keys with a "/" (model refs): the old regex tried every
    // position inside them as a key, 0.5 s for 20 kB, minutes for this file.
    const long = "a".repeat(100_000);
    const secret = "s".repeat(20_000);
    const entries = Array.from({ length: 19 }, (_, i) =>
      i % 2 ? `  "huggingface/org/model-${i}": "${long}",` : `  "list${i}": ["${long}"],`,
    );
    const text = `{\n${entries.join("\n")}\n  apiKey: "${secret}",\n  words: "${"word ".repeat(20_000)}",\n}\n`;
    expect(text.length).toBeGreaterThan(2_000_000);
    const out = redactConfigText(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(`apiKey: "${MASK}"`);
    expect(out.length).toBe(text.length - secret.length + MASK.length);
    expect(redactConfigData(JSON5.parse(text)).apiKey).toBe(MASK);
  });
});

// Generated files: each value is a secret (its key is one of SECRET_KEYS) or plainly not one; keys,
// quotes, numbers, comments and spacing are written in every style JSON5 allows.
const SECRET_KEYS = [
  "apiKey",
  "token",
  "botToken",
  "refreshToken",
  "password",
  "clientSecret",
  "privateKey",
  "OPENAI_API_KEY",
  "api-key",
];
const PLAIN_KEYS = ["name", "mode", "alias", "primary", "enabled", "tokens", "x", "PLAIN_VAR", "über"];
/** Exceptions: a value right under them is shown (beneath "passwordFile", OpenClaw's "password" rule applies). */
const EXCEPTED_KEYS = ["maxTokens", "passwordFile", "contextTokens", "tokenCount"];
const trivia = fc.constantFrom("", " ", "\n  ", "\t", "/* c */", " // line\n", "\r\n");

function escapeChar(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

const keyText = (key: string) =>
  fc.constantFrom("bare", "double", "single", "escaped").map((style) => {
    const bare = /^[A-Za-z_$][\w$]*$/.test(key) || key === "über";
    if (style === "bare" && bare) return key;
    if (style === "escaped" && bare) return `${escapeChar(key[0])}${key.slice(1)}`;
    if (style === "single") return `'${key}'`;
    return `"${key.replace(/^./, (c) => (style === "escaped" ? escapeChar(c) : c))}"`;
  });

// Never blank: a blank value has nothing to hide and stays as it is.
const plainString = fc
  .string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(..."abc XYZ09-'\"\\é") })
  .filter((value) => value.trim() !== "");
const stringLiteral = fc
  .tuple(plainString, fc.constantFrom('"', "'"), fc.boolean())
  .map(([value, quote, escapeLetters]) => {
    const body = [...value]
      .map((c) => (c === quote || c === "\\" ? `\\${c}` : escapeLetters && /[a-z]/.test(c) ? escapeChar(c) : c))
      .join("");
    return `${quote}${body}${quote}`;
  });
const numberLiteral = fc.constantFrom(
  "0",
  "42",
  "-7",
  "+3",
  "1.5e3",
  ".5",
  "5.",
  "0x1F",
  "Infinity",
  "-Infinity",
  "NaN",
);
const primitive = fc.oneof(stringLiteral, numberLiteral);

interface Piece {
  text: string;
  masked: string;
}
const same = (text: string): Piece => ({ text, masked: text });
const join = (parts: Piece[]): Piece => ({
  text: parts.map((p) => p.text).join(""),
  masked: parts.map((p) => p.masked).join(""),
});

const { doc } = fc.letrec<{ doc: Piece; value: Piece; member: Piece }>((tie) => ({
  member: fc.oneof(
    fc.tuple(fc.constantFrom(...SECRET_KEYS).chain(keyText), trivia, trivia, primitive).map(([key, a, b, literal]) => {
      const mask = literal.startsWith("'") ? `'${MASK}'` : `"${MASK}"`;
      return join([same(`${key}${a}:${b}`), { text: literal, masked: mask }]);
    }),
    fc
      .tuple(fc.constantFrom(...PLAIN_KEYS).chain(keyText), trivia, trivia, tie("value"))
      .map(([key, a, b, value]) => join([same(`${key}${a}:${b}`), value as Piece])),
    fc
      .tuple(fc.constantFrom(...EXCEPTED_KEYS).chain(keyText), trivia, trivia, primitive)
      .map(([key, a, b, literal]) => same(`${key}${a}:${b}${literal}`)),
  ),
  value: fc.oneof(
    { depthSize: "small" },
    primitive.map(same),
    fc.constantFrom("true", "false", "null").map(same),
    tie("doc"),
    fc
      .tuple(fc.array(tie("value"), { maxLength: 3 }), trivia, fc.boolean())
      .map(([items, t, trailing]) =>
        join([
          same(`[${t}`),
          ...(items as Piece[]).flatMap((item, i) => [...(i ? [same(`,${t}`)] : []), item]),
          same(trailing && items.length ? ",]" : "]"),
        ]),
      ),
  ),
  doc: fc
    .tuple(fc.array(tie("member"), { maxLength: 5 }), trivia, fc.boolean())
    .map(([members, t, trailing]) =>
      join([
        same(`{${t}`),
        ...(members as Piece[]).flatMap((m, i) => [...(i ? [same(`,${t}`)] : []), m]),
        same(`${t}${trailing && members.length ? "," : ""}}`),
      ]),
    ),
}));

const sensitiveKey = fc.constantFrom(
  "apiKey",
  "token",
  "password",
  "secret",
  "Authorization",
  "env",
  "vars",
  "OPENAI_API_KEY",
  "PLAIN",
  "baseUrl",
  "maxTokens",
  "localService",
  "hf_KeyToken0123456789",
);
const leaf = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom(
    "https://u:p@h/v1",
    "https://h/v1?token=x",
    "https://h/v1",
    "${VAR}",
    " ",
    "",
    "hf_LeafToken0123456789",
    "known-secret-value",
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const config = fc.object({ key: fc.oneof(sensitiveKey, fc.string({ maxLength: 6 })), values: [leaf], maxDepth: 4 });

describe("redactConfigText, properties", () => {
  it("changes nothing but the secret values", () => {
    fc.assert(
      fc.property(doc, trivia, ({ text, masked }, lead) => {
        expect(redactConfigText(lead + text)).toBe(lead + masked);
      }),
      { numRuns: 500 },
    );
  });

  it("parses with json5 to the masked data: the same structure, secrets replaced", () => {
    fc.assert(
      fc.property(config, fc.constantFrom(0, 2), fc.boolean(), (value, space, json5) => {
        const text = json5 ? JSON5.stringify(value, null, space) : JSON.stringify(value, null, space);
        const extra = ["known-secret-value"];
        expect(JSON5.parse(redactConfigText(text, extra))).toEqual(redactConfigData(JSON5.parse(text), extra));
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(doc, ({ text }) => {
        expect(JSON5.parse(redactConfigText(text))).toEqual(redactConfigData(JSON5.parse(text)));
      }),
      { numRuns: 300 },
    );
  });

  it("is idempotent, on broken files too", () => {
    const anyText = fc.oneof(
      doc.map((d) => d.text),
      config.map((c) => JSON5.stringify(c, null, 2)),
      fc.string({ maxLength: 120, unit: fc.constantFrom(..."{}[]:,\"'\\/* \napiKey token hf_0123456789 x") }),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const once = redactConfigText(text, ["known-secret-value"]);
        expect(redactConfigText(once, ["known-secret-value"])).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });
});
