import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "./fixtures";
import { ensureOpenClaw, openclaw } from "./support/openclaw-cli";
import { onboardConfigText, writeConfig } from "./support/config-files";

// npm run setup's result, checked by the real OpenClaw CLI: the config is valid, and OpenClaw
// resolves the default model, aliases and the Hugging Face key the way the setup said.
const TOKEN = "hf_SetupForOpenClaw0123456789abcdef";
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";

function runSetup(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/setup.ts", ...args],
      { env: { NODE_ENV: "test", PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } },
    );
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(15 * 60_000); // first run: npm installs Node 24 and openclaw into the cache
  await ensureOpenClaw();
});

test("a fresh setup is valid for OpenClaw, which uses its default, alias and key", async ({ fake, stateDir }) => {
  test.setTimeout(120_000);
  const result = await runSetup(["--huggingface-api-key", TOKEN, "--state-dir", stateDir], {
    HF_ENDPOINT: fake.url,
    HF_ROUTER_URL: fake.routerUrl,
  });
  expect(result.code, result.out).toBe(0);
  const [validate, status] = await Promise.all([
    openclaw(stateDir, ["config", "validate", "--json"]),
    openclaw(stateDir, ["models", "status", "--json"]),
  ]);
  expect(validate.json, validate.stdout + validate.stderr).toMatchObject({ valid: true });
  expect(status.json?.defaultModel).toBe(R1);
  expect(status.json?.aliases).toEqual({ "Hugging Face": R1 });
  const providers = (
    status.json?.auth as { providers: { provider: string; env?: { value: string; source: string } }[] }
  ).providers;
  const hf = providers.find((p) => p.provider === "huggingface");
  expect(hf?.env?.source).toContain("HF_TOKEN");
  expect(hf?.env?.value.endsWith(TOKEN.slice(-8))).toBe(true);
});

test("setup over OpenClaw's own onboarding file keeps it valid and keeps what was there", async ({
  fake,
  stateDir,
}) => {
  test.setTimeout(120_000);
  const file = path.join(stateDir, "openclaw.json");
  const golden = await onboardConfigText(stateDir);
  await writeConfig(stateDir, golden);
  const model = "huggingface/deepseek-ai/DeepSeek-V3.1:cheapest";
  const result = await runSetup(["--huggingface-api-key", TOKEN, "--model", model, "--state-dir", stateDir], {
    HF_ENDPOINT: fake.url,
    HF_ROUTER_URL: fake.routerUrl,
  });
  expect(result.code, result.out).toBe(0);
  const written = JSON.parse(await readFile(file, "utf8"));
  expect(written.gateway.port).toBe(18789);
  expect(written.wizard.lastRunCommand).toBe("onboard");
  const [validate, status] = await Promise.all([
    openclaw(stateDir, ["config", "validate", "--json"]),
    openclaw(stateDir, ["models", "status", "--json"]),
  ]);
  expect(validate.json, validate.stdout + validate.stderr).toMatchObject({ valid: true });
  expect(status.json?.defaultModel).toBe(model);
  // The onboarding alias stays on R1: the name is taken, so setup adds no second one.
  expect(status.json?.aliases).toEqual({ "Hugging Face": R1 });
});
