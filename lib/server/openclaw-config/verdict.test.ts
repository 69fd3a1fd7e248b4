import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { judgeConfigText, judgeCurrentConfig, settleCurrentCheck, type GatewayRead } from "./verdict";

// The verdict's plumbing with a stand-in CLI (a shell script that answers like `openclaw config
// validate --json`); e2e/config-doctor.spec.ts checks the same paths against the real OpenClaw.
let dir: string;
const stopped: GatewayRead = { status: { state: "stopped" }, snapshot: null };
const saved = { ...process.env };

function fakeCli(body: string): string {
  const bin = path.join(dir, "fake-openclaw");
  writeFileSync(
    bin,
    `#!/bin/sh
if [ "$1" = "--version" ]; then echo "OpenClaw 2026.9.6 (abc1234)"; exit 0; fi
echo "$OPENCLAW_CONFIG_READONLY $OPENCLAW_STATE_DIR" > "${dir}/seen-env"
${body}
`,
  );
  chmodSync(bin, 0o755);
  return bin;
}

const validator = `if grep -q primray "$OPENCLAW_CONFIG_PATH"; then
  echo '{"valid":false,"issues":[{"path":"agents.defaults.model","message":"Unrecognized key: \\"primray\\" hf_abcdefghijklmnop"}]}'; exit 1
fi
echo '{"valid":true,"warnings":[]}'`;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hfpd-verdict-test-"));
  process.env.OPENCLAW_STATE_DIR = path.join(dir, "state");
  delete process.env.OPENCLAW_CONFIG_PATH;
  delete process.env.OPENCLAW_CLI_TIMEOUT_MS;
});
afterEach(() => {
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

describe("judgeConfigText", () => {
  it("judges a text with $include beside the real file, so its relative includes resolve, and leaves nothing there", async () => {
    const configDir = path.join(dir, "state");
    mkdirSync(configDir, { recursive: true });
    writeFileSync(path.join(configDir, "models.json5"), "{}");
    process.env.OPENCLAW_BIN =
      fakeCli(`if [ -f "$(dirname "$OPENCLAW_CONFIG_PATH")/models.json5" ]; then echo '{"valid":true}'; else
  echo '{"valid":false,"issues":[{"path":"$include","message":"Include not found"}]}'; exit 1; fi`);
    const text = '{ "$include": "./models.json5" }';
    const configFile = path.join(configDir, "openclaw.json");
    expect(await judgeConfigText(text, configFile)).toMatchObject({ valid: true });
    expect(await judgeConfigText(text)).toMatchObject({ valid: false }); // a private copy elsewhere cannot see it
    expect(readdirSync(configDir)).toEqual(["models.json5"]);
  });

  it("asks the CLI about a private copy of the text, read-only, and says its version", async () => {
    process.env.OPENCLAW_BIN = fakeCli(validator);
    const before = readdirSync(os.tmpdir()).filter((n) => n.startsWith("hfpd-verdict-") && !n.includes("test"));
    const bad = await judgeConfigText('{ agents: { defaults: { model: { primray: "x" } } } }');
    expect(bad).toEqual({
      by: "openclaw-cli",
      valid: false,
      openclawVersion: "2026.9.6",
      issues: [{ path: "agents.defaults.model", message: 'Unrecognized key: "primray" hf_••••••••' }],
    });
    expect(await judgeConfigText("{}")).toMatchObject({ by: "openclaw-cli", valid: true, issues: [] });
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(path.join(dir, "seen-env"), "utf8").trim()).toBe(`1 ${path.join(dir, "state")}`);
    const after = readdirSync(os.tmpdir()).filter((n) => n.startsWith("hfpd-verdict-") && !n.includes("test"));
    expect(after.sort()).toEqual(before.sort());
  });

  it("falls back to the dashboard's schema without a CLI, or when the CLI does not answer in time", async () => {
    process.env.OPENCLAW_BIN = path.join(dir, "missing");
    process.env.PATH = dir;
    const text =
      '{ models: { providers: { huggingface: { baseUrl: "https://router.huggingface.co/v1", models: [{ id: "a/b", name: "B", alias: "x" }] } } } }';
    const verdict = await judgeConfigText(text);
    expect(verdict).toMatchObject({ by: "dashboard-schema", valid: false });
    expect(verdict.issues[0]).toMatchObject({ path: "models.providers.huggingface.models.0" });
    expect(await judgeConfigText("{ oops")).toMatchObject({ by: "dashboard-schema", valid: false });

    // Had it waited, the answer would be OpenClaw's refusal.
    process.env.PATH = saved.PATH;
    process.env.OPENCLAW_BIN = fakeCli(`sleep 5; echo '{"valid":false,"issues":[{"path":"","message":"late"}]}'`);
    process.env.OPENCLAW_CLI_TIMEOUT_MS = "300";
    expect(await judgeConfigText("{}")).toMatchObject({ by: "dashboard-schema", valid: true });
  });
});

describe("judgeCurrentConfig", () => {
  it("never waits for the CLI: checking first, OpenClaw's verdict once it finished, anew per revision", async () => {
    process.env.OPENCLAW_BIN = fakeCli(validator);
    const { mkdirSync } = await import("node:fs");
    mkdirSync(path.join(dir, "state"));
    const file = path.join(dir, "state", "openclaw.json");
    writeFileSync(file, '{ agents: { defaults: { model: { primray: "x" } } } }');
    const first = await judgeCurrentConfig({ gateway: stopped });
    expect(first).toMatchObject({ by: "dashboard-schema", checking: true, openclawVersion: "2026.9.6" });
    await settleCurrentCheck();
    expect(await judgeCurrentConfig({ gateway: stopped })).toMatchObject({
      by: "openclaw-cli",
      valid: false,
      issues: [{ path: "agents.defaults.model" }],
    });
    writeFileSync(file, '{ agents: { defaults: { model: { primary: "huggingface/a/b" } } } }');
    expect(await judgeCurrentConfig({ gateway: stopped })).toMatchObject({ checking: true });
    await settleCurrentCheck();
    expect(await judgeCurrentConfig({ gateway: stopped })).toEqual({
      by: "openclaw-cli",
      valid: true,
      issues: [],
      openclawVersion: "2026.9.6",
    });
  });

  it("takes the running Gateway's verdict for the file it watches", async () => {
    process.env.OPENCLAW_BIN = path.join(dir, "missing");
    const file = path.join(dir, "state", "openclaw.json");
    const gateway: GatewayRead = {
      status: { state: "running", version: "2026.9.6" },
      snapshot: {
        hash: "h",
        valid: false,
        issues: [{ path: "agents.defaults.model", message: 'Unrecognized key: "primray"' }],
        warnings: [],
        configRevisionHash: null,
        appliedConfigHash: "a",
        applied: false,
        exists: true,
        path: file,
      },
    };
    expect(await judgeCurrentConfig({ gateway })).toEqual({
      by: "gateway",
      valid: false,
      openclawVersion: "2026.9.6",
      issues: [{ path: "agents.defaults.model", message: 'Unrecognized key: "primray"' }],
    });
    // A Gateway watching another file is no judge of this one.
    const elsewhere = { ...gateway, snapshot: { ...gateway.snapshot!, path: path.join(dir, "other.json") } };
    expect(await judgeCurrentConfig({ gateway: elsewhere })).toMatchObject({ by: "dashboard-schema" });
  });
});
