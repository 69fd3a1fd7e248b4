import "server-only";
import type { IncomingMessage } from "node:http";
import { SseEvents } from "@/lib/chat/sse-events";
import { encodeEvent, type ChatEvent } from "@/lib/chat/wire";

// The router's SSE body → our NDJSON, one upstream read at a time: each read's events go out
// as soon as they are parsed (pull-driven, so a slow browser slows the upstream read too).
interface ChatStreamInput {
  body: IncomingMessage;
  meta: Extract<ChatEvent, { type: "meta" }>;
  /** The silence timer; refreshed on every read. */
  timer: NodeJS.Timeout;
  timedOut: () => boolean;
  abort: () => void;
  cleanup: () => void;
}

const encoder = new TextEncoder();
const RELEASE_MS = 1000;
const RELEASE_BYTES = 64 * 1024;

function encodeAll(events: ChatEvent[]): Uint8Array {
  let text = "";
  for (const event of events) text += encodeEvent(event);
  return encoder.encode(text);
}

/**
 * After [DONE] or an error event the router normally ends the body at once: read that end so the
 * keep-alive socket can be reused, but never wait on it for long.
 */
function release(body: IncomingMessage, chunks: AsyncIterator<Buffer>): void {
  if (body.complete || body.destroyed) return;
  const timer = setTimeout(() => body.destroy(), RELEASE_MS);
  (async () => {
    let size = 0;
    for (;;) {
      const { done, value } = await chunks.next();
      if (done) break;
      size += value.byteLength;
      if (size > RELEASE_BYTES) throw new Error("too much after the end");
    }
  })()
    .catch(() => body.destroy())
    .finally(() => clearTimeout(timer));
}

export function chatEventStream(input: ChatStreamInput): ReadableStream<Uint8Array> {
  const chunks = (input.body as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const decoder = new TextDecoder();
  const sse = new SseEvents();
  let closed = false;

  const close = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    closed = true;
    input.cleanup();
    controller.close();
    release(input.body, chunks);
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      input.timer.refresh();
      controller.enqueue(encoder.encode(encodeEvent(input.meta)));
    },
    async pull(controller) {
      for (;;) {
        let result: IteratorResult<Buffer>;
        try {
          result = await chunks.next();
        } catch {
          if (closed) return;
          const failure = input.timedOut()
            ? { kind: "timeout" as const, message: "The provider went silent in the middle of the answer." }
            : {
                kind: "midstream" as const,
                message: "The connection to the provider broke in the middle of the answer.",
                connectionLost: true,
              };
          controller.enqueue(encodeAll(sse.fail(failure)));
          close(controller);
          return;
        }
        if (closed) return;
        if (result.done) {
          const events = sse.end();
          if (events.length > 0) controller.enqueue(encodeAll(events));
          close(controller);
          return;
        }
        input.timer.refresh();
        const events = sse.feed(decoder.decode(result.value, { stream: true }));
        if (events.length > 0) {
          controller.enqueue(encodeAll(events));
          if (sse.finished) close(controller);
          return;
        }
      }
    },
    cancel() {
      // The browser went away (Stop, closed tab): abort the upstream call at once.
      closed = true;
      input.cleanup();
      input.abort();
      input.body.destroy();
    },
  });
}
