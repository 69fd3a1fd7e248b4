import "./support/server-only-stub";
import { expect, test } from "@playwright/test";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { DashboardGateway, type ConfigPatchResult } from "../lib/server/gateway/client";
import { GatewayError } from "../lib/server/gateway/errors";
import { locateFromConfigFile } from "../lib/server/gateway/locate";
import { openclaw } from "./support/openclaw-cli";
import { type RealGateway, startRealGateway } from "./support/real-gateway";

// lib/server/gateway against the REAL OpenClaw Gateway 2026.9.6 (Node 24), from this Node (the
// Playwright runner, Node 20 here): @openclaw/gateway-client, our device identity, the config RPC
// and its refusals, the reads, the four states. One Gateway for the whole file (it takes ~1 GB).

const HF_TOKEN = "hf_GatewaySpecFakeToken0123456789";
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const OSS = "huggingface/openai/gpt-oss-120b";
const V31 = "huggingface/deepseek-ai/DeepSeek-V3.1";

test.describe.configure({ mode: "serial" });

let real: RealGateway;
let dataDir: string;
let gateway: DashboardGateway;
/** Every answer and error the dashboard got, checked for secrets at the end. */
const seen: unknown[] = [];
const savedEnv = {
  OPENCLAW_STATE_DIR: process.env.OPENCLAW_STATE_DIR,
  OPENCLAW_CONFIG_PATH: process.env.OPENCLAW_CONFIG_PATH,
  DASHBOARD_DATA_DIR: process.env.DASHBOARD_DATA_DIR,
};

const measure = (what: string, value: string) => {
  test.info().annotations.push({ type: "measure", description: `${what}: ${value}` });
  console.log(`[measure] ${what}: ${value}`);
};
const timed = async <T>(what: string, work: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  const result = await work();
  measure(what, `${Math.round(performance.now() - t0)} ms`);
  seen.push(result);
  return result;
};
const refusal = async (work: Promise<unknown>): Promise<GatewayError> => {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GatewayError);
  seen.push((error as GatewayError).message, (error as GatewayError).toBody());
  return error as GatewayError;
};
const configFile = () => path.join(real.stateDir, "openclaw.json");
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads into the file freely
const fileJson = async (): Promise<any> => JSON.parse(await readFile(configFile(), "utf8"));
const deviceFile = () => path.join(dataDir, "gateway-device.json");

test.beforeAll(async () => {
  test.setTimeout(15 * 60_000); // the first run installs Node 24 and openclaw into the cache
  real = await startRealGateway({ envFile: { HF_TOKEN } });
  measure("gateway start (spawn to ready)", `${real.startMs} ms`);
  dataDir = await mkdtemp(path.join(os.tmpdir(), "hfpd-dashboard-data-"));
  process.env.OPENCLAW_STATE_DIR = real.stateDir;
  delete process.env.OPENCLAW_CONFIG_PATH;
  process.env.DASHBOARD_DATA_DIR = dataDir;
  // Defaults all the way: openclaw.json through readConfig(), the device file under DASHBOARD_DATA_DIR.
  gateway = new DashboardGateway();
});

test.afterAll(async () => {
  await gateway?.close();
  await real?.dispose();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

test("connects with the dashboard's device identity and the config's token: running", async () => {
  const located = await locateFromConfigFile();
  expect(located).toMatchObject({ url: `ws://127.0.0.1:${real.port}`, authSource: "gateway.auth.token" });

  const status = await timed("connect (first: pairing)", () => gateway.status());
  expect(status).toEqual({ state: "running", version: "2026.9.6" });
  expect(await timed("status (connection reused)", () => gateway.status())).toEqual(status);

  // The identity and the device token the Gateway issued live in our own 0600 file.
  expect((await stat(deviceFile())).mode & 0o777).toBe(0o600);
  const readDevice = async () => JSON.parse(await readFile(deviceFile(), "utf8"));
  const issued = async () => (await readDevice()).tokens[`ws://127.0.0.1:${real.port}`]?.operator;
  await expect.poll(async () => (await issued())?.scopes).toContain("operator.admin"); // written just after hello
  expect((await issued()).token).toEqual(expect.any(String));
  const device = await readDevice();
  // …and OpenClaw lists the device as paired.
  const devices = await openclaw(real.stateDir, ["devices", "list", "--json"]);
  expect(devices.stdout).toContain(device.deviceId);
});

let firstHash: string;
let primaryResult: ConfigPatchResult;

test("config.get gives the revision hash, validity and the redacted file", async () => {
  const snapshot = await timed("config.get (first)", () => gateway.configGet());
  await timed("config.get (warm)", () => gateway.configGet());
  expect(snapshot.hash).toMatch(/^hmac-sha256:v1:/);
  expect(snapshot).toMatchObject({ valid: true, issues: [], applied: true, exists: true });
  expect(snapshot.configRevisionHash).toBe(snapshot.appliedConfigHash);
  expect(snapshot.raw).toContain("__OPENCLAW_REDACTED__");
  expect(snapshot.raw).not.toContain(real.token);
  firstHash = snapshot.hash as string;
});

test("config.patch sets the primary: live, in the file, and OpenClaw's CLI agrees", async () => {
  primaryResult = await timed("config.patch (hot apply + config.get check)", () =>
    gateway.configPatch({
      raw: { agents: { defaults: { model: { primary: R1, fallbacks: [OSS, V31] } } } },
      baseHash: firstHash,
      note: "hf-provider-dashboard: primary and fallbacks",
    }),
  );
  expect(primaryResult).toMatchObject({ applied: true, requiresRestart: false, noop: false });
  expect(primaryResult.changedPaths.some((p) => p.startsWith("agents.defaults.model"))).toBe(true);
  expect(primaryResult.hash).toMatch(/^hmac-sha256:v1:/);
  expect(primaryResult.hash).not.toBe(firstHash);
  expect(primaryResult.configRevisionHash).toBe(primaryResult.appliedConfigHash);

  const file = await fileJson();
  expect(file.agents.defaults.model).toEqual({ primary: R1, fallbacks: [OSS, V31] });
  expect(file.meta).toBeTruthy(); // OpenClaw stamped it

  const primary = await openclaw(real.stateDir, ["config", "get", "agents.defaults.model.primary"]);
  expect(primary.stdout).toContain(R1);
  const models = await openclaw(real.stateDir, ["models", "status", "--json"]);
  expect(models.json).toMatchObject({ defaultModel: R1, fallbacks: [OSS, V31] });
  expect((await gateway.configGet()).hash).toBe(primaryResult.hash);
});

test("a stale baseHash is the same 409 as a direct save, and nothing is written", async () => {
  const before = await readFile(configFile(), "utf8");
  const error = await refusal(
    gateway.configPatch({
      raw: { agents: { defaults: { model: { primary: OSS } } } },
      baseHash: firstHash,
      note: "stale",
    }),
  );
  expect(error).toMatchObject({ kind: "conflict", code: "conflict", status: 409 });
  expect(error.message).toMatch(/changed since you loaded it/);
  expect(await readFile(configFile(), "utf8")).toBe(before);
});

test("an unknown key is refused with OpenClaw's own issues and paths", async () => {
  const before = await readFile(configFile(), "utf8");
  const error = await refusal(
    gateway.configPatch({
      raw: { agents: { defaults: { model: { primray: OSS } } } },
      baseHash: primaryResult.hash,
      note: "typo",
    }),
  );
  expect(error).toMatchObject({ kind: "invalid", code: "config_invalid", status: 422 });
  expect(error.info.issues).toEqual([{ path: "agents.defaults.model", message: expect.stringMatching(/primray/) }]);
  expect(error.toBody().error.details).toMatchObject({ gateway: "invalid", issues: error.info.issues });
  expect(await readFile(configFile(), "utf8")).toBe(before);
});

test("removing a fallback needs replacePaths; with it the change is live", async () => {
  const current = await gateway.configGet();
  const shrink = { agents: { defaults: { model: { fallbacks: [V31] } } } };
  const error = await refusal(gateway.configPatch({ raw: shrink, baseHash: current.hash, note: "drop a fallback" }));
  expect(error).toMatchObject({ kind: "replace_paths_required", status: 422 });
  expect(error.info.replacePaths).toEqual(["agents.defaults.model.fallbacks"]);

  const done = await gateway.configPatch({
    raw: shrink,
    baseHash: current.hash,
    replacePaths: ["agents.defaults.model.fallbacks"],
    note: "drop a fallback",
  });
  seen.push(done);
  expect(done).toMatchObject({ applied: true, changedPaths: ["agents.defaults.model.fallbacks"] });
  expect((await fileJson()).agents.defaults.model.fallbacks).toEqual([V31]);
});

test("reads the huggingface provider's auth status, its catalog and the usage", async () => {
  const auth = await timed("models.authStatus", () => gateway.modelsAuthStatus());
  expect(auth).toMatchObject({ configured: true, known: true, apiKey: { source: "env", envVar: "HF_TOKEN" } });

  const catalog = await timed("models.list", () => gateway.modelsList());
  expect(catalog.models.length).toBeGreaterThan(0);
  expect(catalog.models.every((m) => m.ref === `huggingface/${m.id}`)).toBe(true);
  expect(catalog.models.find((m) => m.ref === R1)).toMatchObject({ available: true, tags: ["default"] });

  const usage = await timed("sessions.usage", () => gateway.sessionsUsage());
  expect(usage).toMatchObject({ sessionCount: 0, huggingface: null, models: [] });
  expect(usage.totals.totalTokens).toBe(0);
  const cost = await timed("usage.cost", () => gateway.usageCost({ days: 7 }));
  expect(cost.daily.length).toBeGreaterThan(0);
  expect(cost.totals.totalCost).toBe(0);

  const memory = await real.memory();
  const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
  measure("gateway RSS", `${mb(memory.gateway)} + helpers ${memory.helpers.map(mb).join(", ")}`);
});

test("a change that needs a restart is saved and reported as pending, then goes live", async () => {
  test.setTimeout(3 * 60_000);
  const current = await gateway.configGet();
  const result = await gateway.configPatch({
    raw: { env: { vars: { HF_PROVIDER_DASHBOARD_TEST: "1" } } },
    baseHash: current.hash,
    note: "needs a restart",
  });
  seen.push(result);
  expect(result).toMatchObject({ requiresRestart: true, applied: false });
  expect((await fileJson()).env.vars.HF_PROVIDER_DASHBOARD_TEST).toBe("1");
  // The Gateway restarts in-process; the dashboard reconnects by itself on a later call.
  await expect
    .poll(async () => (await gateway.configGet().catch(() => null))?.applied ?? "not yet", { timeout: 120_000 })
    .toBe(true);
  expect((await gateway.status()).state).toBe("running");
});

test("credentials: a wrong token is unauthorized with what to do; a known device still gets in", async () => {
  const located = await locateFromConfigFile();
  const wrong = { ...located, auth: { token: "tok-wrong-0123456789" } };

  // A new device with a wrong token: nothing to fall back on.
  const strangerDir = await mkdtemp(path.join(os.tmpdir(), "hfpd-stranger-"));
  const stranger = new DashboardGateway({ locate: async () => wrong, deviceFile: path.join(strangerDir, "d.json") });
  try {
    const status = await stranger.status();
    seen.push(status);
    expect(status).toMatchObject({ state: "unauthorized", code: "AUTH_TOKEN_MISMATCH" });
    expect(status.message).toMatch(/refused the dashboard's token/);
    expect(status.message).toMatch(/OPENCLAW_GATEWAY_TOKEN/);
    expect(status.message).not.toContain("tok-wrong");
    const error = await refusal(stranger.configGet());
    expect(error).toMatchObject({ kind: "not_running", status: 502 });
    expect(error.info.status?.state).toBe("unauthorized");
  } finally {
    await stranger.close();
    await rm(strangerDir, { recursive: true, force: true });
  }

  // Our paired device with a wrong shared token: OpenClaw's client retries with the device token.
  const paired = new DashboardGateway({ locate: async () => wrong, deviceFile: deviceFile() });
  try {
    expect(await paired.status()).toMatchObject({ state: "running" });
  } finally {
    await paired.close();
  }
});

test("the Gateway stopped: the same client says stopped", async () => {
  expect((await gateway.status()).state).toBe("running");
  await real.stop();
  await expect.poll(async () => (await gateway.status()).state, { timeout: 30_000 }).toBe("stopped");
  const status = await gateway.status();
  seen.push(status);
  expect(status.message).toContain(`127.0.0.1:${real.port}`);
  const error = await refusal(gateway.modelsList());
  expect(error).toMatchObject({ kind: "not_running" });
  expect(error.info.status?.state).toBe("stopped");
});

test("no answer or error carried a secret", async () => {
  const device = await readFile(deviceFile(), "utf8");
  const deviceJson = JSON.parse(device);
  const secrets = [
    real.token,
    HF_TOKEN,
    "tok-wrong-0123456789",
    deviceJson.privateKeyPem.split("\n")[1],
    ...Object.values(deviceJson.tokens as Record<string, Record<string, { token: string }>>).flatMap((roles) =>
      Object.values(roles).map((r) => r.token),
    ),
  ];
  const shown = JSON.stringify(seen);
  for (const secret of secrets) expect(shown).not.toContain(secret);
});
