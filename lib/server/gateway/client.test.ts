import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { WebSocketServer } from "ws";
import { DashboardGateway } from "./client";
import { GatewayError } from "./errors";
import type { GatewayLocation } from "./locate";
import { WriteRateLimiter } from "./rate-limit";

// The connection's state machine without OpenClaw: refused ports, silent ports, something that is not
// a Gateway, and a tiny fake that speaks just enough of the protocol (challenge, connect, one RPC).
// e2e/gateway-client.spec.ts runs the same code against the real Gateway.

let dir: string;
const cleanups: (() => Promise<void> | void)[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hfpd-client-"));
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const at = (port: number, token = "tok-unit-secret"): GatewayLocation => ({
  url: `ws://127.0.0.1:${port}`,
  port,
  auth: { token },
  authSource: "gateway.auth.token",
  authProblem: null,
});

function client(port: number, options: ConstructorParameters<typeof DashboardGateway>[0] = {}) {
  const gateway = new DashboardGateway({
    locate: async () => at(port),
    deviceFile: path.join(dir, "device.json"),
    connectTimeoutMs: 400,
    recheckMs: 60_000,
    ...options,
  });
  cleanups.push(() => gateway.close());
  return gateway;
}

/** Listens on `port` (0: any), closing with every connection it still holds at the end of the test. */
async function listen(server: net.Server | http.Server, port = 0): Promise<number> {
  const sockets = new Set<net.Socket>();
  server.on("connection", (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  cleanups.push(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return (server.address() as net.AddressInfo).port;
}

/** Accepts connections and never says a word (it reads, so a client's close is seen). */
const silent = () => net.createServer((socket) => socket.resume());

async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

type Frame = { type: string; id: string; method: string; params: Record<string, unknown> };

/** Challenge, then answers `connect` with `onConnect` and any other request with `onRequest`. */
async function fakeGateway(
  onConnect: (params: Record<string, unknown>) => { ok: boolean; payload?: unknown; error?: unknown },
  onRequest: (frame: Frame) => { ok: boolean; payload?: unknown; error?: unknown } = () => ({ ok: true, payload: {} }),
) {
  const server = http.createServer();
  const wss = new WebSocketServer({ server });
  const received: Frame[] = [];
  wss.on("connection", (socket) => {
    socket.send(
      JSON.stringify({ type: "event", event: "connect.challenge", payload: { nonce: "n-1", ts: Date.now() } }),
    );
    socket.on("message", (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      received.push(frame);
      const answer = frame.method === "connect" ? onConnect(frame.params) : onRequest(frame);
      socket.send(JSON.stringify({ type: "res", id: frame.id, ...answer }));
      if (frame.method === "connect" && !answer.ok) socket.close(1008, "unauthorized");
    });
  });
  cleanups.push(() => new Promise<void>((resolve) => wss.close(() => resolve())));
  const port = await listen(server);
  return { port, received };
}

const hello = {
  type: "hello-ok",
  protocol: 4,
  server: { version: "9.9.9-fake", connId: "c1" },
  features: { methods: [], events: [] },
  snapshot: {},
  auth: { role: "operator", scopes: ["operator.admin"] },
  policy: { maxPayload: 26214400, maxBufferedBytes: 52428800, tickIntervalMs: 15000 },
};

describe("DashboardGateway states", () => {
  it("a refused port is stopped, and stays so cheaply until the recheck", async () => {
    const port = await unusedPort();
    const gateway = client(port);
    expect(await gateway.status()).toMatchObject({ state: "stopped" });
    // Something starts listening, but the cached answer holds until recheckMs.
    await listen(silent(), port);
    expect(await gateway.status()).toMatchObject({ state: "stopped" });
    await expect(gateway.configGet()).rejects.toMatchObject({
      kind: "not_running",
      info: { status: { state: "stopped" } },
    });
  });

  it("after the recheck it tries again", async () => {
    const port = await unusedPort();
    const gateway = client(port, { recheckMs: 0 });
    expect((await gateway.status()).state).toBe("stopped");
    await listen(silent(), port);
    expect((await gateway.status()).state).toBe("unreachable");
  });

  it("a port that accepts and never answers is unreachable, within the connect timeout", async () => {
    const port = await listen(silent());
    const status = await client(port).status();
    expect(status).toMatchObject({ state: "unreachable" });
    expect(status.message).toMatch(/no Gateway answered within 0\.4 s/);
  });

  it("an HTTP server that is not a Gateway is unreachable, and says so", async () => {
    const port = await listen(http.createServer((_req, res) => res.writeHead(404).end("not here")));
    const status = await client(port).status();
    expect(status.state).toBe("unreachable");
    expect(status.message).toMatch(/does not look like an OpenClaw Gateway/);
  });

  it("a token mismatch is unauthorized, with what to do and without the token", async () => {
    const fake = await fakeGateway(() => ({
      ok: false,
      error: {
        code: "INVALID_REQUEST",
        message: "unauthorized: gateway token mismatch (provide gateway auth token)",
        details: {
          code: "AUTH_TOKEN_MISMATCH",
          canRetryWithDeviceToken: true,
          recommendedNextStep: "retry_with_device_token",
        },
      },
    }));
    const status = await client(fake.port).status();
    expect(status).toMatchObject({ state: "unauthorized", code: "AUTH_TOKEN_MISMATCH" });
    expect(JSON.stringify(status)).not.toContain("tok-unit-secret");
  });

  it("connects as gateway-client/ui with a signed device identity and reuses the connection", async () => {
    const fake = await fakeGateway(() => ({ ok: true, payload: hello }));
    const gateway = client(fake.port);
    expect(await gateway.status()).toEqual({ state: "running", version: "9.9.9-fake" });
    expect(await gateway.status()).toEqual({ state: "running", version: "9.9.9-fake" });
    const connects = fake.received.filter((f) => f.method === "connect");
    expect(connects).toHaveLength(1);
    expect(connects[0].params).toMatchObject({
      minProtocol: 4,
      maxProtocol: 4,
      client: { id: "gateway-client", mode: "ui", platform: process.platform },
      role: "operator",
      scopes: ["operator.admin"],
      auth: { token: "tok-unit-secret" },
      device: { id: expect.stringMatching(/^[0-9a-f]{64}$/), nonce: "n-1", signature: expect.any(String) },
    });
  });

  it("running without operator.admin says changes will be refused", async () => {
    const fake = await fakeGateway(() => ({ ok: true, payload: { ...hello, auth: { role: "operator", scopes: [] } } }));
    const status = await client(fake.port).status();
    expect(status.state).toBe("running");
    expect(status.message).toMatch(/without operator\.admin/);
  });
});

describe("DashboardGateway writes", () => {
  it("refuses the 31st write of a minute itself, before the Gateway sees it", async () => {
    const fake = await fakeGateway(
      () => ({ ok: true, payload: hello }),
      (frame) =>
        frame.method === "config.patch"
          ? {
              ok: true,
              payload: {
                ok: true,
                hash: "h2",
                changedPaths: ["a"],
                sentinel: { payload: { stats: { requiresRestart: false } } },
              },
            }
          : { ok: true, payload: { hash: "h2", valid: true, configRevisionHash: "r", appliedConfigHash: "r" } },
    );
    const gateway = client(fake.port, { limiter: new WriteRateLimiter(2, 60_000) });
    const patch = () => gateway.configPatch({ raw: { a: 1 }, baseHash: "h1", note: "n" });
    expect(await patch()).toMatchObject({ hash: "h2", applied: true, requiresRestart: false, changedPaths: ["a"] });
    await patch();
    const refused = await patch().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GatewayError);
    expect(refused).toMatchObject({ kind: "rate_limited", status: 429 });
    expect(fake.received.filter((f) => f.method === "config.patch")).toHaveLength(2);
    expect(fake.received.find((f) => f.method === "config.patch")?.params).toEqual({
      raw: '{"a":1}',
      baseHash: "h1",
      note: "n",
    });
  });

  it("a restart-requiring change is saved and pending, not applied", async () => {
    const fake = await fakeGateway(
      () => ({ ok: true, payload: hello }),
      () => ({
        ok: true,
        payload: {
          ok: true,
          hash: "h3",
          changedPaths: ["env"],
          sentinel: { payload: { stats: { requiresRestart: true } } },
        },
      }),
    );
    const result = await client(fake.port).configPatch({
      raw: "{env:{vars:{A:'1'}}}",
      baseHash: "h1",
      replacePaths: [],
      note: "n",
    });
    expect(result).toMatchObject({ hash: "h3", requiresRestart: true, applied: false });
    expect(result.message).toMatch(/restart/);
    // No config.get while the Gateway restarts.
    expect(fake.received.map((f) => f.method)).toEqual(["connect", "config.patch"]);
  });
});
