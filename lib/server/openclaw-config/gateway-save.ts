import "server-only";
import { AppError } from "@/lib/errors";
import type { GatewayInfo } from "@/lib/openclaw-config/api-types";
import { maskSecrets } from "@/lib/openclaw-config/redact";
import type { ConfigIssue } from "@/lib/openclaw-config/schema";
import { mergePatchOf } from "@/lib/openclaw-config/merge-patch";
import { configGet, configPatch, gatewayStatus } from "../gateway/client";
import { GatewayError } from "../gateway/errors";
import { readConfig, readCurrentAt, updateConfig, type ConfigObject, type ConfigSnapshot } from "./config-file";
import {
  catalogForChecks,
  fileOutcome,
  maskIssues,
  secrets,
  toState,
  unparsable,
  type SaveOutcome,
} from "./config-state";
import { alreadyInvalid, issuesWithFixes } from "./repair-list";

// A save when OpenClaw's Gateway runs: it owns the file, so the change computed on the file is sent
// as a merge patch (config.patch with config.get's hash), which OpenClaw validates, writes (stamping
// meta) and hot-applies. If the Gateway goes away mid-save: the file path when it is really stopped,
// else a 503 that says whether anything was written.
const APPLY_WAIT_MS = 3000;

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
  const base = await configGet().catch((error: unknown) => {
    throw goneMidSave(error);
  });
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
    result = await patchOnce(patch, base.hash, replacePaths, note, expectedRevision);
  } catch (error) {
    const gone = goneMidSave(error);
    if (gone instanceof GatewayGone) throw gone;
    const hidden = await secrets();
    // The file on disk is already invalid: OpenClaw refuses every patch until it is repaired.
    const details =
      error instanceof GatewayError ? (error.details as { onDisk?: boolean; issues?: ConfigIssue[] }) : null;
    if (details?.onDisk && (details.issues ?? []).length > 0)
      throw alreadyInvalid(issuesWithFixes(current.data, details.issues ?? [], await catalogForChecks(), hidden));
    throw gatewayRefusal(error, hidden);
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

/**
 * config.patch, asked once more after a stale-hash refusal when the file is still the one we loaded:
 * the Gateway answers config.get from a cache until its watcher has seen a direct edit (under a
 * second), and the refusal clears that cache, so a fresh config.get then gives the file's hash.
 */
async function patchOnce(
  patch: Record<string, unknown>,
  baseHash: string | null,
  replacePaths: string[],
  note: string,
  expectedRevision: string,
) {
  try {
    return await configPatch({ raw: patch, baseHash, replacePaths, note });
  } catch (error) {
    if (!(error instanceof GatewayError) || error.kind !== "conflict") throw error;
    const fresh = await configGet();
    await readCurrentAt(expectedRevision);
    if (fresh.hash === baseHash) throw error;
    return configPatch({ raw: patch, baseHash: fresh.hash, replacePaths, note });
  }
}

/** The Gateway went away between our status check and its answer (stopped, restarting, silent). */
class GatewayGone extends Error {
  constructor(readonly reason: GatewayError) {
    super(reason.message);
  }
}

const GONE_KINDS = new Set(["not_running", "restarting", "timeout"]);

/** A GatewayGone for the failures that mean "no Gateway answered", else the error as it was. */
function goneMidSave(error: unknown): unknown {
  return error instanceof GatewayError && GONE_KINDS.has(error.kind) ? new GatewayGone(error) : error;
}

/**
 * A save whose Gateway went away meanwhile. Really stopped (nothing listens any more): the file
 * path, with the same revision check, so a change the Gateway wrote before it stopped is a 409,
 * never overwritten. Otherwise (restarting, not answering): 503, saying whether the file changed.
 */
async function afterGatewayGone(
  gone: GatewayGone,
  expectedRevision: string,
  edit: (current: ConfigObject) => ConfigObject,
): Promise<SaveOutcome> {
  const status = await gatewayStatus();
  if (status.state === "stopped") return fileOutcome(await updateConfig(expectedRevision, edit));
  const unchanged = (await readConfig()).revision === expectedRevision;
  throw new AppError(
    "gateway_unavailable",
    unchanged
      ? `The OpenClaw Gateway stopped answering during the save (${gone.reason.message}). Nothing was written: openclaw.json is as you loaded it. Try again in a few seconds.`
      : "The OpenClaw Gateway stopped answering during the save, and openclaw.json changed meanwhile: the change may have been saved. Reload to see the file as it is now.",
    { gateway: gone.reason.kind, written: unchanged ? false : "unknown", state: status.state },
  );
}

/** patchThroughGateway, falling back as afterGatewayGone says when the Gateway goes away mid-save. */
export async function saveThroughGateway(
  expectedRevision: string,
  edit: (current: ConfigObject) => ConfigObject,
  note: string,
): Promise<SaveOutcome> {
  try {
    return await patchThroughGateway(expectedRevision, edit, note);
  } catch (error) {
    if (error instanceof GatewayGone) return afterGatewayGone(error, expectedRevision, edit);
    throw error;
  }
}

/**
 * After a file write while the Gateway runs an older config (it refuses patches while the file is
 * invalid), the Gateway's watcher validates and hot-applies the file by itself in 0.2–0.7 s: did it?
 */
async function waitForGatewayApply(): Promise<{ applied: boolean; requiresRestart: boolean }> {
  const deadline = Date.now() + APPLY_WAIT_MS;
  while (Date.now() < deadline) {
    const snapshot = await configGet().catch(() => null);
    if (snapshot?.valid && snapshot.applied) return { applied: true, requiresRestart: false };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { applied: false, requiresRestart: false };
}

/**
 * The answer to a file write (`written`) made while a Gateway may run: without one, the file's;
 * with one (it refused patches, so the file was written), once its watcher applied the file or
 * APPLY_WAIT_MS passed.
 */
export async function fileWriteOutcome(written: ConfigSnapshot, gatewayRunning: boolean): Promise<SaveOutcome> {
  if (!gatewayRunning) return fileOutcome(written);
  const applied = await waitForGatewayApply();
  return { ...(await fileOutcome(await readConfig())), ...applied };
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
