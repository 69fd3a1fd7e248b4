import "server-only";
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import pLimit from "p-limit";
import which from "which";
import { configPath, stateDir } from "../settings";

// The installed OpenClaw CLI, for judging a config the way OpenClaw itself does. Found through
// OPENCLAW_BIN, else `openclaw` on PATH. Every run is read-only (OPENCLAW_CONFIG_READONLY=1, which
// OpenClaw honours for validate and doctor --lint), bounded in time, and at most two run at once:
// each is a Node process of ~200 MB that takes 1–11 s.
const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
const limit = pLimit(2);

export interface OpenClawCli {
  bin: string;
  /** `openclaw --version`'s number, e.g. "2026.9.6"; undefined when it did not say. */
  version?: string;
}

export interface CliRun {
  code: number;
  stdout: string;
  /** Set when the run did not finish: timed out, could not start, or killed. */
  failure?: string;
}

let found: { key: string; cli: OpenClawCli | null } | null = null;

/** The CLI, or null when none is installed; looked up again when OPENCLAW_BIN, PATH or the binary change. */
export async function findOpenClawCli(): Promise<OpenClawCli | null> {
  const configured = process.env.OPENCLAW_BIN?.trim();
  const bin = configured || (await which("openclaw", { nothrow: true }));
  if (!bin) return null;
  const stat = await fs.stat(bin).catch(() => null);
  if (!stat?.isFile()) return null;
  const key = `${bin}\0${stat.mtimeMs}\0${stat.size}`;
  if (found?.key === key) return found.cli;
  const run = await execCli(bin, ["--version"], { timeoutMs: 15_000 });
  const cli = run.failure ? null : { bin, version: /(\d{4}\.\d+\.\d+[\w.-]*)/.exec(run.stdout)?.[1] };
  found = { key, cli };
  return cli;
}

/**
 * The environment OpenClaw locates its config with, for `file` (default: the real config path).
 * The state directory stays the real one so `<state>/.env` resolves `${VAR}` as it will for the agent.
 * The dashboard's own settings (its sign-in secret, Next's variables) stay out.
 */
function cliEnv(file: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(DASHBOARD_|NEXT_|__NEXT)/.test(key) || ["PORT", "HOST", "NODE_ENV", "NODE_OPTIONS"].includes(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    OPENCLAW_STATE_DIR: stateDir(),
    OPENCLAW_CONFIG_PATH: file,
    OPENCLAW_CONFIG_READONLY: "1",
    NO_COLOR: "1",
  };
}

function timeoutMs(): number {
  const configured = Number(process.env.OPENCLAW_CLI_TIMEOUT_MS);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
}

function execCli(
  bin: string,
  args: string[],
  options: { timeoutMs: number; env?: Record<string, string | undefined> },
): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      bin,
      args,
      {
        env: (options.env ?? cliEnv(configPath())) as NodeJS.ProcessEnv,
        timeout: options.timeoutMs,
        maxBuffer: MAX_OUTPUT_BYTES,
      },
      (error, stdout) => {
        if (!error) return resolve({ code: 0, stdout });
        const e = error as NodeJS.ErrnoException & { killed?: boolean; code?: unknown; signal?: string | null };
        if (typeof e.code === "number") return resolve({ code: e.code, stdout });
        resolve({
          code: -1,
          stdout,
          failure:
            e.killed || e.signal ? `it did not finish within ${options.timeoutMs / 1000} s` : "it could not start",
        });
      },
    );
  });
}

/** Runs `openclaw …args` on config file `file` (queued behind at most two other runs). */
export function runOpenClaw(cli: OpenClawCli, args: string[], file: string): Promise<CliRun> {
  return limit(() => execCli(cli.bin, args, { timeoutMs: timeoutMs(), env: cliEnv(file) }));
}

/** The JSON object a `--json` run printed (OpenClaw may log a line before it), or null. */
export function parseJsonOutput(stdout: string): Record<string, unknown> | null {
  const start = stdout.indexOf("{");
  if (start < 0) return null;
  try {
    const value: unknown = JSON.parse(stdout.slice(start));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
