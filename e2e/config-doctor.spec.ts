import "./support/server-only-stub";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findRepairs } from "../lib/openclaw-config/repairs/find-repairs";
import { dashboardKnownKeys } from "../lib/openclaw-config/repairs/schema-keys";
import { TRAP_CATALOG, TRAPS } from "../lib/openclaw-config/repairs/trap-fixtures";
import { expect, test } from "./fixtures";
import { readConfigJson, writeConfig } from "./support/config-files";
import { ensureOpenClaw, openclaw, openclawBin } from "./support/openclaw-cli";

// OpenClaw is the judge: the verdict on the page comes from the real CLI (found through
// OPENCLAW_BIN), and every repair's result is accepted by the real `openclaw config validate`.
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";

// The Hugging Face documentation page's advice, as a new user follows it.
const DOC_ALIAS_FILE = `{
  // From OpenClaw's Hugging Face page: "any custom name, alias, or model options you set there are preserved"
  agents: { defaults: { model: { primary: "${R1}" } } },
  models: {
    mode: "merge",
    providers: {
      huggingface: {
        baseUrl: "https://router.huggingface.co/v1",
        api: "openai-completions",
        models: [{ id: "deepseek-ai/DeepSeek-R1", name: "DeepSeek R1", alias: "DeepSeek R1 (fast)", contextWindow: 131072 }],
      },
    },
  },
}
`;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(15 * 60_000); // first run: npm installs Node 24 and openclaw into the cache
  await ensureOpenClaw();
});

async function validate(config: unknown) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "hfpd-oc-trap-"));
  try {
    await writeConfig(dir, config);
    return await openclaw(dir, ["config", "validate", "--json"]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test("every repair gives a file the real OpenClaw accepts; the traps it refuses are refused as the fixtures say", async () => {
  test.setTimeout(5 * 60_000);
  for (const trap of TRAPS) {
    const before = await validate(trap.config);
    if (trap.issues.length > 0) {
      expect(before.json, trap.kind).toMatchObject({ valid: false, issues: trap.issues });
    } else {
      expect(before.json, `${trap.kind}: OpenClaw accepts this trap silently`).toMatchObject({ valid: true });
    }
    const ctx = { catalog: TRAP_CATALOG, live: true, issues: trap.issues, knownKeysAt: dashboardKnownKeys() };
    const repair = findRepairs(trap.config, ctx).find((r) => r.kind === trap.kind);
    expect(repair, trap.kind).toBeDefined();
    const after = await validate(repair!.apply(trap.config));
    expect(after.json, `${trap.kind} repaired`).toMatchObject({ valid: true });
    expect(after.code).toBe(0);
  }
});

test.describe("with the OpenClaw CLI installed", () => {
  test.use({
    appEnv: async ({}, use) => {
      const dir = await mkdtemp(path.join(os.tmpdir(), "hfpd-oc-bin-"));
      await use({ OPENCLAW_BIN: await openclawBin(dir) });
      await rm(dir, { recursive: true, force: true });
    },
  });

  test("the documentation's alias file: OpenClaw's issue on the Config page, one click, the file fixed and valid", async ({
    page,
    request,
    stateDir,
  }) => {
    test.setTimeout(3 * 60_000);
    await writeConfig(stateDir, DOC_ALIAS_FILE);
    await page.goto("/config");
    const check = page.getByTestId("config-check");
    await expect(check).toHaveAttribute("data-judge", "openclaw-cli", { timeout: 60_000 });
    await expect(check.getByTestId("verdict")).toContainText(
      "OpenClaw 2026.9.6 (openclaw config validate) refuses this file",
    );
    await expect(check.getByTestId("verdict-meaning")).toContainText("The next start will fail");
    const issue = check.getByTestId("verdict-issue");
    await expect(issue).toContainText("models.providers.huggingface.models.0");
    await expect(issue).toContainText('Unrecognized key: "alias"');

    // A save of an unrelated part explains and points to the repair instead of a dead end.
    const state = await (await request.get("/api/config")).json();
    const refused = await request.patch("/api/config", {
      headers: { "if-match": `"${state.revision}"` },
      data: { fallbacks: ["huggingface/Qwen/Qwen3-8B"] },
    });
    expect(refused.status()).toBe(422);
    const body = await refused.json();
    expect(body.error.message).toContain("already has a problem OpenClaw refuses, unrelated to this change");
    expect(body.error.details.issues[0].fix).toEqual({
      id: "provider_model_options:0",
      label: `Move "alias" to agents.defaults.models["${R1}"]`,
    });

    await issue.getByRole("button", { name: /^Repair: Move "alias"/ }).click();
    const diff = check.getByTestId("repair-diff");
    await expect(diff).toContainText('"alias": "DeepSeek R1 (fast)"');
    // The file is written as OpenClaw writes it (JSON, comments gone); the alias moves to the agent's entry.
    await expect(diff.locator("tr[data-kind=add]").filter({ hasText: '"alias": "DeepSeek R1 (fast)"' })).toHaveCount(1);
    await expect(
      diff.locator("tr[data-kind=remove]").filter({ hasText: "From OpenClaw's Hugging Face page" }),
    ).toHaveCount(1);
    await check.getByRole("button", { name: "Apply repair" }).click();
    await expect(check).toContainText("Repaired: Move");

    const saved = await readConfigJson(stateDir);
    expect(saved.agents.defaults.models[R1]).toEqual({ alias: "DeepSeek R1 (fast)" });
    expect(saved.models.providers.huggingface.models[0]).toEqual({
      id: "deepseek-ai/DeepSeek-R1",
      name: "DeepSeek R1",
      contextWindow: 131072,
    });
    const real = await openclaw(stateDir, ["config", "validate", "--json"]);
    expect(real.json).toMatchObject({ valid: true });
    await expect(check).toHaveAttribute("data-valid", "true", { timeout: 60_000 });
    await expect(check).toHaveAttribute("data-judge", "openclaw-cli");
    await expect(check.getByTestId("verdict")).toContainText("accepts this file");
    await expect(check.getByTestId("doctor-lint")).not.toContainText("Running", { timeout: 60_000 });
  });

  test("the Overview shows the verdict; a typo is repaired and a missing prefix shows doctor's finding beside it", async ({
    page,
    stateDir,
  }) => {
    test.setTimeout(3 * 60_000);
    await writeConfig(stateDir, {
      agents: { defaults: { model: { primray: R1 } } },
      models: {
        mode: "merge",
        providers: { huggingface: { baseUrl: "https://router.huggingface.co/v1", models: [] } },
      },
    });
    await page.goto("/");
    const check = page.getByTestId("config-check");
    await expect(check).toHaveAttribute("data-judge", "openclaw-cli", { timeout: 60_000 });
    await expect(check.getByTestId("verdict-issue")).toContainText(
      'agents.defaults.model: Unrecognized key: "primray"',
    );
    await check.getByRole("button", { name: 'Repair: Rename "primray" to "primary"' }).click();
    await expect(check.getByTestId("repair-diff")).toContainText('"primary"');
    await check.getByRole("button", { name: "Apply repair" }).click();
    await expect(check).toHaveAttribute("data-valid", "true", { timeout: 60_000 });
    expect((await readConfigJson(stateDir)).agents.defaults.model).toEqual({ primary: R1 });

    await writeConfig(stateDir, { agents: { defaults: { model: { primary: "deepseek-ai/DeepSeek-R1" } } } });
    await page.reload();
    await expect(check.getByTestId("doctor-lint")).toContainText('uses unknown provider "deepseek-ai"', {
      timeout: 60_000,
    });
    const warning = page.getByTestId("model-warnings").locator("li[data-kind=missing_prefix]");
    await warning.getByRole("button", { name: `Repair: Use ${R1}` }).click();
    await warning.getByRole("button", { name: "Apply repair" }).click();
    await expect(page.getByTestId("model-warnings")).toHaveCount(0);
    expect((await readConfigJson(stateDir)).agents.defaults.model.primary).toBe(R1);
  });
});

test("POST /api/config/fix: If-Match required, a stale revision is a 409, an unknown repair a 404", async ({
  request,
  stateDir,
}) => {
  await writeConfig(stateDir, { agents: { defaults: { model: { primary: R1, fallbacks: [R1] } } } });
  const state = await (await request.get("/api/config")).json();
  expect(state.validation).toMatchObject({ by: "dashboard-schema", valid: true, issues: [] });
  expect(state.repairs.map((r: { id: string }) => r.id)).toEqual(["fallback_repeats"]);
  expect(state.doctor).toBeNull();
  expect((await request.post("/api/config/fix", { data: { id: "fallback_repeats" } })).status()).toBe(428);
  const stale = await request.post("/api/config/fix", {
    headers: { "if-match": '"0000"' },
    data: { id: "fallback_repeats" },
  });
  expect(stale.status()).toBe(409);
  const unknown = await request.post("/api/config/fix", {
    headers: { "if-match": `"${state.revision}"` },
    data: { id: "nothing_like_it" },
  });
  expect(unknown.status()).toBe(404);
  const preview = await (await request.post("/api/config/preview", { data: { fix: "fallback_repeats" } })).json();
  expect(preview.diff.changed).toBe(true);
  const fixed = await request.post("/api/config/fix", {
    headers: { "if-match": `"${state.revision}"` },
    data: { id: "fallback_repeats" },
  });
  expect(fixed.status()).toBe(200);
  const after = await fixed.json();
  expect(after).toMatchObject({ appliedBy: "file", settings: { fallbacks: [] }, repairs: [] });
  expect((await readConfigJson(stateDir)).agents.defaults.model).toEqual({ primary: R1, fallbacks: [] });
});
