// Shapes of GET/PATCH /api/config and POST /api/config/preview, shared by routes and pages.
import type { ModelWarning } from "@/lib/catalog/warnings";
import type { ModelSettings } from "@/lib/openclaw-config/model-settings";
import type { ConfigDiff } from "./diff";

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
  /** OpenClaw's verdict on the whole file, and who gave it. */
  validation: ConfigValidation;
  /** Known traps in the file, each with a one-click repair (POST /api/config/fix). */
  repairs: ConfigRepairInfo[];
  /** `openclaw doctor --lint`'s findings about model config; null when no OpenClaw CLI is installed. */
  doctor: DoctorLint | null;
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
  /** Why it cannot be saved; a problem the file already had carries its repair (`fix`). */
  issues: ValidationIssue[];
  /** (Repairs) the file is not in the form OpenClaw writes: comments and JSON5 syntax do not survive. */
  reformats?: boolean;
}

/** Who judged the whole file: the running Gateway, the installed OpenClaw CLI, or the dashboard's own schema. */
export type ValidationJudge = "gateway" | "openclaw-cli" | "dashboard-schema";

/** A repair the dashboard can apply in one click (POST /api/config/fix {id}). */
export interface ConfigFixRef {
  id: string;
  label: string;
}

export interface ValidationIssue {
  /** Dot-joined, as OpenClaw reports it (`models.providers.huggingface.models.0`); "" for the whole file. */
  path: string;
  message: string;
  fix?: ConfigFixRef;
}

/** OpenClaw's verdict on the whole file (GET /api/config's `validation`). */
export interface ConfigValidation {
  by: ValidationJudge;
  valid: boolean;
  /** OpenClaw's CLI is still checking this revision; `by` is then the dashboard's interim verdict. */
  checking?: boolean;
  issues: ValidationIssue[];
  openclawVersion?: string;
}

/** A known trap in the file and its one-click repair (GET /api/config's `repairs`). */
export interface ConfigRepairInfo {
  id: string;
  kind: string;
  /** What the repair does. */
  label: string;
  /** The problem. */
  message: string;
  path: string;
  /** The warnings it repairs (by kind and ref or alias), to offer it beside them. */
  warnings?: { kind: string; ref?: string; alias?: string }[];
}

/** One `openclaw doctor --lint` finding about model config. */
export interface DoctorFinding {
  checkId: string;
  severity: string;
  message: string;
  path?: string;
  fixHint?: string;
}

/** `openclaw doctor --lint --json`'s model findings for the file (null in the state without a CLI). */
export interface DoctorLint {
  /** Still running for this revision (it takes several seconds). */
  checking?: boolean;
  /** The run gave no answer (timeout, no JSON). */
  failed?: boolean;
  findings: DoctorFinding[];
}

/**
 * POST /api/config/text/preview's answer: what saving a whole file (`{text}`) would do. Nothing is
 * written. PUT /api/config/text saves the same text (If-Match) and answers a ConfigSaveBody.
 */
export interface ConfigTextPreviewBody {
  /** The revision of openclaw.json the preview was computed on (send it back as If-Match). */
  revision: string;
  /** The file now → the file as it would be written (plain JSON), both sides masked. */
  diff: ConfigDiff;
  /** OpenClaw's verdict on the candidate file: its CLI on a private copy, else the dashboard's schema. */
  validation: ConfigValidation;
  /**
   * Everything that would stop the save: the text does not parse (with line and column), a masked
   * value where the saved file has no secret, OpenClaw's issues, a write OpenClaw takes for a clobber.
   */
  issues: ValidationIssue[];
  /** Where the text does not parse, for the editor. */
  problem?: { message: string; line?: number; column?: number };
  /** The text has comments or JSON5 syntax: it is saved as plain JSON, as OpenClaw's writes do. */
  reformats?: boolean;
  /** How many masked values (••••••••) keep the saved secret at their place. */
  keptSecrets: number;
  /** The text changes `meta`, which is OpenClaw's: the file's `meta` is kept as it is. */
  metaKept?: boolean;
  /** A Gateway runs the file: the save goes through its config.patch, and it judges the text again then. */
  gatewayJudgesSave?: boolean;
}
