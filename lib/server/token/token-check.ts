import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import { DEFAULT_MODEL_REF, parseRef } from "@/lib/openclaw-config/model-ref";
import type {
  CheckOutcome,
  Permission,
  RouterReach,
  TokenCheckView,
  TokenRole,
  UnverifiedReason,
} from "@/lib/token/token-status";
import { hubUrl } from "../settings";

// Asks Hugging Face what a token may do: whoami-v2 on the hub (account, role, fine-grained
// permissions) and one light, free router call (is the token accepted where the agent sends it).
// whoami-v2 is strictly rate limited, so results are cached, keyed by a keyed hash of the token
// (never the token) and the router it was checked against (another router may refuse the same
// token), and pages read the cache and trigger a background re-check instead of waiting.
const CHECK_TIMEOUT_MS = 8_000;
export const INFERENCE_PERMISSION = "inference.serverless.write";
const FRESH_MS: Record<CheckOutcome, number> = {
  valid: 10 * 60_000,
  no_permission: 10 * 60_000,
  invalid: 10 * 60_000,
  unverified: 30_000,
};
const MAX_ENTRIES = 64;

const whoamiSchema = z.looseObject({
  name: z.string(),
  auth: z
    .looseObject({
      accessToken: z
        .looseObject({
          role: z.string().optional(),
          fineGrained: z
            .looseObject({
              global: z.array(z.string()).optional(),
              scoped: z
                .array(
                  z.looseObject({
                    entity: z.looseObject({ type: z.string(), name: z.string() }),
                    permissions: z.array(z.string()),
                  }),
                )
                .optional(),
            })
            .nullish(),
        })
        .nullish(),
    })
    .optional(),
});

type Whoami =
  | { kind: "ok"; account: string; role: TokenRole | null; permission: Permission }
  | { kind: "invalid" }
  | { kind: "unverified"; reason: UnverifiedReason };

function failureReason(error: unknown): UnverifiedReason {
  const name = (error as { name?: string })?.name;
  return name === "TimeoutError" || name === "AbortError" ? "timeout" : "unreachable";
}

/** Role and Inference Providers permission from a whoami-v2 answer. */
export function readPermission(body: z.infer<typeof whoamiSchema>): { role: TokenRole | null; permission: Permission } {
  const token = body.auth?.accessToken;
  const role = token?.role === "read" || token?.role === "write" || token?.role === "fineGrained" ? token.role : null;
  if (role === "read" || role === "write") return { role, permission: "granted" };
  if (role !== "fineGrained") return { role, permission: "unknown" };
  const fine = token?.fineGrained;
  if (!fine) return { role, permission: "unknown" };
  // Granted globally, or in the scoped entry for the user's own account (not an org's).
  const own = (fine.scoped ?? []).some(
    (s) => s.entity.type === "user" && s.entity.name === body.name && s.permissions.includes(INFERENCE_PERMISSION),
  );
  return { role, permission: own || (fine.global ?? []).includes(INFERENCE_PERMISSION) ? "granted" : "missing" };
}

async function askWhoami(token: string): Promise<Whoami> {
  let response: Response;
  try {
    response = await fetch(`${hubUrl()}/api/whoami-v2`, {
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
      redirect: "error",
      cache: "no-store",
    });
  } catch (error) {
    return { kind: "unverified", reason: failureReason(error) };
  }
  try {
    if (response.status === 401) return { kind: "invalid" };
    if (response.status === 429) return { kind: "unverified", reason: "rate_limited" };
    if (!response.ok) return { kind: "unverified", reason: "server_error" };
    const parsed = whoamiSchema.safeParse(await response.json());
    if (!parsed.success) return { kind: "unverified", reason: "malformed" };
    return { kind: "ok", account: parsed.data.name, ...readPermission(parsed.data) };
  } catch (error) {
    // A body cut off mid-way or a timeout while reading it. Never look at the upstream text.
    return { kind: "unverified", reason: failureReason(error) === "timeout" ? "timeout" : "malformed" };
  } finally {
    await response.body?.cancel().catch(() => {});
  }
}

/** GET one model's entry: free, small, and 401 when the router refuses the token. */
async function askRouter(token: string, routerBase: string): Promise<RouterReach> {
  try {
    const response = await fetch(`${routerBase}/models/${parseRef(DEFAULT_MODEL_REF).modelId}`, {
      headers: { authorization: `Bearer ${token}`, accept: "application/json" },
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
      redirect: "error",
      cache: "no-store",
    });
    await response.body?.cancel().catch(() => {});
    if (response.status === 401) return "rejected";
    return response.ok || response.status === 404 ? "ok" : "unreachable";
  } catch {
    return "unreachable";
  }
}

export function combine(whoami: Whoami, router: RouterReach, now = new Date()): TokenCheckView {
  const base = {
    account: null,
    role: null,
    permission: "unknown" as Permission,
    router,
    reason: null,
    checkedAt: now.toISOString(),
  };
  if (whoami.kind === "invalid" || router === "rejected") return { ...base, outcome: "invalid" };
  if (whoami.kind === "unverified") return { ...base, outcome: "unverified", reason: whoami.reason };
  const outcome: CheckOutcome = whoami.permission === "missing" ? "no_permission" : "valid";
  return { ...base, outcome, account: whoami.account, role: whoami.role, permission: whoami.permission };
}

// The cache key is an HMAC with a per-process secret: even the hash cannot be matched against a
// guessed token from outside this process. Kept on globalThis because Next bundles pages and
// route handlers separately, each with its own copy of this module; they must share one cache.
type Entry = { check?: TokenCheckView; at: number; running?: Promise<TokenCheckView> };
const holder = globalThis as unknown as Record<symbol, { secret: Buffer; cache: Map<string, Entry> } | undefined>;
const state = (holder[Symbol.for("hfpd.token-check")] ??= { secret: randomBytes(32), cache: new Map() });
const cacheSecret = state.secret;
const cache = state.cache;

function keyOf(token: string, routerBase: string): string {
  return `${createHmac("sha256", cacheSecret).update(token).digest("base64url")} ${routerBase}`;
}

function isFresh(
  entry: { check?: TokenCheckView; at: number } | undefined,
  maxAgeMs?: number,
): entry is { check: TokenCheckView; at: number } {
  if (!entry?.check) return false;
  return Date.now() - entry.at < (maxAgeMs ?? FRESH_MS[entry.check.outcome]);
}

function run(token: string, routerBase: string): Promise<TokenCheckView> {
  const key = keyOf(token, routerBase);
  const entry = cache.get(key) ?? { at: 0 };
  if (entry.running) return entry.running;
  const running = Promise.all([askWhoami(token), askRouter(token, routerBase)])
    .then(([whoami, router]) => combine(whoami, router))
    .then((check) => {
      cache.delete(key); // re-insert: the Map's order doubles as least-recently-checked first
      cache.set(key, { check, at: Date.now() });
      while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
      return check;
    })
    .finally(() => {
      const current = cache.get(key);
      if (current?.running === running) delete current.running;
    });
  entry.running = running;
  cache.set(key, entry);
  return running;
}

/** A check no older than maxAgeMs (default: by outcome), asking Hugging Face if needed. */
export function checkToken(
  token: string,
  routerBase: string,
  options: { maxAgeMs?: number } = {},
): Promise<TokenCheckView> {
  const entry = cache.get(keyOf(token, routerBase));
  if (isFresh(entry, options.maxAgeMs)) return Promise.resolve(entry.check);
  return run(token, routerBase);
}

/** The last known check (maybe stale) without waiting; starts a background re-check when due. */
export function peekCheck(token: string, routerBase: string): { check: TokenCheckView | null; checking: boolean } {
  const key = keyOf(token, routerBase);
  const entry = cache.get(key);
  if (!isFresh(entry) && !entry?.running) void run(token, routerBase).catch(() => {});
  const current = cache.get(key);
  return { check: current?.check ?? null, checking: !!current?.running };
}
