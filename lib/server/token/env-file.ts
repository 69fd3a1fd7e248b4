import "server-only";
import { promises as fs } from "node:fs";
import { readEnvVar, removeEnvVar, setEnvVar } from "@/lib/token/env-lines";
import { storageError, withFileLock, writeFileAtomic } from "../atomic-file";
import { envFilePath } from "../settings";

// The one module that opens <state>/.env. Reads are cached by mtime and size so the chat path
// pays one stat, not a read and parse. Edits run under the file's cross-process lock, and a .env
// that is a symbolic link is edited where it points (writeFileAtomic), so a removed token is gone.
let cache: { path: string; mtimeMs: number; size: number; text: string } | null = null;

async function readEnvFile(): Promise<string | null> {
  const file = envFilePath();
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  if (cache && cache.path === file && cache.mtimeMs === stat.mtimeMs && cache.size === stat.size) return cache.text;
  const text = await fs.readFile(file, "utf8");
  cache = { path: file, mtimeMs: stat.mtimeMs, size: stat.size, text };
  return text;
}

export async function getEnvFileVar(name: string): Promise<string | undefined> {
  const text = await readEnvFile();
  return text === null ? undefined : readEnvVar(text, name);
}

export function setEnvFileVar(name: string, value: string): Promise<void> {
  return editEnvFile((text) => setEnvVar(text, name, value));
}

export function removeEnvFileVar(name: string): Promise<boolean> {
  let changed = false;
  return editEnvFile((text) => {
    const next = removeEnvVar(text, name);
    changed = next !== text;
    return next;
  }, false).then(() => changed);
}

async function editEnvFile(edit: (text: string) => string, createIfMissing = true): Promise<void> {
  const file = envFilePath();
  await withFileLock(file, async () => {
    let text: string | null;
    try {
      text = await fs.readFile(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw storageError(error, file);
      text = null;
    }
    if (text === null && !createIfMissing) return;
    const next = edit(text ?? "");
    if (next === text) return;
    await writeFileAtomic(file, next, 0o600);
    cache = null;
  });
}
