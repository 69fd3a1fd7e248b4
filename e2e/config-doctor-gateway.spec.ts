import "./support/server-only-stub";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "./fixtures";
import { setEditorText } from "./support/config-editor";
import { realGatewayTest } from "./support/real-gateway-test";

// The verdict and the repairs with the REAL Gateway 2026.9.6 running: it judges the file it watches
// (config.get), an invalid file (the documentation's alias) is repaired through the file because the
// Gateway refuses every patch until then, and its watcher applies the result; a trap in a valid file
// is repaired through config.patch. One Gateway for the file (~1 GB).
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const test = realGatewayTest("doctor-gw", { envFile: { HF_TOKEN: "hf_DoctorGatewaySpecToken0123456789" } });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test edits the file freely
type Config = any;
const file = (stateDir: string) => path.join(stateDir, "openclaw.json");
const readJson = async (stateDir: string): Promise<Config> => JSON.parse(await readFile(file(stateDir), "utf8"));
/** Edits the Gateway's file as an editor would (meta and gateway kept, so nothing looks clobbered). */
async function edit(stateDir: string, change: (config: Config) => void) {
  const config = await readJson(stateDir);
  change(config);
  const staged = `${file(stateDir)}.edit`;
  await writeFile(staged, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  const { rename } = await import("node:fs/promises");
  await rename(staged, file(stateDir));
}

test("an invalid file: the Gateway's verdict, the repair written to the file, the Gateway applies it", async ({
  page,
  real,
  stateDir,
}) => {
  await edit(stateDir, (config) => {
    config.agents = { ...config.agents, defaults: { ...config.agents?.defaults, model: { primary: R1 } } };
    config.models = {
      mode: "merge",
      providers: {
        huggingface: {
          baseUrl: "https://router.huggingface.co/v1",
          api: "openai-completions",
          models: [{ id: "deepseek-ai/DeepSeek-R1", name: "DeepSeek R1", alias: "DeepSeek R1 (fast)" }],
        },
      },
    };
  });
  await expect.poll(async () => (await real.client.configGet()).valid, { timeout: 30_000 }).toBe(false);

  await page.goto("/config");
  const check = page.getByTestId("config-check");
  await expect(check).toHaveAttribute("data-judge", "gateway");
  await expect(check.getByTestId("verdict")).toContainText("(the running Gateway) refuses this file");
  await expect(check.getByTestId("verdict-meaning")).toContainText(
    "The Gateway keeps running the last accepted config",
  );
  const issue = check.getByTestId("verdict-issue").filter({ hasText: "models.providers.huggingface.models.0" });
  await expect(issue).toContainText('Unrecognized key: "alias"');
  await issue.getByRole("button", { name: /^Repair: Move "alias"/ }).click();
  await expect(check.getByTestId("repair-diff")).toContainText('"alias": "DeepSeek R1 (fast)"');
  await check.getByRole("button", { name: "Apply repair" }).click();
  await expect(check).toContainText("Repaired: Move");

  await expect
    .poll(
      async () => {
        const snapshot = await real.client.configGet();
        return snapshot.valid && snapshot.applied;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await expect(check).toHaveAttribute("data-valid", "true");
  await expect(check.getByTestId("verdict")).toContainText("(the running Gateway) accepts this file");
  const saved = await readJson(stateDir);
  expect(saved.agents.defaults.models[R1]).toMatchObject({ alias: "DeepSeek R1 (fast)" });
  expect(saved.models.providers.huggingface.models[0].alias).toBeUndefined();
});

test("a trap in a valid file is repaired through the Gateway's config.patch", async ({ request, real, stateDir }) => {
  const before = (await real.client.configGet()).hash;
  await edit(stateDir, (config) => {
    const model = { primary: R1, fallbacks: [R1, "huggingface/Qwen/Qwen3-8B"] };
    config.agents = { ...config.agents, defaults: { ...config.agents?.defaults, model } };
  });
  // config.get answers from a cache until the Gateway's watcher has seen the edit: wait for its new hash.
  await expect
    .poll(
      async () => {
        const snapshot = await real.client.configGet();
        return snapshot.hash !== before && snapshot.valid && snapshot.applied;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const state = await (await request.get("/api/config")).json();
  expect(state.validation).toMatchObject({ by: "gateway", valid: true });
  expect(state.repairs.map((r: { id: string }) => r.id)).toContain("fallback_repeats");
  const fixed = await request.post("/api/config/fix", {
    headers: { "if-match": `"${state.revision}"` },
    data: { id: "fallback_repeats" },
  });
  expect(fixed.status()).toBe(200);
  expect(await fixed.json()).toMatchObject({ appliedBy: "gateway", applied: true });
  expect((await readJson(stateDir)).agents.defaults.model.fallbacks).toEqual(["huggingface/Qwen/Qwen3-8B"]);
});

test("a whole-file edit in the browser goes through the Gateway's config.patch and is live; refused ones write nothing", async ({
  page,
  request,
  real,
  sentinel,
  stateDir,
}) => {
  sentinel.addToken(real.gateway.token);
  await expect.poll(async () => (await real.client.configGet()).valid, { timeout: 30_000 }).toBe(true);
  const before = await real.client.configGet();
  const state = await (await request.get("/api/config")).json();
  expect(state.text).not.toContain(real.gateway.token); // gateway.auth.token, shown masked

  // The Gateway judges: the documentation's alias inside the provider's models is refused, nothing written.
  const onDisk = await readFile(file(stateDir), "utf8");
  const parsed = JSON.parse(state.text);
  parsed.models = {
    providers: {
      huggingface: {
        baseUrl: "https://router.huggingface.co/v1",
        models: [{ id: "deepseek-ai/DeepSeek-R1", name: "DeepSeek R1", alias: "R1 fast" }],
      },
    },
  };
  const refused = await request.put("/api/config/text", {
    headers: { "if-match": `"${state.revision}"` },
    data: { text: JSON.stringify(parsed, null, 2) },
  });
  expect(refused.status()).toBe(422);
  expect(JSON.stringify((await refused.json()).error)).toContain("models.providers.huggingface.models.0");
  expect(await readFile(file(stateDir), "utf8")).toBe(onDisk);

  // In the browser: the editor's review says the Gateway judges the save; the save is live.
  const edited = JSON.parse(state.text);
  edited.agents = {
    ...edited.agents,
    defaults: {
      ...edited.agents?.defaults,
      model: { primary: "huggingface/Qwen/Qwen3-8B" },
      models: { [R1]: { alias: "R1 fast" } },
    },
  };
  await page.goto("/config");
  await page.getByRole("button", { name: "Edit", exact: true }).click();
  await setEditorText(page, JSON.stringify(edited, null, 2));
  await page.getByRole("button", { name: "Review changes" }).click();
  await expect(page.getByTestId("editor-verdict")).toContainText("The running Gateway checks it again when you save");
  await expect(page.getByTestId("editor-kept-secrets")).toHaveText("1 masked value keeps its saved secret.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("editor-saved")).toHaveText("Applied by the running Gateway: your agent uses it now.");
  const after = await real.client.configGet();
  expect(after.hash).not.toBe(before.hash);
  expect(after.applied).toBe(true);
  const written = await readJson(stateDir);
  expect(written.agents.defaults.model.primary).toBe("huggingface/Qwen/Qwen3-8B");
  expect(written.agents.defaults.models[R1]).toEqual({ alias: "R1 fast" });
  // The secret behind its mask is the Gateway's own token, still in place (the Gateway still answers us).
  expect(written.gateway.auth.token).toBe(real.gateway.token);
});
