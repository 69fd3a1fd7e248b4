// Event boundaries and text of a streamed chat, for both wire formats the bench sees: the router's
// SSE (`data: {chunk}\n\n`) and the dashboard's NDJSON (`{"type":"content","text":…}\n`).

export interface TimedEvent {
  /** performance.now() when the bytes completing this event were read. */
  t: number;
  /** Answer characters received up to and including this event. */
  cumLen: number;
}

/** Answer text carried by one SSE data payload of the router. */
export function sseText(data: string): string {
  if (data === "[DONE]") return "";
  try {
    const chunk = JSON.parse(data) as { choices?: { delta?: { content?: unknown } }[] };
    const content = chunk.choices?.[0]?.delta?.content;
    return typeof content === "string" ? content : "";
  } catch {
    return "";
  }
}

/** Answer text carried by one NDJSON line of the dashboard. */
export function ndjsonText(line: string): { text: string; type: string } {
  try {
    const event = JSON.parse(line) as { type?: unknown; text?: unknown };
    const type = typeof event.type === "string" ? event.type : "";
    return { type, text: type === "content" && typeof event.text === "string" ? event.text : "" };
  } catch {
    return { type: "", text: "" };
  }
}

/**
 * Incremental splitter: feed it chunks as they arrive with their arrival time; it yields each
 * complete event with the time its last byte arrived. Works on bytes, so offsets stay exact.
 */
export class EventClock {
  private pending = Buffer.alloc(0);
  private cumLen = 0;
  readonly events: TimedEvent[] = [];
  readonly types: string[] = [];
  text = "";

  constructor(private readonly format: "sse" | "ndjson") {}

  push(chunk: Buffer, t: number): void {
    this.pending = Buffer.concat([this.pending, chunk]);
    const separator = this.format === "sse" ? "\n\n" : "\n";
    for (;;) {
      const at = this.pending.indexOf(separator);
      if (at < 0) break;
      const raw = this.pending.subarray(0, at).toString("utf8");
      this.pending = this.pending.subarray(at + separator.length);
      this.handle(raw, t);
    }
  }

  private handle(raw: string, t: number): void {
    let text = "";
    if (this.format === "sse") {
      const data = raw
        .split(/\r?\n/)
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5).trimStart())
        .join("\n");
      if (data === "") return;
      this.types.push(data === "[DONE]" ? "[DONE]" : "chunk");
      text = sseText(data);
    } else {
      if (raw.trim() === "") return;
      const event = ndjsonText(raw);
      this.types.push(event.type);
      text = event.text;
    }
    if (text === "") return;
    this.cumLen += text.length;
    this.text += text;
    this.events.push({ t, cumLen: this.cumLen });
  }
}

/**
 * For each downstream event, how long after the upstream event that completed its text it arrived.
 * Matching by cumulative length stays right if the dashboard merges or splits deltas.
 */
export function passOnDelays(upstream: TimedEvent[], downstream: TimedEvent[]): number[] {
  const delays: number[] = [];
  for (const down of downstream) {
    const source = upstream.find((up) => up.cumLen >= down.cumLen);
    if (source) delays.push(down.t - source.t);
  }
  return delays;
}
