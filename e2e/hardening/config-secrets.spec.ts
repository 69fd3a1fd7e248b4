import { spawn } from "node:child_process";
import JSON5 from "json5";
import { test, expect } from "../fixtures";
import { readConfigText, writeConfig } from "../support/config-files";

// openclaw.json holds other tools' secrets too. None of them may leave the dashboard by any way
// out: GET /api/config (text, data, settings), the download, the preview and restore diffs, a 409's
// current state, the pages, the logs, `npm run setup`'s printed diff. Each secret is also handed to
// the suite's sentinel, which scans everything the browser received and the server logged.
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const MASK = "••••••••";

const SECRETS = {
  openai: "sk-openai-e2e-0123456789",
  groq: "gsk_groq_e2e_0123456789",
  service: "service-secret-e2e-value",
  someToken: "some-token-e2e-value",
  telegram: "123456789:telegram-e2e-bot-token",
  refresh: "refresh-token-e2e-value",
  bearer: "bearer-header-e2e-value",
  cookie: "cookie-e2e-value-0123",
  urlPassword: "url-password-e2e",
  queryKey: "query-key-e2e-value",
  escapedKey: "escaped-api-key-e2e",
  gatewayNumber: "98765432109",
};

const FILE = `// Written by hand: other tools keep their secrets here too.
{
  env: {
    vars: {
      OPENAI_API_KEY: "${SECRETS.openai}",
      GROQ_API_KEY: "${SECRETS.groq}",
      MY_SERVICE_SECRET: "${SECRETS.service}",
      SOME_TOKEN: "${SECRETS.someToken}",
      PLAIN_VAR: "plain-visible-value",
      FROM_ENV: "\${OPENAI_API_KEY}",
    },
  },
  channels: { telegram: { botToken: "${SECRETS.telegram}" /* from BotFather */ } },
  auth: { profiles: { "openai:me": { provider: "openai", mode: "oauth", refreshToken: "${SECRETS.refresh}" } } },
  gateway: { mode: "local", auth: { mode: "token", token: ${SECRETS.gatewayNumber} } },
  agents: { defaults: { model: { primary: "${R1}" }, models: { "${R1}": { alias: "Hugging Face" } } } },
  models: {
    providers: {
      openai: {
        baseUrl: "https://api.example.com/v1?api_key=${SECRETS.queryKey}",
        headers: { Authorization: "Bearer ${SECRETS.bearer}", Cookie: "session=${SECRETS.cookie}" },
      },
      huggingface: {
        baseUrl: "https://hf-user:${SECRETS.urlPassword}@router.huggingface.co/v1",
        "api\\u004bey" /* the key, escaped */ : "${SECRETS.escapedKey}",
        api: "openai-completions",
        models: [],
      },
    },
  },
}
`;

function expectNoSecret(text: string, where: string) {
  for (const secret of Object.values(SECRETS)) expect(text, `${where} carries a secret`).not.toContain(secret);
}

test.describe("secrets of other tools in openclaw.json", () => {
  test.beforeEach(async ({ stateDir, sentinel }) => {
    await writeConfig(stateDir, FILE);
    for (const secret of Object.values(SECRETS)) sentinel.addToken(secret);
  });

  test("leave by no way out: API text, data and settings, download, diffs, 409, pages", async ({
    page,
    request,
    stateDir,
    sentinel,
  }) => {
    const response = await request.get("/api/config");
    expect(response.status()).toBe(200);
    const raw = await response.text();
    sentinel.add("GET /api/config", raw);
    expectNoSecret(raw, "GET /api/config");
    const state = JSON.parse(raw);
    // The text is the file as written, secrets aside.
    expect(state.text).toContain("// Written by hand: other tools keep their secrets here too.");
    expect(state.text).toContain(`botToken: "${MASK}" /* from BotFather */`);
    expect(state.text).toContain(`"api\\u004bey" /* the key, escaped */ : "${MASK}"`);
    expect(state.text).toContain(`token: "${MASK}"`);
    expect(state.text).toContain('PLAIN_VAR: "plain-visible-value"');
    expect(state.text).toContain('FROM_ENV: "${OPENAI_API_KEY}"');
    expect(state.data.env.vars).toEqual({
      OPENAI_API_KEY: MASK,
      GROQ_API_KEY: MASK,
      MY_SERVICE_SECRET: MASK,
      SOME_TOKEN: MASK,
      PLAIN_VAR: "plain-visible-value",
      FROM_ENV: "${OPENAI_API_KEY}",
    });
    expect(state.data.models.providers.openai.headers).toEqual({ Authorization: MASK, Cookie: MASK });
    expect(state.settings.baseUrl).toBe(MASK);
    expect(state.settings.primary).toBe(R1);

    const download = await (await request.get("/api/config/download")).text();
    sentinel.add("GET /api/config/download", download);
    expectNoSecret(download, "the download");
    expect(download).toBe(state.text);

    const preview = await request.post("/api/config/preview", { data: { primary: QWEN } });
    expect(preview.status()).toBe(200);
    const previewText = await preview.text();
    sentinel.add("POST /api/config/preview", previewText);
    expectNoSecret(previewText, "the preview diff");
    const diff = JSON.parse(previewText).diff;
    expect(diff.patch).toContain(`+        "primary": "${QWEN}"`);
    expect(diff.patch).toContain(`"OPENAI_API_KEY": "${MASK}"`);

    const stale = await request.patch("/api/config", { data: { primary: QWEN }, headers: { "if-match": '"0000"' } });
    expect(stale.status()).toBe(409);
    const staleText = await stale.text();
    sentinel.add("PATCH /api/config (409)", staleText);
    expectNoSecret(staleText, "the 409 answer");
    expect(JSON.parse(staleText).error.details.current.text).toBe(state.text);

    const saved = await request.patch("/api/config", {
      data: { primary: QWEN },
      headers: { "if-match": `"${state.revision}"` },
    });
    expect(saved.status()).toBe(200);
    const savedText = await saved.text();
    sentinel.add("PATCH /api/config (200)", savedText);
    expectNoSecret(savedText, "the saved state");
    // On disk every secret is kept as it was.
    const onDisk = await readConfigText(stateDir);
    for (const secret of Object.values(SECRETS)) expect(onDisk).toContain(secret);

    const restore = await request.post("/api/config/preview", { data: { restore: "openclaw.json.bak" } });
    const restoreText = await restore.text();
    sentinel.add("POST /api/config/preview (restore)", restoreText);
    expect(restore.status()).toBe(200);
    expectNoSecret(restoreText, "the restore diff");
    expect(JSON.parse(restoreText).diff.patch).toContain("+// Written by hand");

    // The pages show the file and the settings; the sentinel scans all they received.
    await page.goto("/config");
    await expect(page.getByTestId("config-file")).toContainText("plain-visible-value");
    await page.goto("/models");
    await expect(page.getByRole("heading", { level: 1, name: "Models" })).toBeVisible();
    await page.goto("/playground");
    await expect(page.getByRole("heading", { level: 1, name: "Playground" })).toBeVisible();
    expectNoSecret(await page.content(), "the playground page");
  });

  test("npm run setup prints a diff without them", async ({ fake, stateDir, sentinel }) => {
    const token = "hf_SetupSecretsE2e0123456789abcdef";
    const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "scripts/setup.ts", "--huggingface-api-key", token],
        {
          env: {
            NODE_ENV: "test",
            PATH: process.env.PATH ?? "",
            HOME: process.env.HOME ?? "",
            OPENCLAW_STATE_DIR: stateDir,
            HF_ENDPOINT: fake.url,
            HF_ROUTER_URL: fake.routerUrl,
          },
        },
      );
      let out = "";
      child.stdout.on("data", (c) => (out += c));
      child.stderr.on("data", (c) => (out += c));
      child.on("exit", (code) => resolve({ code, out }));
    });
    sentinel.add("npm run setup's output", result.out);
    sentinel.addToken(token);
    expect(result.code, result.out).toBe(0);
    expectNoSecret(result.out, "npm run setup's output");
    expect(result.out).not.toContain(token);
    // The whole file is rewritten as JSON, so every line shows, masked.
    expect(result.out).toContain(`-      OPENAI_API_KEY: "${MASK}",`);
    expect(result.out).toContain(`+      "OPENAI_API_KEY": "${MASK}",`);
    expect(result.out).toContain('+      "PLAIN_VAR": "plain-visible-value",');
    // Kept on disk.
    const written = JSON5.parse(await readConfigText(stateDir));
    expect(written.env.vars.OPENAI_API_KEY).toBe(SECRETS.openai);
  });
});

test.describe("a 2 MB openclaw.json", () => {
  /** About 2 MB of JSON as OpenClaw writes it, with long strings in arrays and under model refs. */
  function bigConfig(secret: string) {
    const long = (i: number) => `${"x".repeat(40_000)}${i}`;
    const models: Record<string, { alias?: string; params?: { notes: string[] } }> = {
      [R1]: { alias: "Hugging Face" },
    };
    for (let i = 0; i < 48; i++) models[`huggingface/org/model-${i}`] = { params: { notes: [long(i)] } };
    return {
      agents: { defaults: { model: { primary: R1 }, models } },
      plugins: { entries: { other: { config: { apiKey: secret, description: long(99) } } } },
    };
  }

  test("is served masked while /api/health keeps answering, and a change to it is diffed line by line", async ({
    request,
    stateDir,
    sentinel,
  }) => {
    const secret = `secret-${"s".repeat(20_000)}`;
    sentinel.addToken(secret);
    const text = `${JSON.stringify(bigConfig(secret), null, 2)}\n`;
    expect(text.length).toBeGreaterThan(1_900_000);
    expect(text.length).toBeLessThan(2 * 1024 * 1024);
    await writeConfig(stateDir, text);

    const config = request.get("/api/config");
    const health = [];
    for (let i = 0; i < 3; i++) health.push((await request.get("/api/health")).status());
    const response = await config;
    expect(health).toEqual([200, 200, 200]);
    expect(response.status()).toBe(200);
    const state = await response.json();
    expect(state.problem).toBeNull();
    expect(state.text).not.toContain(secret);
    expect(state.text).toBe(text.replace(`"apiKey": "${secret}"`, `"apiKey": "${MASK}"`));
    expect(state.data.plugins.entries.other.config.apiKey).toBe(MASK);
    expect(state.settings.aliases).toEqual({ [R1]: "Hugging Face" });

    const preview = await request.post("/api/config/preview", { data: { primary: QWEN } });
    expect(preview.status()).toBe(200);
    const { diff } = await preview.json();
    expect(diff.tooLarge).toBeUndefined();
    expect(diff.patch).toContain(`-        "primary": "${R1}"`);
    expect(diff.patch).toContain(`+        "primary": "${QWEN}"`);
    expect(JSON.stringify(diff)).not.toContain(secret);
    expect((await request.get("/api/health")).status()).toBe(200);
  });

  test("written by hand and saved as JSON the first time, the preview is a summary", async ({ request, stateDir }) => {
    const data = bigConfig("hand-written-secret-value");
    for (let i = 0; i < 600; i++) data.agents.defaults.models[`huggingface/org/small-${i}`] = {};
    // Comments on every line: the first save drops them all, more lines than a line diff takes.
    const json5 = JSON5.stringify(data, null, 2);
    const text = `${json5
      .split("\n")
      .map((line) => `${line} // by hand`)
      .join("\n")}\n`;
    expect(text.length).toBeLessThan(2 * 1024 * 1024);
    await writeConfig(stateDir, text);
    const preview = await request.post("/api/config/preview", { data: { primary: QWEN } });
    expect(preview.status()).toBe(200);
    const { diff } = await preview.json();
    expect(diff.tooLarge).toBe(true);
    expect(diff.hunks[0].header).toContain("Too large to diff line by line");
    expect(JSON.stringify(diff)).not.toContain("hand-written-secret-value");
  });
});
