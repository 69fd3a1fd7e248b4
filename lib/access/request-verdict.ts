// The one decision every request gets: foreign Host, cross-site write, or (with DASHBOARD_TOKEN)
// no session. proxy.ts applies it to every path but the chat stream, whose route applies it
// itself (lib/server/access/route-guard.ts): skipping Next's proxy pass saves ~1.5 ms of time to first token.
import { allowedHostNames, isHostAllowed, isWriteAllowed } from "./request-guard";
import { isPublicPath, sessionKey, verifySessionValue } from "./session-cookie";

export interface GuardSettings {
  allowed: Set<string>;
  key: Buffer | null;
}

export function guardSettings(env: Record<string, string | undefined>): GuardSettings {
  return { allowed: allowedHostNames(env), key: env.DASHBOARD_TOKEN ? sessionKey(env.DASHBOARD_TOKEN) : null };
}

interface RequestFacts {
  method: string;
  host: string | null;
  origin: string | null;
  secFetchSite: string | null;
  pathname: string;
  session: string | undefined;
}

type Verdict =
  | { ok: true }
  | {
      ok: false;
      status: 401 | 403;
      code: "forbidden_host" | "forbidden_origin" | "unauthenticated";
      message: string;
      signIn: boolean;
    };

export function judgeRequest(facts: RequestFacts, settings: GuardSettings): Verdict {
  if (!isHostAllowed(facts.host, settings.allowed)) {
    return {
      ok: false,
      status: 403,
      code: "forbidden_host",
      message:
        "This dashboard only answers on its own host name (localhost). Add the name to DASHBOARD_ALLOWED_HOSTS to allow it.",
      signIn: false,
    };
  }
  if (!isWriteAllowed(facts)) {
    return {
      ok: false,
      status: 403,
      code: "forbidden_origin",
      message: "Changes must come from the dashboard's own pages; this request came from another site.",
      signIn: false,
    };
  }
  if (settings.key && !isPublicPath(facts.pathname) && !verifySessionValue(settings.key, facts.session)) {
    return {
      ok: false,
      status: 401,
      code: "unauthenticated",
      message: "Sign in first: this dashboard is protected by DASHBOARD_TOKEN.",
      signIn: !facts.pathname.startsWith("/api/"),
    };
  }
  return { ok: true };
}

// Pages must not be framed (clickjacking of "Remove token" and friends) nor sniffed.
export const SECURITY_HEADERS: Record<string, string> = {
  "x-frame-options": "DENY",
  "content-security-policy": "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
};
