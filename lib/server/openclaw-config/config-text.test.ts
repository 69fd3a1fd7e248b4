import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { appErrorOf } from "@/lib/testing/app-error-of";
import { MASK } from "@/lib/openclaw-config/redact";
import type { GatewayStatus } from "../gateway/status";

// The whole-file save without OpenClaw installed (the schema judges; the real CLI and Gateway are in
// e2e/config-text.spec.ts), with the Gateway client faked at its seam.
const gateway = vi.hoisted(() => ({
  status: { state: "stopped" } as GatewayStatus,
  configGet: vi.fn(),
  configPatch: vi.fn(),
}));
vi.mock("../gateway/client", () => ({
  gatewayStatus: async () => gateway.status,
  configGet: gateway.configGet,
  configPatch: gateway.configPatch,
}));
vi.mock("../catalog/catalog", async (original) => {
  const actual = await original<typeof import("../catalog/catalog")>();
  return { ...actual, getCatalog: async () => actual.builtinCatalog() };
});

const { readConfig } = await import("./config-file");
const { getConfigState } = await import("./config-state");
const { previewConfigText, saveConfigText } = await import("./config-text");

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const SAVED = {
  meta: { lastTouchedVersion: "2026.9.6", migrations: { modelPolicyAllowlist: true } },
  gateway: { mode: "local", auth: { mode: "token", token: "gw-secret-1234567890" } },
  env: { vars: { OPENAI_API_KEY: "sk-openai-0123456789" } },
  models: {
    providers: {
      huggingface: {
        baseUrl: "https://router.huggingface.co/v1",
        apiKey: { source: "env", provider: "default", id: "HF_TOKEN" },
        models: [],
      },
    },
  },
  agents: { defaults: { model: { primary: R1 } } },
};

let dir: string;
let bin: string | undefined;
const file = () => path.join(dir, "openclaw.json");
const fileJson = () => JSON.parse(readFileSync(file(), "utf8"));
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hfpd-config-text-"));
  process.env.OPENCLAW_STATE_DIR = dir;
  delete process.env.OPENCLAW_CONFIG_PATH;
  bin = process.env.OPENCLAW_BIN;
  process.env.OPENCLAW_BIN = path.join(dir, "no-openclaw-here"); // the schema judges
  writeFileSync(file(), `${JSON.stringify(SAVED, null, 2)}\n`);
  gateway.status = { state: "stopped" };
  gateway.configGet.mockReset();
  gateway.configPatch.mockReset();
});
afterEach(() => {
  if (bin === undefined) delete process.env.OPENCLAW_BIN;
  else process.env.OPENCLAW_BIN = bin;
  rmSync(dir, { recursive: true, force: true });
});

/** The text the Config page shows, with one edit. */
async function shownWith(edit: (text: string) => string) {
  const state = await getConfigState();
  return { text: edit(state.text), revision: state.revision };
}

describe("PUT /api/config/text's save", () => {
  it("writes the edit, keeping the secrets behind their masks and the SecretRef as a reference", async () => {
    const { text, revision } = await shownWith((t) => t.replace(R1, QWEN));
    expect(text).not.toContain("gw-secret");
    expect(text).toContain('"id": "HF_TOKEN"');
    const preview = await previewConfigText(text);
    expect(preview).toMatchObject({ keptSecrets: 2, issues: [], validation: { by: "dashboard-schema", valid: true } });
    expect(preview.diff.patch).toContain(`+        "primary": "${QWEN}"`);
    expect(preview.diff.patch).not.toMatch(/gw-secret|sk-openai/);
    const outcome = await saveConfigText(revision, text);
    expect(outcome.appliedBy).toBe("file");
    expect(fileJson()).toEqual({ ...SAVED, agents: { defaults: { model: { primary: QWEN } } } });
  });

  it("refuses a mask with no saved secret at its place, writing nothing", async () => {
    const { text, revision } = await shownWith((t) =>
      t.replace('"OPENAI_API_KEY"', `"GROQ_API_KEY": "${MASK}",\n      "OPENAI_API_KEY"`),
    );
    const before = readFileSync(file(), "utf8");
    expect((await previewConfigText(text)).issues[0]).toMatchObject({ path: "env.vars.GROQ_API_KEY" });
    const error = await appErrorOf(saveConfigText(revision, text));
    expect(error).toMatchObject({ code: "config_invalid", status: 422 });
    expect(readFileSync(file(), "utf8")).toBe(before);
  });

  it("says where the text does not parse, and writes nothing", async () => {
    const { text, revision } = await shownWith((t) => t.replace('"local",', '"local",,'));
    const preview = await previewConfigText(text);
    const line = text.slice(0, text.indexOf(",,")).split("\n").length;
    expect(preview.problem).toMatchObject({ line, column: expect.any(Number) });
    expect(preview.issues[0].message).toContain(`line ${line}`);
    expect(await appErrorOf(saveConfigText(revision, text))).toMatchObject({ code: "config_unparsable" });
  });

  it("repairs a file that does not parse, its masks given back by place from the broken text", async () => {
    const broken = `{\n  gateway: { mode: "local", auth: { mode: "token", token: "gw-secret-1234567890" } }\n  agents: { defaults: { model: { primary: "${R1}" } } },\n}\n`;
    writeFileSync(file(), broken);
    const state = await getConfigState();
    expect(state.problem).not.toBeNull();
    expect(state.text).not.toContain("gw-secret");
    const fixedText = state.text.replace("} }\n", "} },\n");
    const preview = await previewConfigText(fixedText);
    expect(preview).toMatchObject({ issues: [], keptSecrets: 1 });
    await saveConfigText(state.revision, fixedText);
    expect(fileJson().gateway.auth.token).toBe("gw-secret-1234567890");
    expect(readFileSync(`${file()}.bak`, "utf8")).toBe(broken);
  });

  it("keeps OpenClaw's meta whatever the text says, and says so", async () => {
    const { text, revision } = await shownWith((t) => t.replace('"2026.9.6"', '"1999.1.1"'));
    expect(await previewConfigText(text)).toMatchObject({ metaKept: true });
    await saveConfigText(revision, text);
    expect(fileJson().meta).toEqual(SAVED.meta);
  });

  it("saves a JSON5 text with comments as plain JSON, and the preview says so first", async () => {
    const { revision } = await shownWith((t) => t);
    const json5 = `// my config\n{ meta: ${JSON.stringify(SAVED.meta)}, gateway: { mode: "local", auth: { mode: "token", token: "${MASK}" } }, env: { vars: { OPENAI_API_KEY: '${MASK}' } }, models: ${JSON.stringify(SAVED.models)}, agents: { defaults: { model: { primary: "${QWEN}" } } }, }\n`;
    expect(await previewConfigText(json5)).toMatchObject({ reformats: true, issues: [] });
    await saveConfigText(revision, json5);
    const written = readFileSync(file(), "utf8");
    expect(written).not.toContain("// my config");
    expect(JSON.parse(written).gateway.auth.token).toBe("gw-secret-1234567890");
  });

  it("refuses what OpenClaw would take for a clobber (gateway.mode removed)", async () => {
    const { text, revision } = await shownWith((t) => t.replace('"mode": "local",', ""));
    expect((await previewConfigText(text)).issues[0].message).toMatch(/gateway\.mode/);
    expect(await appErrorOf(saveConfigText(revision, text))).toMatchObject({ code: "config_write_rejected" });
  });

  it("refuses a file the schema refuses, and a stale revision with 409", async () => {
    const { text, revision } = await shownWith((t) => t.replace(`"primary": "${R1}"`, '"primary": 42'));
    expect(await appErrorOf(saveConfigText(revision, text))).toMatchObject({ code: "config_invalid" });
    writeFileSync(file(), `${JSON.stringify({ ...SAVED, extra: 1 }, null, 2)}\n`);
    expect(await appErrorOf(saveConfigText(revision, text.replace("42", `"${QWEN}"`)))).toMatchObject({
      code: "conflict",
      status: 409,
    });
  });

  it("writes through a symlinked openclaw.json: the link stays a link", async () => {
    const target = path.join(dir, "dotfiles-openclaw.json");
    writeFileSync(target, readFileSync(file()));
    rmSync(file());
    symlinkSync(target, file());
    const { text, revision } = await shownWith((t) => t.replace(R1, QWEN));
    await saveConfigText(revision, text);
    expect(lstatSync(file()).isSymbolicLink()).toBe(true);
    expect(readlinkSync(file())).toBe(target);
    expect(JSON.parse(readFileSync(target, "utf8")).agents.defaults.model.primary).toBe(QWEN);
  });

  it("refuses a text over 2 MB with 413", async () => {
    const big = JSON.stringify({ a: "x".repeat(2 * 1024 * 1024) });
    expect(await appErrorOf(previewConfigText(big))).toMatchObject({ status: 413 });
  });

  it("with a Gateway running a valid file, sends only what changed through config.patch", async () => {
    gateway.status = { state: "running" };
    gateway.configGet.mockResolvedValue({ hash: "h1", applied: true, valid: true, issues: [], warnings: [] });
    gateway.configPatch.mockImplementation(async () => {
      writeFileSync(
        file(),
        `${JSON.stringify({ ...SAVED, agents: { defaults: { model: { primary: QWEN } } } }, null, 2)}\n`,
      );
      return { applied: true, requiresRestart: false, message: "live" };
    });
    const { text, revision } = await shownWith((t) => t.replace(R1, QWEN));
    const outcome = await saveConfigText(revision, text);
    expect(outcome).toMatchObject({ appliedBy: "gateway", applied: true });
    const [{ raw, baseHash }] = gateway.configPatch.mock.calls[0] as [{ raw: unknown; baseHash: string }];
    expect(raw).toEqual({ agents: { defaults: { model: { primary: QWEN } } } });
    expect(baseHash).toBe("h1");
    expect((await readConfig()).data?.gateway).toEqual(SAVED.gateway);
  });
});
