import { describe, expect, it } from "vitest";
import { savedMessage } from "./save-message";

describe("savedMessage", () => {
  it("says live when the running Gateway applied it", () => {
    expect(savedMessage({ appliedBy: "gateway", applied: true, requiresRestart: false })).toBe(
      "Applied by the running Gateway: your agent uses it now.",
    );
  });
  it("says a restart is needed when the Gateway saved it but does not run it", () => {
    expect(savedMessage({ appliedBy: "gateway", applied: false, requiresRestart: true })).toContain(
      "openclaw gateway restart",
    );
  });
  it("says the file waits for OpenClaw's start when no Gateway runs", () => {
    expect(savedMessage({ appliedBy: "file", applied: false, requiresRestart: false })).toBe(
      "Saved to openclaw.json. No Gateway is running: OpenClaw reads it when it starts.",
    );
  });
  it("a file write the running Gateway reloaded (a repair of a file it refused) is live", () => {
    expect(savedMessage({ appliedBy: "file", applied: true, requiresRestart: false })).toContain(
      "the running Gateway reloaded it",
    );
    expect(
      savedMessage({ appliedBy: "file", applied: false, requiresRestart: false, gateway: { state: "running" } }),
    ).toContain("has not reloaded it yet");
  });
});
