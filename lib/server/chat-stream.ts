import "server-only";
import { SseEvents } from "@/lib/chat/sse-events";
import { encodeEvent, type ChatEvent } from "@/lib/chat/wire";

// The router's SSE body → our NDJSON, one upstream read at a time: each read's events go out
// as soon as they are parsed (pull-driven, so a slow browser slows the upstream read too).
export interface ChatStreamInput {
  body: ReadableStream<Uint8Array>;
  meta: Extract<ChatEvent, { type: "meta" }>;
  /** The silence timer; refreshed on every read. */
  timer: NodeJS.Timeout;
  timedOut: () => boolean;
  abort: () => void;
  cleanup: () => void;
}

const encoder = new TextEncoder();

function encodeAll(events: ChatEvent[]): Uint8Array {
  let text = "";
  for (const event of events) text += encodeEvent(event);
  return encoder.encode(text);
}

export function chatEventStream(input: ChatStreamInput): ReadableStream<Uint8Array> {
  const reader = input.body.getReader();
  const decoder = new TextDecoder();
  const sse = new SseEvents();
  let closed = false;

  const close = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    closed = true;
    input.cleanup();
    controller.close();
    // Done or failed: release the upstream connection now rather than draining it.
    reader.cancel().catch(() => {});
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      input.timer.refresh();
      controller.enqueue(encoder.encode(encodeEvent(input.meta)));
    },
    async pull(controller) {
      for (;;) {
        let result: ReadableStreamReadResult<Uint8Array>;
        try {
          result = await reader.read();
        } catch {
          if (closed) return;
          const failure = input.timedOut()
            ? { kind: "timeout" as const, message: "The provider went silent in the middle of the answer." }
            : { kind: "midstream" as const, message: "The connection to the provider broke in the middle of the answer." };
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
      reader.cancel().catch(() => {});
    },
  });
}
