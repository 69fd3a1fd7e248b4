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
    [400, { error: { message: "x", code: "model_not_found" } }, "model_not_found"],
    [404, { error: "Model a/b does not exist" }, "model_not_found"],
    [410, { error: "deprecated and no longer supported by provider 'cerebras'" }, "model_gone"],
    [422, { error: "Template error", error_type: "template_error" }, "bad_request"],
    [422, undefined, "bad_request"],
    [401, undefined, "token_invalid"],
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
