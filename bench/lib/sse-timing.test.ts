import { describe, expect, it } from "vitest";
import { EventClock, passOnDelays } from "./sse-timing";

const chunk = (content: string) => `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;

describe("EventClock", () => {
  it("times an SSE event by the read that completes it, even split inside a multi-byte character", () => {
    const clock = new EventClock("sse");
    const bytes = Buffer.from(chunk("héllo"));
    const cut = bytes.indexOf(Buffer.from("é")) + 1; // inside the two bytes of é
    clock.push(bytes.subarray(0, cut), 10);
    expect(clock.events).toEqual([]);
    clock.push(bytes.subarray(cut), 30);
    expect(clock.events).toEqual([{ t: 30, cumLen: 5 }]);
    expect(clock.text).toBe("héllo");
  });

  it("gives two events in one read the same time and counts text cumulatively; [DONE] carries none", () => {
    const clock = new EventClock("sse");
    clock.push(Buffer.from(chunk("ab") + chunk("cde") + "data: [DONE]\n\n"), 7);
    expect(clock.events).toEqual([
      { t: 7, cumLen: 2 },
      { t: 7, cumLen: 5 },
    ]);
    expect(clock.types).toEqual(["chunk", "chunk", "[DONE]"]);
  });

  it("reads the dashboard's NDJSON: only content lines carry answer text", () => {
    const clock = new EventClock("ndjson");
    const lines = [
      { type: "meta", ref: "x" },
      { type: "reasoning", text: "hmm" },
      { type: "content", text: "Hi" },
      { type: "done", finishReason: "stop", skipped: 0 },
    ];
    const text = lines.map((l) => `${JSON.stringify(l)}\n`).join("");
    clock.push(Buffer.from(text.slice(0, 40)), 1);
    clock.push(Buffer.from(text.slice(40)), 2);
    expect(clock.events).toEqual([{ t: 2, cumLen: 2 }]);
    expect(clock.types).toEqual(["meta", "reasoning", "content", "done"]);
  });
});

describe("passOnDelays", () => {
  const upstream = [
    { t: 100, cumLen: 2 },
    { t: 120, cumLen: 5 },
    { t: 140, cumLen: 9 },
  ];

  it("measures each downstream event from the upstream event that completed its text", () => {
    expect(
      passOnDelays(upstream, [
        { t: 101, cumLen: 2 },
        { t: 123, cumLen: 5 },
        { t: 140.5, cumLen: 9 },
      ]),
    ).toEqual([1, 3, 0.5]);
  });

  it("charges merged deltas to the later upstream event, so holding text back shows as delay", () => {
    expect(
      passOnDelays(upstream, [
        { t: 125, cumLen: 5 },
        { t: 141, cumLen: 9 },
      ]),
    ).toEqual([5, 1]);
    // Text held back until the next upstream event shows as a long delay for the earlier one.
    expect(
      passOnDelays(upstream, [
        { t: 121, cumLen: 2 },
        { t: 121, cumLen: 5 },
      ]),
    ).toEqual([21, 1]);
  });

  it("ignores downstream text the upstream never sent", () => {
    expect(passOnDelays(upstream, [{ t: 150, cumLen: 12 }])).toEqual([]);
  });
});
