// Token behaviour is picked by substrings of the token, so a test chooses a scenario just by the
// token it types into the dashboard, without any control call.

export const FAKE_USER = "fake-user";
export const INFERENCE_PERMISSION = "inference.serverless.write";

export type TokenRole = "read" | "write" | "fineGrained";

export interface FineGrained {
  canReadGatedRepos: boolean;
  global: string[];
  scoped: { entity: { type: "user" | "org"; name: string }; permissions: string[] }[];
}

export interface TokenProfile {
  token: string;
  role: TokenRole;
  fineGrained?: FineGrained;
  /** Whether the router lets this token call chat completions (403 otherwise). */
  canCallInference: boolean;
  /** Router chat answers 402. */
  noCredit: boolean;
  /** whoami never answers. */
  slowHub: boolean;
}

export type AuthResult = { kind: "missing" } | { kind: "invalid" } | { kind: "valid"; profile: TokenProfile };

// User tokens are hf_ + letters/digits; hf_oauth_… contains underscores, so allow them too.
const TOKEN_RE = /^hf_[A-Za-z0-9_]+$/;

function fineGrained(global: string[], userPermissions: string[]): FineGrained {
  return {
    canReadGatedRepos: true,
    global,
    scoped: [{ entity: { type: "user", name: FAKE_USER }, permissions: userPermissions }],
  };
}

/** Classifies the Authorization header value of a request. */
export function classifyAuth(header: string | string[] | undefined): AuthResult {
  if (header === undefined || header === "") return { kind: "missing" };
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  if (!match || !TOKEN_RE.test(match[1])) return { kind: "invalid" };
  const token = match[1];
  const t = token.toLowerCase();
  if (t.includes("invalid")) return { kind: "invalid" };

  const profile: TokenProfile = {
    token,
    role: "write",
    canCallInference: true,
    noCredit: t.includes("nocredit"),
    slowHub: t.includes("slowhub"),
  };
  if (t.includes("fgnoinference")) {
    profile.role = "fineGrained";
    profile.fineGrained = fineGrained([], ["repo.content.read"]);
    profile.canCallInference = false;
  } else if (t.includes("fgglobal")) {
    profile.role = "fineGrained";
    profile.fineGrained = fineGrained([INFERENCE_PERMISSION], ["repo.content.read"]);
  } else if (t.includes("fgscoped")) {
    profile.role = "fineGrained";
    profile.fineGrained = fineGrained([], ["repo.content.read", INFERENCE_PERMISSION]);
  } else if (t.includes("readonly")) {
    profile.role = "read";
  }
  return { kind: "valid", profile };
}
