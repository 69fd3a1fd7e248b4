import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startTap, type Tap } from "./tap";

const sse = (content: string) => `data: ${JSON.stringify({ choices: [{ delta: { content } }] })}\n\n`;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function upstream(writes: string[]): Promise<string> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", async () => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (const w of writes) {
        res.write(w);
        await new Promise((r) => setTimeout(r, 15));
      }
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  closers.push(() => new Promise((r) => server.close(() => r())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function post(tap: Tap, body: unknown): Promise<string> {
  const response = await fetch(`${tap.routerUrl}/chat/completions`, { method: "POST", body: JSON.stringify(body) });
  return response.text();
}

describe("timing tap", () => {
  it("passes the stream through byte for byte and times each event by the write that completed it", async () => {
    const whole = sse("Hel") + sse("lo") + "data: [DONE]\n\n";
    const writes = [whole.slice(0, 10), whole.slice(10, sse("Hel").length + 5), whole.slice(sse("Hel").length + 5)];
    const tap = await startTap(await upstream(writes));
    closers.push(tap.close);
    const received = await post(tap, { messages: [{ role: "user", content: "bench-d-1" }] });
    expect(received).toBe(whole);
    const record = tap.record("bench-d-1");
    expect(record?.text).toBe("Hello");
    expect(record?.events.map((e) => e.cumLen)).toEqual([3, 5]);
    // The first event completes in the second write, the second in the third: 15 ms apart.
    const [first, second] = record?.events ?? [];
    expect(second.t - first.t).toBeGreaterThan(5);
    expect(first.t).toBeGreaterThanOrEqual(record?.requestAt ?? Infinity);
  });

  it("keeps no record for a request without a bench marker", async () => {
    const tap = await startTap(await upstream([sse("x")]));
    closers.push(tap.close);
    await post(tap, { messages: [{ role: "user", content: "hello" }] });
    expect(tap.record("bench-d-1")).toBeUndefined();
  });
});
