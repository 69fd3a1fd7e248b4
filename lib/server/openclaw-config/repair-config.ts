import "server-only";
import { AppError } from "@/lib/errors";
import { findRepair } from "@/lib/openclaw-config/repairs/find-repairs";
import type { Json } from "@/lib/openclaw-config/repairs/types";
import { checkTouchedConfig, type ConfigIssue } from "@/lib/openclaw-config/schema";
import { readConfig, readCurrentAt, serializeConfig, updateConfig, type ConfigSnapshot } from "./config-file";
import {
  catalogForChecks,
  maskIssues,
  secrets,
  unparsable,
  withConflictState,
  type ConfigPreview,
  type SaveOutcome,
} from "./config-state";
import { fileWriteOutcome, saveThroughGateway } from "./gateway-save";
import { maskedDiff } from "./model-config";
import { repairContext } from "./repair-list";
import { judgeCurrentConfig } from "./verdict";

// POST /api/config/fix and its preview: one repair (lib/openclaw-config/repairs), found again on the
// file at the revision the user saw, applied through the normal save path. With the Gateway running
// and the file valid, that is config.patch. While the file is invalid the Gateway refuses every
// patch ("fix it before patching") and keeps running the last accepted config; the repair is then
// written to the file, as an editor or `openclaw doctor --fix` would, and the Gateway's watcher
// validates and hot-applies it (see waitForGatewayApply).

async function repairEdit(snapshot: ConfigSnapshot, id: string) {
  if (snapshot.problem || !snapshot.data) throw unparsable(snapshot);
  const [verdict, catalog] = await Promise.all([judgeCurrentConfig({ snapshot }), catalogForChecks()]);
  const ctx = repairContext(verdict, catalog);
  const repair = findRepair(snapshot.data, id, ctx);
  if (!repair)
    throw new AppError("not_found", "That repair does not apply to openclaw.json as it is now (already repaired?).", {
      id,
    });
  const before = checkTouchedConfig(snapshot.data);
  const edit = (current: Json): Json => {
    const found = findRepair(current, id, ctx);
    if (!found) throw new AppError("not_found", "That repair no longer applies to openclaw.json.", { id });
    const next = found.apply(current);
    // A repair may leave other problems as they were, never add one.
    const added = checkTouchedConfig(next).filter((i) => !before.some((b) => sameIssue(b, i)));
    if (added.length > 0)
      throw new AppError("config_invalid", `Not repaired: ${added[0].path}: ${added[0].message}`, { issues: added });
    return next;
  };
  return { repair, edit, gatewayValid: verdict.by === "gateway" ? verdict.valid : null };
}

function sameIssue(a: ConfigIssue, b: ConfigIssue): boolean {
  return a.path === b.path && a.message === b.message;
}

export async function previewRepair(id: string): Promise<ConfigPreview> {
  const snapshot = await readConfig();
  const { edit } = await repairEdit(snapshot, id);
  const next = edit(structuredClone(snapshot.data as Json));
  return {
    revision: snapshot.revision,
    // Not in the form OpenClaw writes (comments, JSON5): the repair rewrites it as plain JSON.
    ...(snapshot.text !== serializeConfig(snapshot.data as Json) ? { reformats: true } : {}),
    diff: await maskedDiff(snapshot.text, serializeConfig(next)),
    issues: maskIssues(checkTouchedConfig(next), await secrets()),
  };
}

export async function applyRepair(id: string, expectedRevision: string): Promise<SaveOutcome> {
  const snapshot = await withConflictState(() => readCurrentAt(expectedRevision));
  const { repair, edit, gatewayValid } = await repairEdit(snapshot, id);
  const note = `HF Provider Dashboard: ${repair.label}`;
  if (gatewayValid === true) return withConflictState(() => saveThroughGateway(expectedRevision, edit, note));
  const written = await withConflictState(() => updateConfig(expectedRevision, edit));
  return fileWriteOutcome(written, gatewayValid === false);
}
