import "server-only";
import { AppError } from "@/lib/errors";
import { checkTouchedConfig } from "@/lib/openclaw-config/schema";
import { redactConfigText } from "@/lib/openclaw-config/redact";
import { gatewayStatus } from "../gateway/client";
import { readBackup, readBackupConfig, readConfig, restoreBackup } from "./config-file";
import { fileOutcome, secrets, withConflictState, type ConfigPreview, type SaveOutcome } from "./config-state";
import { saveThroughGateway } from "./gateway-save";
import { maskedDiff } from "./model-config";

// The backups (.bak … .bak.4) compared with the file and restored through the normal save path,
// and the file for download; secrets masked like everywhere else.

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
