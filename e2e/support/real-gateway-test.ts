import "./server-only-stub";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { DashboardGateway } from "../../lib/server/gateway/client";
import { test as base } from "../fixtures";
import { type RealGatewayOptions, type RealGateway, startRealGateway } from "./real-gateway";

// The browser specs' test against one REAL Gateway per spec file (~1 GB). A worker fixture rather
// than beforeAll: the dashboard's per-test fixtures (stateDir) need it, and Playwright sets test
// fixtures up for hooks too. The spec runs serially in one worker; each test's dashboard process
// edits the Gateway's openclaw.json, and `real.client` is the test's own connection (its own device).

export interface RealGatewayFixtures {
  real: { gateway: RealGateway; client: DashboardGateway };
}

export function realGatewayTest(name: string, options: RealGatewayOptions) {
  const dashboardDataDir = path.join(os.tmpdir(), `hfpd-${name}-dashboard-${process.pid}-${Date.now()}`);
  const test = base.extend<object, RealGatewayFixtures>({
    real: [
      async ({}, use) => {
        const saved = {
          OPENCLAW_STATE_DIR: process.env.OPENCLAW_STATE_DIR,
          OPENCLAW_CONFIG_PATH: process.env.OPENCLAW_CONFIG_PATH,
          DASHBOARD_DATA_DIR: process.env.DASHBOARD_DATA_DIR,
        };
        const gateway = await startRealGateway(options);
        console.log(`[measure] ${name}: gateway start (spawn to ready): ${gateway.startMs} ms`);
        const testDataDir = await mkdtemp(path.join(os.tmpdir(), `hfpd-${name}-test-`));
        process.env.OPENCLAW_STATE_DIR = gateway.stateDir;
        delete process.env.OPENCLAW_CONFIG_PATH;
        process.env.DASHBOARD_DATA_DIR = testDataDir;
        const client = new DashboardGateway();
        await use({ gateway, client });
        await client.close();
        await gateway.dispose();
        for (const dir of [testDataDir, dashboardDataDir]) await rm(dir, { recursive: true, force: true });
        for (const [key, value] of Object.entries(saved)) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
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
  return test;
}

/** openclaw.json in the Gateway's state folder, parsed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read into the file freely
export const fileJson = async (stateDir: string): Promise<any> =>
  JSON.parse(await readFile(path.join(stateDir, "openclaw.json"), "utf8"));

/** Restores backup `name` on the Config page (Compare, then Restore): the restore's JSON answer. */
export async function restoreInBrowser(page: Page, name: string) {
  await page.goto("/config");
  await page.getByRole("button", { name: `Compare ${name} with the current file` }).click();
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/config/backups/restore"));
  await page.getByRole("button", { name: `Restore ${name}` }).click();
  return (await answer).json();
}
