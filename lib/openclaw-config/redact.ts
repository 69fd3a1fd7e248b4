// openclaw.json may hold secrets (a provider apiKey, the gateway token, an hf_ token pasted by
// hand). Everything the dashboard shows or serves from the file passes through here first, so
// no token leaves the server even when the user stored one in the config.
const SECRET_KEY =
  /^(api[-_]?key|token|access[-_]?token|secret|client[-_]?secret|password|passphrase|private[-_]?key)$/i;
const HF_TOKEN = /\b(hf_|api_org_)[A-Za-z0-9_]{8,}/g;
export const MASK = "••••••••";

function maskSecrets(text: string, extraSecrets: string[] = []): string {
  let out = text.replace(HF_TOKEN, (match, prefix: string) => `${prefix}${MASK}`);
  for (const secret of extraSecrets) if (secret.length >= 8) out = out.split(secret).join(MASK);
  return out;
}

/** Masks string values under secret-looking keys, in JSON or JSON5 text (quoted or bare keys). */
export function redactConfigText(text: string, extraSecrets: string[] = []): string {
  const keyed = text.replace(
    /((["']?)([A-Za-z_$][\w$-]*)\2\s*:\s*)(["'])((?:\\.|(?!\4)[^\\\n])*)\4/g,
    (whole, head: string, _q: string, key: string, quote: string) =>
      SECRET_KEY.test(key) ? `${head}${quote}${MASK}${quote}` : whole,
  );
  return maskSecrets(keyed, extraSecrets);
}

export function redactConfigData<T>(value: T, extraSecrets: string[] = [], key = ""): T {
  if (typeof value === "string") return (SECRET_KEY.test(key) ? MASK : maskSecrets(value, extraSecrets)) as T;
  if (Array.isArray(value)) return value.map((item) => redactConfigData(item, extraSecrets)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactConfigData(v, extraSecrets, k);
    return out as T;
  }
  return value;
}
