import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gatewayTokenView } from "./gateway-token";

let dir: string;
const saved = { ...process.env };
const ENV_TOKEN = "hf_onlyInTheDashboardEnv1234";
const FILE_TOKEN = "hf_savedInTheStateEnvFile5678";
const VARS_TOKEN = "hf_writtenInEnvVarsOfConfig9012";

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hfpd-gw-token-"));
  process.env.OPENCLAW_STATE_DIR = dir;
  delete process.env.HF_TOKEN;
  delete process.env.HUGGINGFACE_HUB_TOKEN;
});
afterEach(() => {
  process.env = { ...saved };
  rmSync(dir, { recursive: true, force: true });
});

const present = (view: Awaited<ReturnType<typeof gatewayTokenView>>) =>
  view.sources.filter((s) => s.present).map((s) => `${s.place}${s.name ? `:${s.name}` : ""}`);

describe("where the agent's Gateway reads the token", () => {
  it("warns when the token in effect is only in the dashboard's own environment", async () => {
    process.env.HF_TOKEN = ENV_TOKEN;
    const view = await gatewayTokenView({}, "env:HF_TOKEN");
    expect(present(view)).toEqual(["process-env:HF_TOKEN"]);
    expect(view.serviceUses).toBeNull();
    expect(view.warning).toContain("exists only in the dashboard's own environment");
    expect(JSON.stringify(view)).not.toContain(ENV_TOKEN);
  });

  it("no warning once .env has it; a service Gateway uses .env", async () => {
    process.env.HF_TOKEN = ENV_TOKEN;
    writeFileSync(path.join(dir, ".env"), `HF_TOKEN=${FILE_TOKEN}\n`);
    const view = await gatewayTokenView({}, "env:HF_TOKEN");
    expect(view.warning).toBeNull();
    expect(view.serviceUses).toBe("HF_TOKEN from the state folder's .env");
  });

  it("HUGGINGFACE_HUB_TOKEN in env.vars beats HF_TOKEN in .env (as measured with OpenClaw)", async () => {
    writeFileSync(path.join(dir, ".env"), `HF_TOKEN=${FILE_TOKEN}\n`);
    const view = await gatewayTokenView({ env: { vars: { HUGGINGFACE_HUB_TOKEN: VARS_TOKEN } } }, "file:HF_TOKEN");
    expect(view.serviceUses).toBe("HUGGINGFACE_HUB_TOKEN from env.vars in openclaw.json");
    expect(present(view)).toEqual(["state-env-file:HF_TOKEN", "config-env-vars:HUGGINGFACE_HUB_TOKEN"]);
    const text = JSON.stringify(view);
    expect(text).not.toContain(FILE_TOKEN);
    expect(text).not.toContain(VARS_TOKEN);
  });

  it("an apiKey `${VAR}` or env SecretRef resolves through the same places; a profile comes first", async () => {
    process.env.MY_HF = ENV_TOKEN;
    const ref = { models: { providers: { huggingface: { apiKey: "${MY_HF}" } } } };
    const view = await gatewayTokenView(ref, null);
    expect(view.sources.find((s) => s.place === "config-api-key")).toMatchObject({ name: "MY_HF", present: true });
    expect(view.serviceUses).toBeNull(); // only in the dashboard's environment
    writeFileSync(path.join(dir, ".env"), `MY_HF=${FILE_TOKEN}\n`);
    const secretRef = {
      models: { providers: { huggingface: { apiKey: { source: "env", provider: "default", id: "MY_HF" } } } },
    };
    expect((await gatewayTokenView(secretRef, null)).serviceUses).toBe("MY_HF from the state folder's .env");
    const profile = {
      ...secretRef,
      auth: { profiles: { "huggingface:default": { provider: "huggingface", mode: "api_key" } } },
    };
    expect((await gatewayTokenView(profile, null)).serviceUses).toContain("auth profile");
  });

  it("env.shellEnv on: the login shell is the last place", async () => {
    process.env.HF_TOKEN = ENV_TOKEN;
    const view = await gatewayTokenView({ env: { shellEnv: { enabled: true } } }, "env:HF_TOKEN");
    expect(view.warning).toContain("unless your login shell sets it");
    expect(view.sources.at(-1)).toMatchObject({ place: "shell-env", present: true });
  });
});

describe("the token the dashboard uses", () => {
  it("follows OpenClaw: HUGGINGFACE_HUB_TOKEN in .env beats HF_TOKEN in the process environment", async () => {
    const { resolveToken } = await import("./token-source");
    process.env.HF_TOKEN = ENV_TOKEN;
    expect(await resolveToken()).toEqual({ token: ENV_TOKEN, source: "env:HF_TOKEN" });
    writeFileSync(path.join(dir, ".env"), `HUGGINGFACE_HUB_TOKEN=${FILE_TOKEN}\n`);
    expect(await resolveToken()).toEqual({ token: FILE_TOKEN, source: "file:HUGGINGFACE_HUB_TOKEN" });
    process.env.HUGGINGFACE_HUB_TOKEN = VARS_TOKEN;
    expect(await resolveToken()).toEqual({ token: VARS_TOKEN, source: "env:HUGGINGFACE_HUB_TOKEN" });
  });
});
