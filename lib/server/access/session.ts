import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "@/lib/errors";
import { createSessionValue, secretMatches, sessionKey } from "@/lib/access/session-cookie";
import { SignInThrottle } from "@/lib/access/sign-in-throttle";

// Sign-in for a dashboard exposed with DASHBOARD_TOKEN. The typed secret is compared in constant
// time; failures are throttled process-wide and each one is answered a little late.
const FAILURE_DELAY_MS = 400;
const throttle = new SignInThrottle();

export function dashboardToken(): string | null {
  const value = process.env.DASHBOARD_TOKEN;
  return value ? value : null;
}

/** A new session cookie value for the right secret; AppError otherwise (nothing about the secret). */
export async function signIn(typed: string): Promise<string> {
  const secret = dashboardToken();
  if (!secret)
    throw new AppError(
      "not_found",
      "Sign-in is off: this dashboard only listens on this machine (no DASHBOARD_TOKEN).",
    );
  const key = sessionKey(secret);
  // Check and record without an await in between, so parallel guesses cannot slip past the lock.
  const wait = throttle.retryAfterMs(Date.now());
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000);
    throw new AppError(
      "too_many_requests",
      `Too many wrong attempts. Wait ${seconds} s before trying again.`,
      {
        retryAfterSeconds: seconds,
      },
      { headers: { "retry-after": String(seconds) } },
    );
  }
  if (!secretMatches(key, typed, secret)) {
    throttle.recordFailure(Date.now());
    await sleep(FAILURE_DELAY_MS);
    throw new AppError("unauthenticated", "That is not this dashboard's token.");
  }
  throttle.recordSuccess();
  return createSessionValue(key);
}
