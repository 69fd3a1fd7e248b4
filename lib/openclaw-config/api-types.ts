// Shapes of GET/PATCH /api/config and POST /api/config/preview, shared by routes and pages.
import type { ModelWarning } from "@/lib/catalog/warnings";
import type { ModelSettings } from "@/lib/openclaw-config/model-settings";
import type { ConfigDiff } from "./diff";
import type { ConfigIssue } from "./schema";

export interface BackupInfo {
  name: string;
  mtime: string;
  size: number;
}

export interface ConfigStateBody {
  path: string;
  exists: boolean;
  revision: string;
  /** The file as it is on disk, secrets masked. */
  text: string;
  /** The parsed file, secrets masked; null when it does not parse. */
  data: Record<string, unknown> | null;
  problem: { message: string; line?: number; column?: number } | null;
  settings: ModelSettings;
  warnings: ModelWarning[];
  /** Which catalog the server checked the warnings against. */
  warningsCatalog: "live" | "builtin";
  backups: BackupInfo[];
  /** The running OpenClaw Gateway, as the dashboard sees it now. */
  gateway: GatewayInfo;
}

export type GatewayState = "running" | "stopped" | "unreachable" | "unauthorized";

export interface GatewayInfo {
  state: GatewayState;
  /** When running: the Gateway runs the saved file (configRevisionHash === appliedConfigHash). */
  applied?: boolean;
  /** When running: the saved file waits for a Gateway restart. */
  requiresRestart?: boolean;
  /** What to tell the user (and what to do), when there is something to say. */
  message?: string;
}

/** The answer of PATCH /api/config and of a restore: the state, and who applied the change. */
export interface ConfigSaveBody extends ConfigStateBody {
  /** "gateway": sent through the running Gateway's config.patch; "file": written to openclaw.json. */
  appliedBy: "gateway" | "file";
  /** The running Gateway uses the change now (always false for a file write). */
  applied: boolean;
  /** The Gateway saved it but needs a restart to use it. */
  requiresRestart: boolean;
}

export interface ConfigPreviewBody {
  revision: string;
  diff: ConfigDiff;
  issues: ConfigIssue[];
}
