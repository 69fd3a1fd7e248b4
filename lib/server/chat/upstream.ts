import "server-only";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";

// The chat's upstream call on node:http(s) with keep-alive agents rather than fetch: the chat
// path has a budget of a few milliseconds and fetch's WHATWG layers cost more per request and
// per chunk. Abort (browser gone, timeout) destroys the socket at once.
const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 512 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 512 }),
};

class UpstreamUnreachable extends Error {}

export function postUpstream(
  url: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
  /** Called when the whole request has been handed to the socket (a benchmark's clock starts here). */
  onSent?: () => void,
): Promise<IncomingMessage> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? https : http;
  const agent = target.protocol === "https:" ? agents["https:"] : agents["http:"];
  return new Promise((resolve, reject) => {
    const request = client.request(
      target,
      { method: "POST", agent, signal, headers: { ...headers, "content-length": Buffer.byteLength(body) } },
      (response) => {
        // A reset while nobody is reading must not become an unhandled 'error' event.
        response.on("error", () => {});
        resolve(response);
      },
    );
    request.setNoDelay(true);
    if (onSent) request.once("finish", onSent);
    request.on("error", () => reject(new UpstreamUnreachable()));
    request.end(body);
  });
}

export function headerValue(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? (value[0] ?? null) : null;
}

/** Reads at most `limit` bytes of a body (the rest is dropped with the socket). */
export async function readCapped(response: IncomingMessage, limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.byteLength;
      if (size >= limit) break;
    }
  } catch {
    return undefined;
  } finally {
    if (!response.complete) response.destroy();
  }
  return Buffer.concat(chunks).toString("utf8");
}
