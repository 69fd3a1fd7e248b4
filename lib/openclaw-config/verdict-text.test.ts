import { describe, expect, it } from "vitest";
import { verdictHeadline, verdictMeaning } from "./verdict-text";

const refused = {
  by: "gateway" as const,
  valid: false,
  issues: [{ path: "a", message: "b" }],
  openclawVersion: "2026.9.6",
};

describe("what the verdict means for the agent", () => {
  it("names the judge and the version", () => {
    expect(verdictHeadline(refused)).toBe("OpenClaw 2026.9.6 (the running Gateway) refuses this file: 1 problem.");
    expect(verdictHeadline({ by: "openclaw-cli", valid: true, issues: [] })).toBe(
      "OpenClaw (openclaw config validate) accepts this file.",
    );
    expect(verdictHeadline({ by: "dashboard-schema", valid: true, issues: [] })).toContain("set OPENCLAW_BIN");
    expect(verdictHeadline({ by: "dashboard-schema", valid: true, issues: [], checking: true })).toContain(
      "is checking this file",
    );
  });

  it("an invalid file: the running Gateway keeps its last accepted config; the next start fails", () => {
    expect(verdictMeaning(refused, { state: "running", applied: false })).toContain(
      "The Gateway keeps running the last accepted config",
    );
    expect(verdictMeaning(refused, { state: "running" })).toContain("The next start will fail");
    expect(verdictMeaning({ ...refused, by: "openclaw-cli" }, { state: "stopped" })).toBe(
      "The next start will fail: OpenClaw does not start with a config it refuses.",
    );
  });

  it("a valid file: live, waiting for a restart, or read at the next start", () => {
    const ok = { by: "gateway" as const, valid: true, issues: [] };
    expect(verdictMeaning(ok, { state: "running", applied: true })).toBe("The running Gateway uses it now.");
    expect(verdictMeaning(ok, { state: "running", applied: false })).toContain("waits for a restart");
    expect(verdictMeaning(ok, { state: "stopped" })).toBe("OpenClaw will use it when the Gateway starts.");
  });
});
