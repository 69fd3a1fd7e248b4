// Server-sent events of a streamed chat completion. Network writes deliberately do not line up with
// events (half an event per write, or two events per write), as on the real router, so a client
// that parses each read on its own breaks here and not only in production.
import { MIDSTREAM_ERROR } from "./bodies";
import type { Delta, Reply } from "./chat-content";
import type { RequestContext } from "./context";
import { sleep, type Headers } from "./http-util";
import type { ChatScenario } from "./scenario";

export interface ChunkMeta {
  id: string;
  created: number;
  model: string;
}

/** How a stream ends after its events: cleanly, by going silent, or by cutting the socket. */
export type StreamEnding = "end" | "hang" | "destroy";

export interface StreamSpec {
  events: string[];
  ending: StreamEnding;
  /** How many of the first events are deltas (the rest: finish, usage, [DONE]); set for a whole answer. */
  deltaCount?: number;
}

export const sse = (data: string): string => `data: ${data}\n\n`;

function chunk(meta: ChunkMeta, delta: Delta, finishReason: string | null): string {
  return sse(
    JSON.stringify({
      id: meta.id,
      object: "chat.completion.chunk",
      created: meta.created,
      model: meta.model,
      choices: [{ index: 0, delta, finish_reason: finishReason }],
    }),
  );
}

/** Delta events up to and including the `n`th one that carries `content`. */
function firstContent(deltas: Delta[], meta: ChunkMeta, n: number): string[] {
  const out: string[] = [];
  let seen = 0;
  for (const d of deltas) {
    out.push(chunk(meta, d, null));
    if (d.content !== undefined && ++seen >= n) break;
  }
  return out;
}

export function buildStream(reply: Reply, meta: ChunkMeta, includeUsage: boolean, scenario: ChatScenario): StreamSpec {
  const deltas = reply.deltas.map((d) => chunk(meta, d, null));
  const tail = [chunk(meta, {}, reply.finishReason)];
  if (includeUsage) {
    tail.push(
      sse(
        JSON.stringify({
          id: meta.id,
          object: "chat.completion.chunk",
          created: meta.created,
          model: meta.model,
          choices: [],
          usage: reply.usage,
        }),
      ),
    );
  }
  tail.push(sse("[DONE]"));
  switch (scenario) {
    case "midstream-error":
      return {
        events: [...firstContent(reply.deltas, meta, 3), sse(JSON.stringify({ error: { message: MIDSTREAM_ERROR } }))],
        ending: "end",
      };
    case "midstream-error-string":
      return {
        events: [...firstContent(reply.deltas, meta, 3), sse(JSON.stringify({ error: MIDSTREAM_ERROR }))],
        ending: "end",
      };
    case "hang-after-first":
      return { events: deltas.slice(0, 1), ending: "hang" };
    case "reset-midstream":
      return { events: firstContent(reply.deltas, meta, 3), ending: "destroy" };
    case "malformed-sse":
      // Well-framed event whose data is cut-off JSON, then the stream carries on normally.
      return {
        events: [
          ...deltas.slice(0, 2),
          sse('{"id":"' + meta.id + '","choices":[{"delta":{"content":'),
          ...deltas.slice(2),
          ...tail,
        ],
        ending: "end",
      };
    default:
      return { events: [...deltas, ...tail], ending: "end", deltaCount: deltas.length };
  }
}

/**
 * Groups events into network writes: the first alone, then repeating
 * [one event split in two writes at its middle byte] [two events in one write] [one event].
 */
export function planWrites(events: string[]): Buffer[] {
  const writes: Buffer[] = [];
  if (events.length > 0) writes.push(Buffer.from(events[0]));
  for (let i = 1, step = 0; i < events.length; step++) {
    const kind = step % 3;
    if (kind === 0) {
      // Split by bytes, not characters: a multi-byte character may straddle the two writes.
      const bytes = Buffer.from(events[i]);
      const mid = Math.floor(bytes.length / 2);
      writes.push(bytes.subarray(0, mid), bytes.subarray(mid));
      i += 1;
    } else if (kind === 1 && i + 1 < events.length) {
      writes.push(Buffer.from(events[i] + events[i + 1]));
      i += 2;
    } else {
      writes.push(Buffer.from(events[i]));
      i += 1;
    }
  }
  return writes;
}

/** Writes a stream with `delayMs` before each network write; stops as soon as the client leaves. */
export async function writeStream(
  ctx: RequestContext,
  headers: Headers,
  spec: StreamSpec,
  delayMs: number,
): Promise<void> {
  const { res, signal } = ctx;
  res.writeHead(200, { ...headers, "content-type": "text/event-stream", "cache-control": "no-cache" });
  res.flushHeaders();
  for (const write of planWrites(spec.events)) {
    if (!(await sleep(delayMs, signal)) || res.destroyed) return;
    res.write(write);
  }
  if (spec.ending === "end") res.end();
  // A short wait first so the bytes already written reach the client before the reset.
  else if (spec.ending === "destroy" && (await sleep(Math.max(delayMs, 20), signal))) ctx.destroyConnection();
  // "hang": leave the response open until the client or close() ends it.
}
