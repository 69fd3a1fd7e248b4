import type { IncomingMessage } from "node:http";
import { PassThrough } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { NdjsonDecoder, type ChatEvent } from "@/lib/chat/wire";
import { chatEventStream } from "./event-stream";

const sse = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;
const delta = (content: string) => sse({ choices: [{ index: 0, delta: { content }, finish_reason: null }] });

function setup() {
  const body = new PassThrough() as PassThrough & { complete: boolean };
  body.complete = false;
  const abort = vi.fn();
  const cleanup = vi.fn();
  const timer = setTimeout(() => {}, 60_000);
  const stream = chatEventStream({
    body: body as unknown as IncomingMessage,
    meta: { type: "meta", ref: "huggingface/a/b", model: "a/b", provider: "p", requestId: "r" },
    timer,
    timedOut: () => false,
    abort,
    cleanup,
  });
  const reader = stream.getReader();
  const decoder = new NdjsonDecoder();
  const next = async (): Promise<ChatEvent[]> => {
    const { done, value } = await reader.read();
    return done ? [] : decoder.push(value);
  };
  return { body, abort, cleanup, reader, next, timer };
}

describe("chatEventStream", () => {
  it("passes each upstream read on before the next one arrives", async () => {
    const { body, next, timer } = setup();
    expect(await next()).toMatchObject([{ type: "meta", provider: "p" }]);
    const event = delta("Hello");
    body.write(event.slice(0, 10));
    const pending = next();
    body.write(event.slice(10));
    expect(await pending).toEqual([{ type: "content", text: "Hello" }]);
    body.write(delta(" wor") + delta("ld"));
    expect(await next()).toEqual([
      { type: "content", text: " wor" },
      { type: "content", text: "ld" },
    ]);
    body.write("data: [DONE]\n\n");
    expect(await next()).toEqual([{ type: "done", finishReason: null, skipped: 0 }]);
    clearTimeout(timer);
  });

  it("a broken connection keeps what arrived and ends with a mid-stream error", async () => {
    const { body, next, cleanup, timer } = setup();
    await next();
    body.write(delta("Part"));
    expect(await next()).toEqual([{ type: "content", text: "Part" }]);
    const pending = next();
    body.destroy(new Error("ECONNRESET"));
    // connectionLost: OpenClaw retries a cut connection as a timeout, unlike an error the provider reports.
    expect(await pending).toMatchObject([{ type: "error", error: { kind: "midstream", connectionLost: true } }]);
    expect(cleanup).toHaveBeenCalled();
    clearTimeout(timer);
  });

  it("a browser that leaves aborts the upstream call at once", async () => {
    const { body, next, reader, abort, cleanup, timer } = setup();
    await next();
    await reader.cancel();
    expect(abort).toHaveBeenCalledOnce();
    expect(cleanup).toHaveBeenCalled();
    expect(body.destroyed).toBe(true);
    clearTimeout(timer);
  });
});
