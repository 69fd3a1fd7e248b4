import { test as base, expect } from "@playwright/test";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startFakeHf, type FakeHf } from "./fake-hf/server";
import { startApp, type AppServer } from "./support/app-server";

// Each test gets a fresh fake Hugging Face service, a fresh OPENCLAW_STATE_DIR and its own
// dashboard process pointed at both. `appEnv` adds variables (HF_TOKEN, DASHBOARD_TOKEN…).
interface Fixtures {
  fake: FakeHf;
  stateDir: string;
  appEnv: Record<string, string | undefined>;
  app: AppServer;
}

export const test = base.extend<Fixtures>({
  fake: async ({}, use) => {
    const fake = await startFakeHf();
    await use(fake);
    await fake.close();
  },
  stateDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "hfpd-state-"));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  appEnv: [{}, { option: true }],
  app: async ({ fake, stateDir, appEnv }, use) => {
    const app = await startApp({ OPENCLAW_STATE_DIR: stateDir, HF_ROUTER_URL: fake.routerUrl, HF_ENDPOINT: fake.url, ...appEnv });
    await use(app);
    await app.stop();
  },
  baseURL: async ({ app }, use) => {
    await use(app.url);
  },
});

export { expect };
