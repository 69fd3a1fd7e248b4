// A fake of the Hugging Face hub (whoami) and router (/v1) for tests, on plain node:http.
// Behaviour follows /work/shared/reference/hf-router.md; failures are scripted by token or scenario.
import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { NOT_FOUND_BODY } from "./bodies";
import { CatalogCache, type Recording, type RequestContext } from "./context";
import { DEFAULT_MODELS } from "./default-models";
import { readBody, sendJson } from "./http-util";
import { handleWhoami } from "./hub";
import { RequestLog, parseBodyForLog, type RecordedRequest } from "./request-log";
import { handleChat, handleModels } from "./router";
import { ScriptProgress, defaultScenario, mergeScenario, parseScenarioPatch, type Scenario } from "./scenario";
import type { FakeModel } from "./types";

export type { Recording } from "./context";
export type { RecordedRequest } from "./request-log";
export type { Scenario } from "./scenario";
export type { FakeModel } from "./types";

export interface FakeHfOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Replaces the default catalog. */
  models?: FakeModel[];
  /** Starts with syntheticCatalog(n); reset() returns to it. */
  catalogSize?: number;
}

export interface FakeHf {
  /** Hub base address (HF_ENDPOINT), e.g. http://127.0.0.1:PORT. */
  url: string;
  /** `${url}/v1` (HF_ROUTER_URL). */
  routerUrl: string;
  requests(): RecordedRequest[];
  /** The scenario currently in force (a copy). */
  scenario(): Scenario;
  /** Merges a patch; a patch with chatScript starts each model's script from its first entry. */
  setScenario(s: Partial<Scenario>): void;
  /** Every chat call (with a valid token) answers with these bytes until serveRecording(null). */
  serveRecording(recording: Recording | null): void;
  /** Scenario back to the start one, log cleared, no recording. */
  reset(): void;
  /** Closes the server, destroying open sockets, so hanging requests cannot keep it alive. */
  close(): Promise<void>;
}

const CONTROL_PREFIX = "/__control/";

/** Calls `note` once, when the first body bytes are handed to the socket (by write or by end). */
function noteFirstByte(res: ServerResponse, note: () => void): void {
  const { write, end } = res;
  let noted = false;
  const check = (chunk: unknown) => {
    if (noted || chunk === undefined || chunk === null || typeof chunk === "function") return;
    if ((typeof chunk === "string" || chunk instanceof Uint8Array) && chunk.length === 0) return;
    noted = true;
    note();
  };
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    check(chunk);
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    check(chunk);
    return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
  } as ServerResponse["end"];
}

export async function startFakeHf(opts: FakeHfOptions = {}): Promise<FakeHf> {
  const host = opts.host ?? "127.0.0.1";
  const startScenario = (): Scenario => ({ ...defaultScenario(), catalogSize: opts.catalogSize ?? null });
  let scenario = startScenario();
  const log = new RequestLog();
  const script = new ScriptProgress();
  let recording: Recording | null = null;
  const catalogs = new CatalogCache(opts.models ?? DEFAULT_MODELS);
  const sockets = new Set<Socket>();
  let closing = false;

  // Validated here too, so a typo in a test's scenario fails at once instead of doing nothing.
  const setScenario = (patch: Partial<Scenario>) => {
    const parsed = parseScenarioPatch(patch);
    scenario = mergeScenario(scenario, parsed);
    if (parsed.chatScript) script.reset();
  };
  const reset = () => {
    scenario = startScenario();
    script.reset();
    recording = null;
    log.clear();
  };

  async function control(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const route = `${req.method ?? "GET"} ${path.slice(CONTROL_PREFIX.length)}`;
    if (route === "GET requests") return sendJson(res, 200, log.snapshot());
    if (route === "GET scenario") return sendJson(res, 200, scenario);
    if (route === "POST reset") {
      reset();
      return sendJson(res, 200, { ok: true });
    }
    if (route === "POST scenario") {
      try {
        setScenario(parseScenarioPatch(JSON.parse(await readBody(req)) as unknown));
      } catch (err) {
        return sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) });
      }
      return sendJson(res, 200, scenario);
    }
    sendJson(res, 404, NOT_FOUND_BODY);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake-hf.invalid");
    if (url.pathname.startsWith(CONTROL_PREFIX)) return control(req, res, url.pathname);

    const arrived = performance.now();
    const entry = log.start(req, url);
    noteFirstByte(res, () => {
      entry.firstByteMs = performance.now() - arrived;
    });
    const aborter = new AbortController();
    let killedByServer = false;
    res.on("close", () => {
      if (res.writableFinished) entry.finished = true;
      else if (!killedByServer && !closing) entry.aborted = true;
      aborter.abort();
    });

    const rawBody = await readBody(req);
    entry.body = parseBodyForLog(rawBody);
    const ctx: RequestContext = {
      req,
      res,
      url,
      rawBody,
      scenario,
      signal: aborter.signal,
      catalog: catalogs.get(scenario.catalogSize),
      requestId: randomUUID(),
      destroyConnection: () => {
        killedByServer = true;
        req.socket.destroy();
      },
      chatScenario: (modelId) => script.take(ctx.scenario, modelId),
      recording,
    };

    const { pathname } = url;
    const method = req.method ?? "GET";
    if (method === "GET" && pathname === "/api/whoami-v2") return handleWhoami(ctx);
    if (method === "GET" && pathname === "/v1/models") return handleModels(ctx);
    if (method === "GET" && pathname.startsWith("/v1/models/")) {
      return handleModels(ctx, decodeURIComponent(pathname.slice("/v1/models/".length)));
    }
    if (method === "POST" && pathname === "/v1/chat/completions") return handleChat(ctx);
    sendJson(res, 404, NOT_FOUND_BODY);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // A client that left mid-body is not an error of the fake; anything else is reported as a 500.
      if (res.headersSent || res.destroyed) return void res.destroy();
      sendJson(res, 500, { error: `fake-hf: ${err instanceof Error ? err.message : String(err)}` });
    });
  });
  server.on("connection", (socket: Socket) => {
    socket.setNoDelay(true); // Each write goes out on its own, so split events really are split.
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    url,
    routerUrl: `${url}/v1`,
    requests: () => log.snapshot(),
    scenario: () => structuredClone(scenario),
    setScenario,
    serveRecording: (r) => {
      recording = r;
    },
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
