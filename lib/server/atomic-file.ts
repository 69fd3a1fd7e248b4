import "server-only";
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import lockfile from "proper-lockfile";
import { AppError } from "@/lib/errors";

// Writes that survive a crash, symbolic links, and other processes (a second dashboard,
// `npm run setup`) editing the same file:
// - the data goes to a temp file in the folder of the file really written, is fsynced, renamed
//   over it, and the folder is fsynced, so readers see the old or the new file, never a torn one;
// - a path that is a symbolic link (dotfiles kept in a repository) is written through: the file
//   at the end of the chain of links changes, the links stay;
// - read-compare-write runs under a lock that works across processes (withFileLock).

const MAX_LINK_HOPS = 32;

/**
 * The file a write to `file` must replace: `file` itself, or the end of its chain of links
 * (each resolved against the folder of the link that names it). A dangling link yields the
 * missing target, which the write then creates, as a shell's `>` would.
 */
export async function resolveWriteTarget(file: string): Promise<string> {
  let current = path.resolve(file);
  for (let hop = 0; hop <= MAX_LINK_HOPS; hop++) {
    let stat;
    try {
      stat = await fs.lstat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return current;
      throw storageError(error, file);
    }
    if (!stat.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await fs.readlink(current));
  }
  throw new AppError(
    "storage_failed",
    `Could not write ${path.basename(file)}: it is a loop of symbolic links. Nothing was changed.`,
  );
}

/** Write to a temp file beside the target, fsync, then rename: readers see old or new, never torn. */
export async function writeFileAtomic(target: string, data: string, mode = 0o600): Promise<void> {
  const staged = await stageFileAtomic(target, data, mode);
  await staged.commit();
}

interface StagedFile {
  /** Renames the written temp file over the target (needs no disk space), then fsyncs its folder. */
  commit(): Promise<void>;
  /** Removes the temp file; the target stays as it was. */
  discard(): Promise<void>;
}

/**
 * The first half of writeFileAtomic: the data is on disk (fsynced) beside the file it will
 * replace, not yet in place. Lets a caller do every step that needs disk space before any
 * rename that changes things.
 */
export async function stageFileAtomic(target: string, data: string, mode = 0o600): Promise<StagedFile> {
  const real = await resolveWriteTarget(target);
  const dir = path.dirname(real);
  const temp = path.join(dir, `.${path.basename(real)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const discard = () => fs.rm(temp, { force: true }).catch(() => {});
  try {
    if (real === path.resolve(target)) await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    else await assertLinkFolder(target, real);
    const handle = await fs.open(temp, "wx", mode);
    try {
      await handle.writeFile(data, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.chmod(temp, mode);
  } catch (error) {
    await discard();
    throw error instanceof AppError ? error : storageError(error, target);
  }
  return {
    commit: async () => {
      try {
        await fs.rename(temp, real);
      } catch (error) {
        await discard();
        throw storageError(error, target);
      }
      await syncFolder(dir);
    },
    discard,
  };
}

/** A link's target is created in an existing folder only: a missing one means the link is wrong. */
async function assertLinkFolder(link: string, real: string): Promise<void> {
  try {
    if ((await fs.stat(path.dirname(real))).isDirectory()) return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  throw new AppError(
    "storage_failed",
    `Could not write ${path.basename(link)}: it is a symbolic link to ${real}, whose folder does not exist. Create the folder or fix the link. Nothing was changed.`,
  );
}

/** Makes a rename in `dir` durable. Some systems cannot fsync a folder; the rename stands anyway. */
export async function syncFolder(dir: string): Promise<void> {
  let handle;
  try {
    handle = await fs.open(dir, "r");
    await handle.sync();
  } catch {
    // EISDIR/EINVAL/EPERM on platforms without folder fsync: nothing more can be done.
  } finally {
    await handle?.close().catch(() => {});
  }
}

export function storageError(error: unknown, target: string): AppError {
  const code = (error as NodeJS.ErrnoException)?.code;
  const name = path.basename(target);
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
    return new AppError(
      "storage_failed",
      `Could not write ${name}: the folder is read-only or not writable. Nothing was changed.`,
    );
  }
  if (code === "ENOSPC" || code === "EDQUOT") {
    return new AppError("storage_failed", `Could not write ${name}: the disk is full. Nothing was changed.`);
  }
  return new AppError("storage_failed", `Could not write ${name} (${code ?? "unknown error"}). Nothing was changed.`);
}

/** Serialises async work per key inside this process (one writer per file). */
const queues = new Map<string, Promise<unknown>>();
export function serialized<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => {});
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return next;
}

// The lock is the folder `<file>.lock`, made with mkdir (atomic, also on network file systems)
// by proper-lockfile, which keeps its mtime fresh while held. A holder that died (killed, crashed,
// machine off) stops refreshing it, so after LOCK_STALE_MS it is taken over. A busy lock is waited
// for longer than that, so a save never fails because of a dead holder; any other error (a
// read-only folder, a full disk) fails at once.
export const LOCK_STALE_MS = 10_000;
const LOCK_WAIT_MS = 25_000;

async function acquireLock(file: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  let delay = 10;
  for (;;) {
    try {
      return await lockfile.lock(file, {
        realpath: false,
        lockfilePath: `${file}.lock`,
        stale: LOCK_STALE_MS,
        retries: 0,
        // Only when the event loop stalls past LOCK_STALE_MS mid-write; the revision re-check
        // before the rename still stands. The default would throw from a timer and end the server.
        onCompromised: () => {},
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ELOCKED" || Date.now() >= deadline) throw error;
      await sleep(delay * (0.5 + Math.random()));
      delay = Math.min(delay * 1.5, 200);
    }
  }
}

/**
 * Runs `work` holding `<file>.lock`, shared with every other process that uses this function
 * (and, through the in-process queue, every caller in this one). The lock sits beside `file` as
 * named, not beside a link's target, so a dotfiles folder never sees it. OpenClaw takes no such
 * lock: its writes are atomic renames, and callers re-check the revision right before theirs.
 */
export function withFileLock<T>(file: string, work: () => Promise<T>): Promise<T> {
  const named = path.resolve(file);
  return serialized(named, async () => {
    let release: () => Promise<void>;
    try {
      await fs.mkdir(path.dirname(named), { recursive: true, mode: 0o700 });
      release = await acquireLock(named);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
        throw new AppError(
          "storage_failed",
          `Could not write ${path.basename(named)}: another program (a second dashboard or npm run setup) is still writing it. Nothing was changed; try again.`,
        );
      }
      throw storageError(error, named);
    }
    try {
      return await work();
    } finally {
      await release().catch(() => {});
    }
  });
}
