import { clearedSessionCookieHeader, sessionCookieHeader } from "@/lib/access/session-cookie";
import { handle, json, readJsonBody } from "@/lib/server/http";
import { dashboardToken, signIn } from "@/lib/server/access/session";
import { SESSION_BODY_LIMIT, signInSchema } from "./schema";

export const dynamic = "force-dynamic";

function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

/** Whether sign-in is on (DASHBOARD_TOKEN set). Public: the sign-in page and shell ask it. */
export const GET = handle(async () => json({ signInRequired: dashboardToken() !== null }));

/** Signs in with {token: DASHBOARD_TOKEN}; sets the HttpOnly session cookie. */
export const POST = handle(async (request: Request) => {
  const body = await readJsonBody(request, signInSchema, SESSION_BODY_LIMIT);
  const value = await signIn(body.token);
  return json({ signedIn: true }, { headers: { "set-cookie": sessionCookieHeader(value, isHttps(request)) } });
});

/** Signs out: clears the cookie. */
export const DELETE = handle(async (request: Request) =>
  json({ signedIn: false }, { headers: { "set-cookie": clearedSessionCookieHeader(isHttps(request)) } }),
);
