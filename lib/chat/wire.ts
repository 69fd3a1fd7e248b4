// The wire format between POST /api/chat and the browser: one JSON event per line (NDJSON).
// Upstream SSE is normalised on the server so the browser never sees provider quirks
// (four reasoning forms, two error shapes, usage-only chunks).
import type { ChatErrorKind } from "./errors";

export const NDJSON_TYPE = "application/x-ndjson; charset=utf-8";

export interface ChatUsage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}

export interface ChatFailure {
  kind: ChatErrorKind;
  /** Our own safe message; never upstream text. */
  message: string;
  /** The router's HTTP status, when it answered one. */
  upstreamStatus?: number;
  provider?: string | null;
  requestId?: string | null;
  /** The router's `retry-after`, in ms, when it sent one with the failure. */
  retryAfterMs?: number;
  /** The connection broke (not an error the provider reported): OpenClaw retries these as timeouts. */
  connectionLost?: boolean;
}

export type ChatEvent =
  /** First line: what was asked and who serves it (x-inference-provider, x-request-id). */
  | { type: "meta"; ref: string; model: string; alias?: string; provider: string | null; requestId: string | null }
  | { type: "reasoning"; text: string }
  | { type: "content"; text: string }
  | { type: "usage"; usage: ChatUsage }
  /** Terminal: the partial answer so far stays valid. */
  | { type: "error"; error: ChatFailure }
  /** Terminal. `skipped` counts upstream events that were not valid JSON. */
  | { type: "done"; finishReason: string | null; skipped: number };

export function encodeEvent(event: ChatEvent): string {
  return `${JSON.stringify(event)}\n`;
}

const EVENT_TYPES = new Set(["meta", "reasoning", "content", "usage", "error", "done"]);

/** Splits a byte stream of NDJSON into events; a line may arrive in pieces. */
export class NdjsonDecoder {
  private buffer = "";
  private readonly decoder = new TextDecoder();

  push(bytes: Uint8Array | string): ChatEvent[] {
    this.buffer += typeof bytes === "string" ? bytes : this.decoder.decode(bytes, { stream: true });
    const out: ChatEvent[] = [];
    let newline = this.buffer.indexOf("\n");
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      const event = parseLine(line);
      if (event) out.push(event);
      newline = this.buffer.indexOf("\n");
    }
    return out;
  }

  /** Whatever is left when the stream ends (a last line without a newline). */
  end(): ChatEvent[] {
    const rest = this.buffer + this.decoder.decode();
    this.buffer = "";
    const event = parseLine(rest);
    return event ? [event] : [];
  }
}

function parseLine(line: string): ChatEvent | null {
  if (line.trim() === "") return null;
  try {
    const value = JSON.parse(line) as { type?: unknown };
    return value && typeof value === "object" && EVENT_TYPES.has(value.type as string) ? (value as ChatEvent) : null;
  } catch {
    return null;
  }
}
