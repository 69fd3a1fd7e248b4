// Upstream SSE text → our events. Network reads do not line up with events (half an event,
// or several in one read); eventsource-parser buffers across feeds.
import { createParser, type EventSourceParser } from "eventsource-parser";
import { ChunkNormalizer } from "./normalize";
import type { ChatEvent, ChatFailure } from "./wire";

/** An event larger than this is not a chat delta: the stream is treated as unreadable. */
const MAX_SSE_BUFFER = 1024 * 1024;

export class SseEvents {
  readonly normalizer = new ChunkNormalizer();
  private readonly parser: EventSourceParser;
  private out: ChatEvent[] = [];
  private overflow = false;

  constructor() {
    this.parser = createParser({
      maxBufferSize: MAX_SSE_BUFFER,
      onEvent: (event) => this.normalizer.push(event.data, this.out),
      onError: (error) => {
        if (error.type === "max-buffer-size-exceeded") this.overflow = true;
      },
    });
  }

  get finished(): boolean {
    return this.normalizer.finished || this.overflow;
  }

  /** Feeds decoded text; returns the events it completed (possibly none). */
  feed(text: string): ChatEvent[] {
    if (this.finished) return [];
    this.parser.feed(text);
    if (this.overflow && !this.normalizer.finished) {
      this.normalizer.finished = true;
      this.out.push({
        type: "error",
        error: { kind: "bad_response", message: "The provider sent an event too large to be a chat delta." },
      });
    }
    return this.take();
  }

  /** The upstream connection broke or timed out. */
  fail(error: ChatFailure): ChatEvent[] {
    this.normalizer.fail(this.out, error);
    return this.take();
  }

  /** The upstream body ended cleanly. */
  end(): ChatEvent[] {
    if (this.finished) return this.take();
    this.parser.reset({ consume: true });
    if (this.normalizer.finished) return this.take();
    if (this.normalizer.sawOutput) {
      this.normalizer.end(this.out);
    } else {
      this.normalizer.finished = true;
      this.out.push({
        type: "error",
        error: { kind: "bad_response", message: "The router's answer ended without any chat event." },
      });
    }
    return this.take();
  }

  private take(): ChatEvent[] {
    if (this.out.length === 0) return EMPTY;
    const events = this.out;
    this.out = [];
    return events;
  }
}

const EMPTY: ChatEvent[] = [];
