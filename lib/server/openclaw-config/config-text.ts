import "server-only";
import { isDeepStrictEqual } from "node:util";
import { AppError } from "@/lib/errors";
import type { ConfigValidation, ValidationIssue } from "@/lib/openclaw-config/api-types";
import { describeClobber } from "@/lib/openclaw-config/clobber";
import { MASK, maskSecrets } from "@/lib/openclaw-config/redact";
import { restoreMasks, valuesOfUnparsable } from "@/lib/openclaw-config/restore-masks";
import { parseConfigText, type ParseProblem } from "@/lib/openclaw-config/parse-config";
import {
  clobberCheck,
  readConfig,
  readCurrentAt,
  serializeConfig,
  updateConfig,
  type ConfigObject,
  type ConfigSnapshot,
} from "./config-file";
import { secrets, withConflictState, type SaveOutcome } from "./config-state";
import { fileWriteOutcome, saveThroughGateway } from "./gateway-save";
import { maskedDiff } from "./model-config";
import { judgeConfigText, problemIssue, readGateway, type GatewayRead } from "./verdict";

// The whole file, edited as text on the Config page: PUT /api/config/text and its preview. The text
// comes back with the masks it was shown; restore-masks.ts gives them their saved secrets back, so
// the file never receives a mask. It is saved the way OpenClaw's writes save (plain JSON, `meta`
// kept, the clobber rules), judged by OpenClaw first: the running Gateway judges it in config.patch;
// otherwise (or while the file on disk is already invalid, when the Gateway refuses every patch) the
// CLI judges a private copy before the file is written.
export const MAX_CONFIG_TEXT_BYTES = 2 * 1024 * 1024;

export interface ConfigTextPreview {
  revision: string;
  diff: Awaited<ReturnType<typeof maskedDiff>>;
  validation: ConfigValidation;
  issues: ValidationIssue[];
  problem?: ParseProblem;
  reformats?: boolean;
  keptSecrets: number;
  metaKept?: boolean;
  gatewayJudgesSave?: boolean;
}

interface Candidate {
  /** The data to write (saved secrets in place of masks, the file's meta); null when the text does not parse. */
  data: ConfigObject | null;
  /** `data` as it would be written. */
  text: string;
  problem: ParseProblem | null;
  /** Masks with nothing saved at their place (422 config_invalid): they stop the save before OpenClaw is asked. */
  stray: ValidationIssue[];
  /** Why OpenClaw would take the write for a clobber (422 config_write_rejected): they stop it too. */
  clobber: ValidationIssue[];
  keptSecrets: number;
  metaKept: boolean;
  reformats: boolean;
}

function assertSize(text: string): void {
  if (Buffer.byteLength(text, "utf8") > MAX_CONFIG_TEXT_BYTES)
    throw new AppError(
      "payload_too_large",
      "The config is larger than 2 MB; OpenClaw's file cannot be that large here.",
    );
}

function strayIssue(path: string): ValidationIssue {
  return {
    path,
    message: `A masked value (${MASK}) where openclaw.json has no secret to keep: type the value itself, or undo the move.`,
  };
}

/** What saving `text` over `snapshot` would write, and what stops it before OpenClaw is asked. */
async function candidateFrom(text: string, snapshot: ConfigSnapshot, hidden: string[]): Promise<Candidate> {
  const parsed = parseConfigText(text);
  if (parsed.problem || !parsed.data) {
    const problem = parsed.problem ?? { message: "The text does not parse." };
    return { data: null, text: "", problem, stray: [], clobber: [], keptSecrets: 0, metaKept: false, reformats: false };
  }
  // A file that does not parse (the user is repairing it here) gives its values back by place too.
  const saved = snapshot.data ?? (snapshot.exists ? valuesOfUnparsable(snapshot.text) : null);
  const restored = restoreMasks(parsed.data, saved, hidden);
  const data = restored.data;
  // meta is OpenClaw's (migration markers, lastTouchedVersion): the file's stays, whatever the text says.
  const fileMeta = snapshot.data?.meta;
  const metaKept = fileMeta !== undefined && !isDeepStrictEqual(data.meta, fileMeta);
  if (fileMeta !== undefined) data.meta = structuredClone(fileMeta);
  const written = serializeConfig(data);
  const clobber = snapshot.exists ? await clobberCheck(written, snapshot) : [];
  return {
    data,
    text: written,
    problem: null,
    stray: restored.stray.map(strayIssue),
    clobber: clobber.length > 0 ? [{ path: "", message: maskSecrets(describeClobber(clobber), hidden) }] : [],
    keptSecrets: restored.kept,
    metaKept,
    // Plain JSON in another spacing is not "JSON5": only comments and JSON5 syntax are lost.
    reformats: text.trim() !== "" && !parsed.json,
  };
}

/** What saving the whole file as `text` would do now: the diff, OpenClaw's verdict, what stops it. Writes nothing. */
export async function previewConfigText(text: string): Promise<ConfigTextPreview> {
  assertSize(text);
  const [snapshot, hidden] = await Promise.all([readConfig(), secrets()]);
  const candidate = await candidateFrom(text, snapshot, hidden);
  const common = { revision: snapshot.revision, keptSecrets: candidate.keptSecrets };
  if (!candidate.data) {
    const problem = candidate.problem ?? { message: "The text does not parse." };
    const issues = [problemIssue(problem, "The text")];
    return {
      ...common,
      diff: await maskedDiff(snapshot.text, snapshot.text),
      validation: { by: "dashboard-schema", valid: false, issues },
      issues,
      problem,
    };
  }
  const [validation, gateway] = await Promise.all([judgeConfigText(candidate.text, snapshot.path), readGateway()]);
  return {
    ...common,
    diff: await maskedDiff(snapshot.text, candidate.text),
    validation,
    issues: [...candidate.stray, ...candidate.clobber, ...(validation.valid ? [] : validation.issues)],
    ...(candidate.reformats ? { reformats: true } : {}),
    ...(candidate.metaKept ? { metaKept: true } : {}),
    ...(viaGateway(gateway) ? { gatewayJudgesSave: true } : {}),
  };
}

/** The save goes through the Gateway's config.patch (see saveConfigText). */
function viaGateway(gateway: GatewayRead): boolean {
  // A Gateway whose config.get failed is still asked: saveThroughGateway knows what to do when it is gone.
  return gateway.status.state === "running" && gateway.snapshot?.valid !== false;
}

/** Refuses the candidate with the dashboard's usual errors: 422 unparsable, invalid (stray masks), or write-rejected. */
function assertSavable(candidate: Candidate): asserts candidate is Candidate & { data: ConfigObject } {
  if (!candidate.data) {
    const problem = candidate.problem ?? { message: "The text does not parse." };
    throw new AppError("config_unparsable", `Not saved: ${problemIssue(problem, "The text").message}`, problem);
  }
  for (const [code, issues] of [
    ["config_invalid", candidate.stray],
    ["config_write_rejected", candidate.clobber],
  ] as const) {
    const [first] = issues;
    if (first)
      throw new AppError(code, `Not saved: ${first.path ? `${first.path}: ` : ""}${first.message}`, { issues });
  }
}

/**
 * Saves `text` as the whole file if it is still at `expectedRevision`. With the Gateway running a
 * valid file: config.patch (the Gateway judges and applies). Otherwise the CLI judges a private copy
 * first (422 with OpenClaw's issues, nothing written), then the file is written as OpenClaw writes it,
 * and a Gateway that runs an older config is given a moment to pick it up.
 */
export async function saveConfigText(expectedRevision: string, text: string): Promise<SaveOutcome> {
  assertSize(text);
  return withConflictState(async () => {
    const [snapshot, hidden, gateway] = await Promise.all([readCurrentAt(expectedRevision), secrets(), readGateway()]);
    if (snapshot.exists && snapshot.problem && snapshot.text === "")
      throw new AppError("config_unparsable", `Not saved: ${snapshot.problem.message}`, snapshot.problem);
    const candidate = await candidateFrom(text, snapshot, hidden);
    assertSavable(candidate);
    const next = candidate.data;
    const note = "HF Provider Dashboard: whole-file edit";
    if (viaGateway(gateway)) return saveThroughGateway(expectedRevision, () => structuredClone(next), note);
    const verdict = await judgeConfigText(candidate.text, snapshot.path);
    if (!verdict.valid) {
      const [first] = verdict.issues;
      throw new AppError(
        "config_invalid",
        `Not saved: OpenClaw refuses it${first ? ` (${first.path ? `${first.path}: ` : ""}${first.message})` : ""}.`,
        { issues: verdict.issues, by: verdict.by },
      );
    }
    const written = await updateConfig(expectedRevision, () => structuredClone(next), { overUnparsable: true });
    return fileWriteOutcome(written, gateway.status.state === "running");
  });
}
