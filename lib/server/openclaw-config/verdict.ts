import "server-only";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ConfigValidation, ValidationIssue } from "@/lib/openclaw-config/api-types";
import { maskSecrets } from "@/lib/openclaw-config/redact";
import { checkTouchedConfig } from "@/lib/openclaw-config/schema";
import { configGet, gatewayStatus } from "../gateway/client";
import { GatewayError } from "../gateway/errors";
import type { GatewayConfigSnapshot } from "../gateway/payloads";
import type { GatewayStatus } from "../gateway/status";
import { findOpenClawCli, parseJsonOutput, runOpenClaw, type OpenClawCli } from "../openclaw-cli/cli";
import { resolveToken } from "../token/token-source";
import { parseConfigText, problemPosition, type ParseProblem } from "@/lib/openclaw-config/parse-config";
import { readConfig, type ConfigObject, type ConfigSnapshot } from "./config-file";

// OpenClaw is the judge of a whole config file, in this order: the running Gateway (config.get's
// valid/issues for the file it watches), else the installed CLI (`openclaw config validate --json`),
// else the dashboard's own schema, which covers only the parts it writes. The Gateway cannot judge a
// text without writing it (config.patch and config.apply write), so a candidate text goes to the CLI.
// The CLI takes 1–5 s: for the file on disk its verdict is cached per revision and computed in the
// background; until it is ready the page gets the schema's verdict marked `checking`.
export type Verdict = ConfigValidation;

const MAX_CACHED = 32;
const FAILED_RUN_TTL_MS = 60_000;

interface CachedRun {
  verdict: Verdict | null; // null: the CLI failed (timeout, no JSON); retried after FAILED_RUN_TTL_MS
  at: number;
}
const cliVerdicts = new Map<string, CachedRun>();
const cliChecks = new Map<string, Promise<void>>();

/** The running Gateway's view, when the caller already has it (GET /api/config reads it once). */
export interface GatewayRead {
  status: GatewayStatus;
  snapshot: GatewayConfigSnapshot | null;
  /** Why a running Gateway's config.get failed. */
  error?: string;
}

async function hiddenValues(): Promise<string[]> {
  const token = (await resolveToken())?.token;
  return token ? [token] : [];
}

function masked(issues: ValidationIssue[], hidden: string[]): ValidationIssue[] {
  return issues.map((issue) => ({
    ...issue,
    path: maskSecrets(issue.path, hidden),
    message: maskSecrets(issue.message, hidden),
  }));
}

/** The whole-file issue for a text that does not parse (`what`: "The file", "The text"). */
export function problemIssue(problem: ParseProblem, what = "The file"): ValidationIssue {
  return { path: "", message: `${what} does not parse${problemPosition(problem)}: ${problem.message}` };
}

/** The dashboard's own schema: strict where it writes, silent elsewhere. */
export function schemaVerdict(data: ConfigObject | null, problem: ParseProblem | null): Verdict {
  const issues = problem ? [problemIssue(problem)] : data ? checkTouchedConfig(data) : [];
  return { by: "dashboard-schema", valid: issues.length === 0, issues };
}

function readIssues(value: unknown): ValidationIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const { path: at, message } = (entry ?? {}) as { path?: unknown; message?: unknown };
    // OpenClaw names the top level "<root>"; the API says "" for the whole file.
    const where = typeof at === "string" && at !== "<root>" ? at : "";
    return typeof message === "string" ? [{ path: where, message }] : [];
  });
}

/** `openclaw config validate --json` on `file`; null when the CLI gave no verdict. */
async function validateWithCli(cli: OpenClawCli, file: string, hidden: string[]): Promise<Verdict | null> {
  const run = await runOpenClaw(cli, ["config", "validate", "--json"], file);
  const output = run.failure ? null : parseJsonOutput(run.stdout);
  if (!output || typeof output.valid !== "boolean") return null;
  const issues = readIssues(output.issues);
  // A file that does not parse comes back as valid:false with the error only (no issues).
  if (!output.valid && issues.length === 0) {
    const error = (output.error ?? {}) as { message?: unknown };
    issues.push({
      path: "",
      message: typeof error.message === "string" ? error.message : "OpenClaw refuses this file.",
    });
  }
  return {
    by: "openclaw-cli",
    valid: output.valid,
    issues: masked(issues, hidden),
    ...(cli.version ? { openclawVersion: cli.version } : {}),
  };
}

/**
 * OpenClaw's verdict on any candidate text (a whole file): the CLI on a private temporary copy (mode
 * 0600 in a 0700 folder, removed after), else the dashboard's schema. Waits for the CLI. A text with
 * `$include` is copied beside `configFile` instead (a dot-file, 0600, removed after), so its relative
 * includes resolve as they will for the real file.
 */
export async function judgeConfigText(text: string, configFile?: string): Promise<Verdict> {
  const cli = await findOpenClawCli();
  if (cli) {
    const beside = configFile && text.includes("$include") ? path.dirname(configFile) : null;
    const dir = beside ?? (await mkdtemp(path.join(os.tmpdir(), "hfpd-verdict-")));
    const file = beside
      ? path.join(beside, `.${path.basename(configFile as string)}.verdict-${randomBytes(6).toString("hex")}`)
      : path.join(dir, "openclaw.json");
    try {
      await writeFile(file, text, { mode: 0o600, flag: "wx" });
      const verdict = await validateWithCli(cli, file, await hiddenValues());
      if (verdict) return verdict;
    } finally {
      await rm(beside ? file : dir, { recursive: true, force: true });
    }
  }
  const { data, problem } = parseConfigText(text);
  return schemaVerdict(data, problem);
}

/** The Gateway's status and, when it runs, its config.get (one cheap call). */
export async function readGateway(): Promise<GatewayRead> {
  const status = await gatewayStatus();
  if (status.state !== "running") return { status, snapshot: null };
  try {
    return { status, snapshot: await configGet() };
  } catch (error) {
    const message = error instanceof GatewayError ? error.message : "The Gateway did not say which config it runs.";
    return { status, snapshot: null, error: message };
  }
}

function remember(key: string, run: CachedRun): void {
  cliVerdicts.delete(key);
  cliVerdicts.set(key, run);
  while (cliVerdicts.size > MAX_CACHED) cliVerdicts.delete(cliVerdicts.keys().next().value as string);
}

/** Validates the file itself (so `$include` and relative paths resolve); kept only if it did not change meanwhile. */
function startCliCheck(cli: OpenClawCli, snapshot: ConfigSnapshot, key: string): void {
  if (cliChecks.has(key)) return;
  const check = (async () => {
    const verdict = await validateWithCli(cli, snapshot.path, await hiddenValues());
    const now = await readConfig().catch(() => null);
    if (now?.revision === snapshot.revision) remember(key, { verdict, at: Date.now() });
  })()
    .catch(() => remember(key, { verdict: null, at: Date.now() }))
    .finally(() => cliChecks.delete(key));
  cliChecks.set(key, check);
}

/**
 * The verdict on openclaw.json as it is now. Never waits for the CLI: a check still running gives the
 * schema's verdict with `checking: true`, and the next call after it finished gets OpenClaw's.
 */
export async function judgeCurrentConfig(
  input: { snapshot?: ConfigSnapshot; gateway?: GatewayRead } = {},
): Promise<Verdict> {
  const snapshot = input.snapshot ?? (await readConfig());
  const gateway = input.gateway ?? (await readGateway());
  const fromGateway = gateway.snapshot;
  // The Gateway judges the file it watches: only trust it for ours.
  if (fromGateway && (!fromGateway.path || path.resolve(fromGateway.path) === snapshot.path)) {
    return {
      by: "gateway",
      valid: fromGateway.valid,
      issues: masked(fromGateway.issues, await hiddenValues()),
      ...(gateway.status.version ? { openclawVersion: gateway.status.version } : {}),
    };
  }
  const cli = await findOpenClawCli();
  const fallback = schemaVerdict(snapshot.data, snapshot.problem);
  if (!cli) return fallback;
  const key = `${snapshot.path}\0${snapshot.revision}`;
  const cached = cliVerdicts.get(key);
  if (cached?.verdict) return cached.verdict;
  if (cached && Date.now() - cached.at < FAILED_RUN_TTL_MS) return fallback;
  startCliCheck(cli, snapshot, key);
  return { ...fallback, checking: true, ...(cli.version ? { openclawVersion: cli.version } : {}) };
}

/** Resolves when the background check of the current revision (if any) has finished: for tests and warm-up. */
export async function settleCurrentCheck(): Promise<void> {
  await Promise.all([...cliChecks.values()]);
}
