import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "@/lib/errors";
import {
  createDeviceValue,
  createSessionValue,
  deviceId,
  deviceKey,
  secretMatches,
  sessionKey,
} from "@/lib/access/session-cookie";
import { SignInGate, type SignInClient } from "@/lib/access/sign-in-throttle";

// Sign-in for a dashboard exposed with DASHBOARD_TOKEN. The typed secret is compared in constant
// time; failures are throttled per client (lib/access/sign-in-throttle.ts) and each one is
// answered a little late.
const FAILURE_DELAY_MS = 400;
const gate = new SignInGate();

export function dashboardToken(): string | null {
  const value = process.env.DASHBOARD_TOKEN;
  return value ? value : null;
}

export interface SignInAttempt {
  typed: string;
  /** lib/access/client-address.ts clientAddress(). */
  address: string;
  /** The device cookie's value, if the browser sent one. */
  device?: string;
}

/** Cookie values for the right secret: a new session, and the device cookie to keep. */
export interface SignedIn {
  session: string;
  device: string;
}

/** The cookie values for the right secret; AppError otherwise (nothing about the secret). */
export async function signIn(attempt: SignInAttempt): Promise<SignedIn> {
  const secret = dashboardToken();
  if (!secret)
    throw new AppError(
      "not_found",
      "Sign-in is off: this dashboard only listens on this machine (no DASHBOARD_TOKEN).",
    );
  const key = sessionKey(secret);
  const devices = deviceKey(secret);
  const device = deviceId(devices, attempt.device);
  const client: SignInClient = device
    ? { key: `device:${device}`, trusted: true }
    : { key: `address:${attempt.address}`, trusted: false };
  // Check and record without an await in between, so parallel guesses cannot slip past the lock.
  const now = Date.now();
  const wait = gate.retryAfterMs(client, now);
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
  if (!secretMatches(key, attempt.typed, secret)) {
    gate.recordFailure(client, now);
    await sleep(FAILURE_DELAY_MS);
    throw new AppError("unauthenticated", "That is not this dashboard's token.");
  }
  gate.recordSuccess(client);
  return { session: createSessionValue(key), device: createDeviceValue(devices) };
}
