import "server-only";
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { AppError } from "@/lib/errors";
import { clobberReasons, describeClobber, fingerprintOf, type ClobberReason } from "@/lib/openclaw-config/clobber";
import { parseConfigText, type ParseProblem } from "@/lib/openclaw-config/parse-config";
import { stageFileAtomic, storageError, syncFolder, withFileLock } from "../atomic-file";
import { configPath } from "../settings";

// The one module that opens openclaw.json. OpenClaw reads JSON5 and writes 2-space JSON with
// mode 0600, rotating .bak … .bak.4 first; we do the same so either tool can follow the other.
// A config path that is a symbolic link is written through (the link stays); the backups stay
// beside the path as named, where OpenClaw keeps them, not in the link's target folder (often a
// dotfiles repository, where copies of a config with secrets do not belong).
const BACKUP_COUNT = 5;
const MAX_CONFIG_BYTES = 2 * 1024 * 1024;

export type ConfigObject = Record<string, unknown>;

export interface ConfigSnapshot {
  path: string;
  exists: boolean;
  text: string;
  /** sha256 of the bytes on disk; "absent" when there is no file. */
  revision: string;
  data: ConfigObject | null;
  problem: ParseProblem | null;
}

let cache: { path: string; mtimeMs: number; size: number; snapshot: ConfigSnapshot } | null = null;

function revisionOf(text: string | null): string {
  return text === null ? "absent" : createHash("sha256").update(text).digest("hex").slice(0, 32);
}

export async function readConfig(): Promise<ConfigSnapshot> {
  const file = configPath();
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      return { path: file, exists: false, text: "", revision: revisionOf(null), data: {}, problem: null };
    }
    throw storageError(error, file);
  }
  if (cache && cache.path === file && cache.mtimeMs === stat.mtimeMs && cache.size === stat.size) return cache.snapshot;
  if (stat.size > MAX_CONFIG_BYTES) {
    return {
      path: file,
      exists: true,
      text: "",
      revision: `size-${stat.size}-${stat.mtimeMs}`,
      data: null,
      problem: { message: "The file is larger than 2 MB; the dashboard will not edit it." },
    };
  }
  const text = await fs.readFile(file, "utf8");
  const { data, problem } = parseConfigText(text);
  const snapshot: ConfigSnapshot = { path: file, exists: true, text, revision: revisionOf(text), data, problem };
  cache = { path: file, mtimeMs: stat.mtimeMs, size: stat.size, snapshot };
  return snapshot;
}

export function serializeConfig(data: ConfigObject): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

/** The file as it is now, inside a save's queue; 409 when it is no longer the revision the caller loaded. */
export async function readCurrentAt(expectedRevision: string): Promise<ConfigSnapshot> {
  cache = null;
  const current = await readConfig();
  if (current.revision !== expectedRevision) {
    throw new AppError(
      "conflict",
      "openclaw.json changed since you loaded it (another tab, OpenClaw or an editor). Review the current file and try again.",
      { revision: current.revision },
    );
  }
  return current;
}

/**
 * Applies `change` to the current file if its revision still matches `expectedRevision`.
 * The check, the backup rotation and the write happen under the file's lock, shared with other
 * processes (a second dashboard, npm run setup), so two saves can never both win. A file that does
 * not parse is only replaced when `overUnparsable` says the user saw it and wrote a whole new one
 * (the editor); it then becomes openclaw.json.bak like any replaced file.
 */
export function updateConfig(
  expectedRevision: string,
  change: (current: ConfigObject) => ConfigObject,
  { overUnparsable = false }: { overUnparsable?: boolean } = {},
): Promise<ConfigSnapshot> {
  const file = configPath();
  return withFileLock(file, async () => {
    const current = await readCurrentAt(expectedRevision);
    if (!overUnparsable && (current.problem || !current.data)) {
      throw new AppError(
        "config_unparsable",
        `openclaw.json does not parse${current.problem?.line ? ` (line ${current.problem.line}, column ${current.problem.column})` : ""}: ${current.problem?.message ?? "unknown problem"}. Fix it by hand; the dashboard will not overwrite it.`,
        current.problem,
      );
    }
    const next = change(structuredClone(current.data ?? {}));
    const lastGood = await readLastGood(file);
    const text = serializeConfig(withOpenClawMeta(next, current.data ?? {}, lastGood));
    assertNoClobber(text, current, lastGood);
    await replaceKeepingBackups(file, text, current);
    cache = null;
    return readConfig();
  });
}

// ---- Writing the way OpenClaw's own writes do (openclaw-gateway.md §2) ----

interface ParsedFile {
  text: string;
  data: ConfigObject | null;
}

/** openclaw.json.last-good: the copy the Gateway promotes after a healthy start or reload. */
async function readLastGood(file: string): Promise<ParsedFile | null> {
  try {
    const text = await fs.readFile(`${file}.last-good`, "utf8");
    return { text, data: parseConfigText(text).data };
  } catch {
    return null; // no Gateway ran here yet, or it is unreadable: nothing to compare with
  }
}

/**
 * `meta` (OpenClaw's migration markers and lastTouchedVersion) stays exactly as the current file
 * has it, whatever the change or backup says; a file without one gets last-good's, since OpenClaw
 * stamps meta on every write and its next start takes a file without it for a clobber.
 */
function withOpenClawMeta(next: ConfigObject, current: ConfigObject, lastGood: ParsedFile | null): ConfigObject {
  const meta = current.meta ?? lastGood?.data?.meta;
  if (meta === undefined) return next;
  return { ...next, meta: structuredClone(meta) };
}

function clobberReasonsFor(text: string, current: ConfigSnapshot, lastGood: ParsedFile | null): ClobberReason[] {
  const next = fingerprintOf(text, parseConfigText(text).data);
  return [
    ...(current.exists ? clobberReasons(fingerprintOf(current.text, current.data), next, "current") : []),
    ...(lastGood ? clobberReasons(fingerprintOf(lastGood.text, lastGood.data), next, "last-good") : []),
  ];
}

/** 422 when OpenClaw would take the new text for a clobber of the current file or of last-good. */
function assertNoClobber(text: string, current: ConfigSnapshot, lastGood: ParsedFile | null): void {
  const reasons = clobberReasonsFor(text, current, lastGood);
  if (reasons.length > 0) throw new AppError("config_write_rejected", describeClobber(reasons), { reasons });
}

/** Why OpenClaw would take `text` (a whole new file) for a clobber of `current` or of last-good; for previews. */
export async function clobberCheck(text: string, current: ConfigSnapshot): Promise<ClobberReason[]> {
  return clobberReasonsFor(text, current, await readLastGood(configPath()));
}

/**
 * The new file and the backup copy are written first and only renames follow, so a full disk
 * fails the save before any backup was shifted: nothing changes, nothing is lost. OpenClaw takes
 * no lock, so the revision is checked once more after the slow part (writing and fsyncing).
 */
async function replaceKeepingBackups(file: string, text: string, current: ConfigSnapshot): Promise<void> {
  const staged = await stageFileAtomic(file, text, 0o600);
  try {
    await readCurrentAt(current.revision);
    if (current.exists) await rotateBackups(file);
  } catch (error) {
    await staged.discard();
    throw error;
  }
  await staged.commit();
}

async function rotateBackups(file: string): Promise<void> {
  const copy = path.join(path.dirname(file), `.${path.basename(file)}.bak.${process.pid}.tmp`);
  try {
    await fs.copyFile(file, copy); // through a link: the backup is a plain copy of its target
    await fs.chmod(copy, 0o600);
    const handle = await fs.open(copy, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    for (let i = BACKUP_COUNT - 1; i >= 1; i--) {
      const from = i === 1 ? `${file}.bak` : `${file}.bak.${i - 1}`;
      await fs.rename(from, `${file}.bak.${i}`).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      });
    }
    await fs.rename(copy, `${file}.bak`);
    await syncFolder(path.dirname(file));
  } catch (error) {
    await fs.rm(copy, { force: true }).catch(() => {});
    throw storageError(error, `${file}.bak`);
  }
}

export async function listBackups(): Promise<{ name: string; path: string; mtime: string; size: number }[]> {
  const file = configPath();
  const names = [`${file}.bak`, ...Array.from({ length: BACKUP_COUNT - 1 }, (_, i) => `${file}.bak.${i + 1}`)];
  const found = [];
  for (const name of names) {
    try {
      const stat = await fs.stat(name);
      found.push({
        name: name.slice(name.lastIndexOf("/") + 1),
        path: name,
        mtime: stat.mtime.toISOString(),
        size: stat.size,
      });
    } catch {
      // missing backups are normal
    }
  }
  return found;
}

// ---- Restore (added by the models feature): a backup replaces the file through the same
// revision check and rotation as any save, so the file it replaces becomes openclaw.json.bak.

function backupPath(name: string): string | null {
  const file = configPath();
  const base = file.slice(file.lastIndexOf("/") + 1);
  const allowed = [`${base}.bak`, ...Array.from({ length: BACKUP_COUNT - 1 }, (_, i) => `${base}.bak.${i + 1}`)];
  return allowed.includes(name) ? `${file.slice(0, file.length - base.length)}${name}` : null;
}

export async function readBackup(name: string): Promise<{ name: string; text: string } | null> {
  const target = backupPath(name);
  if (!target) return null;
  try {
    return { name, text: await fs.readFile(target, "utf8") };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw storageError(error, target);
  }
}

/** Backup `name`, parsed; 404 when there is none, 422 when it does not parse. */
export async function readBackupConfig(name: string): Promise<{ text: string; data: ConfigObject }> {
  const backup = await readBackup(name);
  if (!backup) throw new AppError("not_found", `There is no backup named ${name}.`);
  const parsed = parseConfigText(backup.text);
  if (parsed.problem || !parsed.data)
    throw new AppError(
      "config_unparsable",
      `${name} does not parse: ${parsed.problem?.message ?? "unknown problem"}. It was not restored.`,
      parsed.problem,
    );
  return { text: backup.text, data: parsed.data };
}

/** Replaces openclaw.json with backup `name` (checked by `check` first) if the revision still matches. */
export function restoreBackup(
  name: string,
  expectedRevision: string,
  check: (data: ConfigObject) => void = () => {},
): Promise<ConfigSnapshot> {
  const file = configPath();
  return withFileLock(file, async () => {
    const current = await readCurrentAt(expectedRevision);
    const backup = await readBackupConfig(name);
    check(backup.data);
    const lastGood = await readLastGood(file);
    const restored = withOpenClawMeta(backup.data, current.data ?? {}, lastGood);
    // The backup's own text (comments and all) when its meta already is the one to keep.
    const text = isDeepStrictEqual(restored.meta, backup.data.meta) ? backup.text : serializeConfig(restored);
    assertNoClobber(text, current, lastGood);
    await replaceKeepingBackups(file, text, current);
    cache = null;
    return readConfig();
  });
}
