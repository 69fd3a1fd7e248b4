// Builds the app into the bench's own dist dir, only when the sources are newer than that build
// (the same rule as scripts/start.mjs), so a bench never collides with tests or other builds.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST_DIR = ".next-bench";
export const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

const SOURCE_DIRS = ["app", "components", "lib", "public"];
const SOURCE_FILES = ["package.json", "next.config.ts", "proxy.ts", "postcss.config.mjs", "tsconfig.json"];
// `next build` rewrites these shared files for its dist dir; the bench puts them back afterwards.
const REWRITTEN_BY_NEXT = ["tsconfig.json", "next-env.d.ts"];

function newestSourceMtime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(path.join(ROOT, dir))) walk(path.join(ROOT, dir));
  for (const file of SOURCE_FILES) {
    if (existsSync(path.join(ROOT, file))) newest = Math.max(newest, statSync(path.join(ROOT, file)).mtimeMs);
  }
  return newest;
}

/**
 * Snapshot of the files `next build` rewrites for its dist dir (tsconfig.json, next-env.d.ts); the
 * returned function puts back any that changed, with their old mtime, so start.mjs does not take
 * the restore for a source change. Used around every step that may build (start.mjs builds too).
 */
export function guardSharedFiles(): () => void {
  const saved = REWRITTEN_BY_NEXT.filter((f) => existsSync(path.join(ROOT, f))).map((file) => {
    const full = path.join(ROOT, file);
    return { full, bytes: readFileSync(full), stat: statSync(full) };
  });
  return () => {
    for (const { full, bytes, stat } of saved) {
      if (existsSync(full) && readFileSync(full).equals(bytes)) continue;
      writeFileSync(full, bytes);
      utimesSync(full, stat.atime, stat.mtime);
    }
  };
}

export function buildIdPath(): string {
  return path.join(ROOT, DIST_DIR, "BUILD_ID");
}

export function isBuildFresh(): boolean {
  const id = buildIdPath();
  return existsSync(id) && statSync(id).mtimeMs >= newestSourceMtime();
}

export interface BuildOutcome {
  built: boolean;
  ok: boolean;
  seconds: number;
  /** Set when the build failed but an older build of the bench exists and is used instead. */
  usingStale?: boolean;
  log: string;
}

export async function ensureBuild(log: (line: string) => void): Promise<BuildOutcome> {
  if (isBuildFresh()) return { built: false, ok: true, seconds: 0, log: "" };
  log(`Building into ${DIST_DIR} (sources are newer than the last bench build)…`);
  const restore = guardSharedFiles();
  const started = performance.now();
  let output = "";
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [NEXT_BIN, "build"], {
      cwd: ROOT,
      env: { ...process.env, NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    child.on("exit", (c) => resolve(c));
  });
  restore();
  const seconds = (performance.now() - started) / 1000;
  if (code === 0) return { built: true, ok: true, seconds, log: output };
  const usingStale = existsSync(buildIdPath());
  return { built: true, ok: false, seconds, usingStale, log: output };
}
