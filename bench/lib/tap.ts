// A transparent forwarder in front of the fake router that notes when each streamed event left
// the upstream (the bench's clock, same process as the clients). Both paths go through it, so the
// direct baseline carries the same small cost and the difference is the dashboard's own.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { EventClock, type TimedEvent } from "./sse-timing";

/** A marker the bench puts in each prompt, so a stream can be found whichever path sent it. */
export const MARKER = /bench-[a-z]+-\d+/;

export interface TapRecord {
  /** performance.now() when the request reached the tap. */
  requestAt: number;
  /** performance.now() when the upstream's response headers reached the tap. */
  headersAt: number;
  status: number;
  /** Upstream events carrying answer text, timed when the tap forwarded their last byte. */
  events: TimedEvent[];
  text: string;
  ended: boolean;
}

export interface Tap {
  url: string;
  routerUrl: string;
  record(marker: string): TapRecord | undefined;
  close(): Promise<void>;
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startTap(targetUrl: string): Promise<Tap> {
  const target = new URL(targetUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const records = new Map<string, TapRecord>();
  const sockets = new Set<Socket>();

  async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestAt = performance.now();
    const body = await readAll(req);
    const marker = req.method === "POST" ? MARKER.exec(body.toString("utf8"))?.[0] : undefined;
    const headers = { ...req.headers, host: target.host };
    delete headers.connection;
    const upstream = http.request({
      host: target.hostname,
      port: target.port,
      method: req.method,
      path: req.url,
      headers,
      agent,
    });
    upstream.on("socket", (s: Socket) => s.setNoDelay(true));
    upstream.on("response", (up) => {
      const outHeaders = { ...up.headers };
      delete outHeaders.connection;
      delete outHeaders["keep-alive"];
      res.writeHead(up.statusCode ?? 502, outHeaders);
      res.flushHeaders();
      const isStream = String(up.headers["content-type"] ?? "").includes("text/event-stream");
      const clock = marker && isStream ? new EventClock("sse") : undefined;
      const record: TapRecord | undefined = marker
        ? { requestAt, headersAt: performance.now(), status: up.statusCode ?? 0, events: [], text: "", ended: false }
        : undefined;
      if (marker && record) records.set(marker, record);
      up.on("data", (chunk: Buffer) => {
        clock?.push(chunk, performance.now());
        res.write(chunk);
      });
      up.on("end", () => {
        if (record && clock) Object.assign(record, { events: clock.events, text: clock.text });
        if (record) record.ended = true;
        res.end();
      });
      up.on("error", () => res.destroy());
    });
    upstream.on("error", () => res.destroy());
    // A client that leaves (the dashboard aborting) ends the upstream call too.
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    upstream.end(body);
  }

  const server = http.createServer((req, res) => {
    forward(req, res).catch(() => res.destroy());
  });
  server.on("connection", (socket: Socket) => {
    socket.setNoDelay(true);
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    routerUrl: `${url}/v1`,
    record: (marker) => records.get(marker),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        agent.destroy();
        server.close(() => resolve());
      }),
  };
}
