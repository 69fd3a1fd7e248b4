// The one decision every request gets: foreign Host, a cross-site write or API call, or (with
// DASHBOARD_TOKEN) no session. proxy.ts applies it to every path but the chat stream, whose route applies it
// itself (lib/server/access/route-guard.ts): skipping Next's proxy pass saves ~1.5 ms of time to first token.
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { allowedHostNames, isHostAllowed, isRequestAllowed } from "./request-guard";
import { isPublicPath, SESSION_COOKIE, sessionKey, verifySessionValue } from "./session-cookie";

export interface GuardSettings {
  allowed: Set<string>;
  key: Buffer | null;
}

export function guardSettings(env: Record<string, string | undefined>): GuardSettings {
  return { allowed: allowedHostNames(env), key: env.DASHBOARD_TOKEN ? sessionKey(env.DASHBOARD_TOKEN) : null };
}

export interface RequestFacts {
  method: string;
  host: string | null;
  origin: string | null;
  secFetchSite: string | null;
  pathname: string;
  session: string | undefined;
}

/** What the verdict looks at, read the same way for the proxy and the chat route. */
export function requestFacts(request: NextRequest): RequestFacts {
  const h = request.headers;
  return {
    method: request.method,
    host: h.get("host"),
    origin: h.get("origin"),
    secFetchSite: h.get("sec-fetch-site"),
    pathname: request.nextUrl.pathname,
    session: request.cookies.get(SESSION_COOKIE)?.value,
  };
}

/** A refused request: the error to answer with, and whether a page should go to sign-in instead. */
export interface Refusal {
  error: AppError;
  signIn: boolean;
}

/** null when the request may go on. */
export function judgeRequest(facts: RequestFacts, settings: GuardSettings): Refusal | null {
  if (!isHostAllowed(facts.host, settings.allowed)) {
    const message =
      "This dashboard only answers on its own host name (localhost). Add the name to DASHBOARD_ALLOWED_HOSTS to allow it.";
    return refuse("forbidden_host", message);
  }
  if (!isRequestAllowed(facts)) {
    const message =
      facts.method === "GET" || facts.method === "HEAD"
        ? "The dashboard's API answers its own pages only; this request came from another site."
        : "Changes must come from the dashboard's own pages; this request came from another site.";
    return refuse("forbidden_origin", message);
  }
  if (settings.key && !isPublicPath(facts.pathname) && !verifySessionValue(settings.key, facts.session)) {
    const message = "Sign in first: this dashboard is protected by DASHBOARD_TOKEN.";
    return refuse("unauthenticated", message, !facts.pathname.startsWith("/api/"));
  }
  return null;
}

function refuse(code: "forbidden_host" | "forbidden_origin" | "unauthenticated", message: string, signIn = false) {
  return { error: new AppError(code, message, undefined, { headers: SECURITY_HEADERS }), signIn };
}

// Pages must not be framed (clickjacking of "Remove token" and friends) nor sniffed.
export const SECURITY_HEADERS: Record<string, string> = {
  "x-frame-options": "DENY",
  "content-security-policy": "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
};
