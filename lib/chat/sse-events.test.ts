import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SseEvents } from "./sse-events";
import type { ChatEvent } from "./wire";

const sse = (data: unknown) => `data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;
const delta = (d: Record<string, string>, finish: string | null = null) =>
  sse({ id: "x", object: "chat.completion.chunk", choices: [{ index: 0, delta: d, finish_reason: finish }] });
const usage = sse({ id: "x", choices: [], usage: { prompt_tokens: 9, completion_tokens: 2, total_tokens: 11 } });

function collect(pieces: string[]): ChatEvent[] {
  const parser = new SseEvents();
  return [...pieces.flatMap((p) => parser.feed(p)), ...parser.end()];
}

function summary(events: ChatEvent[]) {
  const text = (type: "reasoning" | "content") =>
    events
      .filter((e) => e.type === type)
      .map((e) => (e as { text: string }).text)
      .join("");
  return {
    reasoning: text("reasoning"),
    content: text("content"),
    last: events[events.length - 1],
    usage: events.find((e) => e.type === "usage"),
  };
}

describe("SseEvents", () => {
  it.each([
    ["reasoning", { reasoning: "Think." }],
    ["reasoning_content", { reasoning_content: "Think." }],
    ["reasoning_text", { reasoning_text: "Think." }],
  ])("reads reasoning from delta.%s", (_name, d) => {
    const s = summary(collect([delta(d), delta({ content: "Hi" }), delta({}, "stop"), usage, sse("[DONE]")]));
    expect(s.reasoning).toBe("Think.");
    expect(s.content).toBe("Hi");
    expect(s.usage).toEqual({ type: "usage", usage: { promptTokens: 9, completionTokens: 2, totalTokens: 11 } });
    expect(s.last).toEqual({ type: "done", finishReason: "stop", skipped: 0 });
  });

  it("reads inline <think> reasoning", () => {
    const s = summary(
      collect([
        delta({ content: "<thi" }),
        delta({ content: "nk>\nHmm" }),
        delta({ content: "</think>\n\nHi" }),
        sse("[DONE]"),
      ]),
    );
    expect(s.reasoning).toBe("Hmm");
    expect(s.content).toBe("Hi");
  });

  it("takes one of two duplicated reasoning fields", () => {
    expect(summary(collect([delta({ reasoning: "R", reasoning_content: "R" }), sse("[DONE]")])).reasoning).toBe("R");
  });

  it("turns a mid-stream error (either shape) into an error event, keeping what came before, never its text", () => {
    for (const error of [{ error: "Bearer hf_secret leaked" }, { error: { message: "Bearer hf_secret leaked" } }]) {
      const events = collect([delta({ content: "Part" }), sse(error), delta({ content: "ignored" })]);
      const s = summary(events);
      expect(s.content).toBe("Part");
      expect(s.last).toMatchObject({ type: "error", error: { kind: "midstream" } });
      // The provider said it: not a lost connection (OpenClaw stops on these instead of retrying).
      expect(s.last).not.toHaveProperty("error.connectionLost");
      expect(JSON.stringify(events)).not.toContain("hf_secret");
    }
  });

  it("skips a malformed event and carries on", () => {
    const s = summary(
      collect([
        delta({ content: "a" }),
        sse('{"choices":[{"delta":{"content":'),
        delta({ content: "b" }),
        sse("[DONE]"),
      ]),
    );
    expect(s.content).toBe("ab");
    expect(s.last).toEqual({ type: "done", finishReason: null, skipped: 1 });
  });

  it("reports an answer that ends without any event as unreadable", () => {
    expect(collect(["<html>oops</html>"]).at(-1)).toMatchObject({ type: "error", error: { kind: "bad_response" } });
  });

  it("ends with done when the body ends after content but without [DONE]", () => {
    expect(collect([delta({ content: "a" })]).at(-1)).toMatchObject({ type: "done" });
  });

  it("fail() releases held-back text before the error", () => {
    const parser = new SseEvents();
    parser.feed(delta({ content: "<think>abc</thi" }));
    const events = parser.fail({ kind: "timeout", message: "t" });
    expect(events.map((e) => e.type)).toEqual(["reasoning", "error"]);
  });

  it("gives the same events' text for any network chunking, multi-byte characters included (property)", () => {
    const body = [
      delta({ role: "assistant", content: "<think>\nWhy 😀" }),
      delta({ content: "?</think>\n\n" }),
      delta({ content: "Grüße, " }),
      delta({ content: "日本語 ok" }),
      delta({}, "stop"),
      usage,
      sse("[DONE]"),
    ].join("");
    const bytes = new TextEncoder().encode(body);
    const expected = summary(collect([body]));
    expect(expected).toMatchObject({ reasoning: "Why 😀?", content: "Grüße, 日本語 ok" });
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 30 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const decoder = new TextDecoder();
        const pieces = points
          .slice(1)
          .map((end, i) => decoder.decode(bytes.subarray(points[i], end), { stream: true }));
        expect(summary(collect(pieces))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
