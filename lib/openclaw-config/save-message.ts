import type { ConfigSaveBody } from "./api-types";

/** What a save came to, said plainly: live in the running Gateway, waiting for its restart, or in the file. */
export function savedMessage(saved: Pick<ConfigSaveBody, "appliedBy" | "applied" | "requiresRestart">): string {
  if (saved.appliedBy === "gateway")
    return saved.applied && !saved.requiresRestart
      ? "Applied by the running Gateway: your agent uses it now."
      : "Saved; the Gateway needs a restart to use it (openclaw gateway restart).";
  return "Saved to openclaw.json. No Gateway is running: OpenClaw reads it when it starts.";
}
