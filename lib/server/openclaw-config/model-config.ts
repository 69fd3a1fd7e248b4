import "server-only";
import { AppError } from "@/lib/errors";
import type { ModelChange } from "@/lib/openclaw-config/change";
import { diffConfigText, type ConfigDiff } from "@/lib/openclaw-config/diff";
import { applyModelChange } from "@/lib/openclaw-config/edit";
import { redactConfigText } from "@/lib/openclaw-config/redact";
import { checkTouchedConfig } from "@/lib/openclaw-config/schema";
import { gatewayStatus } from "../gateway/client";
import {
  readBackup,
  readBackupConfig,
  readConfig,
  restoreBackup,
  serializeConfig,
  updateConfig,
  type ConfigObject,
} from "./config-file";
import {
  catalogForChecks,
  fileOutcome,
  getConfigState,
  maskIssues,
  secrets,
  invalid,
  unparsable,
  withConflictState,
  type ConfigPreview,
  type ConfigState,
  type SaveOutcome,
} from "./config-state";
import { saveThroughGateway } from "./gateway-save";

export { getConfigState, type ConfigPreview, type ConfigState, type SaveOutcome };

// The models feature's edits of openclaw.json: save, preview, restore, download. Files are opened by
// config-file.ts; the state and its masking are config-state.ts's; with a Gateway running, saves and
// restores go through it (gateway-save.ts), otherwise the file is written directly.

export async function saveModelChange(expectedRevision: string, change: ModelChange): Promise<SaveOutcome> {
  const catalog = await catalogForChecks();
  const hidden = await secrets();
  const edit = (current: ConfigObject) => {
    const result = applyModelChange(current, change, catalog.models);
    if (result.issues.length > 0) throw invalid(result.issues, hidden);
    return result.config;
  };
  if ((await gatewayStatus()).state === "running") {
    return withConflictState(() => saveThroughGateway(expectedRevision, edit, "HF Provider Dashboard: model change"));
  }
  const snapshot = await withConflictState(() => updateConfig(expectedRevision, edit));
  return fileOutcome(snapshot);
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
      saveThroughGateway(expectedRevision, () => structuredClone(parsed), `HF Provider Dashboard: restore ${name}`),
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
