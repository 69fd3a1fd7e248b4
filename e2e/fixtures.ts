import { test as base, expect } from "@playwright/test";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startFakeHf, type FakeHf } from "./fake-hf/server";
import { startApp, type AppServer } from "./support/app-server";
import { SentinelScan, addEnvFileTokens, addEnvTokens, leakReport } from "./support/sentinel";

// Each test gets a fresh fake Hugging Face service, a fresh OPENCLAW_STATE_DIR and its own
// dashboard process pointed at both. `appEnv` adds variables (HF_TOKEN, DASHBOARD_TOKEN…).
// `sentinel` runs for every test on its own: it fails the test when any token the test configured
// shows up in what the browser received, in browser storage or cookies, or in the app's logs.
interface Fixtures {
  fake: FakeHf;
  stateDir: string;
  appEnv: Record<string, string | undefined>;
  app: AppServer;
  sentinel: SentinelScan;
}

export const test = base.extend<Fixtures>({
  sentinel: [
    async ({ stateDir, appEnv }, use) => {
      const scan = new SentinelScan();
      await use(scan);
      addEnvTokens(scan, appEnv);
      await addEnvFileTokens(scan, stateDir);
      const leaks = scan.findLeaks();
      if (leaks.length > 0) throw new Error(leakReport(leaks));
    },
    { auto: true },
  ],
  fake: async ({ sentinel }, use) => {
    const fake = await startFakeHf();
    await use(fake);
    // Whatever token the app sent upstream is a secret of this test.
    for (const request of fake.requests()) sentinel.addTokensFrom(request.headers.authorization);
    await fake.close();
  },
  stateDir: async ({}, use) => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "hfpd-state-"));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  appEnv: [{}, { option: true }],
  app: async ({ fake, stateDir, appEnv, sentinel }, use) => {
    const app = await startApp({
      OPENCLAW_STATE_DIR: stateDir,
      HF_ROUTER_URL: fake.routerUrl,
      HF_ENDPOINT: fake.url,
      ...appEnv,
    });
    await use(app);
    await app.stop();
    sentinel.add("the dashboard's logs", app.logs());
  },
  context: async ({ context, sentinel }, use) => {
    const finish = sentinel.watch(context);
    await use(context);
    await finish();
  },
  baseURL: async ({ app }, use) => {
    await use(app.url);
  },
});

export { expect };
