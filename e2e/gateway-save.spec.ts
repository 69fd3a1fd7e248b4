import "./support/server-only-stub";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { DashboardGateway } from "../lib/server/gateway/client";
import { expect, test as base } from "./fixtures";
import { openclaw } from "./support/openclaw-cli";
import { type RealGateway, startRealGateway } from "./support/real-gateway";

// The dashboard's saves against the REAL OpenClaw Gateway 2026.9.6: with it running, a save in the
// browser goes through config.patch and is live (config.get's hash moves, `openclaw models status`
// agrees, the page says so); a change made through the Gateway meanwhile gives the usual 409; with
// it stopped, the save writes the file. One Gateway for the file (~1 GB); the dashboard (a new
// process per test, from the fixtures) is pointed at the Gateway's state folder.

const HF_TOKEN = "hf_GatewaySaveSpecFakeToken012345678";
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const OSS = "huggingface/openai/gpt-oss-120b";
const V31 = "huggingface/deepseek-ai/DeepSeek-V3.1";

const dashboardDataDir = path.join(os.tmpdir(), `hfpd-gw-save-dashboard-${process.pid}-${Date.now()}`);

interface GatewayFixtures {
  /** One real Gateway for the file, and the test's own connection to it (its own device identity). */
  real: { gateway: RealGateway; client: DashboardGateway };
}

// A worker fixture rather than beforeAll: the dashboard's per-test fixtures (stateDir) need it, and
// Playwright sets test fixtures up for hooks too. The spec runs serially in one worker: one Gateway.
const test = base.extend<object, GatewayFixtures>({
  real: [
    async ({}, use) => {
      const saved = {
        OPENCLAW_STATE_DIR: process.env.OPENCLAW_STATE_DIR,
        OPENCLAW_CONFIG_PATH: process.env.OPENCLAW_CONFIG_PATH,
        DASHBOARD_DATA_DIR: process.env.DASHBOARD_DATA_DIR,
      };
      const gateway = await startRealGateway({ envFile: { HF_TOKEN } });
      console.log(`[measure] gateway start (spawn to ready): ${gateway.startMs} ms`);
      const testDataDir = await mkdtemp(path.join(os.tmpdir(), "hfpd-gw-save-test-"));
      process.env.OPENCLAW_STATE_DIR = gateway.stateDir;
      delete process.env.OPENCLAW_CONFIG_PATH;
      process.env.DASHBOARD_DATA_DIR = testDataDir;
      const client = new DashboardGateway();
      await use({ gateway, client });
      await client.close();
      await gateway.dispose();
      for (const dir of [testDataDir, dashboardDataDir]) await rm(dir, { recursive: true, force: true });
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    },
    { scope: "worker", timeout: 15 * 60_000 }, // the first run installs Node 24 and openclaw into the cache
  ],
});

test.describe.configure({ mode: "serial", timeout: 180_000 });

test.use({
  // The dashboard edits the Gateway's openclaw.json (the Gateway's folder is removed with it).
  stateDir: async ({ real }, use) => {
    await use(real.gateway.stateDir);
  },
  appEnv: { DASHBOARD_DATA_DIR: dashboardDataDir },
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads into the file freely
const fileJson = async (stateDir: string): Promise<any> =>
  JSON.parse(await readFile(path.join(stateDir, "openclaw.json"), "utf8"));

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

test("with the Gateway stopped, the save writes openclaw.json itself and says so", async ({ page, real }) => {
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
});
