import type { NextRequest } from "next/server";
import { clientAddress } from "@/lib/access/client-address";
import {
  clearedSessionCookieHeader,
  DEVICE_COOKIE,
  deviceCookieHeader,
  sessionCookieHeader,
} from "@/lib/access/session-cookie";
import { handle, json, readJsonBody } from "@/lib/server/http";
import { dashboardToken, signIn } from "@/lib/server/access/session";
import { SESSION_BODY_LIMIT, signInSchema } from "./schema";

export const dynamic = "force-dynamic";

function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

/** Whether sign-in is on (DASHBOARD_TOKEN set). Public: the sign-in page and shell ask it. */
export const GET = handle(async () => json({ signInRequired: dashboardToken() !== null }));

/**
 * Signs in with {token: DASHBOARD_TOKEN}; sets the HttpOnly session cookie and the device cookie.
 * Failures count against the client: its device cookie, else its address (lib/access/client-address.ts).
 */
export const POST = handle(async (request: NextRequest) => {
  const body = await readJsonBody(request, signInSchema, SESSION_BODY_LIMIT);
  const cookies = await signIn({
    typed: body.token,
    address: clientAddress(request.headers.get("x-forwarded-for")),
    device: request.cookies.get(DEVICE_COOKIE)?.value,
  });
  const response = json({ signedIn: true });
  response.headers.append("set-cookie", sessionCookieHeader(cookies.session, isHttps(request)));
  response.headers.append("set-cookie", deviceCookieHeader(cookies.device, isHttps(request)));
  return response;
});

/** Signs out: clears the session cookie (the device cookie stays: it grants nothing). */
export const DELETE = handle(async (request: Request) =>
  json({ signedIn: false }, { headers: { "set-cookie": clearedSessionCookieHeader(isHttps(request)) } }),
);
