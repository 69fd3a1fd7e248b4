// Every non-control request is recorded when it arrives, so a test can see calls that hang, and
// whether they ended by the fake finishing (finished) or the client hanging up (aborted).
import type { IncomingMessage } from "node:http";

export interface RecordedRequest {
  id: number;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-cased names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, the raw text otherwise, null when empty (or not yet read). */
  body: unknown;
  /** Arrival time (Date.now()). */
  at: number;
  /**
   * Milliseconds (performance.now(), fractional) from the request's arrival (its headers parsed) to
   * the fake's first write of response body bytes; null while none was written. A benchmark's own
   * time to first byte is compared with this.
   */
  firstByteMs: number | null;
  /** The client closed the connection before the fake finished its response. */
  aborted: boolean;
  /** The fake finished its response. */
  finished: boolean;
}

export class RequestLog {
  private entries: RecordedRequest[] = [];
  private nextId = 1;

  start(req: IncomingMessage, url: URL): RecordedRequest {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    const entry: RecordedRequest = {
      id: this.nextId++,
      method: req.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body: null,
      at: Date.now(),
      firstByteMs: null,
      aborted: false,
      finished: false,
    };
    this.entries.push(entry);
    return entry;
  }

  /** A deep copy, so callers cannot disturb the log and see a stable snapshot. */
  snapshot(): RecordedRequest[] {
    return structuredClone(this.entries);
  }

  clear(): void {
    this.entries = [];
  }
}

export function parseBodyForLog(raw: string): unknown {
  if (raw === "") return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
