import "server-only";
import { rateLimitedError } from "./errors";

// OpenClaw rate-limits config.patch, config.apply and update.run to 30 calls per 60 s, per method, per
// device and IP (gateway/configuration/config-rpc.md), and counts refused calls too (checked: stale-hash
// refusals used up the budget). The dashboard is one device, so it keeps the same budget itself and
// refuses early with a 429 instead of spending the Gateway's. A sliding log is at least as strict as
// any fixed window of the same length; one extra second covers the trip to the Gateway.

export const GATEWAY_WRITE_LIMIT = 30;
export const GATEWAY_WRITE_WINDOW_MS = 61_000;

export class WriteRateLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly limit = GATEWAY_WRITE_LIMIT,
    private readonly windowMs = GATEWAY_WRITE_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records one call of `method`, or throws a rate_limited GatewayError (nothing recorded). */
  take(method: string): void {
    const now = this.now();
    const recent = (this.sent.get(method) ?? []).filter((at) => now - at < this.windowMs);
    if (recent.length >= this.limit) {
      this.sent.set(method, recent);
      throw rateLimitedError(method, recent[0] + this.windowMs - now);
    }
    recent.push(now);
    this.sent.set(method, recent);
  }

  /** Calls still allowed now for `method`. */
  remaining(method: string): number {
    const now = this.now();
    return this.limit - (this.sent.get(method) ?? []).filter((at) => now - at < this.windowMs).length;
  }
}
