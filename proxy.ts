import { NextResponse, type NextRequest } from "next/server";
import { guardSettings, judgeRequest, requestFacts, SECURITY_HEADERS } from "@/lib/access/request-verdict";

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
  const refusal = judgeRequest(requestFacts(request), settings);
  if (!refusal) return secured(NextResponse.next());
  if (refusal.signIn) {
    // Built from the Host header checked above, never from forwarded headers an attacker could set.
    const { pathname, search, protocol } = request.nextUrl;
    const signIn = new URL("/sign-in", `${protocol === "https:" ? "https" : "http"}://${request.headers.get("host")}`);
    if (pathname !== "/") signIn.searchParams.set("next", `${pathname}${search}`);
    return secured(NextResponse.redirect(signIn, 303));
  }
  const { error } = refusal;
  return secured(NextResponse.json(error.toBody(), { status: error.status, headers: { "cache-control": "no-store" } }));
}

export const config = {
  // api/chat applies the same verdict in its route (see above).
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/chat$).*)"],
};
