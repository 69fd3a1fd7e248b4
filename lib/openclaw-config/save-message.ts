import type { ConfigSaveBody } from "./api-types";

type Saved = Pick<ConfigSaveBody, "appliedBy" | "applied" | "requiresRestart"> &
  Partial<Pick<ConfigSaveBody, "gateway">>;

/** What a save came to, said plainly: live in the running Gateway, waiting for its restart, or in the file. */
export function savedMessage(saved: Saved): string {
  if (saved.appliedBy === "gateway")
    return saved.applied && !saved.requiresRestart
      ? "Applied by the running Gateway: your agent uses it now."
      : "Saved; the Gateway needs a restart to use it (openclaw gateway restart).";
  // A file write while the Gateway runs: a repair of a file it refused (it reloads the file itself).
  if (saved.applied) return "Written to openclaw.json; the running Gateway reloaded it: your agent uses it now.";
  if (saved.gateway?.state === "running")
    return "Written to openclaw.json; the running Gateway has not reloaded it yet (it reloads a valid file by itself).";
  return "Saved to openclaw.json. No Gateway is running: OpenClaw reads it when it starts.";
}
