import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { configFile, patchConfig, readConfigJson, writeConfig } from "./support/config-files";
import { ensureOpenClaw, openclaw } from "./support/openclaw-cli";

// The real consumer checks what the dashboard writes: configs saved through the dashboard's HTTP
// API, in several states, must pass `openclaw config validate`, and `openclaw models status`
// must report the primary, fallbacks and aliases the dashboard shows.
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const OSS_CHEAP = "huggingface/openai/gpt-oss-120b:cheapest";
const R1_TOGETHER = "huggingface/deepseek-ai/DeepSeek-R1:together";
const QWEN = "huggingface/Qwen/Qwen3-8B";

const PRE_EXISTING_JSON5 = `// Written by hand, then by OpenClaw's onboarding: comments, unquoted keys, trailing commas.
{
  agents: {
    defaults: {
      workspace: "STATE/workspace",
      models: { "huggingface/deepseek-ai/DeepSeek-R1": { alias: "Hugging Face" } },
      model: { primary: "huggingface/deepseek-ai/DeepSeek-R1" },
    },
    entries: { main: { name: "main", workspace: "STATE/workspace", agentDir: "STATE/agents/main/agent", identity: { name: "main" } } },
  },
  /* keys the dashboard does not manage */
  plugins: { entries: { huggingface: { enabled: true } } },
  gateway: { mode: "local", auth: { mode: "token", token: "gateway-secret-for-test" }, port: 18789, bind: "loopback", tailscale: { mode: "off" } },
  tools: { profile: "full" },
  auth: { profiles: { "huggingface:default": { provider: "huggingface", mode: "api_key" } } },
  models: { mode: "merge", providers: { huggingface: { baseUrl: "https://router.huggingface.co/v1", api: "openai-completions",
    models: [{ id: "meta-llama/Llama-3.3-70B-Instruct", name: "My Llama", contextWindow: 65536 }], } } },
}
`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(15 * 60_000); // first run: npm installs Node 24 and openclaw into the cache
  await ensureOpenClaw();
});

test("configs the dashboard writes are valid for the real OpenClaw and mean what the dashboard shows", async ({
  request,
  stateDir,
}) => {
  test.setTimeout(5 * 60_000);
  const snapshots: {
    name: string;
    dir: string;
    settings: { primary: string; fallbacks: string[]; aliases: Record<string, string> };
  }[] = [];
  const keep = async (name: string) => {
    const state = await (await request.get("/api/config")).json();
    expect(state.warnings.filter((w: { kind: string }) => w.kind !== "model_missing")).toEqual([]);
    const dir = await mkdtemp(path.join(os.tmpdir(), `hfpd-oc-${name}-`));
    await copyFile(configFile(stateDir), path.join(dir, "openclaw.json"));
    snapshots.push({ name, dir, settings: state.settings });
  };
  const ok = async (change: Record<string, unknown>) => {
    const { response, body } = await patchConfig(request, change);
    expect(response.status(), JSON.stringify(body)).toBe(200);
  };

  // 1. Fresh state folder: the file is created.
  await ok({ primary: R1 });
  await keep("fresh");
  // 2. A primary with a policy suffix, fallbacks, aliases on suffixed refs.
  await ok({
    primary: OSS_CHEAP,
    fallbacks: [R1_TOGETHER, QWEN, R1],
    aliases: { [OSS_CHEAP]: "cheap oss", [R1_TOGETHER]: "R1 on together" },
  });
  await keep("suffix-fallbacks-aliases");
  // 3. Fallbacks reordered, an alias renamed and one removed, the allowlist extended.
  await ok({
    fallbacks: [QWEN, R1_TOGETHER],
    aliases: { [OSS_CHEAP]: "", [R1_TOGETHER]: "deep" },
    allow: [OSS_CHEAP, QWEN, R1_TOGETHER, R1, "huggingface/zai-org/GLM-4.5:fastest"],
  });
  await keep("reordered-renamed");
  // 4. A pre-existing JSON5 file with comments and keys the dashboard does not know.
  await writeConfig(stateDir, PRE_EXISTING_JSON5.replaceAll("STATE", stateDir));
  await ok({
    primary: "huggingface/deepseek-ai/DeepSeek-V3.1:fastest",
    fallbacks: [R1, "huggingface/meta-llama/Llama-3.3-70B-Instruct:groq"],
    aliases: { "huggingface/deepseek-ai/DeepSeek-V3.1:fastest": "V3 fast" },
  });
  const written = await readConfigJson(stateDir);
  expect(written.gateway.auth.token).toBe("gateway-secret-for-test");
  expect(written.tools).toEqual({ profile: "full" });
  expect(written.agents.entries.main.name).toBe("main");
  expect(written.models.providers.huggingface.models[0]).toEqual({
    id: "meta-llama/Llama-3.3-70B-Instruct",
    name: "My Llama",
    contextWindow: 65536,
  });
  await keep("pre-existing-json5");

  try {
    // Two CLI processes at a time: each takes a few seconds to start.
    const results: {
      name: string;
      validate: Awaited<ReturnType<typeof openclaw>>;
      status: Awaited<ReturnType<typeof openclaw>>;
      settings: (typeof snapshots)[0]["settings"];
    }[] = [];
    for (const snap of snapshots) {
      const [validate, status] = await Promise.all([
        openclaw(snap.dir, ["config", "validate", "--json"]),
        openclaw(snap.dir, ["models", "status", "--json"]),
      ]);
      results.push({ name: snap.name, validate, status, settings: snap.settings });
    }
    for (const { name, validate, status, settings } of results) {
      expect(validate.json, `${name}: ${validate.stdout}${validate.stderr}`).toMatchObject({ valid: true });
      expect(validate.code, name).toBe(0);
      expect(status.code, `${name}: ${status.stderr}`).toBe(0);
      expect(status.json?.defaultModel, name).toBe(settings.primary);
      expect(status.json?.fallbacks, name).toEqual(settings.fallbacks);
      const expectedAliases = Object.fromEntries(Object.entries(settings.aliases).map(([ref, alias]) => [alias, ref]));
      expect(status.json?.aliases, name).toEqual(expectedAliases);
    }
    // The last state is what the Models page showed: check one against the page's own words.
    expect(results.at(-1)?.status.json?.aliases).toEqual({
      "V3 fast": "huggingface/deepseek-ai/DeepSeek-V3.1:fastest",
      "Hugging Face": R1,
    });
  } finally {
    for (const snap of snapshots) await rm(snap.dir, { recursive: true, force: true });
  }
});

test("a config OpenClaw would refuse is never written", async ({ request, stateDir }) => {
  // alias inside a provider model entry is an unknown key for OpenClaw: the dashboard refuses to save over it.
  const bad = {
    models: {
      providers: {
        huggingface: { baseUrl: "https://router.huggingface.co/v1", models: [{ id: "a/b", name: "B", alias: "x" }] },
      },
    },
  };
  await writeConfig(stateDir, bad);
  const before = await readFile(configFile(stateDir), "utf8");
  const { response, body } = await patchConfig(request, { primary: R1 });
  expect(response.status()).toBe(422);
  expect(body.error.code).toBe("config_invalid");
  expect(await readFile(configFile(stateDir), "utf8")).toBe(before);
  const verdict = await openclaw(stateDir, ["config", "validate", "--json"]);
  expect(verdict.json?.valid).toBe(false); // OpenClaw agrees it is broken
});
