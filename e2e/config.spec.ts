import { readFile, stat } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { configFile, patchConfig, readConfigText, writeConfig } from "./support/config-files";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";

test("a fresh state folder: the pending change's diff on the Config page, saved there, then shown and downloadable", async ({
  page,
  stateDir,
}) => {
  await page.goto("/config");
  await expect(page.getByText("There is no openclaw.json yet")).toBeVisible();
  await expect(page.getByTestId("pending-change")).toHaveCount(0);

  await page.goto("/models?model=deepseek-ai%2FDeepSeek-R1");
  await page.getByTestId("model-detail").getByRole("button", { name: "Set as primary" }).click();
  await page.getByRole("link", { name: "See the whole file" }).click();
  await expect(page).toHaveURL(/\/config$/);
  const diff = page.getByTestId("pending-change").getByTestId("config-diff");
  await expect(diff.locator("tr[data-kind=add]").first()).toBeVisible();
  await expect(diff).toContainText('"primary": "huggingface/deepseek-ai/DeepSeek-R1"');
  await expect(diff).toContainText('"api": "openai-completions"');
  await expect(diff.locator("tr[data-kind=remove]")).toHaveCount(0);
  await page.getByRole("button", { name: "Save to openclaw.json" }).click();
  await expect(page.getByRole("status")).toContainText("Saved");

  const file = page.getByTestId("config-file");
  await expect(file).toContainText('"primary": "huggingface/deepseek-ai/DeepSeek-R1"');
  expect(await readConfigText(stateDir)).toContain(`"primary": "${R1}"`);
  expect((await stat(configFile(stateDir))).mode & 0o777).toBe(0o600);
  const revision = await page.getByTestId("config-revision").textContent();
  expect(revision).toMatch(/^[0-9a-f]{32}$/);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("openclaw.json");
  expect(await readFile((await download.path())!, "utf8")).toBe(await readConfigText(stateDir));
});

test.describe("secrets in the file", () => {
  test.use({ appEnv: { HF_TOKEN: "hf_configSpecTokenInEffect99" } });
  test("are masked in the page, the API and the download, and kept on disk", async ({ page, request, stateDir }) => {
    const text = `{
  // hand-written
  gateway: { auth: { mode: "token", token: "gateway-secret-value-123" } },
  models: { providers: { huggingface: { baseUrl: "https://router.huggingface.co/v1", apiKey: "hf_configSpecTokenInEffect99", models: [] } } },
  notes: "my other token is hf_AnotherTokenValue12345",
}
`;
    await writeConfig(stateDir, text);
    await page.goto("/config");
    await expect(page.getByTestId("config-file")).toContainText("hand-written");
    const html = await page.content();
    const api = await (await request.get("/api/config")).text();
    const download = await (await request.get("/api/config/download")).text();
    for (const body of [html, api, download]) {
      for (const secret of ["gateway-secret-value-123", "hf_configSpecTokenInEffect99", "hf_AnotherTokenValue12345"])
        expect(body).not.toContain(secret);
    }
    expect(download).toContain("// hand-written");
    await patchConfig(request, { primary: R1 });
    const onDisk = await readConfigText(stateDir);
    expect(onDisk).toContain("gateway-secret-value-123");
    expect(onDisk).toContain("hf_configSpecTokenInEffect99");
  });
});

test("backups: compare with the current file, restore one, the replaced file becomes .bak", async ({
  page,
  request,
  stateDir,
}) => {
  // Big enough that the saves below do not double it: restoring it is no shrink below half.
  const workspace = `/home/someone/${"agents-workspace/".repeat(100)}`;
  await writeConfig(stateDir, { agents: { defaults: { workspace, model: { primary: R1 } } } });
  const original = await readConfigText(stateDir);
  expect((await patchConfig(request, { fallbacks: [QWEN] })).response.status()).toBe(200);
  expect((await patchConfig(request, { aliases: { [R1]: "main" } })).response.status()).toBe(200);
  const latest = await readConfigText(stateDir);

  await page.goto("/config");
  const backups = page.getByTestId("backups");
  await expect(backups.getByRole("listitem")).toHaveCount(2);
  await backups.getByRole("button", { name: "Compare openclaw.json.bak.1 with the current file" }).click();
  const diff = backups.getByTestId("config-diff");
  await expect(diff.locator("tr[data-kind=remove]").filter({ hasText: '"alias": "main"' })).toHaveCount(1);
  await backups.getByRole("button", { name: "Restore openclaw.json.bak.1" }).click();
  await expect(backups.getByText("Restored openclaw.json.bak.1")).toBeVisible();
  expect(await readConfigText(stateDir)).toBe(original);
  expect(await readFile(`${configFile(stateDir)}.bak`, "utf8")).toBe(latest);
  await expect(page.getByTestId("config-file")).not.toContainText('"alias"');
});

test("a restore that would shrink the file below half is refused as OpenClaw refuses it, nothing written", async ({
  page,
  request,
  stateDir,
}) => {
  await writeConfig(stateDir, { gateway: { mode: "local" }, agents: { defaults: { model: { primary: R1 } } } });
  expect((await patchConfig(request, { fallbacks: [QWEN], aliases: { [R1]: "main" } })).response.status()).toBe(200);
  const latest = await readConfigText(stateDir);
  expect(Buffer.byteLength(latest)).toBeGreaterThanOrEqual(512);

  await page.goto("/config");
  const backups = page.getByTestId("backups");
  await backups.getByRole("button", { name: "Compare openclaw.json.bak with the current file" }).click();
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/config/backups/restore"));
  await backups.getByRole("button", { name: "Restore openclaw.json.bak" }).click();
  const response = await answer;
  expect(response.status()).toBe(422);
  expect((await response.json()).error.code).toBe("config_write_rejected");
  await expect(backups.getByRole("alert")).toContainText("below half of the current file");
  await expect(backups.getByRole("alert")).toContainText("openclaw.json.clobbered");
  expect(await readConfigText(stateDir)).toBe(latest);
});

test("the config API: revisions, conflicts, validation, preview without writing", async ({ request, stateDir }) => {
  await writeConfig(stateDir, { agents: { defaults: { model: { primary: R1 } } } });
  const state = await (await request.get("/api/config")).json();
  expect(state).toMatchObject({
    exists: true,
    problem: null,
    data: { agents: { defaults: { model: { primary: R1 } } } },
    settings: { primary: R1, fallbacks: [] },
  });

  const missing = await request.patch("/api/config", { data: { fallbacks: [QWEN] } });
  expect(missing.status()).toBe(428);
  expect((await missing.json()).error.code).toBe("precondition_required");

  const before = await stat(configFile(stateDir));
  const preview = await request.post("/api/config/preview", { data: { fallbacks: [QWEN] } });
  expect(preview.status()).toBe(200);
  const previewBody = await preview.json();
  expect(previewBody.revision).toBe(state.revision);
  expect(previewBody.diff.changed).toBe(true);
  expect(previewBody.diff.patch).toContain(`+        "${QWEN}"`);
  expect((await stat(configFile(stateDir))).mtimeMs).toBe(before.mtimeMs);

  for (const data of [
    {},
    { primray: R1 },
    { primary: "huggingface/a b" },
    { aliases: { [R1]: "x".repeat(65) } },
    { fallbacks: [QWEN, QWEN] },
  ]) {
    const response = await request.patch("/api/config", { data, headers: { "if-match": state.revision } });
    expect(response.status(), JSON.stringify(data)).toBe(400);
  }
  const notPrefixed = await request.patch("/api/config", {
    data: { primary: "Qwen/Qwen3-8B" },
    headers: { "if-match": state.revision },
  });
  expect(notPrefixed.status()).toBe(422);

  const saved = await request.patch("/api/config", {
    data: { fallbacks: [QWEN] },
    headers: { "if-match": `"${state.revision}"` },
  });
  expect(saved.status()).toBe(200);
  const savedBody = await saved.json();
  expect(savedBody.settings.fallbacks).toEqual([QWEN]);
  expect(saved.headers().etag).toBe(`"${savedBody.revision}"`);

  const stale = await request.patch("/api/config", {
    data: { fallbacks: [] },
    headers: { "if-match": state.revision },
  });
  expect(stale.status()).toBe(409);
  const conflict = await stale.json();
  expect(conflict.error.code).toBe("conflict");
  expect(conflict.error.details.current).toMatchObject({
    revision: savedBody.revision,
    settings: { fallbacks: [QWEN] },
  });

  expect((await request.post("/api/config/backups/restore", { data: { name: "openclaw.json.bak" } })).status()).toBe(
    428,
  );
  const unknown = await request.post("/api/config/backups/restore", {
    data: { name: "../../etc/passwd" },
    headers: { "if-match": savedBody.revision },
  });
  expect(unknown.status()).toBe(404);
  const list = await (await request.get("/api/config/backups")).json();
  expect(list.backups.map((b: { name: string }) => b.name)).toEqual(["openclaw.json.bak"]);
  expect((await request.get("/api/models?refresh=maybe")).status()).toBe(400);
});
