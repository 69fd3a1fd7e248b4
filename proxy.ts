import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE } from "@/lib/access/session-cookie";
import { guardSettings, judgeRequest, SECURITY_HEADERS } from "@/lib/access/request-verdict";

// Every request passes here first: a foreign Host (DNS rebinding), a cross-site write, or (when
// DASHBOARD_TOKEN is set) a request without a valid session is refused before any page or route
// runs. The chat stream is the one exception: its route applies the same verdict itself, since
// this pass costs Next ~1.5 ms per request and the chat budget is 5 ms (lib/server/access/route-guard.ts).
const settings = guardSettings(process.env);

function secured(response: NextResponse): NextResponse {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest) {
  const host = request.headers.get("host");
  const { pathname, search } = request.nextUrl;
  const verdict = judgeRequest(
    {
      method: request.method,
      host,
      origin: request.headers.get("origin"),
      secFetchSite: request.headers.get("sec-fetch-site"),
      pathname,
      session: request.cookies.get(SESSION_COOKIE)?.value,
    },
    settings,
  );
  if (verdict.ok) return secured(NextResponse.next());
  if (verdict.signIn) {
    // Built from the Host header checked above, never from forwarded headers an attacker could set.
    const signIn = new URL("/sign-in", `${request.nextUrl.protocol === "https:" ? "https" : "http"}://${host}`);
    if (pathname !== "/") signIn.searchParams.set("next", `${pathname}${search}`);
    return secured(NextResponse.redirect(signIn, 303));
  }
  return secured(
    NextResponse.json(
      { error: { code: verdict.code, message: verdict.message } },
      { status: verdict.status, headers: { "cache-control": "no-store" } },
    ),
  );
}

export const config = {
  // api/chat applies the same verdict in its route (see above).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/chat$).*)"],
};
