import { describe, expect, it } from "vitest";
import { GatewayClientRequestError, GatewayClientRequestTimeoutError } from "@openclaw/gateway-client";
import { GatewayError, mapRequestError, scrubSecrets } from "./errors";
import type { GatewayLocation } from "./locate";
import { refusedStatus, transportStatus } from "./status";

// The refusals as OpenClaw 2026.9.6 sent them (recorded from the real Gateway).
const refused = (shape: {
  code: string;
  message: string;
  details?: unknown;
  retryable?: boolean;
  retryAfterMs?: number;
}) => new GatewayClientRequestError(shape);
const map = (error: unknown, secrets: string[] = []) => mapRequestError("config.patch", error, secrets);

describe("mapRequestError: config.patch refusals", () => {
  it("a stale hash is the same 409 'the file changed' as a direct save", () => {
    const error = map(
      refused({ code: "INVALID_REQUEST", message: "config changed since last load; re-run config.get and retry" }),
    );
    expect(error).toBeInstanceOf(GatewayError);
    expect(error).toMatchObject({ kind: "conflict", code: "conflict", status: 409 });
    expect(error.message).toMatch(/openclaw\.json changed since you loaded it/);
  });

  it("a missing hash asks for a reload (428)", () => {
    for (const message of [
      "config base hash required for agents.defaults.model.primary; re-run config.get and retry with baseHash",
      "config base hash unavailable; re-run config.get and retry",
    ]) {
      expect(map(refused({ code: "INVALID_REQUEST", message }))).toMatchObject({ kind: "hash_required", status: 428 });
    }
  });

  it("invalid config: OpenClaw's issues with paths, 422", () => {
    const error = map(
      refused({
        code: "INVALID_REQUEST",
        message: 'invalid config: agents.defaults.model: Unrecognized key: "primray"',
        details: { issues: [{ path: "agents.defaults.model", message: 'Unrecognized key: "primray"' }] },
      }),
    );
    expect(error).toMatchObject({ kind: "invalid", code: "config_invalid", status: 422 });
    expect(error.info).toMatchObject({ onDisk: false, gatewayCode: "INVALID_REQUEST" });
    expect(error.info.issues).toEqual([{ path: "agents.defaults.model", message: 'Unrecognized key: "primray"' }]);
    expect(error.message).toBe('OpenClaw refused the change: agents.defaults.model: Unrecognized key: "primray"');
    expect(error.toBody().error.details).toMatchObject({ gateway: "invalid", issues: error.info.issues });
  });

  it("a file that is already invalid on disk is told apart", () => {
    const error = map(
      refused({
        code: "INVALID_REQUEST",
        message:
          'invalid config: agents.defaults.model: Unrecognized key: "primray"; fix (openclaw doctor) before patching',
        details: { issues: [{ path: "agents.defaults.model", message: 'Unrecognized key: "primray"' }] },
      }),
    );
    expect(error).toMatchObject({ kind: "invalid", info: { onDisk: true } });
    expect(error.message).toMatch(/already invalid/);
  });

  it("removing array entries without replacePaths names the paths", () => {
    const error = map(
      refused({
        code: "INVALID_REQUEST",
        message:
          "config.patch would remove entries from array path(s): agents.defaults.model.fallbacks, agents.defaults.modelPolicy.allow. Pass replacePaths with the exact path(s) when this is intentional, or use config.apply for full-config replacement.",
      }),
    );
    expect(error).toMatchObject({ kind: "replace_paths_required", status: 422 });
    expect(error.info.replacePaths).toEqual(["agents.defaults.model.fallbacks", "agents.defaults.modelPolicy.allow"]);
  });

  it("the Gateway's own rate limit becomes a 429 with Retry-After", () => {
    const error = map(
      refused({
        code: "UNAVAILABLE",
        message: "rate limit exceeded for config.patch; retry after 58s",
        details: { method: "config.patch", limit: "30 per 60s" },
        retryable: true,
        retryAfterMs: 57869,
      }),
    );
    expect(error).toMatchObject({ kind: "rate_limited", status: 429, info: { retryAfterMs: 57869 } });
    expect(error.headers).toEqual({ "Retry-After": "58" });
  });

  it("saved but not live: accepted for a restart, or the apply failed", () => {
    const pending = map(
      refused({
        code: "UNAVAILABLE",
        message:
          "config.patch persisted and was accepted for restart; wait for the Gateway to restart, then run config.get to confirm the active revision",
      }),
    );
    expect(pending).toMatchObject({ kind: "not_applied", info: { restartPending: true } });
    const failed = map(
      refused({
        code: "UNAVAILABLE",
        message:
          "config.patch persisted but was not applied to the active Gateway (failed); run config.get, then use config.apply to reapply the saved config or restart the Gateway",
      }),
    );
    expect(failed).toMatchObject({ kind: "not_applied", info: { restartPending: false } });
    expect(failed.message).toMatch(/openclaw gateway restart/);
  });

  it("the clobber guard, a restart in progress and a missing scope", () => {
    expect(
      map(
        refused({
          code: "UNAVAILABLE",
          message: "Config write rejected: … (size-drop:1229->272, gateway-mode-removed). Rejected payload saved to x",
          details: { code: "CONFIG_WRITE_REJECTED" },
        }),
      ),
    ).toMatchObject({ kind: "write_rejected", status: 422 });
    expect(
      map(
        refused({
          code: "UNAVAILABLE",
          message: "config.get unavailable during gateway restart",
          details: { method: "config.get", reason: "gateway-restarting", phase: "accepting" },
          retryable: true,
          retryAfterMs: 1000,
        }),
      ),
    ).toMatchObject({ kind: "restarting", info: { retryAfterMs: 1000 } });
    expect(map(refused({ code: "FORBIDDEN", message: "missing scope: operator.admin" }))).toMatchObject({
      kind: "forbidden",
    });
  });

  it("anything else is `failed`, with the Gateway's text scrubbed of secrets", () => {
    const error = map(
      refused({ code: "INVALID_REQUEST", message: "odd failure mentioning tok-secret-1 and hf_abcdefghijkl" }),
      ["tok-secret-1"],
    );
    expect(error).toMatchObject({ kind: "failed", status: 502 });
    expect(error.message).not.toContain("tok-secret-1");
    expect(error.message).not.toContain("hf_abcdefghijkl");
  });

  it("issues are scrubbed too", () => {
    const error = map(
      refused({
        code: "INVALID_REQUEST",
        message: "invalid config: env.vars.X: bad",
        details: { issues: [{ path: "env.vars.X", message: 'received "hf_leakedleakedleaked"' }] },
      }),
    );
    expect(JSON.stringify(error.toBody())).not.toContain("hf_leakedleakedleaked");
  });
});

describe("mapRequestError: transport", () => {
  it("a local timeout, a closed connection, a restart close", () => {
    const timeout = new GatewayClientRequestTimeoutError({
      method: "config.patch",
      timeoutMs: 30_000,
      requestSent: true,
    });
    expect(map(timeout)).toMatchObject({ kind: "timeout", status: 504 });
    expect(map(new Error("gateway not connected"))).toMatchObject({ kind: "not_running", status: 502 });
    expect(map(new Error("gateway closed (1006): "))).toMatchObject({ kind: "not_running" });
    expect(map(new Error("gateway closed (1012): service restart"))).toMatchObject({ kind: "restarting" });
  });
});

describe("scrubSecrets", () => {
  it("removes every known secret and HF-shaped tokens, ignores very short ones", () => {
    expect(scrubSecrets("a tok-1234 b tok-1234 c hf_0123456789abc", ["tok-1234", "", undefined, "ab"])).toBe(
      "a *** b *** c hf_***",
    );
  });
});

const location = (over: Partial<GatewayLocation> = {}): GatewayLocation => ({
  url: "ws://127.0.0.1:18789",
  port: 18789,
  auth: { token: "tok-secret" },
  authSource: "gateway.auth.token",
  authProblem: null,
  ...over,
});

describe("states", () => {
  it("connection refused is stopped; a non-Gateway answer and network errors are unreachable", () => {
    const refusedPort = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:18789"), { code: "ECONNREFUSED" });
    expect(transportStatus(refusedPort, location())).toMatchObject({ state: "stopped" });
    expect(transportStatus(refusedPort, location())?.message).toMatch(/openclaw gateway start/);
    const upgrade = refused({
      code: "UNAVAILABLE",
      message: "gateway rejected websocket upgrade (HTTP 404)",
      details: { reason: "websocket-upgrade-rejected", httpStatus: 404 },
    });
    expect(transportStatus(upgrade, location())).toMatchObject({ state: "unreachable" });
    expect(transportStatus(upgrade, location())?.message).toMatch(/HTTP 404.*not look like an OpenClaw Gateway/);
    expect(transportStatus(Object.assign(new Error("x"), { code: "EHOSTUNREACH" }), location())?.state).toBe(
      "unreachable",
    );
    // Auth failures are not settled here: OpenClaw's client may still retry with the device token.
    expect(
      transportStatus(
        refused({ code: "INVALID_REQUEST", message: "unauthorized", details: { code: "AUTH_TOKEN_MISMATCH" } }),
        location(),
      ),
    ).toBeNull();
  });

  it("refusals say what to do, never the secret", () => {
    const mismatch = refusedStatus("AUTH_TOKEN_MISMATCH", {}, location());
    expect(mismatch).toMatchObject({ state: "unauthorized", code: "AUTH_TOKEN_MISMATCH" });
    expect(mismatch.message).toMatch(/OPENCLAW_GATEWAY_TOKEN/);
    expect(mismatch.message).toContain("gateway.auth.token");
    const missing = refusedStatus(
      "AUTH_TOKEN_MISSING",
      {},
      location({ auth: null, authProblem: "gateway.auth.token uses ${X}, which is not set." }),
    );
    expect(missing.message).toMatch(/needs a token and the dashboard has none\. gateway\.auth\.token uses \$\{X\}/);
    const password = refusedStatus("AUTH_PASSWORD_MISMATCH", {}, location({ auth: { password: "pw-secret" } }));
    expect(password.message).toMatch(/OPENCLAW_GATEWAY_PASSWORD/);
    const pairing = refusedStatus("PAIRING_REQUIRED", { code: "PAIRING_REQUIRED", requestId: "req-123" }, location());
    expect(pairing.message).toMatch(/openclaw devices approve req-123/);
    expect(refusedStatus("PROTOCOL_MISMATCH", {}, location()).state).toBe("unreachable");
    for (const code of [
      "AUTH_TOKEN_MISMATCH",
      "AUTH_TOKEN_MISSING",
      "AUTH_DEVICE_TOKEN_MISMATCH",
      "AUTH_RATE_LIMITED",
      null,
    ]) {
      const status = refusedStatus(code, {}, location({ auth: { token: "tok-secret" } }));
      expect(JSON.stringify(status)).not.toContain("tok-secret");
    }
  });
});
