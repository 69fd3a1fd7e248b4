// Helpers for the fake's own tests: plain fetch for most calls, raw node:http where the test needs to
// see network chunk boundaries or to hang up at an exact moment.
import http from "node:http";
import type { FakeHf } from "./server";

export const TOKEN = "hf_testtoken123";

export function auth(token: string = TOKEN): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export function chatBody(model: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { model, messages: [{ role: "user", content: "Hi there" }], ...extra };
}

export function postChat(
  fake: FakeHf,
  body: unknown,
  headers: Record<string, string> = auth(),
  signal?: AbortSignal,
): Promise<Response> {
  return fetch(`${fake.routerUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
    signal,
  });
}

/** The `data:` payloads of an SSE text, in order. */
export function sseData(text: string): string[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) =>
      block
        .split("\n")
        .filter((l) => l.startsWith("data: "))
        .map((l) => l.slice(6))
        .join("\n"),
    );
}

export interface ChunkJson {
  id: string;
  object: string;
  model: string;
  choices: { index: number; delta: Record<string, string | undefined>; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

/** Parses every payload except [DONE] as a chunk (throws on a non-JSON payload). */
export function chunks(data: string[]): ChunkJson[] {
  return data.filter((d) => d !== "[DONE]").map((d) => JSON.parse(d) as ChunkJson);
}

export interface RawRead {
  text: string;
  at: number;
}

export interface RawStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  reads: RawRead[];
  /** Resolves when the response ends or the connection breaks. */
  done: Promise<"end" | "error">;
  request: http.ClientRequest;
  /** Resolves after the nth read (1-based). */
  nthRead(n: number): Promise<void>;
}

/** POSTs a chat with node:http and records every read of the body with its arrival time. */
export function rawChat(fake: FakeHf, body: unknown, token: string = TOKEN): Promise<RawStream> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(`${fake.routerUrl}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), ...auth(token) },
    });
    request.on("error", reject);
    request.on("response", (res) => {
      request.off("error", reject);
      request.on("error", () => undefined); // An abort by the test is expected.
      const reads: RawRead[] = [];
      const waiters: { n: number; resolve: () => void }[] = [];
      res.on("data", (b: Buffer) => {
        reads.push({ text: b.toString("utf8"), at: Date.now() });
        for (const w of waiters.filter((w) => reads.length >= w.n)) w.resolve();
      });
      const done = new Promise<"end" | "error">((r) => {
        res.on("end", () => r("end"));
        res.on("error", () => r("error"));
        res.on("close", () => r(res.complete ? "end" : "error"));
      });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        reads,
        done,
        request,
        nthRead: (n) => (reads.length >= n ? Promise.resolve() : new Promise((r) => waiters.push({ n, resolve: r }))),
      });
    });
    request.end(payload);
  });
}

/** A request that is expected to hang: sent with node:http and never aborted by the test. */
export function openRaw(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): http.ClientRequest {
  const req = http.request(url, { method: init.method ?? "GET", headers: init.headers });
  req.on("error", () => undefined); // close() will reset it.
  req.end(init.body);
  return req;
}

export async function waitFor(check: () => boolean, timeoutMs = 3000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Resolves "pending" if `p` has not settled within `ms`. */
export function settlesWithin<T>(p: Promise<T>, ms: number): Promise<T | "pending"> {
  return Promise.race([p, new Promise<"pending">((r) => setTimeout(() => r("pending"), ms))]);
}
