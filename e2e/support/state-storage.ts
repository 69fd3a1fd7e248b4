import { execFile } from "node:child_process";
import { chmod, open, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

// Storage faults for a test's state folder: a small tmpfs mounted over it, which can be remounted
// read-only or filled up. We run as root, so file modes do not stop writes; a read-only mount does.
// Without the right to mount, read-only falls back to chmod 0500 and a full disk cannot be made.
const run = promisify(execFile);

export interface StateStorage {
  /** "tmpfs" when a mount worked, "chmod" when only permissions can be used. */
  readonly kind: "tmpfs" | "chmod";
  /** Makes the folder read-only (remount ro, or chmod 0500); false when writes still get through. */
  readOnly(): Promise<boolean>;
  /** Makes it writable again. */
  writable(): Promise<void>;
  /** Fills the tmpfs with one big file until no byte is left; returns that file's path. */
  fill(): Promise<string>;
  /** Unmounts (or restores the mode); safe to call twice. */
  release(): Promise<void>;
}

export const FILLER = ".filler.bin";

async function mountTmpfs(dir: string, sizeKb: number): Promise<boolean> {
  try {
    await run("mount", ["-t", "tmpfs", "-o", `size=${sizeKb}k,mode=0700`, "tmpfs", dir]);
    return true;
  } catch {
    return false;
  }
}

/** Mounts a tmpfs of `sizeKb` over `dir` (which must be empty) and writes `files` into it. */
export async function prepareStateStorage(
  dir: string,
  files: Record<string, string>,
  sizeKb = 512,
): Promise<StateStorage> {
  const mounted = await mountTmpfs(dir, sizeKb);
  for (const [name, text] of Object.entries(files)) await writeSynced(path.join(dir, name), text);
  let released = false;
  if (mounted) {
    return {
      kind: "tmpfs",
      readOnly: async () => {
        await run("mount", ["-o", "remount,ro", dir]);
        return !(await canWrite(dir));
      },
      writable: async () => void (await run("mount", ["-o", "remount,rw", dir])),
      fill: () => fillUp(path.join(dir, FILLER)),
      release: async () => {
        if (released) return;
        released = true;
        // A lazy unmount cannot fail on a busy mount (the app may still hold a file open).
        await run("umount", ["-l", dir]);
      },
    };
  }
  return {
    kind: "chmod",
    // Root ignores file modes: then nothing here can make the folder read-only.
    readOnly: async () => {
      await chmod(dir, 0o500);
      return !(await canWrite(dir));
    },
    writable: () => chmod(dir, 0o700),
    fill: () => Promise.reject(new Error("A full disk needs a tmpfs mount, and mounting is not allowed here.")),
    release: async () => {
      if (released) return;
      released = true;
      await chmod(dir, 0o700);
    },
  };
}

async function canWrite(dir: string): Promise<boolean> {
  const probe = path.join(dir, ".write-probe");
  try {
    await writeFile(probe, "");
  } catch {
    return false;
  }
  await rm(probe, { force: true });
  return true;
}

async function writeSynced(file: string, text: string): Promise<void> {
  const handle = await open(file, "w", 0o600);
  try {
    await handle.writeFile(text, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function fillUp(file: string): Promise<string> {
  const handle = await open(file, "w", 0o600);
  const block = Buffer.alloc(64 * 1024, 0x61);
  try {
    for (;;) {
      // Shrink the write near the end so the last partial page is used up too.
      let size = block.length;
      for (;;) {
        try {
          await handle.write(block, 0, size);
          break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
          if (size === 1) return file;
          size = Math.max(1, Math.floor(size / 2));
        }
      }
    }
  } finally {
    await handle.close();
  }
}

/** Every file of the folder (hidden ones included) with its exact bytes, the filler left out. */
export async function snapshotFiles(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    if (name === FILLER) continue;
    out[name] = (await readFile(path.join(dir, name))).toString("base64");
  }
  return out;
}

export async function removeFiller(dir: string): Promise<void> {
  await rm(path.join(dir, FILLER), { force: true });
}
