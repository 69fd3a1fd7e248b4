// Which values in openclaw.json are secrets. The rules are OpenClaw's own, from `config.get`'s
// redaction (shared/reference/openclaw-gateway.md, "Redaction"): a path label ending in "token",
// or holding "password", "secret", "api key", "encrypt key", "private key"; a "serviceAccount"
// object as a whole; anything under `localService.env`; the listed exceptions (maxTokens,
// passwordFile, …); credentials in URLs; a `${VAR}` placeholder stays visible. Ours on top, to be
// safe rather than exact: `authorization` and `cookie` values (HTTP headers), env variable names
// such as `*_KEY` or `*_PASSWD`, and credentials in any URL value, not only in the URL fields
// OpenClaw lists. The text scanner and the data walker both judge values with these contexts.

/** Beneath a label matching one of these, every value is a secret (OpenClaw tests the whole path). */
const SECRET_ANYWHERE = [
  /password/i,
  /secret/i,
  /api.?key/i,
  /encrypt.?key/i,
  /private.?key/i,
  /serviceaccount(ref)?$/i,
];
/** A value whose own label matches one of these is a secret. */
const SECRET_LABEL = [/token$/i];
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);
/** Environment variable names that hold secrets although OpenClaw's patterns miss them. */
const SECRET_ENV_NAME = /(^|_)(KEY|PASS|PASSWD|PWD|CREDENTIALS?)$/i;
/** Labels that look sensitive but are not (compared at the end of the label, as OpenClaw does). */
const EXCEPTIONS = [
  "maxtokens",
  "maxoutputtokens",
  "maxinputtokens",
  "maxcompletiontokens",
  "contexttokens",
  "totaltokens",
  "tokencount",
  "tokenlimit",
  "tokenbudget",
  "passwordfile",
];
/** Query (or fragment) parameter names that carry credentials in a URL. */
const CREDENTIAL_PARAMS = new Set([
  "key",
  "sig",
  "auth",
  "authorization",
  "code",
  "jwt",
  "pass",
  "pwd",
  "passwd",
  "session",
  "sessionid",
  "sid",
]);

type Role = "root" | "env" | "envVars" | "localService" | "localServiceEnv" | "other";

export interface SecretContext {
  /** A string or number here is a secret. */
  readonly secret: boolean;
  /** Everything beneath is a secret. */
  readonly below: boolean;
  readonly role: Role;
  /** A field of a SecretRef `{source, provider, id}` in a secret's place: a reference, not a secret. */
  readonly refField?: "source" | "provider" | "id";
}

export const ROOT_CONTEXT: SecretContext = { secret: false, below: false, role: "root" };

const excepted = (lower: string) => EXCEPTIONS.some((suffix) => lower.endsWith(suffix));

function roleOf(parent: Role, key: string, lower: string): Role {
  if (parent === "root" && key === "env") return "env";
  if (parent === "env" && key === "vars") return "envVars";
  if (parent === "localService" && key === "env") return "localServiceEnv";
  if (lower === "localservice") return "localService";
  return "other";
}

/** The context of the value at `parent[key]`. Array items share their array's context. */
export function childContext(parent: SecretContext, key: string): SecretContext {
  const lower = key.toLowerCase();
  const below = parent.below || parent.role === "localServiceEnv" || SECRET_ANYWHERE.some((p) => p.test(key));
  const envName = (parent.role === "env" || parent.role === "envVars") && SECRET_ENV_NAME.test(key);
  const secret =
    !excepted(lower) && (below || envName || SECRET_HEADERS.has(lower) || SECRET_LABEL.some((p) => p.test(key)));
  const refField = parent.secret && (key === "source" || key === "provider" || key === "id") ? key : undefined;
  return { secret, below, role: roleOf(parent.role, key, lower), ...(refField ? { refField } : {}) };
}

/** `${VAR}`, as OpenClaw tests it: the whole (trimmed) value, with no `}` before the last character. */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.startsWith("${") && trimmed.indexOf("}") === trimmed.length - 1;
}

function isCredentialParam(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    CREDENTIAL_PARAMS.has(lower) ||
    lower.includes("signature") ||
    lower.includes("credential") ||
    SECRET_ANYWHERE.some((p) => p.test(name)) ||
    SECRET_LABEL.some((p) => p.test(name))
  );
}

/** Length of a `scheme://` prefix (RFC 3986 scheme), or 0. */
function schemeLength(value: string): number {
  const first = value.charCodeAt(0);
  if (!((first >= 65 && first <= 90) || (first >= 97 && first <= 122))) return 0;
  for (let i = 1; i < value.length && i < 40; i++) {
    const c = value.charCodeAt(i);
    if (c === 58) return value.startsWith("//", i + 1) ? i + 3 : 0; // ":"
    const ok =
      (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
    if (!ok) return 0;
  }
  return 0;
}

/** A URL with a user or password, or a credential-looking query or fragment parameter. */
export function isCredentialedUrl(value: string): boolean {
  const text = value.trim();
  const prefix = schemeLength(text);
  if (prefix === 0) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Not a URL a client would call, but `user:pass@host` may still be in it.
    let end = prefix;
    while (end < text.length && !"/?#".includes(text[end])) end++;
    return text.slice(prefix, end).includes("@");
  }
  if (url.username || url.password) return true;
  for (const name of url.searchParams.keys()) if (isCredentialParam(name)) return true;
  if (url.hash.includes("=")) {
    for (const name of new URLSearchParams(url.hash.slice(1)).keys()) if (isCredentialParam(name)) return true;
  }
  return false;
}

// A SecretRef's fields as OpenClaw accepts them (openclaw-gateway.md, "SecretRef"): shown, as
// OpenClaw's Control UI shows SecretRef objects. An id that could be a secret itself (anything but
// an environment variable name or a JSON pointer into a secrets file) stays masked.
const REF_FIELD: Record<NonNullable<SecretContext["refField"]>, RegExp> = {
  source: /^(env|file|exec|store)$/,
  provider: /^[a-z][a-z0-9_-]{0,63}$/,
  id: /^([A-Z][A-Z0-9_]{0,127}|\/[A-Za-z0-9_.~/-]{0,255})$/,
};

/** Whether a primitive at `context` must be masked (strings and numbers; never booleans or null). */
export function isSecretValue(context: SecretContext, value: unknown): boolean {
  if (typeof value === "number") return context.secret;
  if (typeof value !== "string" || value.trim() === "" || isPlaceholder(value)) return false;
  if (context.refField && REF_FIELD[context.refField].test(value)) return false;
  return context.secret || isCredentialedUrl(value);
}

/** A URL without its user, password, query and fragment (for messages about it); MASK-free. */
export function withoutCredentials(value: string): string {
  try {
    const url = new URL(value.trim());
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return "(a URL with credentials)";
  }
}
