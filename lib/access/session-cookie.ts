// Stateless sign-in sessions for a dashboard exposed beyond loopback (DASHBOARD_TOKEN set).
// The cookie is `v1.<expiry>.<nonce>.<hmac>`, signed with a key derived from DASHBOARD_TOKEN, so
// the proxy can verify it with one HMAC and no storage, and changing the token ends all sessions.
// Pure (node:crypto only): the proxy, the session route and unit tests share it.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SESSION_COOKIE = "hfpd_session";
const SESSION_TTL_SECONDS = 12 * 60 * 60;
/** Marks a browser that has signed in before, so others' failures never lock it out (sign-in-throttle.ts). */
export const DEVICE_COOKIE = "hfpd_device";
const DEVICE_TTL_SECONDS = 30 * 24 * 60 * 60;
export const MIN_DASHBOARD_TOKEN_LENGTH = 16;
/** Paths reachable without a session: the sign-in page and route, and the health probe. */
const PUBLIC_PATHS = ["/sign-in", "/api/session", "/api/health"];

export function sessionKey(dashboardToken: string): Buffer {
  return createHmac("sha256", dashboardToken).update("hfpd session key v1").digest();
}

/** The device cookie's own key: a session value is never a device value, nor the other way round. */
export function deviceKey(dashboardToken: string): Buffer {
  return createHmac("sha256", dashboardToken).update("hfpd device key v1").digest();
}

function sign(key: Buffer, payload: string): Buffer {
  return createHmac("sha256", key).update(payload).digest();
}

export function createSessionValue(key: Buffer, nowMs = Date.now(), ttlSeconds = SESSION_TTL_SECONDS): string {
  const payload = `v1.${Math.floor(nowMs / 1000) + ttlSeconds}.${randomBytes(16).toString("base64url")}`;
  return `${payload}.${sign(key, payload).toString("base64url")}`;
}

export function verifySessionValue(key: Buffer, value: string | undefined | null, nowMs = Date.now()): boolean {
  if (!value || value.length > 200) return false;
  const parts = value.split(".");
  if (parts.length !== 4 || parts[0] !== "v1" || !/^\d{1,12}$/.test(parts[1])) return false;
  if (Number(parts[1]) * 1000 <= nowMs) return false;
  const given = Buffer.from(parts[3], "base64url");
  const expected = sign(key, parts.slice(0, 3).join("."));
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A device cookie value: the session format, its own key, valid for 30 days. */
export function createDeviceValue(key: Buffer, nowMs = Date.now()): string {
  return createSessionValue(key, nowMs, DEVICE_TTL_SECONDS);
}

/** The device's id (its random nonce) when the cookie is valid and unexpired; null otherwise. */
export function deviceId(key: Buffer, value: string | undefined | null, nowMs = Date.now()): string | null {
  return verifySessionValue(key, value, nowMs) ? value!.split(".")[2] : null;
}

/** Constant-time comparison of a typed secret with the real one (HMAC first: equal lengths). */
export function secretMatches(key: Buffer, typed: string, actual: string): boolean {
  const a = createHmac("sha256", key).update(typed).digest();
  const b = createHmac("sha256", key).update(actual).digest();
  return timingSafeEqual(a, b);
}

export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** A same-site path to go back to after sign-in; anything else (//evil, https://…, \\) becomes "/". */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > 2000 || !next.startsWith("/") || next.startsWith("//") || /[\\\u0000-\u001f]/.test(next))
    return "/";
  if (next === "/sign-in" || next.startsWith("/sign-in?") || next.startsWith("/api/")) return "/";
  return next;
}

export function sessionCookieHeader(value: string, secure: boolean, maxAgeSeconds = SESSION_TTL_SECONDS): string {
  return `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`;
}

/** Sent to the sign-in route only; it says nothing but "this browser signed in before". */
export function deviceCookieHeader(value: string, secure: boolean): string {
  return `${DEVICE_COOKIE}=${value}; Path=/api/session; Max-Age=${DEVICE_TTL_SECONDS}; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`;
}

export function clearedSessionCookieHeader(secure: boolean): string {
  return sessionCookieHeader("", secure, 0);
}
