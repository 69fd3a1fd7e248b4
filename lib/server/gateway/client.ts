import "server-only";
import { createHash } from "node:crypto";
import { GatewayClient, type GatewayClientOptions, type GatewayReconnectPausedInfo } from "@openclaw/gateway-client";
import type { HelloOk } from "@openclaw/gateway-protocol/frame-guards";
import pkg from "@/package.json";
import {
  deviceIdentityPath,
  type DeviceStore,
  openDeviceStore,
  publicKeyRawBase64Url,
  signDevicePayload,
} from "./device-identity";
import { GatewayError, mapRequestError, notRunningError, scrubSecrets } from "./errors";
import { type GatewayLocation, locateFromConfigFile } from "./locate";
import {
  type GatewayConfigSnapshot,
  type GatewayModelList,
  HF_PROVIDER,
  type HfAuthStatus,
  type HfSessionsUsage,
  shapeConfigGet,
  shapeConfigPatch,
  shapeHfAuthStatus,
  shapeHfModels,
  shapeHfSessionsUsage,
  shapeUsageCost,
  type UsageCost,
} from "./payloads";
import { WriteRateLimiter } from "./rate-limit";
import { type GatewayStatus, refusedStatus, restartingStatus, timeoutStatus, transportStatus } from "./status";

// The dashboard's one connection to OpenClaw's running Gateway, through OpenClaw's reference client
// (@openclaw/gateway-client, `ws` underneath; it works on Node 20 although it declares >= 22.19).
// - One connection per process, reused; opened lazily on the first call and after any close (the
//   client's own reconnect loop is stopped: a page asks, we connect).
// - Never blocks a page for long: connecting gives up after 1.5 s; a refused port is remembered as
//   "stopped" for a few seconds, so pages in between get that answer without a new attempt.
// - Auth as OpenClaw's clients do it: the shared token/password from openclaw.json (locate.ts) plus our
//   Ed25519 device identity (device-identity.ts); on loopback the Gateway pairs the device silently
//   and issues a device token, kept for reconnects (and used when the shared secret is refused).
// - Identity on the wire: client id "gateway-client" (ids are a closed enum), mode "ui", role
//   operator, scope operator.admin (config.patch needs it; it includes the read scope).

export const CLIENT_ID = "gateway-client";
export const CLIENT_MODE = "ui";
const ROLE = "operator";
const SCOPES = ["operator.admin"];

export interface DashboardGatewayOptions {
  /** Where the Gateway is and which secret opens it; default: from openclaw.json. */
  locate?: () => Promise<GatewayLocation>;
  /** The device identity file; default: deviceIdentityPath(). */
  deviceFile?: string;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** config.patch waits for the hot apply, so it gets longer. */
  patchTimeoutMs?: number;
  /** How long a failed connect is remembered before the next attempt. */
  recheckMs?: number;
  limiter?: WriteRateLimiter;
}

export interface ConfigPatchInput {
  /** A JSON5 merge patch (objects merge, null deletes), as text or as an object. */
  raw: string | Record<string, unknown>;
  /** config.get's hash; null only when there is no config file yet. */
  baseHash: string | null;
  /** Exact array paths whose entries the patch removes (fallbacks, allowlist entries…). */
  replacePaths?: string[];
  /** Recorded by OpenClaw with the change. */
  note: string;
}

export interface ConfigPatchResult {
  /** The new revision (for the next patch); null when it could not be read back. */
  hash: string | null;
  changedPaths: string[];
  requiresRestart: boolean;
  /** The running Gateway runs the change now. */
  applied: boolean;
  /** Nothing changed (the file already said so). */
  noop: boolean;
  configRevisionHash: string | null;
  appliedConfigHash: string | null;
  message: string;
}

interface Connection {
  key: string;
  client: GatewayClient;
  hello: HelloOk;
  location: GatewayLocation;
  open: boolean;
}

type Attempt = { ok: true; connection: Connection } | { ok: false; status: GatewayStatus };

// After a `shutdown` event announcing a restart, a refused port means "restarting" for this long.
const RESTART_GRACE_MS = 20_000;

export class DashboardGateway {
  private connection: Connection | null = null;
  private pending: { key: string; promise: Promise<Attempt> } | null = null;
  private failure: { key: string; at: number; status: GatewayStatus } | null = null;
  private restartUntil = 0;
  private readonly locate: () => Promise<GatewayLocation>;
  private readonly connectTimeoutMs: number;
  private readonly requestTimeoutMs: number;
  private readonly patchTimeoutMs: number;
  private readonly recheckMs: number;
  private readonly limiter: WriteRateLimiter;

  constructor(private readonly options: DashboardGatewayOptions = {}) {
    this.locate = options.locate ?? locateFromConfigFile;
    this.connectTimeoutMs = options.connectTimeoutMs ?? 1500;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 5000;
    this.patchTimeoutMs = options.patchTimeoutMs ?? 30_000;
    this.recheckMs = options.recheckMs ?? 3000;
    this.limiter = options.limiter ?? new WriteRateLimiter();
  }

  /** running, stopped, unreachable or unauthorized, with what to do; never throws. */
  async status(): Promise<GatewayStatus> {
    let location: GatewayLocation;
    try {
      location = await this.locate();
    } catch {
      return { state: "unreachable", message: "The dashboard could not read openclaw.json to find the Gateway." };
    }
    const attempt = await this.connect(location);
    if (!attempt.ok) return attempt.status;
    const { hello } = attempt.connection;
    const version = hello.server?.version;
    const admin = hello.auth?.scopes?.includes("operator.admin") ?? false;
    return {
      state: "running",
      ...(version ? { version } : {}),
      ...(admin
        ? {}
        : {
            message:
              "Connected, but without operator.admin: OpenClaw will refuse config changes. Approve the dashboard's device with `openclaw devices list` / `openclaw devices approve`.",
          }),
    };
  }

  async configGet(): Promise<GatewayConfigSnapshot> {
    const { payload, scrub } = await this.call("config.get", {}, this.requestTimeoutMs);
    return this.parse("config.get", () => shapeConfigGet(payload, scrub));
  }

  /**
   * config.patch with the baseHash from configGet(). Resolves when OpenClaw answered: the change is
   * live (`applied`), or saved and waiting for a restart (`requiresRestart`). Refusals throw a
   * GatewayError: conflict (stale hash, 409), invalid (issues), replace_paths_required,
   * rate_limited (429, checked here before the Gateway's own limit), not_running…
   */
  async configPatch(input: ConfigPatchInput): Promise<ConfigPatchResult> {
    const raw = typeof input.raw === "string" ? input.raw : JSON.stringify(input.raw);
    const params = {
      raw,
      ...(input.baseHash ? { baseHash: input.baseHash } : {}),
      ...(input.replacePaths?.length ? { replacePaths: input.replacePaths } : {}),
      note: input.note,
    };
    let reply;
    try {
      const { payload } = await this.call("config.patch", params, this.patchTimeoutMs, { write: true });
      reply = this.parse("config.patch", () => shapeConfigPatch(payload));
    } catch (error) {
      if (error instanceof GatewayError && error.kind === "not_applied") {
        return {
          hash: null,
          changedPaths: [],
          requiresRestart: true,
          applied: false,
          noop: false,
          configRevisionHash: null,
          appliedConfigHash: null,
          message: error.message,
        };
      }
      throw error;
    }
    // A hot change is live when the RPC answers; config.get confirms it (and gives a no-op's hash).
    // A restart-requiring change makes the Gateway restart now, so it is not asked again.
    const after = reply.requiresRestart ? null : await this.configGet().catch(() => null);
    const applied = !reply.requiresRestart && (after ? after.applied : true);
    return {
      hash: reply.hash ?? after?.hash ?? null,
      changedPaths: reply.changedPaths,
      requiresRestart: reply.requiresRestart,
      applied,
      noop: reply.noop,
      configRevisionHash: after?.configRevisionHash ?? null,
      appliedConfigHash: after?.appliedConfigHash ?? null,
      message: reply.noop
        ? "Nothing to change: openclaw.json already says so."
        : applied
          ? "Saved; the running Gateway uses it now."
          : reply.requiresRestart
            ? "Saved; the Gateway restarts to apply it (or restart it yourself: `openclaw gateway restart`)."
            : "Saved, but the running Gateway does not run it yet.",
    };
  }

  /** How OpenClaw sees the huggingface provider's credentials (never the key itself). */
  async modelsAuthStatus(): Promise<HfAuthStatus> {
    const { payload } = await this.call("models.authStatus", {}, this.requestTimeoutMs);
    return this.parse("models.authStatus", () => shapeHfAuthStatus(payload));
  }

  /** The huggingface rows of the Gateway's published catalog (all of them, not only the allowed). */
  async modelsList(options: { refresh?: boolean } = {}): Promise<GatewayModelList> {
    const params = { view: "all", provider: HF_PROVIDER, ...(options.refresh ? { refresh: true } : {}) };
    const { payload } = await this.call(
      "models.list",
      params,
      options.refresh ? this.patchTimeoutMs : this.requestTimeoutMs,
    );
    return this.parse("models.list", () => shapeHfModels(payload));
  }

  /** Session-derived usage over all agents, with huggingface's share. */
  async sessionsUsage(options: { range?: "7d" | "30d" | "90d" | "1y" | "all" } = {}): Promise<HfSessionsUsage> {
    const params = { range: options.range ?? "30d", agentScope: "all" };
    const { payload } = await this.call("sessions.usage", params, this.patchTimeoutMs);
    return this.parse("sessions.usage", () => shapeHfSessionsUsage(payload));
  }

  /** Estimated cost per day over all agents (usage.cost). */
  async usageCost(options: { days?: number } = {}): Promise<UsageCost> {
    const params = { days: options.days ?? 30, agentScope: "all" };
    const { payload } = await this.call("usage.cost", params, this.patchTimeoutMs);
    return this.parse("usage.cost", () => shapeUsageCost(payload));
  }

  /** Closes the connection (tests, shutdown). The next call opens a new one. */
  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    this.failure = null;
    if (connection) await connection.client.stopAndWait().catch(() => {});
    await (await this.device().catch(() => null))?.settled();
  }

  // ---- internals ----

  private parse<T>(method: string, shape: () => T): T {
    try {
      return shape();
    } catch {
      throw new GatewayError("failed", `The Gateway's answer to ${method} has a shape the dashboard does not know.`);
    }
  }

  private async call(method: string, params: unknown, timeoutMs: number, { write = false } = {}) {
    const location = await this.locate();
    const secrets = secretsOf(location);
    const attempt = await this.connect(location);
    if (!attempt.ok) throw notRunningError(attempt.status);
    const { connection } = attempt;
    const device = await this.device();
    const allSecrets = [...secrets, device.token(location.url, ROLE)?.token];
    const scrub = (text: string) => scrubSecrets(text, allSecrets);
    if (write) this.limiter.take(method);
    try {
      const payload = await connection.client.request(method, params, { timeoutMs });
      return { payload, scrub };
    } catch (error) {
      throw mapRequestError(method, error, allSecrets);
    }
  }

  private deviceFile(): string {
    return this.options.deviceFile ?? deviceIdentityPath();
  }

  private device(): Promise<DeviceStore> {
    return openDeviceStore(this.deviceFile());
  }

  private connect(location: GatewayLocation): Promise<Attempt> {
    const key = connectionKey(location, this.deviceFile());
    const current = this.connection;
    if (current && current.key === key && current.open) return Promise.resolve({ ok: true, connection: current });
    if (current && current.key !== key) {
      this.connection = null;
      current.client.stop();
    }
    if (this.failure && this.failure.key === key && Date.now() - this.failure.at < this.recheckMs) {
      return Promise.resolve({ ok: false, status: this.failure.status });
    }
    if (this.pending && this.pending.key === key) return this.pending.promise;
    const promise = this.open(location, key).then((attempt) => {
      if (this.pending?.promise !== promise) {
        // openclaw.json changed while connecting: this attempt is for a Gateway we no longer use.
        if (attempt.ok) attempt.connection.client.stop();
        return attempt;
      }
      this.pending = null;
      if (attempt.ok) {
        this.failure = null;
        this.connection = attempt.connection;
      } else {
        this.failure = { key, at: Date.now(), status: attempt.status };
      }
      return attempt;
    });
    this.pending = { key, promise };
    return promise;
  }

  private async open(location: GatewayLocation, key: string): Promise<Attempt> {
    let device: DeviceStore;
    try {
      device = await this.device();
    } catch {
      return {
        ok: false,
        status: { state: "unreachable", message: "The dashboard could not create or read its device identity file." },
      };
    }
    return new Promise<Attempt>((resolve) => {
      let settled = false;
      let lastError: unknown = null;
      let starting = false;
      const finish = (attempt: Attempt) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (!attempt.ok) client.stop();
        resolve(attempt);
      };
      const fail = (status: GatewayStatus) => finish({ ok: false, status });
      const timer = setTimeout(
        () => fail(timeoutStatus(location, this.connectTimeoutMs, starting)),
        this.connectTimeoutMs,
      );
      timer.unref?.();

      const connection: Connection = {
        key,
        client: null as unknown as GatewayClient,
        hello: null as unknown as HelloOk,
        location,
        open: false,
      };
      const auth = location.auth;
      const client = new GatewayClient({
        url: location.url,
        clientName: CLIENT_ID,
        clientDisplayName: "HF Provider Dashboard",
        clientVersion: pkg.version,
        mode: CLIENT_MODE,
        role: ROLE,
        scopes: SCOPES,
        platform: process.platform,
        ...(auth && "token" in auth ? { token: auth.token } : {}),
        ...(auth && "password" in auth ? { password: auth.password } : {}),
        deviceIdentity: device.identity,
        hostDeps: hostDeps(device, location.url),
        connectChallengeTimeoutMs: this.connectTimeoutMs,
        preauthHandshakeTimeoutMs: this.connectTimeoutMs,
        requestTimeoutMs: this.requestTimeoutMs,
        onHelloOk: (hello) => {
          connection.hello = hello;
          connection.open = true;
          finish({ ok: true, connection });
        },
        onConnectError: (error) => {
          lastError = error;
          const details = (error as { details?: { reason?: unknown } }).details;
          if (details?.reason === "startup-sidecars") starting = true;
          const transport = transportStatus(error, location);
          if (!transport) return; // auth failures: wait for the client's retry or its pause
          if (transport.state === "stopped" && Date.now() < this.restartUntil) {
            fail(restartingStatus(location));
          } else {
            fail(transport);
          }
        },
        onReconnectPaused: (info: GatewayReconnectPausedInfo) => {
          const details = (lastError as { details?: unknown } | null)?.details;
          fail(refusedStatus(info.detailCode, details, location));
        },
        onEvent: (event) => {
          // The Gateway announces both with close code 1012: {reason:"gateway restarting",
          // restartExpectedMs} for a restart, {reason:"gateway stopping"} for a stop.
          if (event.event !== "shutdown") return;
          const expected = (event.payload as { restartExpectedMs?: unknown } | undefined)?.restartExpectedMs;
          this.restartUntil = typeof expected === "number" ? Date.now() + expected + RESTART_GRACE_MS : 0;
        },
        onClose: (_code, _reason, info) => {
          if (info?.phase !== "post-hello") return;
          // Reconnect lazily, on the next call, instead of in the client's background loop.
          connection.open = false;
          if (this.connection === connection) this.connection = null;
          client.stop();
        },
      } satisfies GatewayClientOptions);
      connection.client = client;
      client.start();
    });
  }
}

/** GatewayClient's host callbacks: signing with our key, our device-token file, no logging of secrets. */
function hostDeps(device: DeviceStore, gatewayUrl: string): NonNullable<GatewayClientOptions["hostDeps"]> {
  const persist = (work: Promise<void>) =>
    work.catch(() => console.warn("[gateway] could not save the device token file; the next connect pairs again."));
  return {
    signDevicePayload: (privateKeyPem, payload) => signDevicePayload(privateKeyPem, payload),
    publicKeyRawBase64UrlFromPem: (publicKeyPem) => publicKeyRawBase64Url(publicKeyPem),
    loadDeviceAuthToken: ({ role }) => device.token(gatewayUrl, role),
    storeDeviceAuthToken: ({ role, token, scopes }) => void persist(device.saveToken(gatewayUrl, role, token, scopes)),
    clearDeviceAuthToken: ({ role }) => void persist(device.clearToken(gatewayUrl, role)),
    // The client's own logs can quote Gateway messages; the dashboard reports states instead.
    logDebug: () => {},
    logError: () => {},
  };
}

function secretsOf(location: GatewayLocation): string[] {
  const auth = location.auth;
  return auth ? ["token" in auth ? auth.token : auth.password] : [];
}

/** Which Gateway, which secret (hashed: the key may sit in memory, the secret should not twice), which device. */
function connectionKey(location: GatewayLocation, deviceFile: string): string {
  const secret = secretsOf(location)[0] ?? "";
  const digest = createHash("sha256").update(secret).digest("hex").slice(0, 16);
  return `${location.url}|${location.auth && "password" in location.auth ? "pw" : "tok"}:${digest}|${deviceFile}`;
}

// One DashboardGateway per server process, kept on globalThis so Next's dev reloads reuse it.
const GLOBAL_KEY = Symbol.for("hf-provider-dashboard.gateway");
type GlobalWithGateway = typeof globalThis & { [GLOBAL_KEY]?: DashboardGateway };

export function dashboardGateway(): DashboardGateway {
  const scope = globalThis as GlobalWithGateway;
  scope[GLOBAL_KEY] ??= new DashboardGateway();
  return scope[GLOBAL_KEY];
}

export const gatewayStatus = () => dashboardGateway().status();
export const configGet = () => dashboardGateway().configGet();
export const configPatch = (input: ConfigPatchInput) => dashboardGateway().configPatch(input);
export const modelsAuthStatus = () => dashboardGateway().modelsAuthStatus();
export const modelsList = (options?: { refresh?: boolean }) => dashboardGateway().modelsList(options);
export const sessionsUsage = (options?: { range?: "7d" | "30d" | "90d" | "1y" | "all" }) =>
  dashboardGateway().sessionsUsage(options);
export const usageCost = (options?: { days?: number }) => dashboardGateway().usageCost(options);
