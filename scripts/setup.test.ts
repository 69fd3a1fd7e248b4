import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startFakeHf, type FakeHf } from "../e2e/fake-hf/server";

// The scriptable setup, run as a user would (npm run setup's command line), against the fake hub.
let fake: FakeHf;
let dir: string;
const TOKEN = "hf_SetupValidToken0123456789abcdef";

beforeAll(async () => {
  fake = await startFakeHf();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hfpd-setup-"));
});

function runSetup(
  args: string[],
  env: Record<string, string> = {},
  stdin?: string,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/setup.ts", ...args],
      {
        env: {
          NODE_ENV: "test",
          PATH: process.env.PATH ?? "",
          HOME: os.homedir(),
          HF_ENDPOINT: fake.url,
          HF_ROUTER_URL: fake.routerUrl,
          ...env,
        },
      },
    );
    if (stdin !== undefined) child.stdin.end(stdin);
    let out = "";
    let err = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    child.on("exit", (code) => resolve({ code, out, err }));
  });
}

const config = () => JSON.parse(readFileSync(path.join(dir, "openclaw.json"), "utf8"));

describe("npm run setup", () => {
  it("stores the token and sets DeepSeek R1 with the alias on a fresh state directory", async () => {
    const result = await runSetup(["--huggingface-api-key", TOKEN, "--state-dir", dir]);
    expect(result.code, result.err).toBe(0);
    expect(readFileSync(path.join(dir, ".env"), "utf8")).toBe(`HF_TOKEN=${TOKEN}\n`);
    expect(statSync(path.join(dir, ".env")).mode & 0o777).toBe(0o600);
    const written = config();
    expect(written.agents.defaults.model.primary).toBe("huggingface/deepseek-ai/DeepSeek-R1");
    expect(written.agents.defaults.models["huggingface/deepseek-ai/DeepSeek-R1"]).toEqual({ alias: "Hugging Face" });
    expect(written.models.providers.huggingface).toMatchObject({
      baseUrl: "https://router.huggingface.co/v1",
      api: "openai-completions",
    });
    expect(result.out).toContain("check: valid, account fake-user");
    expect(result.out).toContain('"primary": "huggingface/deepseek-ai/DeepSeek-R1"');
    expect(result.out + result.err).not.toContain(TOKEN);
  });

  it("takes --model with a policy and keeps existing fallbacks, aliases and unknown keys", async () => {
    writeFileSync(
      path.join(dir, "openclaw.json"),
      `// mine\n{ gateway: { port: 18789 }, agents: { defaults: { model: { primary: "huggingface/Qwen/Qwen3-8B", fallbacks: ["huggingface/openai/gpt-oss-120b:cheapest"] }, models: { "huggingface/openai/gpt-oss-120b:cheapest": { alias: "Hugging Face" } } } } }\n`,
    );
    const result = await runSetup([
      "--huggingface-api-key",
      `export HF_TOKEN="${TOKEN}";`,
      "--model",
      "huggingface/deepseek-ai/DeepSeek-V3.1:fastest",
      "--state-dir",
      dir,
    ]);
    expect(result.code, result.err).toBe(0);
    const written = config();
    expect(written.gateway).toEqual({ port: 18789 });
    expect(written.agents.defaults.model).toEqual({
      primary: "huggingface/deepseek-ai/DeepSeek-V3.1:fastest",
      fallbacks: ["huggingface/openai/gpt-oss-120b:cheapest"],
    });
    expect(written.agents.defaults.models["huggingface/openai/gpt-oss-120b:cheapest"]).toEqual({
      alias: "Hugging Face",
    });
    expect(written.agents.defaults.models["huggingface/deepseek-ai/DeepSeek-V3.1:fastest"]).toEqual({});
    expect(result.out).toContain(
      'alias not added: "Hugging Face" already names huggingface/openai/gpt-oss-120b:cheapest',
    );
    expect(result.out).toContain("Kept fallbacks: huggingface/openai/gpt-oss-120b:cheapest");
  });

  it("reads the key from HF_TOKEN when no flag is given", async () => {
    const result = await runSetup(["--state-dir", dir], { HF_TOKEN: TOKEN });
    expect(result.code, result.err).toBe(0);
    expect(readFileSync(path.join(dir, ".env"), "utf8")).toContain(`HF_TOKEN=${TOKEN}`);
  });

  it("reads the key from standard input with --huggingface-api-key -, keeping it out of the process list", async () => {
    const result = await runSetup(["--huggingface-api-key", "-", "--state-dir", dir], {}, `${TOKEN}\n`);
    expect(result.code, result.err).toBe(0);
    expect(readFileSync(path.join(dir, ".env"), "utf8")).toBe(`HF_TOKEN=${TOKEN}\n`);
    expect(result.out + result.err).not.toContain(TOKEN);
  });

  it("exits 2 and writes nothing when standard input holds no key", async () => {
    const result = await runSetup(["--huggingface-api-key", "-", "--state-dir", dir], {}, "");
    expect(result.code).toBe(2);
    expect(result.err).toContain("no Hugging Face key on standard input");
    expect(existsSync(path.join(dir, ".env"))).toBe(false);
  });

  it("reads the key from HUGGINGFACE_HUB_TOKEN before HF_TOKEN, as OpenClaw does", async () => {
    const result = await runSetup(["--state-dir", dir], {
      HUGGINGFACE_HUB_TOKEN: TOKEN,
      HF_TOKEN: "hf_notThisOne0123456789",
    });
    expect(result.code, result.err).toBe(0);
    expect(readFileSync(path.join(dir, ".env"), "utf8")).toBe(`HF_TOKEN=${TOKEN}\n`);
  });

  it("says in --help why the key is better passed on standard input or in the environment", async () => {
    const result = await runSetup(["--help"]);
    expect(result.code).toBe(0);
    expect(result.out).toContain("--huggingface-api-key -");
    expect(result.out).toMatch(/HF_TOKEN/);
    expect(result.out).toMatch(/HUGGINGFACE_HUB_TOKEN/);
    expect(result.out).toMatch(/process list/);
  });

  it("exits 2 with a clear message and writes nothing when no key is given", async () => {
    const result = await runSetup(["--state-dir", dir]);
    expect(result.code).toBe(2);
    expect(result.err).toContain("no Hugging Face key: pass --huggingface-api-key or set HF_TOKEN");
    expect(existsSync(path.join(dir, ".env"))).toBe(false);
  });

  it.each([
    ["api_org_abcdefghijklmnopqrstuvwxyz", /api_org_/],
    ["sk-abcdefghijklmnop", /hf_/],
    ["hf_abc def", /./],
  ])("refuses the malformed key %s and writes nothing", async (key, message) => {
    const result = await runSetup(["--huggingface-api-key", key, "--state-dir", dir]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(existsSync(path.join(dir, ".env"))).toBe(false);
    expect(existsSync(path.join(dir, "openclaw.json"))).toBe(false);
  });

  it("refuses a config that does not parse, naming the line, and writes nothing", async () => {
    const broken = '{\n  agents: {\n    defaults: { model: "huggingface/a/b" \n  }\n';
    writeFileSync(path.join(dir, "openclaw.json"), broken);
    const result = await runSetup(["--huggingface-api-key", TOKEN, "--state-dir", dir]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/does not parse \(line \d+, column \d+\)/);
    expect(readFileSync(path.join(dir, "openclaw.json"), "utf8")).toBe(broken);
    expect(existsSync(path.join(dir, ".env"))).toBe(false);
  });

  it("refuses a token Hugging Face rejects unless --force", async () => {
    const rejected = "hf_invalidTokenForSetup0123456789";
    const refused = await runSetup(["--huggingface-api-key", rejected, "--state-dir", dir]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("rejected this token");
    expect(existsSync(path.join(dir, ".env"))).toBe(false);
    const forced = await runSetup(["--huggingface-api-key", rejected, "--state-dir", dir, "--force"]);
    expect(forced.code, forced.err).toBe(0);
    expect(readFileSync(path.join(dir, ".env"), "utf8")).toContain(rejected);
  });
});
