import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  createSessionValue,
  isPublicPath,
  safeNextPath,
  secretMatches,
  sessionCookieHeader,
  sessionKey,
  verifySessionValue,
} from "./session-cookie";
import { SignInThrottle } from "./sign-in-throttle";

const key = sessionKey("a-long-dashboard-secret-123");
const NOW = 1_800_000_000_000;

describe("session cookie", () => {
  it("verifies its own value until it expires", () => {
    const value = createSessionValue(key, NOW, 60);
    expect(verifySessionValue(key, value, NOW)).toBe(true);
    expect(verifySessionValue(key, value, NOW + 59_000)).toBe(true);
    expect(verifySessionValue(key, value, NOW + 60_000)).toBe(false);
  });

  it("refuses another key, a changed expiry or nonce, and junk", () => {
    const value = createSessionValue(key, NOW, 60);
    expect(verifySessionValue(sessionKey("another-dashboard-secret"), value, NOW)).toBe(false);
    const [v, exp, nonce, sig] = value.split(".");
    expect(verifySessionValue(key, [v, String(Number(exp) + 1000), nonce, sig].join("."), NOW)).toBe(false);
    expect(verifySessionValue(key, [v, exp, `${nonce}x`, sig].join("."), NOW)).toBe(false);
    expect(verifySessionValue(key, [v, exp, nonce, sig.slice(0, -2)].join("."), NOW)).toBe(false);
    for (const junk of [undefined, null, "", "v1", "v1.1.2", "v2.9999999999.a.b", "x".repeat(500)]) {
      expect(verifySessionValue(key, junk, NOW)).toBe(false);
    }
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (s) => !verifySessionValue(key, s, NOW)));
  });

  it("compares secrets by value, whatever their lengths", () => {
    expect(secretMatches(key, "same-secret-value", "same-secret-value")).toBe(true);
    expect(secretMatches(key, "same-secret-valu", "same-secret-value")).toBe(false);
    expect(secretMatches(key, "", "same-secret-value")).toBe(false);
  });

  it("sets an HttpOnly, SameSite=Strict cookie, Secure over https", () => {
    expect(sessionCookieHeader("v", false)).toBe("hfpd_session=v; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict");
    expect(sessionCookieHeader("v", true)).toContain("; Secure");
  });
});

describe("paths", () => {
  it("knows the public ones", () => {
    expect(isPublicPath("/sign-in")).toBe(true);
    expect(isPublicPath("/api/session")).toBe(true);
    expect(isPublicPath("/api/health")).toBe(true);
    expect(isPublicPath("/sign-inx")).toBe(false);
    expect(isPublicPath("/api/token")).toBe(false);
    expect(isPublicPath("/")).toBe(false);
  });

  it("only goes back to same-site pages after sign-in", () => {
    expect(safeNextPath("/models?q=x")).toBe("/models?q=x");
    for (const bad of [
      null,
      "",
      "//evil.example",
      "https://evil.example",
      "/\\evil",
      "/a\nb",
      "/sign-in",
      "/api/token",
      "evil",
    ]) {
      expect(safeNextPath(bad)).toBe("/");
    }
  });
});

describe("sign-in throttle", () => {
  it("allows a few mistakes, then locks for longer and longer, capped", () => {
    const t = new SignInThrottle({ freeFailures: 3, baseLockMs: 5_000, maxLockMs: 20_000, forgetAfterMs: 60 * 60_000 });
    for (let i = 0; i < 3; i++) {
      expect(t.retryAfterMs(NOW)).toBe(0);
      t.recordFailure(NOW);
    }
    expect(t.retryAfterMs(NOW)).toBe(0);
    t.recordFailure(NOW);
    expect(t.retryAfterMs(NOW)).toBe(5_000);
    t.recordFailure(NOW + 5_000);
    expect(t.retryAfterMs(NOW + 5_000)).toBe(10_000);
    t.recordFailure(NOW + 15_000);
    t.recordFailure(NOW + 35_000);
    expect(t.retryAfterMs(NOW + 35_000)).toBe(20_000);
  });

  it("forgets after a success or a quiet period", () => {
    const t = new SignInThrottle({ freeFailures: 1, baseLockMs: 5_000, maxLockMs: 20_000, forgetAfterMs: 60_000 });
    t.recordFailure(NOW);
    t.recordFailure(NOW);
    expect(t.retryAfterMs(NOW)).toBe(5_000);
    t.recordSuccess();
    expect(t.retryAfterMs(NOW)).toBe(0);
    t.recordFailure(NOW);
    t.recordFailure(NOW);
    expect(t.retryAfterMs(NOW + 61_000)).toBe(0);
    t.recordFailure(NOW + 61_000);
    expect(t.retryAfterMs(NOW + 61_000)).toBe(0);
  });
});
