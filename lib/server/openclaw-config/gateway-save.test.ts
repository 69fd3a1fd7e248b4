import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { appErrorOf } from "@/lib/testing/app-error-of";
import { GatewayError } from "../gateway/errors";
import type { GatewayStatus } from "../gateway/status";

// The Gateway going away in the middle of a save, with the client faked at its seam (client.ts):
// really stopped → the file path with the revision check; restarting or silent → 503 saying
// whether anything was written. The real Gateway's side is in e2e/gateway-save.spec.ts.

const gateway = vi.hoisted(() => ({
  statuses: [] as GatewayStatus[],
  configGet: vi.fn(),
  configPatch: vi.fn(),
}));
vi.mock("../gateway/client", () => ({
  gatewayStatus: async () => gateway.statuses.shift() ?? { state: "stopped" },
  configGet: gateway.configGet,
  configPatch: gateway.configPatch,
}));
vi.mock("../catalog/catalog", async (original) => {
  const actual = await original<typeof import("../catalog/catalog")>();
  return { ...actual, getCatalog: async () => actual.builtinCatalog() };
});

const { readConfig } = await import("./config-file");
const { saveModelChange } = await import("./model-config");

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const running: GatewayStatus = { state: "running" };
const snapshot = { hash: "hmac-sha256:v1:base", applied: true, valid: true, issues: [], warnings: [] };

let dir: string;
const file = () => path.join(dir, "openclaw.json");
const fileJson = () => JSON.parse(readFileSync(file(), "utf8"));
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hfpd-gateway-save-"));
  process.env.OPENCLAW_STATE_DIR = dir;
  delete process.env.OPENCLAW_CONFIG_PATH;
  writeFileSync(
    file(),
    `${JSON.stringify({ meta: { lastTouchedVersion: "2026.9.6" }, gateway: { mode: "local" }, agents: { defaults: { model: { primary: R1 } } } }, null, 2)}\n`,
  );
  gateway.statuses = [];
  gateway.configGet.mockReset().mockResolvedValue(snapshot);
  gateway.configPatch.mockReset();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const closed = () => new GatewayError("not_running", "The connection to the Gateway closed before it answered.");

describe("a save whose Gateway goes away midway", () => {
  it("goes to the file when the Gateway really stopped between config.get and config.patch", async () => {
    gateway.statuses = [running, { state: "stopped", message: "No OpenClaw Gateway is running" }];
    gateway.configPatch.mockRejectedValue(closed());
    const { revision } = await readConfig();
    const outcome = await saveModelChange(revision, { primary: QWEN });
    expect(gateway.configPatch).toHaveBeenCalledTimes(1);
    expect(outcome).toMatchObject({ appliedBy: "file", applied: false, requiresRestart: false });
    expect(fileJson().agents.defaults.model.primary).toBe(QWEN);
    expect(fileJson().meta).toEqual({ lastTouchedVersion: "2026.9.6" });
  });

  it("goes to the file when config.get itself finds no Gateway any more", async () => {
    gateway.statuses = [running, { state: "stopped" }];
    gateway.configGet.mockRejectedValue(closed());
    const outcome = await saveModelChange((await readConfig()).revision, { primary: QWEN });
    expect(gateway.configPatch).not.toHaveBeenCalled();
    expect(outcome.appliedBy).toBe("file");
    expect(fileJson().agents.defaults.model.primary).toBe(QWEN);
  });

  it("is a 409, never an overwrite, when the Gateway wrote something before it stopped", async () => {
    gateway.statuses = [running, { state: "stopped" }];
    gateway.configPatch.mockImplementation(async () => {
      writeFileSync(file(), JSON.stringify({ meta: {}, gateway: { mode: "local" }, theirs: true }));
      throw closed();
    });
    const error = await appErrorOf(saveModelChange((await readConfig()).revision, { primary: QWEN }));
    expect(error.code).toBe("conflict");
    expect(fileJson()).toEqual({ meta: {}, gateway: { mode: "local" }, theirs: true });
  });

  it("is a 503 saying nothing was written when the Gateway is restarting or silent", async () => {
    for (const [kind, state] of [
      ["restarting", "unreachable"],
      ["timeout", "unreachable"],
      ["not_running", "unauthorized"],
    ] as const) {
      const before = readFileSync(file(), "utf8");
      gateway.statuses = [running, { state }];
      gateway.configPatch.mockRejectedValue(new GatewayError(kind, `the Gateway: ${kind}`));
      const error = await appErrorOf(saveModelChange((await readConfig()).revision, { primary: QWEN }));
      expect(error.status).toBe(503);
      expect(error.code).toBe("gateway_unavailable");
      expect(error.message).toMatch(/Nothing was written/);
      expect(error.details).toMatchObject({ gateway: kind, written: false, state });
      expect(readFileSync(file(), "utf8")).toBe(before);
    }
  });

  it("is a 503 that says the change may have been saved when the file changed meanwhile", async () => {
    gateway.statuses = [running, { state: "unreachable" }];
    gateway.configPatch.mockImplementation(async () => {
      writeFileSync(file(), JSON.stringify({ meta: {}, gateway: { mode: "local" }, maybeOurs: true }));
      throw new GatewayError("timeout", "The Gateway did not answer config.patch within 30 s.");
    });
    const error = await appErrorOf(saveModelChange((await readConfig()).revision, { primary: QWEN }));
    expect(error.status).toBe(503);
    expect(error.message).toMatch(/may have been saved/);
    expect(error.details).toMatchObject({ written: "unknown" });
  });

  it("keeps OpenClaw's own refusals as they were (not a fallback)", async () => {
    gateway.statuses = [running];
    gateway.configPatch.mockRejectedValue(
      new GatewayError("invalid", "OpenClaw refused the change: x: bad", { issues: [{ path: "x", message: "bad" }] }),
    );
    const error = await appErrorOf(saveModelChange((await readConfig()).revision, { primary: QWEN }));
    expect(error.code).toBe("config_invalid");
    expect(error.details).toMatchObject({ issues: [{ path: "x", message: "bad" }] });
    expect(fileJson().agents.defaults.model.primary).toBe(R1);
  });
});
