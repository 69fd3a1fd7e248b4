import "server-only";
import type { CatalogResponse } from "@/lib/catalog/types";
import { computeWarnings, type ModelWarning } from "@/lib/catalog/warnings";
import { AppError } from "@/lib/errors";
import type {
  BackupInfo,
  ConfigRepairInfo,
  DoctorLint,
  GatewayInfo,
  ValidationIssue,
} from "@/lib/openclaw-config/api-types";
import { type ConfigDiff } from "@/lib/openclaw-config/diff";
import { maskSecrets, redactConfigData, redactConfigText } from "@/lib/openclaw-config/redact";
import { isCredentialedUrl, withoutCredentials } from "@/lib/openclaw-config/secret-paths";
import type { ConfigIssue } from "@/lib/openclaw-config/schema";
import { readModelSettings, type ModelSettings } from "@/lib/openclaw-config/model-settings";
import { builtinCatalog, getCatalog } from "../catalog/catalog";
import type { ParseProblem } from "@/lib/openclaw-config/parse-config";
import { listBackups, readConfig, type ConfigSnapshot } from "./config-file";
import { resolveToken } from "../token/token-source";
import { doctorLint } from "./doctor-lint";
import { withRepairs } from "./repair-list";
import { judgeCurrentConfig, readGateway, type GatewayRead, type Verdict } from "./verdict";

// The state of openclaw.json as pages see it (secrets masked, warnings, the Gateway's view) and the
// pieces every save path shares. Whatever leaves from here (text, data, settings, warnings, the
// 409's current state) is masked with lib/openclaw-config/redact.ts, and the token in effect is
// masked wherever it appears.
const WARNING_CATALOG_WAIT_MS = 1500;

export interface ConfigState {
  path: string;
  exists: boolean;
  revision: string;
  /** The file as it is on disk, secrets masked. */
  text: string;
  /** The parsed file, secrets masked; null when it does not parse. */
  data: Record<string, unknown> | null;
  problem: ParseProblem | null;
  settings: ModelSettings;
  warnings: ModelWarning[];
  /** Which catalog the warnings were checked against. */
  warningsCatalog: CatalogResponse["source"];
  backups: BackupInfo[];
  gateway: GatewayInfo;
  /** OpenClaw's verdict on the whole file (see verdict.ts), each issue with its repair when there is one. */
  validation: Verdict;
  repairs: ConfigRepairInfo[];
  doctor: DoctorLint | null;
}

/** A save's answer: the state after it, and whether the running Gateway applied it. */
export interface SaveOutcome {
  state: ConfigState;
  appliedBy: "gateway" | "file";
  applied: boolean;
  requiresRestart: boolean;
}

export interface ConfigPreview {
  revision: string;
  diff: ConfigDiff;
  /** Why the change cannot be saved; a problem the file already had carries its repair. */
  issues: ValidationIssue[];
  /** The file is not in the form OpenClaw writes (comments, JSON5): saving rewrites it as plain JSON. */
  reformats?: boolean;
}

export async function secrets(): Promise<string[]> {
  const token = (await resolveToken())?.token;
  return token ? [token] : [];
}

/** The catalog if it is ready within a moment; the built-in one otherwise (never block a page). */
export async function catalogForChecks(): Promise<CatalogResponse> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<CatalogResponse>((resolve) => {
    timer = setTimeout(() => resolve(builtinCatalog()), WARNING_CATALOG_WAIT_MS);
  });
  try {
    return await Promise.race([getCatalog().catch(() => builtinCatalog()), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Warnings judged on the real file, said without its secrets (a baseUrl's credentials, the token). */
export function warningsFor(data: Record<string, unknown>, catalog: CatalogResponse, hidden: string[]): ModelWarning[] {
  const settings = readModelSettings(data);
  if (settings.baseUrl !== undefined && isCredentialedUrl(settings.baseUrl))
    settings.baseUrl = withoutCredentials(settings.baseUrl);
  return computeWarnings(settings, catalog).map((w) => ({
    ...w,
    ref: w.ref === undefined ? undefined : maskSecrets(w.ref, hidden),
    message: maskSecrets(w.message, hidden),
  }));
}

export function maskIssues(issues: ConfigIssue[], hidden: string[]): ConfigIssue[] {
  return issues.map((i) => ({ ...i, message: maskSecrets(i.message, hidden) }));
}

/** The Gateway's state for pages; when it runs, whether it runs the saved file. */
function gatewayInfo(read: GatewayRead): GatewayInfo {
  const { status, snapshot } = read;
  if (status.state !== "running")
    return { state: status.state, ...(status.message ? { message: status.message } : {}) };
  if (!snapshot) return { state: "running", message: read.error ?? "The Gateway did not say which config it runs." };
  return {
    state: "running",
    applied: snapshot.applied,
    requiresRestart: !snapshot.applied,
    ...(status.message ? { message: status.message } : {}),
  };
}

export async function toState(snapshot: ConfigSnapshot, gateway?: GatewayInfo): Promise<ConfigState> {
  const [catalog, hidden, read] = await Promise.all([catalogForChecks(), secrets(), readGateway()]);
  const info = gateway ?? gatewayInfo(read);
  const verdict = await judgeCurrentConfig({ snapshot, gateway: read });
  const { validation, repairs } = withRepairs(snapshot.data, verdict, catalog, hidden);
  const data = snapshot.data ? redactConfigData(snapshot.data, hidden) : null;
  return {
    path: snapshot.path,
    exists: snapshot.exists,
    revision: snapshot.revision,
    text: redactConfigText(snapshot.text, hidden),
    data,
    problem: snapshot.problem,
    // Read from the masked data: a baseUrl with credentials is shown as the mask, as OpenClaw does.
    settings: readModelSettings(data),
    warnings: snapshot.data ? warningsFor(snapshot.data, catalog, hidden) : [],
    warningsCatalog: catalog.source,
    backups: (await listBackups()).map(({ name, mtime, size }) => ({ name, mtime, size })),
    gateway: info.message ? { ...info, message: maskSecrets(info.message, hidden) } : info,
    validation,
    repairs,
    doctor: await doctorLint(snapshot, hidden),
  };
}

export async function getConfigState(): Promise<ConfigState> {
  return toState(await readConfig());
}

export function unparsable(snapshot: ConfigSnapshot): AppError {
  const where = snapshot.problem?.line ? ` (line ${snapshot.problem.line}, column ${snapshot.problem.column})` : "";
  return new AppError(
    "config_unparsable",
    `openclaw.json does not parse${where}: ${snapshot.problem?.message ?? "unknown problem"}. Fix it by hand; the dashboard will not overwrite it.`,
    { problem: snapshot.problem },
  );
}

export function invalid(all: ConfigIssue[], hidden: string[]): AppError {
  const issues = maskIssues(all, hidden);
  const first = issues[0];
  return new AppError(
    "config_invalid",
    `Not saved: ${first.path && first.path !== "change" && first.path !== "aliases" ? `${first.path}: ` : ""}${first.message}`,
    { issues },
  );
}

/** 409 carries the file as it is now, so the client can show it and let the user re-apply. */
export async function withConflictState<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      throw new AppError("conflict", error.message, { current: await getConfigState() });
    }
    throw error;
  }
}

export async function fileOutcome(snapshot: ConfigSnapshot): Promise<SaveOutcome> {
  return { state: await toState(snapshot), appliedBy: "file", applied: false, requiresRestart: false };
}
