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
}

export interface ConfigPreviewBody {
  revision: string;
  diff: ConfigDiff;
  issues: ConfigIssue[];
}
