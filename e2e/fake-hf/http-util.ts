// Small node:http helpers shared by the hub and router handlers.
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";

export type Headers = Record<string, string>;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Headers = {}): void {
  sendRaw(res, status, JSON.stringify(body), { "content-type": "application/json", ...headers });
}

export function sendRaw(res: ServerResponse, status: number, body: string, headers: Headers): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(body)) });
  res.end(body);
}

/** Reads the whole request body; rejects if the client goes away first. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
    req.on("close", () => {
      if (!req.complete) reject(new Error("client closed before the body was complete"));
    });
  });
}

/** Waits `ms`; resolves false instead of throwing when the request was cancelled meanwhile. */
export async function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  try {
    await delay(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}
