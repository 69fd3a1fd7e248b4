import "server-only";
import { randomUUID } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { BenchmarkRecord, ProviderSummary } from "@/lib/benchmark/wire";
import { withFileLock, writeFileAtomic } from "../atomic-file";
import { dashboardDataDir } from "../gateway/device-identity";

// The benchmark history: one JSON line per finished benchmark in
//   $DASHBOARD_DATA_DIR/benchmark-history.jsonl   (mode 0600, folder 0700)
// This module alone reads and writes it. Each save rewrites the file atomically (temp file, fsync,
// rename) under the cross-process lock, keeping the newest MAX_RECORDS lines, so the file stays
// bounded and is never torn by us; a line that does not parse (a crash of another writer, an edit by
// hand) is skipped when reading and dropped at the next save, never fatal.
export const HISTORY_FILE_NAME = "benchmark-history.jsonl";
export const MAX_RECORDS = 200;
/** Far above MAX_RECORDS × the largest record: a bigger file is not ours to parse whole. */
const MAX_FILE_BYTES = 8 * 1024 * 1024;

export function historyPath(): string {
  return path.join(dashboardDataDir(), HISTORY_FILE_NAME);
}

const figure = z.number().finite().nullable();
const providerSchema = z.object({
  provider: z.string().max(100),
  runs: z.number().int().min(0),
  errors: z.number().int().min(0),
  ttftMsP50: figure,
  ttftMsP95: figure,
  tokensPerSecondP50: figure,
  costUsdPerRun: figure,
  advertised: z.object({
    throughput: figure,
    firstTokenLatencyMs: figure,
    inputPrice: figure,
    outputPrice: figure,
  }),
});
const recordSchema = z.object({
  id: z.string().max(100),
  at: z.iso.datetime(),
  model: z.string().max(200),
  runs: z.number().int().min(1),
  maxTokens: z.number().int().min(1),
  customPrompt: z.boolean(),
  providers: z.array(providerSchema).max(50),
});

/** The records in file order (oldest first); torn or foreign lines are skipped. */
export function parseHistory(text: string): BenchmarkRecord[] {
  const records: BenchmarkRecord[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = recordSchema.safeParse(value);
    if (parsed.success) records.push(parsed.data as BenchmarkRecord);
  }
  return records;
}

async function readRecords(): Promise<BenchmarkRecord[]> {
  let handle;
  try {
    handle = await fs.open(historyPath(), "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  try {
    const { size } = await handle.stat();
    // Only the tail of an oversized file: its first (partial) line is skipped as torn.
    const length = Math.min(size, MAX_FILE_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return parseHistory(buffer.toString("utf8"));
  } finally {
    await handle.close();
  }
}

/** Newest first, optionally one model's only. */
export async function readHistory(model?: string): Promise<BenchmarkRecord[]> {
  const records = await readRecords();
  return records.filter((r) => model === undefined || r.model === model).reverse();
}

export function serializeHistory(records: BenchmarkRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join("");
}

/** Adds a finished benchmark, keeping the newest MAX_RECORDS. */
export async function appendHistory(entry: Omit<BenchmarkRecord, "id" | "at">): Promise<BenchmarkRecord> {
  const record: BenchmarkRecord = {
    id: randomUUID(),
    at: new Date().toISOString(),
    ...entry,
    providers: entry.providers.map((p: ProviderSummary) => ({ ...p, advertised: { ...p.advertised } })),
  };
  const file = historyPath();
  await withFileLock(file, async () => {
    const kept = [...(await readRecords()), record].slice(-MAX_RECORDS);
    await writeFileAtomic(file, serializeHistory(kept), 0o600);
  });
  return record;
}
