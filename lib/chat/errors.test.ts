import { describe, expect, it } from "vitest";
import { classifyUpstreamStatus, explainChatError, failureMessage } from "./errors";

describe("classifyUpstreamStatus", () => {
  it.each([
    [401, { error: "Invalid username or password." }, "token_invalid"],
    [403, { error: "no permission" }, "no_permission"],
    [402, { error: "credits" }, "no_credits"],
    [429, { error: { message: "slow down" } }, "rate_limited"],
    [400, { error: { message: "x", code: "model_not_supported" } }, "model_not_supported"],
    [400, { error: { message: "bad temperature", type: "invalid_request_error" } }, "bad_request"],
    [500, { error: { message: "boom" } }, "provider_failed"],
    [503, { error: "Service Unavailable" }, "provider_failed"],
    [502, { detail: "x" }, "provider_failed"],
    [504, { message: "x" }, "timeout"],
  ])("%i → %s", (status, body, kind) => {
    expect(classifyUpstreamStatus(status, body)).toBe(kind);
  });

  it("says what to do, linking to the Token page for an invalid token", () => {
    expect(explainChatError("token_invalid").action?.href).toBe("/token");
    expect(explainChatError("no_token").action?.href).toBe("/token");
    expect(failureMessage("provider_failed", 503)).toContain("HTTP 503");
  });
});
