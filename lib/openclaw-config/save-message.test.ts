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
});
