// Pasted-token hygiene, shared by the form (instant feedback) and the server (the real gate).
// Clean-up follows OpenClaw's own: trim, drop a shell assignment, a trailing `;` and quotes.
// Messages never repeat the input: it may be a real secret.

/** User tokens are `hf_` + 34 letters/digits today; OAuth ones (`hf_oauth_…`) are longer. */
const TOKEN_PATTERN = /^hf_[A-Za-z0-9_]+$/;
const MIN_TOKEN_LENGTH = 11;
export const MAX_TOKEN_LENGTH = 256;
/** What the API accepts before clean-up (a pasted `export HF_TOKEN="…";` is longer than the token). */
export const MAX_TOKEN_INPUT_LENGTH = 1024;

export const TOKEN_SETTINGS_URL = "https://huggingface.co/settings/tokens";
export const NEW_TOKEN_URL =
  "https://huggingface.co/settings/tokens/new?ownUserPermissions=inference.serverless.write&tokenType=fineGrained";

export type TokenInputProblem =
  "empty" | "multiline" | "too_long" | "org_token" | "bearer" | "not_hf" | "bad_characters" | "too_short";

type TokenInputResult = { ok: true; token: string } | { ok: false; problem: TokenInputProblem; message: string };

// `NAME=value`, except when NAME is itself token-shaped: `hf_abc=hf_xyz` is a mangled paste, not
// an assignment, and must be refused rather than silently turned into the part after `=`.
const ASSIGNMENT = /^(?:export\s+)?(?!hf_|api_org_)[A-Za-z_][A-Za-z0-9_]*\s*=\s*(.+)$/;
// Any line break or control character, including the Unicode separators some editors paste.
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

function unquote(value: string): string {
  if (value.length >= 2) {
    const first = value[0];
    if ((first === '"' || first === "'" || first === "`") && value.endsWith(first)) return value.slice(1, -1);
  }
  return value;
}

function stripSemicolon(value: string): string {
  return value.endsWith(";") ? value.slice(0, -1).trimEnd() : value;
}

/** OpenClaw's clean-up: `  export HF_TOKEN="hf_x";  ` → `hf_x`. Does not validate. */
export function cleanTokenInput(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed === "") return "";
  const assignment = ASSIGNMENT.exec(trimmed);
  const value = assignment ? assignment[1].trim() : trimmed;
  return stripSemicolon(unquote(stripSemicolon(value)).trim()).trim();
}

function refuse(problem: TokenInputProblem, message: string): TokenInputResult {
  return { ok: false, problem, message };
}

/** Cleans then validates a pasted token; the message says what to do, never what was typed. */
export function parseTokenInput(raw: string): TokenInputResult {
  // Checked before clean-up so nothing can smuggle a second line into the .env file.
  if (LINE_BREAKING.test(raw.trim())) {
    return refuse(
      "multiline",
      "Paste the token on a single line: it contains a line break or another control character.",
    );
  }
  if (raw.length > MAX_TOKEN_INPUT_LENGTH) {
    return refuse(
      "too_long",
      `That is far longer than a Hugging Face token (at most ${MAX_TOKEN_LENGTH} characters). Paste only the token.`,
    );
  }
  const token = cleanTokenInput(raw);
  if (token === "") return refuse("empty", "Paste a Hugging Face token (it starts with hf_).");
  if (token.startsWith("api_org_")) {
    return refuse(
      "org_token",
      "Organization API tokens (api_org_…) are no longer accepted by Hugging Face. Create a user access token instead.",
    );
  }
  if (/^bearer\s/i.test(token)) {
    return refuse("bearer", "Paste only the token, without the word “Bearer”.");
  }
  if (!token.startsWith("hf_")) {
    return refuse(
      "not_hf",
      "Hugging Face user access tokens start with hf_. Copy the token from your Hugging Face settings.",
    );
  }
  if (token.length > MAX_TOKEN_LENGTH) {
    return refuse("too_long", `That is longer than any Hugging Face token (at most ${MAX_TOKEN_LENGTH} characters).`);
  }
  const bad = [...token].findIndex((char) => !/[A-Za-z0-9_]/.test(char));
  if (bad >= 0) {
    const position = bad + 1;
    return refuse(
      "bad_characters",
      `Character ${position} is not allowed: after hf_ a token has only letters, digits and underscores (no spaces, “=” or punctuation).`,
    );
  }
  if (token.length < MIN_TOKEN_LENGTH || !TOKEN_PATTERN.test(token)) {
    return refuse(
      "too_short",
      "That is too short to be a Hugging Face token; copy the whole token (about 37 characters).",
    );
  }
  return { ok: true, token };
}
