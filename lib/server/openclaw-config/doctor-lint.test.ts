import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { readConfig } from "./config-file";
import { doctorLint, settleDoctorLint } from "./doctor-lint";

// `openclaw doctor --lint --json` through a stand-in CLI that prints what 2026.9.6 printed for a
// file with a ref without the huggingface/ prefix (recorded in openclaw-gateway.md's terms).
let dir: string;
const saved = { ...process.env };
const OUTPUT = JSON.stringify({
  ok: false,
  findings: [
    {
      checkId: "core/doctor/gateway-auth",
      severity: "warning",
      message: "Gateway auth is off.",
      path: "gateway.auth.token",
    },
    {
      checkId: "core/doctor/final-config-validation",
      severity: "error",
      message: "Unrecognized key",
      path: "agents.defaults.model",
    },
    {
      checkId: "core/doctor/model-references",
      severity: "warning",
      message: 'Configured model "deepseek-ai/DeepSeek-R1" uses unknown provider "deepseek-ai". hf_abcdefghijklmnop',
      fixHint: "Configure it under models.providers.",
    },
    { checkId: "core/doctor/x", severity: "info", message: "A provider note.", path: "models.providers.huggingface" },
  ],
});

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hfpd-doctor-test-"));
  process.env.OPENCLAW_STATE_DIR = path.join(dir, "state");
  mkdirSync(path.join(dir, "state"));
  writeFileSync(
    path.join(dir, "state", "openclaw.json"),
    '{"agents":{"defaults":{"model":"deepseek-ai/DeepSeek-R1"}}}',
  );
  const bin = path.join(dir, "openclaw");
  writeFileSync(
    bin,
    `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "OpenClaw 2026.9.6 (abc)"; exit 0; fi\necho '${OUTPUT}'\nexit 1\n`,
  );
  chmodSync(bin, 0o755);
  process.env.OPENCLAW_BIN = bin;
});
afterEach(() => {
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

describe("doctorLint", () => {
  it("runs in the background, then keeps only the model findings, masked", async () => {
    const snapshot = await readConfig();
    expect(await doctorLint(snapshot, [])).toEqual({ checking: true, findings: [] });
    await settleDoctorLint();
    expect(await doctorLint(snapshot, [])).toEqual({
      findings: [
        {
          checkId: "core/doctor/model-references",
          severity: "warning",
          message: 'Configured model "deepseek-ai/DeepSeek-R1" uses unknown provider "deepseek-ai". hf_••••••••',
          fixHint: "Configure it under models.providers.",
        },
        {
          checkId: "core/doctor/x",
          severity: "info",
          message: "A provider note.",
          path: "models.providers.huggingface",
        },
      ],
    });
  });

  it("is null without a CLI", async () => {
    process.env.OPENCLAW_BIN = path.join(dir, "missing");
    process.env.PATH = dir;
    expect(await doctorLint(await readConfig(), [])).toBeNull();
  });
});
