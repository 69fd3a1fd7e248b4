import "server-only";
import { guardSettings, judgeRequest, SECURITY_HEADERS, type GuardSettings } from "@/lib/access/request-verdict";
import { SESSION_COOKIE } from "@/lib/access/session-cookie";

// For the routes proxy.ts does not run on (the chat stream): the same verdict, applied in the route.
let settings: GuardSettings | null = null;

function sessionCookie(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** null when the request may go on; else the refusal to send. */
export function refuseIfNotAllowed(request: Request): Response | null {
  settings ??= guardSettings(process.env);
  const h = request.headers;
  const verdict = judgeRequest(
    {
      method: request.method,
      host: h.get("host"),
      origin: h.get("origin"),
      secFetchSite: h.get("sec-fetch-site"),
      pathname: new URL(request.url).pathname,
      session: sessionCookie(h.get("cookie")),
    },
    settings,
  );
  if (verdict.ok) return null;
  return Response.json(
    { error: { code: verdict.code, message: verdict.message } },
    { status: verdict.status, headers: { ...SECURITY_HEADERS, "cache-control": "no-store" } },
  );
}
