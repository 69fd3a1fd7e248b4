import { describe, expect, it } from "vitest";
import { GatewayError } from "./errors";
import { GATEWAY_WRITE_LIMIT, WriteRateLimiter } from "./rate-limit";

describe("WriteRateLimiter", () => {
  it("allows 30 calls per method in the window, then refuses with a 429 and when to retry", () => {
    let now = 1_000_000;
    const limiter = new WriteRateLimiter(undefined, undefined, () => now);
    for (let i = 0; i < GATEWAY_WRITE_LIMIT; i++) {
      limiter.take("config.patch");
      now += 100;
    }
    expect(limiter.remaining("config.patch")).toBe(0);
    let refused: unknown;
    try {
      limiter.take("config.patch");
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(GatewayError);
    const error = refused as GatewayError;
    expect(error).toMatchObject({ kind: "rate_limited", status: 429 });
    // The oldest call was 3 s ago; it leaves the 61 s window in 58 s.
    expect(error.info.retryAfterMs).toBe(58_000);
    expect(error.headers).toEqual({ "Retry-After": "58" });
    // Other methods have their own budget.
    expect(() => limiter.take("config.apply")).not.toThrow();
  });

  it("a refused call is not counted; calls leave the window one by one", () => {
    let now = 0;
    const limiter = new WriteRateLimiter(2, 10_000, () => now);
    limiter.take("config.patch");
    now = 4000;
    limiter.take("config.patch");
    now = 5000;
    expect(() => limiter.take("config.patch")).toThrow(GatewayError);
    now = 10_000; // the first call left the window, the second not yet
    expect(() => limiter.take("config.patch")).not.toThrow();
    expect(() => limiter.take("config.patch")).toThrow(GatewayError);
    now = 14_000;
    expect(limiter.remaining("config.patch")).toBe(1);
  });
});
