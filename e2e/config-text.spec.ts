import { lstat, mkdtemp, readFile, readlink, rename, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { configFile, readConfigText, writeConfig } from "./support/config-files";
import { ensureOpenClaw, openclaw, openclawBin } from "./support/openclaw-cli";

// PUT /api/config/text and its preview with the REAL OpenClaw CLI as the judge (OPENCLAW_BIN): it
// refuses the documentation's `alias` trap with its own path and message before anything is written,
// accepts what is saved, and the masks shown for other tools' secrets come back as the secrets.
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const GATEWAY_SECRET = "gw-text-spec-secret-0123456789";
const OPENAI_KEY = "sk-openai-text-spec-0123456789";

const FILE = {
  meta: { lastTouchedVersion: "2026.9.6" },
  gateway: { mode: "local", auth: { mode: "token", token: GATEWAY_SECRET } },
  env: { vars: { OPENAI_API_KEY: OPENAI_KEY } },
  agents: { defaults: { model: { primary: R1 } } },
  models: {
    providers: {
      huggingface: {
        baseUrl: "https://router.huggingface.co/v1",
        api: "openai-completions",
        apiKey: { source: "env", provider: "default", id: "HF_TOKEN" },
        models: [],
      },
    },
  },
};

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(15 * 60_000); // first run: npm installs Node 24 and openclaw into the cache
  await ensureOpenClaw();
});
test.use({
  appEnv: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "hfpd-oc-bin-"));
    await use({ OPENCLAW_BIN: await openclawBin(dir) });
    await rm(dir, { recursive: true, force: true });
  },
});
test.beforeEach(({ sentinel }) => {
  sentinel.addToken(GATEWAY_SECRET);
  sentinel.addToken(OPENAI_KEY);
});

test("a whole-file edit: OpenClaw refuses the documentation's alias before anything is written, then accepts the fix", async ({
  request,
  stateDir,
}) => {
  test.setTimeout(3 * 60_000);
  await writeConfig(stateDir, FILE);
  const state = await (await request.get("/api/config")).json();
  expect(state.text).not.toContain(GATEWAY_SECRET);
  expect(state.text).not.toContain(OPENAI_KEY);
  expect(state.text).toContain('"id": "HF_TOKEN"');

  // The documentation's advice: an alias inside the provider's model list.
  const withAlias = state.text.replace(
    '"models": []',
    '"models": [{ "id": "deepseek-ai/DeepSeek-R1", "name": "DeepSeek R1", "alias": "R1 fast" }]',
  );
  const preview = await (await request.post("/api/config/text/preview", { data: { text: withAlias } })).json();
  expect(preview.validation).toMatchObject({ by: "openclaw-cli", valid: false, openclawVersion: "2026.9.6" });
  expect(preview.issues).toContainEqual(
    expect.objectContaining({
      path: "models.providers.huggingface.models.0",
      message: expect.stringContaining('"alias"'),
    }),
  );
  expect(JSON.stringify(preview)).not.toMatch(new RegExp(`${GATEWAY_SECRET}|${OPENAI_KEY}`));

  const before = await readConfigText(stateDir);
  const refused = await request.put("/api/config/text", {
    headers: { "if-match": `"${state.revision}"` },
    data: { text: withAlias },
  });
  expect(refused.status()).toBe(422);
  const body = await refused.json();
  expect(body.error.code).toBe("config_invalid");
  expect(body.error.message).toContain("models.providers.huggingface.models.0");
  expect(await readConfigText(stateDir)).toBe(before);

  // The fix, typed as the user would: the alias in the agent's model entry, a new primary.
  const fixed = state.text
    .replace(`"primary": "${R1}"`, `"primary": "${QWEN}"`)
    .replace('"model": {', `"models": { "${R1}": { "alias": "R1 fast" } },\n      "model": {`);
  const good = await (await request.post("/api/config/text/preview", { data: { text: fixed } })).json();
  expect(good).toMatchObject({ validation: { by: "openclaw-cli", valid: true }, issues: [], keptSecrets: 2 });
  const saved = await request.put("/api/config/text", {
    headers: { "if-match": `"${state.revision}"` },
    data: { text: fixed },
  });
  expect(saved.status()).toBe(200);
  expect(await saved.json()).toMatchObject({ appliedBy: "file", settings: { primary: QWEN } });
  const written = JSON.parse(await readConfigText(stateDir));
  expect(written.gateway.auth.token).toBe(GATEWAY_SECRET);
  expect(written.env.vars.OPENAI_API_KEY).toBe(OPENAI_KEY);
  expect(written.models.providers.huggingface.apiKey).toEqual(FILE.models.providers.huggingface.apiKey);
  expect(written.agents.defaults.models[R1]).toEqual({ alias: "R1 fast" });
  expect(written.meta).toEqual(FILE.meta);
  expect((await openclaw(stateDir, ["config", "validate", "--json"])).json).toMatchObject({ valid: true });
});

test("bad input: no If-Match, a stray mask, a text over 2 MB, not JSON; a symlinked file stays a link", async ({
  request,
  stateDir,
}) => {
  test.setTimeout(3 * 60_000);
  // The user keeps openclaw.json in a dotfiles folder, linked into the state folder.
  const target = path.join(stateDir, "dotfiles-openclaw.json");
  await writeConfig(stateDir, FILE);
  await rename(configFile(stateDir), target);
  await symlink(target, configFile(stateDir));
  const state = await (await request.get("/api/config")).json();
  const before = await readFile(target, "utf8");

  expect((await request.put("/api/config/text", { data: { text: state.text } })).status()).toBe(428);
  const notJson = await request.put("/api/config/text", {
    headers: { "if-match": `"${state.revision}"`, "content-type": "text/plain" },
    data: state.text,
  });
  expect(notJson.status()).toBe(415);
  const stray = await request.put("/api/config/text", {
    headers: { "if-match": `"${state.revision}"` },
    data: { text: state.text.replace('"OPENAI_API_KEY"', '"GROQ_API_KEY": "••••••••",\n      "OPENAI_API_KEY"') },
  });
  expect(stray.status()).toBe(422);
  expect((await stray.json()).error.details.issues[0].path).toBe("env.vars.GROQ_API_KEY");
  const huge = await request.post("/api/config/text/preview", {
    data: { text: JSON.stringify({ pad: "x".repeat(2 * 1024 * 1024 + 10) }) },
  });
  expect(huge.status()).toBe(413);
  expect(await readFile(target, "utf8")).toBe(before);

  const saved = await request.put("/api/config/text", {
    headers: { "if-match": `"${state.revision}"` },
    data: { text: state.text.replace(R1, QWEN) },
  });
  expect(saved.status()).toBe(200);
  expect((await lstat(configFile(stateDir))).isSymbolicLink()).toBe(true);
  expect(await readlink(configFile(stateDir))).toBe(target);
  expect(JSON.parse(await readFile(target, "utf8")).agents.defaults.model.primary).toBe(QWEN);
  // The server kept serving.
  expect((await request.get("/api/health")).status()).toBe(200);
});
