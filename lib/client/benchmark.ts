"use client";
import { useState } from "react";
import useSWR, { useSWRConfig } from "swr";
import type { BenchmarkEvent, BenchmarkProgress, BenchmarkRecord, ProviderSummary } from "@/lib/benchmark/wire";
import { isErrorBody } from "../errors";
import { useChatRun } from "./use-chat-run";

// A model's provider benchmark: POST /api/models/benchmark read as NDJSON while it runs, Stop (and
// leaving the page) aborts the request, which aborts every upstream call on the server; and the
// history of past benchmarks (GET /api/models/benchmark/history).
export const benchmarkHistoryKey = (model: string) =>
  `/api/models/benchmark/history?model=${encodeURIComponent(model)}`;

export function useBenchmarkHistory(model: string) {
  return useSWR<{ runs: BenchmarkRecord[] }>(benchmarkHistoryKey(model), { revalidateOnFocus: false });
}

export interface BenchmarkRequest {
  model: string;
  providers: string[];
  runs: number;
  prompt?: string;
  maxTokens?: number;
}

export type BenchmarkState =
  | { phase: "idle" }
  | {
      phase: "running" | "stopped" | "failed";
      request: BenchmarkRequest;
      progress: BenchmarkProgress[];
      message?: string;
    }
  | { phase: "done"; request: BenchmarkRequest; progress: BenchmarkProgress[]; providers: ProviderSummary[] };

/** Splits NDJSON bytes into parsed objects; a line may arrive in pieces. */
async function readLines(body: ReadableStream<Uint8Array>, onValue: (value: unknown) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line) onValue(JSON.parse(line));
      newline = buffer.indexOf("\n");
    }
    if (done) return;
  }
}

export function useBenchmarkRun() {
  const slot = useChatRun();
  const { mutate } = useSWRConfig();
  const [state, setState] = useState<BenchmarkState>({ phase: "idle" });

  const start = (request: BenchmarkRequest) =>
    slot.run(async ({ signal, isCurrent }) => {
      const progress: BenchmarkProgress[] = [];
      const update = (next: BenchmarkState) => isCurrent() && setState(next);
      update({ phase: "running", request, progress: [] });
      try {
        const response = await fetch("/api/models/benchmark", {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/x-ndjson" },
          body: JSON.stringify(request),
          signal,
        });
        if (!response.ok || !response.body) {
          const body: unknown = await response.json().catch(() => undefined);
          const message = isErrorBody(body) ? body.error.message : `The dashboard server answered ${response.status}.`;
          return update({ phase: "failed", request, progress, message });
        }
        let summary: ProviderSummary[] | null = null;
        await readLines(response.body, (value) => {
          const event = value as BenchmarkEvent;
          if (event.type === "progress") {
            progress.push(event);
            update({ phase: "running", request, progress: [...progress] });
          } else if (event.type === "summary") summary = event.providers;
        });
        if (summary) {
          update({ phase: "done", request, progress: [...progress], providers: summary });
          void mutate(benchmarkHistoryKey(request.model));
        } else update({ phase: "failed", request, progress, message: "The benchmark ended without a summary." });
      } catch {
        if (signal.aborted) update({ phase: "stopped", request, progress: [...progress] });
        else update({ phase: "failed", request, progress, message: "The dashboard server did not answer." });
      }
    });

  return { state, running: slot.running, start, stop: slot.stop };
}
