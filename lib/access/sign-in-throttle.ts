// Slows down guessing of DASHBOARD_TOKEN: a few free mistakes, then a lock that doubles with
// each further failure (capped), during which attempts are refused without even being checked.
// One counter for everyone: an attacker can change address, the single user cannot be many.
interface ThrottleOptions {
  freeFailures: number;
  baseLockMs: number;
  maxLockMs: number;
  /** Failures older than this are forgotten. */
  forgetAfterMs: number;
}

const DEFAULT_THROTTLE: ThrottleOptions = {
  freeFailures: 3,
  baseLockMs: 5_000,
  maxLockMs: 5 * 60_000,
  forgetAfterMs: 15 * 60_000,
};

export class SignInThrottle {
  private failures = 0;
  private lastFailureAt = 0;
  private lockedUntil = 0;

  constructor(private readonly options: ThrottleOptions = DEFAULT_THROTTLE) {}

  /** Milliseconds to wait before the next attempt may be checked; 0 when it may be now. */
  retryAfterMs(now: number): number {
    if (this.failures > 0 && now - this.lastFailureAt > this.options.forgetAfterMs) this.reset();
    return Math.max(0, this.lockedUntil - now);
  }

  recordFailure(now: number): void {
    this.retryAfterMs(now);
    this.failures += 1;
    this.lastFailureAt = now;
    const over = this.failures - this.options.freeFailures;
    if (over > 0) this.lockedUntil = now + Math.min(this.options.baseLockMs * 2 ** (over - 1), this.options.maxLockMs);
  }

  recordSuccess(): void {
    this.reset();
  }

  private reset(): void {
    this.failures = 0;
    this.lastFailureAt = 0;
    this.lockedUntil = 0;
  }
}
