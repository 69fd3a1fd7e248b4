import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { openclaw } from "./support/openclaw-cli";
import { fileJson, realGatewayTest, restoreInBrowser } from "./support/real-gateway-test";

// The dashboard's saves against the REAL OpenClaw Gateway 2026.9.6: with it running, a save in the
// browser goes through config.patch and is live (config.get's hash moves, `openclaw models status`
// agrees, the page says so); a change made through the Gateway meanwhile gives the usual 409; with
// it stopped, the save writes the file, and the next start keeps it (no clobber verdict, no
// auto-restore). The panels read the running agent's key source, catalog and usage; a restore goes
// through the Gateway too. One Gateway for the file (~1 GB); the dashboard (a new process per test,
// from the fixtures) is pointed at the Gateway's state folder.

const HF_TOKEN = "hf_GatewaySaveSpecFakeToken012345678";
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const OSS = "huggingface/openai/gpt-oss-120b";
const V31 = "huggingface/deepseek-ai/DeepSeek-V3.1";

const test = realGatewayTest("gw-save", { envFile: { HF_TOKEN } });

async function setPrimary(page: Page, id: string) {
  await page.goto(`/models?model=${encodeURIComponent(id)}`);
  await page.getByTestId("model-detail").getByRole("button", { name: "Set as primary" }).click();
  await expect(page.getByTestId("pending-change").getByTestId("config-diff")).toBeVisible();
}

const saveButton = (page: Page) =>
  page.getByTestId("pending-change").getByRole("button", { name: "Save to openclaw.json" });

test("a save in the browser is applied by the running Gateway: config.get's hash moves, models status agrees", async ({
  page,
  real,
}) => {
  const { client: gateway, gateway: gw } = real;
  await page.goto("/");
  await expect(page.getByTestId("gateway-line")).toHaveAttribute("data-state", "running");
  const before = await gateway.configGet();
  expect(before.applied).toBe(true);

  await setPrimary(page, "deepseek-ai/DeepSeek-R1");
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/config") && r.request().method() === "PATCH");
  await saveButton(page).click();
  const body = await (await answer).json();
  expect(body).toMatchObject({ appliedBy: "gateway", applied: true, requiresRestart: false });
  expect(body.gateway).toMatchObject({ state: "running", applied: true });
  await expect(page.getByRole("status")).toHaveText("Applied by the running Gateway: your agent uses it now.");

  const after = await gateway.configGet();
  expect(after.hash).not.toBe(before.hash);
  expect(after.applied).toBe(true);
  const file = await fileJson(gw.stateDir);
  expect(file.agents.defaults.model.primary).toBe(R1);
  expect(file.meta).toBeTruthy(); // written by OpenClaw, which keeps and stamps meta
  expect(file.gateway.mode).toBe("local");
  const models = await openclaw(gw.stateDir, ["models", "status", "--json"]);
  expect(models.json).toMatchObject({ defaultModel: R1 });

  const state = await (await page.request.get("/api/config")).json();
  expect(state.gateway).toMatchObject({ state: "running", applied: true, requiresRestart: false });
  await page.goto("/config");
  await expect(page.getByTestId("gateway-line")).toContainText("running");
});

test("a change made through the Gateway meanwhile gives the dashboard's 409 with the file as it is now", async ({
  page,
  real,
}) => {
  const { client: gateway, gateway: gw } = real;
  await setPrimary(page, "openai/gpt-oss-120b");
  const base = await gateway.configGet();
  const theirs = await gateway.configPatch({
    raw: { agents: { defaults: { model: { primary: V31 } } } },
    baseHash: base.hash,
    note: "gateway-save.spec: a change from another tool",
  });
  expect(theirs.applied).toBe(true);

  const answer = page.waitForResponse((r) => r.url().endsWith("/api/config") && r.request().method() === "PATCH");
  await saveButton(page).click();
  const response = await answer;
  expect(response.status()).toBe(409);
  const error = (await response.json()).error;
  expect(error.code).toBe("conflict");
  expect(error.details.current.settings.primary).toBe(V31);
  await expect(page.getByTestId("conflict")).toBeVisible();
  await expect(page.getByTestId("conflict")).toContainText(V31);
  expect((await fileJson(gw.stateDir)).agents.defaults.model.primary).toBe(V31); // ours was not written
  expect((await gateway.configGet()).hash).toBe(theirs.hash);
});

test("a token saved while the Gateway runs gets the notice that it keeps the old one until a restart", async ({
  page,
}) => {
  await page.goto("/token");
  await page.getByLabel("Hugging Face token", { exact: true }).fill("hf_gatewaySaveReplacementToken0002");
  await page.getByRole("button", { name: /^Check and (save|replace)$/ }).click();
  await expect(page.getByTestId("token-result")).toContainText("The token works");
  await expect(page.getByTestId("gateway-token-notice")).toContainText("openclaw gateway restart");
});

test("the Overview and Models pages show what the running agent uses: its key source, catalog and usage", async ({
  page,
  real,
}) => {
  const { client: gateway, gateway: gw } = real;
  const [catalog, usage] = await Promise.all([gateway.modelsList(), gateway.sessionsUsage({ range: "30d" })]);
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/openclaw/gateway"));
  await page.goto("/");
  const body = await (await answer).json();
  expect(JSON.stringify(body)).not.toContain(gw.token);
  expect(JSON.stringify(body)).not.toContain(HF_TOKEN);
  const panel = page.getByTestId("gateway-agent");
  await expect(panel).toHaveAttribute("data-state", "running");
  // The key source as OpenClaw reports it (models.authStatus): HF_TOKEN, read from <state>/.env.
  await expect(panel.getByTestId("gateway-auth")).toHaveAttribute("data-source", "env");
  await expect(panel.getByTestId("gateway-auth")).toContainText("HF_TOKEN");
  // The catalog the Gateway publishes (models.list), its huggingface rows, the router's price beside.
  expect(catalog.models.length).toBeGreaterThan(0);
  await expect(panel.getByTestId("gateway-catalog-row")).toHaveCount(Math.min(10, catalog.models.length));
  const first = panel.getByTestId("gateway-catalog-row").first();
  await expect(first).toHaveAttribute("data-ref", catalog.models[0].ref);
  await expect(panel.getByTestId("gateway-catalog-row").filter({ hasText: catalog.models[0].ref })).toHaveCount(1);
  // Usage over 30 days (sessions.usage): whatever the Gateway counted, zero here.
  const calls = usage.huggingface?.count ?? 0;
  await expect(panel.getByTestId("gateway-usage-summary")).toContainText(
    `Last 30 days: ${calls} Hugging Face model calls`,
  );
  await expect(panel.getByTestId("gateway-usage-row")).toHaveCount(usage.models.length);

  await page.goto("/models");
  const onModels = page.getByTestId("gateway-agent");
  await expect(onModels.getByTestId("gateway-auth")).toContainText("HF_TOKEN");
  // Beside each row, the router's price; this Gateway's file turns discovery off, so the dashboard
  // shows OpenClaw's built-in models and says the router's list is unavailable instead of a price.
  const models = await (await page.request.get("/api/models")).json();
  const row = onModels.getByTestId("gateway-catalog-row").first();
  await expect(row).toContainText(models.source === "live" ? /\$\d/ : "router list unavailable");
});

test("a restore with the Gateway running goes through its config.patch and is live", async ({ page, real }) => {
  const { client: gateway, gateway: gw } = real;
  const before = await gateway.configGet();
  const current = await fileJson(gw.stateDir);
  const backup = JSON.parse(await readFile(path.join(gw.stateDir, "openclaw.json.bak"), "utf8"));
  expect(backup.agents.defaults.model.primary).not.toBe(current.agents.defaults.model.primary);

  const body = await restoreInBrowser(page, "openclaw.json.bak");
  expect(body).toMatchObject({ appliedBy: "gateway", applied: true, requiresRestart: false });
  await expect(page.getByTestId("backups")).toContainText("Applied by the running Gateway: your agent uses it now.");

  const after = await gateway.configGet();
  expect(after.hash).not.toBe(before.hash);
  expect(after.applied).toBe(true);
  const file = await fileJson(gw.stateDir);
  expect(file.agents.defaults.model.primary).toBe(backup.agents.defaults.model.primary);
  expect(file.meta.lastTouchedVersion).toBeTruthy(); // OpenClaw wrote it (and stamped meta)
  const models = await openclaw(gw.stateDir, ["models", "status", "--json"]);
  expect(models.json).toMatchObject({ defaultModel: backup.agents.defaults.model.primary });
});

test("with the Gateway stopped, the save writes openclaw.json as OpenClaw does, and the next start keeps it", async ({
  page,
  real,
}) => {
  const { gateway: gw } = real;
  await gw.stop();
  await page.goto("/config");
  await expect(page.getByTestId("gateway-line")).toHaveAttribute("data-state", "stopped");
  await expect(page.getByTestId("gateway-line")).toContainText("openclaw gateway start");

  const metaBefore = (await fileJson(gw.stateDir)).meta;
  await setPrimary(page, "openai/gpt-oss-120b");
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/config") && r.request().method() === "PATCH");
  await saveButton(page).click();
  const body = await (await answer).json();
  expect(body).toMatchObject({ appliedBy: "file", applied: false, requiresRestart: false });
  expect(body.gateway.state).toBe("stopped");
  await expect(page.getByRole("status")).toHaveText(
    "Saved to openclaw.json. No Gateway is running: OpenClaw reads it when it starts.",
  );
  const file = await fileJson(gw.stateDir);
  expect(file.agents.defaults.model.primary).toBe(OSS);
  expect(file.meta).toEqual(metaBefore);
  expect(file.gateway.mode).toBe("local");
  expect((await readdir(gw.stateDir)).filter((name) => name.includes(".clobbered."))).toEqual([]);

  // The panels say plainly that there is nothing to read, and how to start it.
  await page.goto("/");
  const absent = page.getByTestId("gateway-agent-absent");
  await expect(absent).toContainText("No OpenClaw Gateway is running");
  await expect(absent.locator("code").filter({ hasText: "openclaw gateway start" })).toBeVisible();

  // The next start takes our file as it is: no clobber verdict, no auto-restore from .bak.
  expect(await readdir(gw.stateDir)).toContain("openclaw.json.last-good"); // the baseline it compares with
  const written = await readFile(path.join(gw.stateDir, "openclaw.json"), "utf8");
  await gw.start();
  expect(gw.logs()).not.toMatch(/auto-restored|clobbered/i);
  expect((await readdir(gw.stateDir)).filter((name) => name.includes(".clobbered."))).toEqual([]);
  expect(await readFile(path.join(gw.stateDir, "openclaw.json"), "utf8")).toBe(written);
  const { client: gateway } = real;
  await expect
    .poll(async () => (await gateway.configGet().catch(() => null))?.parsed ?? null, { timeout: 30_000 })
    .toMatchObject({ agents: { defaults: { model: { primary: OSS } } } });
  expect((await gateway.configGet()).applied).toBe(true);
  await page.goto("/config");
  await expect(page.getByTestId("gateway-line")).toHaveAttribute("data-state", "running");
  await expect(page.getByTestId("gateway-line")).toContainText("It runs the saved openclaw.json");
});
