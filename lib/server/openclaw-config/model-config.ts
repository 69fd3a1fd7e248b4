import "server-only";
import type { ValidationIssue } from "@/lib/openclaw-config/api-types";
import type { ModelChange } from "@/lib/openclaw-config/change";
import { diffConfigText, type ConfigDiff } from "@/lib/openclaw-config/diff";
import { applyModelChange } from "@/lib/openclaw-config/edit";
import { redactConfigText } from "@/lib/openclaw-config/redact";
import { gatewayStatus } from "../gateway/client";
import { readConfig, serializeConfig, updateConfig, type ConfigObject } from "./config-file";
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
import { preexistingProblem } from "./repair-list";

export { getConfigState, type ConfigPreview, type ConfigState, type SaveOutcome };

// The models feature's edits of openclaw.json: save and preview (restores and the download are
// backup-restore.ts's, repairs repair-config.ts's). Files are opened by config-file.ts; the state and
// its masking are config-state.ts's; with a Gateway running, saves go through it (gateway-save.ts),
// otherwise the file is written directly.

export async function saveModelChange(expectedRevision: string, change: ModelChange): Promise<SaveOutcome> {
  const catalog = await catalogForChecks();
  const hidden = await secrets();
  const edit = (current: ConfigObject) => {
    const result = applyModelChange(current, change, catalog.models);
    if (result.issues.length > 0)
      throw preexistingProblem(current, result.issues, catalog, hidden) ?? invalid(result.issues, hidden);
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
  const preexisting = preexistingProblem(snapshot.data, result.issues, catalog, hidden);
  return {
    revision: snapshot.revision,
    diff: await maskedDiff(snapshot.text, after),
    issues: preexisting
      ? (preexisting.details as { issues: ValidationIssue[] }).issues.map((i) => ({
          ...i,
          message: `Already in openclaw.json, unrelated to this change: ${i.path ? `${i.path}: ` : ""}${i.message}. OpenClaw refuses the whole file until it is repaired.`,
        }))
      : maskIssues(result.issues, hidden),
  };
}

/** The line diff between two versions of the file, both masked (`extraSecrets`: more known values). */
export async function maskedDiff(before: string, after: string, extraSecrets: string[] = []): Promise<ConfigDiff> {
  const hidden = [...(await secrets()), ...extraSecrets];
  return diffConfigText(redactConfigText(before, hidden), redactConfigText(after, hidden));
}
