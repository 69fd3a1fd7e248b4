import { NextResponse, type NextRequest } from "next/server";
import { allowedHostNames, isHostAllowed, isWriteAllowed } from "@/lib/request-guard";
import { SESSION_COOKIE, isPublicPath, sessionKey, verifySessionValue } from "@/lib/session-cookie";

// Every request passes here first: a foreign Host (DNS rebinding), a cross-site write, or (when
// DASHBOARD_TOKEN is set) a request without a valid session is refused before any page or route
// runs. It runs on every chat request too, so it does only header checks and at most one HMAC.
const allowed = allowedHostNames(process.env);
const key = process.env.DASHBOARD_TOKEN ? sessionKey(process.env.DASHBOARD_TOKEN) : null;

// Pages must not be framed (clickjacking of "Remove token" and friends) nor sniffed.
const SECURITY_HEADERS: Record<string, string> = {
  "x-frame-options": "DENY",
  "content-security-policy": "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
};

function secured(response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

function refuse(status: number, code: string, message: string): NextResponse {
  return secured(NextResponse.json({ error: { code, message } }, { status, headers: { "cache-control": "no-store" } }));
}

export function proxy(request: NextRequest) {
  const host = request.headers.get("host");
  if (!isHostAllowed(host, allowed)) {
    return refuse(403, "forbidden_host", "This dashboard only answers on its own host name (localhost). Add the name to DASHBOARD_ALLOWED_HOSTS to allow it.");
  }
  const write = { method: request.method, host, origin: request.headers.get("origin"), secFetchSite: request.headers.get("sec-fetch-site") };
  if (!isWriteAllowed(write)) {
    return refuse(403, "forbidden_origin", "Changes must come from the dashboard's own pages; this request came from another site.");
  }
  const { pathname, search } = request.nextUrl;
  if (key && !isPublicPath(pathname) && !verifySessionValue(key, request.cookies.get(SESSION_COOKIE)?.value)) {
    if (pathname.startsWith("/api/")) return refuse(401, "unauthenticated", "Sign in first: this dashboard is protected by DASHBOARD_TOKEN.");
    // Built from the Host header checked above, never from forwarded headers an attacker could set.
    const signIn = new URL("/sign-in", `${request.nextUrl.protocol === "https:" ? "https" : "http"}://${host}`);
    if (pathname !== "/") signIn.searchParams.set("next", `${pathname}${search}`);
    return secured(NextResponse.redirect(signIn, 303));
  }
  return secured(NextResponse.next());
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
