import { describe, expect, it } from "vitest";
import { classifyFailure } from "./classify";
import { decideRetry, freshRetryState, retryWait, waitsIfItKeepsFailing } from "./decide";
import { ruleFor } from "./failover-rules";

describe("retryWait", () => {
  it("doubles from about 1 s and stops at 30 s, with the agent's ±50 % range", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 9].map((n) => retryWait(n).ms)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect(retryWait(1)).toEqual({ ms: 1000, minMs: 500, maxMs: 1500 });
    expect(retryWait(5)).toEqual({ ms: 16000, minMs: 8000, maxMs: 24000 });
    expect(retryWait(6)).toEqual({ ms: 30000, minMs: 15000, maxMs: 30000 });
  });
});

describe("decideRetry and waitsIfItKeepsFailing", () => {
  it("a server error that keeps failing: six retries fit the 90 s window (the agent made 6–7 with its jitter)", () => {
    expect(waitsIfItKeepsFailing(ruleFor("server_error"))).toEqual([1000, 2000, 4000, 8000, 16000, 30000]);
    expect(waitsIfItKeepsFailing(ruleFor("timeout"))).toHaveLength(6);
  });

  it("a rate limit: nine retries and no window (10 tries in all, as measured)", () => {
    expect(waitsIfItKeepsFailing(ruleFor("rate_limit"))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000, 30000,
    ]);
  });

  it("classes that go to the next model never wait", () => {
    for (const kind of ["format", "model_not_found", "auth", "billing", "stream_error"] as const)
      expect(decideRetry(ruleFor(kind), freshRetryState(), { nowMs: 0, fallbackLeft: true })).toEqual({
        retry: false,
        why: "class",
      });
  });

  it("counts the window from the first retry, and refuses a wait that would end past it", () => {
    const rule = ruleFor("server_error");
    const first = decideRetry(rule, freshRetryState(), { nowMs: 5000, fallbackLeft: true });
    expect(first).toMatchObject({ retry: true, retryNumber: 1, budget: 8, waitMs: 1000 });
    if (!first.retry) throw new Error("expected a retry");
    expect(first.state).toEqual({ retries: 1, windowStartMs: 5000 });
    // 80 s later only 10 s of the window are left: the second wait (2 s) fits, a third of 30 s would not.
    expect(decideRetry(rule, first.state, { nowMs: 85_000, fallbackLeft: true })).toMatchObject({ retry: true });
    expect(decideRetry(rule, { retries: 5, windowStartMs: 5000 }, { nowMs: 70_000, fallbackLeft: true })).toEqual({
      retry: false,
      why: "window",
    });
    expect(decideRetry(rule, { retries: 8, windowStartMs: 0 }, { nowMs: 1, fallbackLeft: true })).toEqual({
      retry: false,
      why: "budget",
    });
  });

  it("takes the router's retry-after as the least wait: 120 s does not fit the window, 1 s changes nothing", () => {
    const rule = ruleFor("server_error");
    expect(decideRetry(rule, freshRetryState(), { nowMs: 0, retryAfterMs: 120_000, fallbackLeft: true })).toEqual({
      retry: false,
      why: "retry-after",
    });
    expect(waitsIfItKeepsFailing(rule, 120_000)).toEqual([]);
    expect(decideRetry(rule, freshRetryState(), { nowMs: 0, retryAfterMs: 1000, fallbackLeft: true })).toMatchObject({
      waitMs: 1000,
    });
    expect(decideRetry(rule, freshRetryState(), { nowMs: 0, retryAfterMs: 5000, fallbackLeft: true })).toMatchObject({
      waitMs: 5000,
    });
  });

  it("a rate limit asking for more than 60 s goes to the fallback at once, and is waited out without one", () => {
    const rule = ruleFor("rate_limit");
    expect(decideRetry(rule, freshRetryState(), { nowMs: 0, retryAfterMs: 61_000, fallbackLeft: true })).toEqual({
      retry: false,
      why: "retry-after",
    });
    expect(decideRetry(rule, freshRetryState(), { nowMs: 0, retryAfterMs: 61_000, fallbackLeft: false })).toMatchObject(
      { retry: true, waitMs: 61_000 },
    );
  });
});

describe("classifyFailure", () => {
  const of = (failure: Parameters<typeof classifyFailure>[0]) => {
    const c = classifyFailure(failure);
    return c.agent ? c.rule.kind : "dashboard";
  };

  it.each([
    [429, "rate_limited", "rate_limit"],
    [500, "provider_failed", "server_error"],
    [503, "provider_failed", "server_error"],
    [529, "provider_failed", "server_error"],
    [507, "provider_failed", "server_error"],
    [504, "timeout", "timeout"],
    [410, "model_gone", "timeout"],
    [400, "model_not_supported", "format"],
    [400, "model_not_found", "model_not_found"],
    [400, "bad_request", "format"],
    [422, "bad_request", "format"],
    [404, "model_not_found", "model_not_found"],
    [401, "token_invalid", "auth"],
    [403, "no_permission", "auth"],
    [402, "no_credits", "billing"],
    [409, "bad_request", "format"],
  ] as const)("router %i (%s) → %s", (upstreamStatus, kind, expected) => {
    expect(of({ kind, upstreamStatus })).toBe(expected);
  });

  it("reads failures without a status by what happened", () => {
    expect(of({ kind: "timeout" })).toBe("timeout");
    expect(of({ kind: "unreachable" })).toBe("timeout");
    expect(of({ kind: "midstream", connectionLost: true })).toBe("timeout");
    expect(of({ kind: "midstream" })).toBe("stream_error");
    expect(of({ kind: "bad_response" })).toBe("format");
    expect(of({ kind: "no_token" })).toBe("dashboard");
    expect(of({ kind: "invalid_request" })).toBe("dashboard");
    expect(of({ kind: "dashboard_unreachable" })).toBe("dashboard");
  });
});
