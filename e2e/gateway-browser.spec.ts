import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";
import { openclaw } from "./support/openclaw-cli";
import { fileJson, realGatewayTest, restoreInBrowser } from "./support/real-gateway-test";

// The browser against the REAL OpenClaw Gateway 2026.9.6, on a migrated file (meta.migrations.
// modelPolicyAllowlist): the allowlist is edited where OpenClaw keeps it (modelPolicy.allow) and the
// CLI agrees; OpenClaw's own refusal (422) shows its issues with their paths; a change that needs a
// restart says so with the command, and the page says live once the Gateway restarted. One Gateway.

const HF_TOKEN = "hf_GatewayBrowserSpecFakeToken0123";
const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const QWEN = "huggingface/Qwen/Qwen3-8B";
const test = realGatewayTest("gw-browser", {
  envFile: { HF_TOKEN },
  config: {
    meta: { migrations: { modelPolicyAllowlist: true } },
    agents: {
      defaults: {
        model: { primary: R1 },
        models: { [R1]: {}, [QWEN]: { alias: "Thinker" } },
        modelPolicy: { allow: [R1] },
      },
    },
  },
});

/** Saves the pending change on the Models page; the PATCH answer. */
async function save(page: Page) {
  const pending = page.getByTestId("pending-change");
  await expect(pending.getByTestId("config-diff")).toBeVisible();
  const answer = page.waitForResponse((r) => r.url().endsWith("/api/config") && r.request().method() === "PATCH");
  await pending.getByRole("button", { name: "Save to openclaw.json" }).click();
  return answer;
}

test("a migrated file's allowlist is edited in modelPolicy.allow, and OpenClaw agrees", async ({ page, real }) => {
  const { gateway: gw } = real;
  await page.goto("/models");
  const allowlist = page.getByTestId("allowlist");
  await expect(allowlist.getByTestId("allowlist-source")).toHaveAttribute(
    "data-path",
    "agents.defaults.modelPolicy.allow",
  );
  await expect(allowlist.getByTestId("allowlist-source")).toContainText("meta.migrations.modelPolicyAllowlist");
  // Thinker's entry holds its alias (agents.defaults.models) but is not allowed yet.
  await expect(allowlist.locator(`[data-testid="allow-row"][data-ref="${QWEN}"]`)).toHaveAttribute(
    "data-allowed",
    "false",
  );

  await allowlist.getByRole("button", { name: `Allow ${QWEN}` }).click();
  const added = await (await save(page)).json();
  expect(added).toMatchObject({ appliedBy: "gateway", applied: true });
  expect(added.settings).toMatchObject({ allow: [R1, QWEN], allowlistPath: "agents.defaults.modelPolicy.allow" });
  let file = await fileJson(gw.stateDir);
  expect(file.agents.defaults.modelPolicy.allow).toEqual([R1, QWEN]);
  expect(Object.keys(file.agents.defaults.models).sort()).toEqual([R1, QWEN].sort());
  expect(file.meta.migrations.modelPolicyAllowlist).toBe(true);
  let [status, validate] = await Promise.all([
    openclaw(gw.stateDir, ["models", "status", "--json"]),
    openclaw(gw.stateDir, ["config", "validate", "--json"]),
  ]);
  expect(validate.json, validate.stdout + validate.stderr).toMatchObject({ valid: true });
  expect([...((status.json?.allowed as string[]) ?? [])].sort()).toEqual([R1, QWEN].sort()); // OpenClaw sorts them

  // Removing the primary from the list: allowed (OpenClaw still runs it), with the warning that an
  // explicit choice of it would be refused.
  await page.goto("/models");
  await allowlist.getByRole("button", { name: `Remove ${R1} from the allowlist` }).click();
  const removed = await (await save(page)).json();
  expect(removed.settings.allow).toEqual([QWEN]);
  expect(removed.warnings.map((w: { kind: string }) => w.kind)).toContain("outside_allowlist");
  await expect(page.getByText("The primary is not in the allowlist").first()).toBeVisible();
  file = await fileJson(gw.stateDir);
  expect(file.agents.defaults.modelPolicy.allow).toEqual([QWEN]);
  expect(file.agents.defaults.models[R1]).toEqual({}); // the entry stays: only the allowlist changed
  [status, validate] = await Promise.all([
    openclaw(gw.stateDir, ["models", "status", "--json"]),
    openclaw(gw.stateDir, ["config", "validate", "--json"]),
  ]);
  expect(validate.json).toMatchObject({ valid: true });
  expect(status.json).toMatchObject({ allowed: [QWEN], defaultModel: R1 });
});

test("OpenClaw's own refusal (422) shows its issues with their paths, and nothing is written", async ({
  page,
  real,
}) => {
  const { gateway: gw, client } = real;
  // An allowlist entry may name an alias; removing that alias is something only OpenClaw refuses.
  const base = await client.configGet();
  await client.configPatch({
    raw: { agents: { defaults: { modelPolicy: { allow: ["Thinker", QWEN] } } } },
    baseHash: base.hash,
    replacePaths: ["agents.defaults.modelPolicy.allow"],
    note: "gateway-browser.spec: an alias in the allowlist",
  });
  const before = await readFile(path.join(gw.stateDir, "openclaw.json"), "utf8");

  await page.goto("/models");
  await page
    .getByRole("button", { name: `Rename alias Thinker of ${QWEN}` })
    .first()
    .click();
  await page.getByLabel(`Alias for ${QWEN}`).fill("");
  await page.getByRole("button", { name: "Keep alias" }).click();
  const response = await save(page);
  expect(response.status()).toBe(422);
  const error = (await response.json()).error;
  expect(error.code).toBe("config_invalid");
  expect(error.details.issues).toContainEqual(
    expect.objectContaining({
      path: "agents.defaults.modelPolicy.allow.0",
      message: expect.stringMatching(/invalid model policy ref/),
    }),
  );
  const alert = page.getByTestId("pending-change").getByRole("alert");
  await expect(alert).toContainText("OpenClaw refused");
  await expect(alert).toContainText("agents.defaults.modelPolicy.allow.0");
  expect(await readFile(path.join(gw.stateDir, "openclaw.json"), "utf8")).toBe(before);
});

test("a change that needs a restart says so with the command, and the page says live after it", async ({
  page,
  real,
}) => {
  test.setTimeout(4 * 60_000);
  const { gateway: gw, client } = real;
  // A backup that differs only in env.vars, which OpenClaw applies with a restart.
  const current = await fileJson(gw.stateDir);
  const backup = { ...current, env: { vars: { HFPD_E2E_RESTART_FLAG: "1" } } };
  await writeFile(path.join(gw.stateDir, "openclaw.json.bak"), `${JSON.stringify(backup, null, 2)}\n`, {
    mode: 0o600,
  });

  const body = await restoreInBrowser(page, "openclaw.json.bak");
  expect(body).toMatchObject({ appliedBy: "gateway", applied: false, requiresRestart: true });
  await expect(page.getByTestId("backups")).toContainText("the Gateway needs a restart to use it");
  await expect(page.getByTestId("backups")).toContainText("openclaw gateway restart");
  await expect(page.getByTestId("gateway-line")).toContainText("waits for a Gateway restart");
  await expect(page.getByTestId("gateway-line")).toContainText("openclaw gateway restart");
  expect((await fileJson(gw.stateDir)).env.vars.HFPD_E2E_RESTART_FLAG).toBe("1");

  // OpenClaw (reload mode hybrid) restarts itself; the page says live once it runs the saved file.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("gateway-line")).toContainText("It runs the saved openclaw.json", {
      timeout: 3000,
    });
  }).toPass({ timeout: 150_000 });
  expect((await client.configGet()).applied).toBe(true);
});
