import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { locateFromConfigFile, locateGateway } from "./locate";

const VARS = ["OPENCLAW_GATEWAY_PORT", "OPENCLAW_GATEWAY_TOKEN", "OPENCLAW_GATEWAY_PASSWORD", "GW_TOK", "GW_PART"];
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hfpd-locate-"));
  process.env.OPENCLAW_STATE_DIR = dir;
  delete process.env.OPENCLAW_CONFIG_PATH;
  for (const name of VARS) delete process.env[name];
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const name of VARS) delete process.env[name];
});

const envFile = (text: string) => writeFileSync(path.join(dir, ".env"), text);
const gateway = (value: Record<string, unknown>, rest: Record<string, unknown> = {}) => ({ gateway: value, ...rest });

describe("locateGateway: where", () => {
  it("defaults to 127.0.0.1:18789 with no secret when the config says nothing", async () => {
    expect(await locateGateway({})).toEqual({
      url: "ws://127.0.0.1:18789",
      port: 18789,
      auth: null,
      authSource: null,
      authProblem: null,
    });
    expect((await locateGateway(null)).url).toBe("ws://127.0.0.1:18789");
  });

  it("uses gateway.port, and OPENCLAW_GATEWAY_PORT over it; ignores ports that are not ports", async () => {
    expect((await locateGateway(gateway({ port: 28789 }))).url).toBe("ws://127.0.0.1:28789");
    expect((await locateGateway(gateway({ port: "28789" }))).port).toBe(18789);
    expect((await locateGateway(gateway({ port: 70000 }))).port).toBe(18789);
    process.env.OPENCLAW_GATEWAY_PORT = "29999";
    expect((await locateGateway(gateway({ port: 28789 }))).url).toBe("ws://127.0.0.1:29999");
  });
});

describe("locateGateway: token and password", () => {
  it("reads a literal token (mode token or unset) and a literal password", async () => {
    const token = await locateGateway(gateway({ auth: { mode: "token", token: "tok-literal" } }));
    expect(token).toMatchObject({
      auth: { token: "tok-literal" },
      authSource: "gateway.auth.token",
      authProblem: null,
    });
    expect((await locateGateway(gateway({ auth: { token: "tok-literal" } }))).auth).toEqual({ token: "tok-literal" });
    const password = await locateGateway(gateway({ auth: { mode: "password", password: "pw-literal" } }));
    expect(password).toMatchObject({ auth: { password: "pw-literal" }, authSource: "gateway.auth.password" });
    // Only a password configured and no mode: password mode, as OpenClaw infers it.
    expect((await locateGateway(gateway({ auth: { password: "pw-literal" } }))).auth).toEqual({
      password: "pw-literal",
    });
  });

  it("mode none needs no secret", async () => {
    expect(await locateGateway(gateway({ auth: { mode: "none", token: "ignored" } }))).toMatchObject({
      auth: null,
      authProblem: null,
    });
  });

  it("falls back to OPENCLAW_GATEWAY_TOKEN / _PASSWORD, then gateway.remote.*; the configured value wins", async () => {
    process.env.OPENCLAW_GATEWAY_TOKEN = "tok-from-env";
    expect(await locateGateway({})).toMatchObject({
      auth: { token: "tok-from-env" },
      authSource: "OPENCLAW_GATEWAY_TOKEN",
    });
    expect((await locateGateway(gateway({ auth: { token: "tok-config" } }))).auth).toEqual({ token: "tok-config" });
    delete process.env.OPENCLAW_GATEWAY_TOKEN;
    envFile("OPENCLAW_GATEWAY_PASSWORD=pw-from-dotenv\n");
    expect(await locateGateway(gateway({ auth: { mode: "password" } }))).toMatchObject({
      auth: { password: "pw-from-dotenv" },
      authSource: "OPENCLAW_GATEWAY_PASSWORD",
    });
    expect(await locateGateway(gateway({ remote: { token: "tok-remote" } }))).toMatchObject({
      auth: { token: "tok-remote" },
      authSource: "gateway.remote.token",
    });
  });

  it("trusted-proxy: same-host callers use the password", async () => {
    expect((await locateGateway(gateway({ auth: { mode: "trusted-proxy", password: "pw" } }))).auth).toEqual({
      password: "pw",
    });
    const none = await locateGateway(gateway({ auth: { mode: "trusted-proxy" } }));
    expect(none.auth).toBeNull();
    expect(none.authProblem).toMatch(/trusted-proxy/);
  });
});

describe("locateGateway: ${VAR}", () => {
  it("resolves from the process, then <state>/.env, then env.vars", async () => {
    const config = gateway({ auth: { token: "${GW_TOK}" } }, { env: { vars: { GW_TOK: "tok-inline" } } });
    expect(await locateGateway(config)).toMatchObject({
      auth: { token: "tok-inline" },
      authSource: "gateway.auth.token (${GW_TOK})",
    });
    envFile("GW_TOK=tok-dotenv\n");
    expect((await locateGateway(config)).auth).toEqual({ token: "tok-dotenv" });
    process.env.GW_TOK = "tok-process";
    expect((await locateGateway(config)).auth).toEqual({ token: "tok-process" });
  });

  it("substitutes inside a string, keeps $${VAR} literal and leaves lowercase names alone", async () => {
    process.env.GW_PART = "middle";
    const mixed = await locateGateway(gateway({ auth: { token: "a-${GW_PART}-$${GW_PART}-${lower}" } }));
    expect(mixed.auth).toEqual({ token: "a-middle-${GW_PART}-${lower}" });
  });

  it("an unset variable gives no secret and says which variable, without falling back", async () => {
    process.env.OPENCLAW_GATEWAY_TOKEN = "tok-should-not-be-used";
    const missing = await locateGateway(gateway({ auth: { token: "${GW_TOK}" } }));
    expect(missing.auth).toBeNull();
    expect(missing.authSource).toBe("gateway.auth.token");
    expect(missing.authProblem).toMatch(/GW_TOK/);
    expect(missing.authProblem).not.toContain("tok-should-not-be-used");
  });
});

describe("locateGateway: SecretRef", () => {
  it("resolves an env ref with the default provider", async () => {
    envFile("GW_TOK=tok-ref\n");
    const ref = await locateGateway(gateway({ auth: { token: { source: "env", provider: "default", id: "GW_TOK" } } }));
    expect(ref).toMatchObject({ auth: { token: "tok-ref" }, authSource: "gateway.auth.token (env GW_TOK)" });
    const noProvider = await locateGateway(gateway({ auth: { token: { source: "env", id: "GW_TOK" } } }));
    expect(noProvider.auth).toEqual({ token: "tok-ref" });
  });

  it("checks a named env provider and its allowlist", async () => {
    process.env.GW_TOK = "tok-ref";
    const ref = { source: "env", provider: "vault-env", id: "GW_TOK" };
    expect((await locateGateway(gateway({ auth: { token: ref } }))).authProblem).toMatch(/does not define/);
    const providers = (allowlist: string[]) => ({
      secrets: { providers: { "vault-env": { source: "env", allowlist } } },
    });
    expect((await locateGateway(gateway({ auth: { token: ref } }, providers(["GW_TOK"])))).auth).toEqual({
      token: "tok-ref",
    });
    expect((await locateGateway(gateway({ auth: { token: ref } }, providers(["OTHER"])))).authProblem).toMatch(
      /does not allow GW_TOK/,
    );
  });

  it("says clearly that file, exec and store refs are not supported", async () => {
    for (const source of ["file", "exec", "store"]) {
      const located = await locateGateway(
        gateway({ auth: { token: { source, provider: "p", id: "/gateway/token" } } }),
      );
      expect(located.auth).toBeNull();
      expect(located.authProblem).toContain(`source "${source}"`);
      expect(located.authProblem).toMatch(/only "env"/);
    }
  });

  it("an env ref to an unset variable names it", async () => {
    const located = await locateGateway(gateway({ auth: { token: { source: "env", id: "GW_TOK" } } }));
    expect(located.auth).toBeNull();
    expect(located.authProblem).toMatch(/GW_TOK/);
  });
});

describe("locateFromConfigFile", () => {
  it("reads openclaw.json through readConfig (JSON5) and the state folder's .env", async () => {
    writeFileSync(
      path.join(dir, "openclaw.json"),
      "// json5\n{ gateway: { port: 28800, auth: { mode: 'token', token: '${GW_TOK}' } } }\n",
    );
    envFile("GW_TOK=tok-file\n");
    expect(await locateFromConfigFile()).toMatchObject({ url: "ws://127.0.0.1:28800", auth: { token: "tok-file" } });
  });
});
