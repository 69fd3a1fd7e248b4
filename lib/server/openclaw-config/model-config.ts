import "server-only";
import type { CatalogResponse } from "@/lib/catalog/types";
import { computeWarnings, type ModelWarning } from "@/lib/catalog/warnings";
import { AppError } from "@/lib/errors";
import type { BackupInfo, GatewayInfo } from "@/lib/openclaw-config/api-types";
import type { ModelChange } from "@/lib/openclaw-config/change";
import { diffConfigText, type ConfigDiff } from "@/lib/openclaw-config/diff";
import { applyModelChange } from "@/lib/openclaw-config/edit";
import { maskSecrets, redactConfigData, redactConfigText } from "@/lib/openclaw-config/redact";
import { isCredentialedUrl, withoutCredentials } from "@/lib/openclaw-config/secret-paths";
import { checkTouchedConfig, type ConfigIssue } from "@/lib/openclaw-config/schema";
import { readModelSettings, type ModelSettings } from "@/lib/openclaw-config/model-settings";
import { mergePatchOf } from "@/lib/openclaw-config/merge-patch";
import { builtinCatalog, getCatalog } from "../catalog/catalog";
import { configGet, configPatch, gatewayStatus } from "../gateway/client";
import { GatewayError } from "../gateway/errors";
import {
  listBackups,
  readBackup,
  readBackupConfig,
  readConfig,
  readCurrentAt,
  restoreBackup,
  serializeConfig,
  updateConfig,
  type ConfigObject,
  type ConfigSnapshot,
  type ParseProblem,
} from "./config-file";
import { resolveToken } from "../token/token-source";

// The models feature's view of openclaw.json: what the agent will use, the file as text (secrets
// masked), warnings, and the edits (save, preview, restore). Files are opened by config-file.ts.
// Whatever leaves from here (text, data, settings, warnings, diffs, the 409's current state) is
// masked with lib/openclaw-config/redact.ts, and the token in effect is masked wherever it appears.
// When OpenClaw's Gateway runs, it owns the file: a save is computed here as always, then sent to it
// as a merge patch (config.patch), which validates, writes and hot-applies it; otherwise the file is
// written directly (config-file.ts).
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
  issues: ConfigIssue[];
}

async function secrets(): Promise<string[]> {
  const token = (await resolveToken())?.token;
  return token ? [token] : [];
}

/** The catalog if it is ready within a moment; the built-in one otherwise (never block a page). */
async function catalogForChecks(): Promise<CatalogResponse> {
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
function warningsFor(data: Record<string, unknown>, catalog: CatalogResponse, hidden: string[]): ModelWarning[] {
  const settings = readModelSettings(data);
  if (settings.baseUrl !== undefined && isCredentialedUrl(settings.baseUrl))
    settings.baseUrl = withoutCredentials(settings.baseUrl);
  return computeWarnings(settings, catalog).map((w) => ({
    ...w,
    ref: w.ref === undefined ? undefined : maskSecrets(w.ref, hidden),
    message: maskSecrets(w.message, hidden),
  }));
}

function maskIssues(issues: ConfigIssue[], hidden: string[]): ConfigIssue[] {
  return issues.map((i) => ({ ...i, message: maskSecrets(i.message, hidden) }));
}

/** The Gateway's state for pages; when it runs, whether it runs the saved file (one cheap config.get). */
async function gatewayInfo(): Promise<GatewayInfo> {
  const status = await gatewayStatus();
  if (status.state !== "running")
    return { state: status.state, ...(status.message ? { message: status.message } : {}) };
  try {
    const snapshot = await configGet();
    return {
      state: "running",
      applied: snapshot.applied,
      requiresRestart: !snapshot.applied,
      ...(status.message ? { message: status.message } : {}),
    };
  } catch (error) {
    return {
      state: "running",
      message: error instanceof GatewayError ? error.message : "The Gateway did not say which config it runs.",
    };
  }
}

async function toState(snapshot: ConfigSnapshot, gateway?: GatewayInfo): Promise<ConfigState> {
  const [catalog, hidden, info] = await Promise.all([catalogForChecks(), secrets(), gateway ?? gatewayInfo()]);
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
  };
}

export async function getConfigState(): Promise<ConfigState> {
  return toState(await readConfig());
}

function unparsable(snapshot: ConfigSnapshot): AppError {
  const where = snapshot.problem?.line ? ` (line ${snapshot.problem.line}, column ${snapshot.problem.column})` : "";
  return new AppError(
    "config_unparsable",
    `openclaw.json does not parse${where}: ${snapshot.problem?.message ?? "unknown problem"}. Fix it by hand; the dashboard will not overwrite it.`,
    { problem: snapshot.problem },
  );
}

function invalid(all: ConfigIssue[], hidden: string[]): AppError {
  const issues = maskIssues(all, hidden);
  const first = issues[0];
  return new AppError(
    "config_invalid",
    `Not saved: ${first.path && first.path !== "change" && first.path !== "aliases" ? `${first.path}: ` : ""}${first.message}`,
    { issues },
  );
}

/** 409 carries the file as it is now, so the client can show it and let the user re-apply. */
async function withConflictState<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      throw new AppError("conflict", error.message, { current: await getConfigState() });
    }
    throw error;
  }
}

export async function saveModelChange(expectedRevision: string, change: ModelChange): Promise<SaveOutcome> {
  const catalog = await catalogForChecks();
  const hidden = await secrets();
  const edit = (current: ConfigObject) => {
    const result = applyModelChange(current, change, catalog.models);
    if (result.issues.length > 0) throw invalid(result.issues, hidden);
    return result.config;
  };
  if ((await gatewayStatus()).state === "running") {
    return withConflictState(() => patchThroughGateway(expectedRevision, edit, "HF Provider Dashboard: model change"));
  }
  const snapshot = await withConflictState(() => updateConfig(expectedRevision, edit));
  return fileOutcome(snapshot);
}

async function fileOutcome(snapshot: ConfigSnapshot): Promise<SaveOutcome> {
  return { state: await toState(snapshot), appliedBy: "file", applied: false, requiresRestart: false };
}

/**
 * The Gateway path: our revision check first (the same 409 as a file save), then config.get's hash,
 * then the file once more (so that hash is the one of the file the edit was computed on), then
 * config.patch with only what differs. `meta` is left to OpenClaw, which stamps it on every write.
 */
async function patchThroughGateway(
  expectedRevision: string,
  edit: (current: ConfigObject) => ConfigObject,
  note: string,
): Promise<SaveOutcome> {
  const current = await readCurrentAt(expectedRevision);
  if (current.problem || !current.data) throw unparsable(current);
  const next = edit(structuredClone(current.data));
  const base = await configGet();
  await readCurrentAt(expectedRevision);
  const { patch, replacePaths } = mergePatchOf(current.data, next, ["meta"]);
  if (!patch) {
    return {
      state: await toState(current),
      appliedBy: "gateway",
      applied: base.applied,
      requiresRestart: !base.applied,
    };
  }
  let result;
  try {
    result = await configPatch({ raw: patch, baseHash: base.hash, replacePaths, note });
  } catch (error) {
    throw gatewayRefusal(error, await secrets());
  }
  const gateway: GatewayInfo = {
    state: "running",
    applied: result.applied,
    requiresRestart: !result.applied,
    message: result.message,
  };
  return {
    state: await toState(await readConfig(), gateway),
    appliedBy: "gateway",
    applied: result.applied,
    requiresRestart: result.requiresRestart || !result.applied,
  };
}

/** OpenClaw's refusals in the dashboard's language: conflict → 409 (with the file), invalid → 422 with its issues. */
function gatewayRefusal(error: unknown, hidden: string[]): unknown {
  if (!(error instanceof GatewayError)) return error;
  if (error.kind === "conflict")
    return new AppError(
      "conflict",
      "openclaw.json changed since you loaded it (through the running Gateway, an editor or another tab). Review the current file and try again.",
    );
  if (error.kind === "invalid" || error.kind === "replace_paths_required" || error.kind === "write_rejected") {
    const issues = (error.details as { issues?: ConfigIssue[] } | undefined)?.issues ?? [];
    return new AppError("config_invalid", `Not saved: OpenClaw refused it. ${maskSecrets(error.message, hidden)}`, {
      issues: maskIssues(issues, hidden),
    });
  }
  return error;
}

/** The diff a change would make to the file as it is now; nothing is written. */
export async function previewModelChange(change: ModelChange): Promise<ConfigPreview> {
  const snapshot = await readConfig();
  if (snapshot.problem || !snapshot.data) throw unparsable(snapshot);
  const catalog = await catalogForChecks();
  const result = applyModelChange(snapshot.data, change, catalog.models);
  const hidden = await secrets();
  const after = result.issues.length > 0 ? snapshot.text : serializeConfig(result.config);
  return {
    revision: snapshot.revision,
    diff: await maskedDiff(snapshot.text, after),
    issues: maskIssues(result.issues, hidden),
  };
}

/** The line diff between two versions of the file, both masked (`extraSecrets`: more known values). */
export async function maskedDiff(before: string, after: string, extraSecrets: string[] = []): Promise<ConfigDiff> {
  const hidden = [...(await secrets()), ...extraSecrets];
  return diffConfigText(redactConfigText(before, hidden), redactConfigText(after, hidden));
}

function checkRestorable(data: Record<string, unknown>): void {
  const issues = checkTouchedConfig(data);
  if (issues.length > 0)
    throw new AppError(
      "config_invalid",
      `Not restored: OpenClaw would refuse this backup (${issues[0].path}: ${issues[0].message}).`,
      { issues },
    );
}

export async function previewRestore(name: string): Promise<ConfigPreview> {
  const [snapshot, backup] = await Promise.all([readConfig(), readBackup(name)]);
  if (!backup) throw new AppError("not_found", `There is no backup named ${name}.`);
  return { revision: snapshot.revision, diff: await maskedDiff(snapshot.text, backup.text), issues: [] };
}

export async function restoreFromBackup(name: string, expectedRevision: string): Promise<SaveOutcome> {
  if ((await gatewayStatus()).state === "running") {
    const { data: parsed } = await readBackupConfig(name);
    checkRestorable(parsed);
    return withConflictState(() =>
      patchThroughGateway(expectedRevision, () => structuredClone(parsed), `HF Provider Dashboard: restore ${name}`),
    );
  }
  const snapshot = await withConflictState(() => restoreBackup(name, expectedRevision, checkRestorable));
  return fileOutcome(snapshot);
}

/** The file for download, secrets masked like everywhere else. */
export async function configForDownload(): Promise<string> {
  const snapshot = await readConfig();
  if (!snapshot.exists) throw new AppError("not_found", "There is no openclaw.json yet: save a model first.");
  return redactConfigText(snapshot.text, await secrets());
}
