import "server-only";
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/errors";

/** Write to a temp file beside the target, fsync, then rename: readers see old or new, never torn. */
export async function writeFileAtomic(target: string, data: string, mode = 0o600): Promise<void> {
  const staged = await stageFileAtomic(target, data, mode);
  await staged.commit();
}

interface StagedFile {
  /** Renames the written temp file over the target (needs no disk space). */
  commit(): Promise<void>;
  /** Removes the temp file; the target stays as it was. */
  discard(): Promise<void>;
}

/**
 * The first half of writeFileAtomic: the data is on disk (fsynced) beside the target, not yet in
 * place. Lets a caller do every step that needs disk space before any rename that changes things.
 */
export async function stageFileAtomic(target: string, data: string, mode = 0o600): Promise<StagedFile> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const discard = () => fs.rm(temp, { force: true }).catch(() => {});
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
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
    throw storageError(error, target);
  }
  return {
    commit: async () => {
      try {
        await fs.rename(temp, target);
      } catch (error) {
        await discard();
        throw storageError(error, target);
      }
    },
    discard,
  };
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
