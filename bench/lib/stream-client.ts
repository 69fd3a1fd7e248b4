// Sends one streamed chat request and times every event as its last byte arrives.
import http from "node:http";
import type { Socket } from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { EventClock, type TimedEvent } from "./sse-timing";

export interface StreamSample {
  ok: boolean;
  status: number;
  error?: string;
  /** content-encoding of the answer, if any. */
  encoding?: string;
  /** performance.now() when the request was sent. */
  t0: number;
  /** From sending the request to the first answer text. */
  ttftMs: number | null;
  events: TimedEvent[];
  text: string;
}

export const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

export function streamRequest(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs = 30_000,
): Promise<StreamSample> {
  const target = new URL(url);
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve) => {
    const t0 = performance.now();
    const fail = (status: number, error: string) =>
      resolve({ ok: false, status, error, t0, ttftMs: null, events: [], text: "" });
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": String(payload.length), ...headers },
        timeout: timeoutMs,
      },
      (res) => {
        const type = String(res.headers["content-type"] ?? "");
        const clock = new EventClock(type.includes("text/event-stream") ? "sse" : "ndjson");
        const raw: Buffer[] = [];
        // A browser asks for compression; if the server compresses a stream, time what it decodes.
        const encoding = String(res.headers["content-encoding"] ?? "");
        const decoder =
          encoding === "gzip"
            ? zlib.createGunzip()
            : encoding === "br"
              ? zlib.createBrotliDecompress()
              : encoding === "deflate"
                ? zlib.createInflate()
                : undefined;
        const body: Readable = decoder ? res.pipe(decoder) : res;
        body.on("data", (chunk: Buffer) => {
          clock.push(chunk, performance.now());
          if (res.statusCode !== 200) raw.push(chunk);
        });
        body.on("end", () => {
          const status = res.statusCode ?? 0;
          if (status !== 200) return fail(status, Buffer.concat(raw).toString("utf8").slice(0, 300));
          const finished = clock.types.includes("done") || clock.types.includes("[DONE]");
          const failed = clock.types.includes("error");
          resolve({
            ok: finished && !failed && clock.events.length > 0,
            status,
            t0,
            error: failed ? "error event" : finished ? undefined : "stream ended without a final event",
            encoding: encoding || undefined,
            ttftMs: clock.events.length > 0 ? clock.events[0].t - t0 : null,
            events: clock.events,
            text: clock.text,
          });
        });
        body.on("error", (err) => fail(res.statusCode ?? 0, err.message));
      },
    );
    req.on("socket", (s: Socket) => s.setNoDelay(true));
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", (err) => fail(0, err.message));
    req.end(payload);
  });
}

/** A GET over the same keep-alive agent as the streams, timed to the end of the body. */
export function timedGet(url: string): Promise<{ ms: number; status: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on("end", () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0 }));
    });
    req.on("error", () => resolve({ ms: performance.now() - t0, status: 0 }));
  });
}
