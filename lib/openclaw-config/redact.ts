// openclaw.json holds other tools' secrets too (provider keys, bot tokens, the gateway token, an
// hf_ token pasted by hand). Everything the dashboard shows or serves from the file passes through
// here first, text and parsed data alike, so no secret leaves the server. What counts as a secret
// is in secret-paths.ts (OpenClaw's own rules); json5-scan.ts finds each value in the text, so the
// masked text is the user's file byte for byte except for the secret values themselves.
import { scanJson5, type Json5Token } from "./json5-scan";
import { childContext, isSecretValue, ROOT_CONTEXT, type SecretContext } from "./secret-paths";

export const MASK = "••••••••";
/** Linear: a literal prefix, then one greedy class with nothing after it to backtrack into. */
const HF_TOKEN = /\b(hf_|api_org_)[A-Za-z0-9_]{8,}/g;
const MIN_KNOWN_SECRET = 8;
const NEEDS_ESCAPE = /[\\"'\u0000-\u001f\u2028\u2029]/g;

/** Masks hf_/api_org_ tokens and the known secret values (the token in effect) anywhere in a text. */
export function maskSecrets(text: string, extraSecrets: readonly string[] = []): string {
  let out = text.replace(HF_TOKEN, (_match, prefix: string) => `${prefix}${MASK}`);
  for (const secret of extraSecrets) {
    if (secret.length >= MIN_KNOWN_SECRET && out.includes(secret)) out = out.split(secret).join(MASK);
  }
  return out;
}

/** `value` as a JSON5 string literal in `quote`. */
function quoted(value: string, quote: '"' | "'"): string {
  const body = value.replace(NEEDS_ESCAPE, (char) =>
    char === quote || char === "\\"
      ? `\\${char}`
      : char === '"' || char === "'"
        ? char
        : `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `${quote}${body}${quote}`;
}

/** What a secret value is written as: the mask in the value's own quotes (numbers get double ones). */
function maskedLiteral(token: Json5Token): string {
  if (!token.closed)
    return token.value.startsWith("'") || token.value.startsWith('"') ? `${token.value[0]}${MASK}` : MASK;
  return token.kind === "string" ? `${token.quote}${MASK}${token.quote}` : `"${MASK}"`;
}

/**
 * The file's text with every secret value replaced by MASK, and hf_ tokens and `extraSecrets` masked
 * wherever they are (comments and keys included). Comments, order, quotes and spacing are kept; a key
 * or a string that spells a secret with escapes is rewritten as a plain string. Works on a file that
 * does not parse as well (see json5-scan.ts), and on its own output (it is idempotent).
 */
export function redactConfigText(text: string, extraSecrets: readonly string[] = []): string {
  const pieces: string[] = [];
  let copied = 0;
  const replace = (token: Json5Token, replacement: string) => {
    pieces.push(text.slice(copied, token.start), replacement);
    copied = token.end;
  };
  scanJson5<SecretContext>(text, {
    root: ROOT_CONTEXT,
    child: childContext,
    item: (parent) => parent,
    key(token) {
      // A bare key holding a token would not stay a valid identifier once masked: quote it.
      const masked = maskSecrets(token.value, extraSecrets);
      if (masked !== token.value) replace(token, quoted(masked, token.quote ?? '"'));
    },
    value(token, context) {
      if (token.kind === "literal") return;
      const value = token.kind === "number" && token.closed ? Number(token.value) : token.value;
      if (isSecretValue(context, value)) {
        replace(token, maskedLiteral(token));
      } else if (token.kind === "string" && token.escaped) {
        const masked = maskSecrets(token.value, extraSecrets);
        if (masked !== token.value) replace(token, quoted(masked, token.quote ?? '"'));
      }
    },
  });
  pieces.push(text.slice(copied));
  return maskSecrets(pieces.join(""), extraSecrets);
}

/** `value` (at `context` in the file) as the masked file shows it. */
export function redactValue(value: unknown, context: SecretContext, extraSecrets: readonly string[]): unknown {
  if (isSecretValue(context, value)) return MASK;
  if (typeof value === "string") return maskSecrets(value, extraSecrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, context, extraSecrets));
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, maskSecrets(key, extraSecrets), {
      value: redactValue(item, childContext(context, key), extraSecrets),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** The parsed file with the same values masked as redactConfigText masks in the text. */
export function redactConfigData<T>(value: T, extraSecrets: readonly string[] = []): T {
  return redactValue(value, ROOT_CONTEXT, extraSecrets) as T;
}
