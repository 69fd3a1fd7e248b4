import { AppError } from "@/lib/errors";
import { clearedSessionCookieHeader, sessionCookieHeader } from "@/lib/access/session-cookie";
import { errorResponse, handle, json, readJsonBody } from "@/lib/server/http";
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
  try {
    const value = await signIn(body.token);
    return json({ signedIn: true }, { headers: { "set-cookie": sessionCookieHeader(value, isHttps(request)) } });
  } catch (error) {
    const response = errorResponse(error);
    if (error instanceof AppError && error.code === "too_many_requests") {
      response.headers.set("retry-after", String((error.details as { retryAfterSeconds: number }).retryAfterSeconds));
    }
    return response;
  }
});

/** Signs out: clears the cookie. */
export const DELETE = handle(async (request: Request) =>
  json({ signedIn: false }, { headers: { "set-cookie": clearedSessionCookieHeader(isHttps(request)) } }),
);
