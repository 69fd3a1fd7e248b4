import AxeBuilder from "@axe-core/playwright";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { configFile, readConfigJson, writeConfig } from "./support/config-files";

const R1 = "huggingface/deepseek-ai/DeepSeek-R1";
const OSS = "huggingface/openai/gpt-oss-120b";
const QWEN = "huggingface/Qwen/Qwen3-8B";

async function pick(page: Page, id: string) {
  // A row shows (and is named by) the model's name, org and id, live providers and price.
  await page
    .getByRole("list", { name: "Models" })
    .getByRole("button")
    .filter({ has: page.getByText(id, { exact: true }) })
    .click();
  await expect(page.getByTestId("model-detail").getByRole("heading", { level: 2 })).toBeVisible();
}

async function save(page: Page) {
  const pending = page.getByTestId("pending-change");
  await expect(pending.getByTestId("config-diff")).toBeVisible();
  await pending.getByRole("button", { name: "Save to openclaw.json" }).click();
  await expect(page.getByRole("status")).toContainText("Saved to openclaw.json");
}

test.describe("catalog", () => {
  test("live catalog from the router, partial without a token, refreshed on demand", async ({ page, fake }) => {
    await page.goto("/models");
    const banner = page.getByTestId("catalog-banner");
    await expect(banner.getByTestId("catalog-source")).toHaveText("Live catalog");
    await expect(banner).toContainText("11 models");
    await expect(banner).toContainText("may be partial");
    await expect(banner.getByTestId("catalog-age")).toHaveText("just now");
    const calls = () => fake.requests().filter((r) => r.path === "/v1/models").length;
    expect(calls()).toBe(1);
    await page.reload();
    await expect(banner.getByTestId("catalog-source")).toHaveText("Live catalog");
    expect(calls()).toBe(1); // served from the server's cache
    await banner.getByRole("button", { name: "Refresh" }).click();
    await expect.poll(calls).toBe(2);
    await expect(banner.getByRole("button", { name: "Refresh" })).toBeEnabled();
  });

  test.describe("with a token", () => {
    test.use({ appEnv: { HF_TOKEN: "hf_modelsSpecValidToken1234" } });
    test("sends the token and the list is complete", async ({ page, fake }) => {
      await page.goto("/models");
      await expect(page.getByTestId("catalog-source")).toHaveText("Live catalog");
      await expect(page.getByTestId("catalog-banner")).not.toContainText("partial");
      expect(fake.requests().find((r) => r.path === "/v1/models")?.headers.authorization).toBe(
        "Bearer hf_modelsSpecValidToken1234",
      );
    });
  });

  for (const [scenario, reason] of [
    ["401", /refused the token \(HTTP 401\)/],
    ["500", /answered HTTP 500/],
    ["malformed", /not valid JSON/],
  ] as const) {
    test(`built-in catalog with the reason when the router answers ${scenario}, live again after Refresh`, async ({
      page,
      fake,
    }) => {
      fake.setScenario({ models: scenario });
      await page.goto("/models");
      const banner = page.getByTestId("catalog-banner");
      await expect(banner.getByTestId("catalog-source")).toHaveText("Built-in catalog");
      await expect(banner.getByTestId("catalog-reason")).toHaveText(reason);
      await expect(page.getByTestId("result-count")).toHaveText("3 of 3 models");
      fake.setScenario({ models: "ok" });
      await banner.getByRole("button", { name: "Refresh" }).click();
      await expect(banner.getByTestId("catalog-source")).toHaveText("Live catalog");
      await expect(banner.getByTestId("catalog-reason")).toHaveCount(0);
    });
  }

  test.describe("with a short timeout", () => {
    test.use({ appEnv: { HF_MODELS_TIMEOUT_MS: "800" } });
    test("a router that never answers times out into the built-in catalog", async ({ page, fake }) => {
      fake.setScenario({ models: "hang" });
      await page.goto("/models");
      await expect(page.getByTestId("catalog-reason")).toHaveText(/did not send its model list within 1 s/);
    });
  });

  test("discovery switched off in openclaw.json: built-in catalog, no router call", async ({
    page,
    fake,
    stateDir,
  }) => {
    await writeConfig(stateDir, {
      plugins: { entries: { huggingface: { enabled: true, config: { discovery: { enabled: false } } } } },
    });
    await page.goto("/models");
    await expect(page.getByTestId("catalog-reason")).toContainText("Discovery is switched off");
    expect(fake.requests().filter((r) => r.path === "/v1/models")).toHaveLength(0);
  });

  test("an unreachable router, on the Overview too", async ({ page, fake }) => {
    await fake.close();
    await page.goto("/");
    await expect(page.getByTestId("models-card-catalog")).toHaveText(
      /Built-in catalog \(3 models\)\. Could not reach the router/,
    );
  });
});

test.describe("picker", () => {
  test("search, filters and sorts, kept in the URL", async ({ page }) => {
    await page.goto("/models");
    const count = page.getByTestId("result-count");
    await expect(count).toHaveText("11 of 11 models");
    const rows = page.getByRole("list", { name: "Models" }).getByRole("button");

    await page.getByLabel("Search models").fill("kimi");
    await expect(count).toHaveText("1 of 11 models");
    await expect(rows).toHaveText([/Kimi K2/]);
    await page.getByLabel("Search models").fill("scaleway"); // a provider name
    await expect(rows).toHaveText([/Gemma 3 27B IT/]);
    await page.getByLabel("Search models").fill("");

    await page.getByLabel("Provider", { exact: true }).selectOption("cerebras");
    await expect(count).toHaveText("3 of 11 models");
    await page.getByLabel("Provider", { exact: true }).selectOption("");
    await page.getByLabel("Image input").check();
    await expect(rows).toHaveText([/Gemma/]);
    await page.getByLabel("Image input").uncheck();
    await page.getByLabel("Reasoning", { exact: true }).check();
    await expect(rows).toHaveText([/DeepSeek R1/]);
    await page.getByLabel("Reasoning", { exact: true }).uncheck();
    await page.getByLabel("Live only").check();
    await expect(count).toHaveText("10 of 11 models");
    await page.getByLabel("Structured output").check();
    await expect(count).toHaveText("4 of 11 models");
    await page.getByLabel("Tools", { exact: true }).check();
    await expect(count).toHaveText("4 of 11 models");

    await page.getByLabel("Sort by").selectOption("price");
    await expect(rows.first()).toContainText("Llama 3.3 70B Instruct"); // novita at $0.39 out
    await page.getByLabel("Sort by").selectOption("throughput");
    await expect(rows.first()).toContainText("Llama 3.3 70B Instruct"); // cerebras 2,100 tok/s
    await page.getByLabel("Sort by").selectOption("latency");
    await expect(rows.first()).toContainText("GPT-OSS 120B"); // cerebras 150 ms
    await page.getByLabel("Sort by").selectOption("context");
    await expect(rows.first()).toContainText("DeepSeek V3.1");

    await pick(page, "openai/gpt-oss-120b");
    await expect(page).toHaveURL(/live=1/);
    await expect(page).toHaveURL(/model=openai%2Fgpt-oss-120b/);
    await page.reload();
    await expect(page.getByLabel("Sort by")).toHaveValue("context");
    await expect(page.getByLabel("Structured output")).toBeChecked();
    await expect(count).toHaveText("4 of 11 models");
    await expect(page.getByTestId("model-detail")).toContainText("openai/gpt-oss-120b");
  });

  test("5,000 models: only the rows in view are rendered, search stays responsive, keyboard moves", async ({
    page,
    fake,
  }) => {
    fake.setScenario({ catalogSize: 5000 });
    await page.goto("/models");
    const count = page.getByTestId("result-count");
    await expect(count).toHaveText("5,000 of 5,000 models", { timeout: 30_000 }); // a cold 3 MB list on a busy machine
    const rows = page.getByRole("list", { name: "Models" }).getByRole("listitem");
    expect(await rows.count()).toBeLessThan(40);
    await page.getByLabel("Search models").fill("qwq");
    await expect(count).toHaveText(/^\d+ of 5,000 models$/);
    await expect(rows.first()).toContainText(/QwQ/i);
    await page.getByLabel("Search models").fill("");
    // The whole list first: a row focused while the search still filters is replaced, and loses focus.
    await expect(count).toHaveText("5,000 of 5,000 models");
    await rows.first().getByRole("button").focus();
    await page.keyboard.press("End");
    await expect(page.getByRole("listitem").filter({ has: page.locator(":focus") })).toHaveAttribute(
      "aria-posinset",
      "5000",
    );
  });
});

test("each policy: the lock, the provider the router would pick, and the ref it makes", async ({ page }) => {
  await page.goto("/models?model=openai%2Fgpt-oss-120b");
  const detail = page.getByTestId("model-detail");
  const providers = detail.getByTestId("providers-table");
  await expect(providers.locator("tr[data-provider=cerebras]")).toContainText("Fastest");
  await expect(providers.locator("tr[data-provider=together]")).toContainText("Cheapest");

  const select = detail.getByLabel("Pinned provider");
  const predicted = detail.getByTestId("predicted-provider");
  const ref = detail.getByTestId("selected-ref");
  for (const [policy, pick, suffix] of [
    ["Auto", /would pick cerebras/, ""],
    ["Fastest", /would pick cerebras/, ":fastest"],
    ["Cheapest", /would pick together/, ":cheapest"],
    ["Preferred", /provider order in your Hugging Face settings/, ":preferred"],
  ] as const) {
    await detail.getByRole("radio", { name: new RegExp(`^${policy}`) }).check();
    await expect(select).toBeDisabled();
    await expect(select).toHaveValue("");
    await expect(select.locator("option:checked")).toHaveText("The router decides");
    await expect(predicted).toHaveText(pick);
    await expect(ref.locator("code")).toHaveText(`${OSS}${suffix}`);
  }
  await detail.getByRole("radio", { name: /^One provider/ }).check();
  await expect(select).toBeEnabled();
  await expect(select.locator("option")).toHaveText(["groq", "cerebras", "together", "fireworks-ai"]);
  await select.selectOption("groq");
  await expect(ref.locator("code")).toHaveText(`${OSS}:groq`);
  await expect(predicted).toHaveText("Always groq.");

  // A provider in error is not offered for DeepSeek-R1.
  await page.goto("/models?model=deepseek-ai%2FDeepSeek-R1");
  await page
    .getByTestId("model-detail")
    .getByRole("radio", { name: /^One provider/ })
    .check();
  await expect(page.getByTestId("model-detail").getByLabel("Pinned provider").locator("option")).toHaveText([
    "together",
    "fireworks-ai",
    "novita",
  ]);
});

test("primary, fallbacks reordered and removed, saved the way OpenClaw writes them", async ({ page, stateDir }) => {
  await page.goto("/models?model=deepseek-ai%2FDeepSeek-R1");
  const detail = page.getByTestId("model-detail");
  await detail.getByRole("button", { name: "Set as primary" }).click();
  await expect(page.getByTestId("primary")).toContainText(R1);

  await pick(page, "openai/gpt-oss-120b");
  await detail.getByRole("radio", { name: /^Cheapest/ }).check();
  await detail.getByRole("button", { name: "Add to fallbacks" }).click();
  await pick(page, "Qwen/Qwen3-8B");
  await detail.getByRole("button", { name: "Add to fallbacks" }).click();
  await expect(detail.getByRole("button", { name: "Already a fallback" })).toBeDisabled();
  const fallbacks = page.getByTestId("fallbacks").getByTestId("ref-label");
  await expect(fallbacks).toHaveText([new RegExp(`${OSS}:cheapest`), new RegExp(QWEN)]);

  // Reorder with the keyboard: focus "Move … up" and press Enter.
  await page.getByRole("button", { name: `Move ${QWEN} up` }).focus();
  await page.keyboard.press("Enter");
  await expect(fallbacks).toHaveText([new RegExp(QWEN), new RegExp(`${OSS}:cheapest`)]);
  await expect(page.getByTestId("pending-change").getByTestId("config-diff")).toContainText(
    '"primary": "huggingface/deepseek-ai/DeepSeek-R1"',
  );
  expect(await readFile(configFile(stateDir), "utf8").catch(() => null)).toBeNull(); // nothing written before Save
  await save(page);

  let file = await readConfigJson(stateDir);
  expect(file.agents.defaults.model).toEqual({ primary: R1, fallbacks: [QWEN, `${OSS}:cheapest`] });
  expect(file.agents.defaults.models).toEqual({ [R1]: {}, [QWEN]: {}, [`${OSS}:cheapest`]: {} });
  expect(file.models.mode).toBe("merge");
  expect(file.models.providers.huggingface).toMatchObject({
    baseUrl: "https://router.huggingface.co/v1",
    api: "openai-completions",
  });
  expect(file.models.providers.huggingface.models.map((m: { id: string }) => m.id)).toEqual([
    "deepseek-ai/DeepSeek-R1",
    "Qwen/Qwen3-8B",
    "openai/gpt-oss-120b",
  ]);

  await page.getByRole("button", { name: `Remove ${QWEN} from fallbacks` }).click();
  await expect(fallbacks).toHaveText([new RegExp(`${OSS}:cheapest`)]);
  await save(page);
  file = await readConfigJson(stateDir);
  expect(file.agents.defaults.model.fallbacks).toEqual([`${OSS}:cheapest`]);
});

test("aliases added, renamed, removed and refused, shown next to every ref", async ({ page, stateDir }) => {
  await writeConfig(stateDir, {
    agents: {
      defaults: {
        model: { primary: R1, fallbacks: [`${OSS}:groq`] },
        models: { [R1]: { alias: "Hugging Face" }, [`${OSS}:groq`]: {} },
      },
    },
  });
  await page.goto("/models");
  const allow = page.getByTestId("allowlist");
  await expect(page.getByTestId("primary")).toContainText("Hugging Face");

  // Add an alias to a suffixed ref.
  await allow.getByRole("button", { name: `Add an alias for ${OSS}:groq` }).click();
  await allow.getByLabel(`Alias for ${OSS}:groq`).fill("oss fast");
  await allow.getByRole("button", { name: "Keep alias" }).click();
  await expect(page.getByTestId("fallbacks")).toContainText("oss fast");

  // Refused: a duplicate ignoring case, too long, control characters.
  await allow.getByRole("button", { name: `Rename alias Hugging Face of ${R1}` }).click();
  const input = allow.getByLabel(`Alias for ${R1}`);
  await input.fill("OSS FAST");
  await allow.getByRole("button", { name: "Keep alias" }).click();
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(allow).toContainText("already the alias of");
  await input.fill("x".repeat(65));
  await allow.getByRole("button", { name: "Keep alias" }).click();
  await expect(allow).toContainText("at most 64 characters");
  // Rename.
  await input.fill("R1 main");
  await allow.getByRole("button", { name: "Keep alias" }).click();
  await expect(page.getByTestId("primary")).toContainText("R1 main");
  await save(page);
  let file = await readConfigJson(stateDir);
  expect(file.agents.defaults.models).toEqual({ [R1]: { alias: "R1 main" }, [`${OSS}:groq`]: { alias: "oss fast" } });

  // Remove (an empty alias).
  await allow.getByRole("button", { name: `Rename alias oss fast of ${OSS}:groq` }).click();
  await allow.getByLabel(`Alias for ${OSS}:groq`).fill("");
  await allow.getByRole("button", { name: "Keep alias" }).click();
  await save(page);
  file = await readConfigJson(stateDir);
  expect(file.agents.defaults.models[`${OSS}:groq`]).toEqual({});

  // The server refuses what the form would (hostile clients skip the form).
  const current = await (await page.request.get("/api/config")).json();
  const refused = await page.request.patch("/api/config", {
    data: { aliases: { [`${OSS}:groq`]: "r1 MAIN" } },
    headers: { "if-match": current.revision },
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.message).toContain("already used by");
  const control = await page.request.patch("/api/config", {
    data: { aliases: { [R1]: "bad\u0007" } },
    headers: { "if-match": current.revision },
  });
  expect(control.status()).toBe(400);
});

test("the allowlist: view, add, remove, refs in use locked", async ({ page, stateDir }) => {
  await writeConfig(stateDir, { agents: { defaults: { model: { primary: R1 }, models: { [R1]: {}, [QWEN]: {} } } } });
  await page.goto("/models");
  const allow = page.getByTestId("allowlist");
  await expect(allow.getByTestId("allow-row")).toHaveCount(2);
  await expect(allow.getByRole("button", { name: `Remove ${R1} from the allowlist` })).toBeDisabled();
  await allow.getByRole("button", { name: `Remove ${QWEN} from the allowlist` }).click();
  await allow.getByLabel("Allow another ref").fill("Qwen/Qwen3-8B");
  await allow.getByRole("button", { name: "Allow", exact: true }).click();
  await expect(allow).toContainText("Start the ref with huggingface/");
  await allow.getByLabel("Allow another ref").fill(`${OSS}:fastest`);
  await allow.getByRole("button", { name: "Allow", exact: true }).click();
  await save(page);
  expect(Object.keys((await readConfigJson(stateDir)).agents.defaults.models)).toEqual([R1, `${OSS}:fastest`]);
});

test("every warning, on the Models page and the Overview", async ({ page, stateDir }) => {
  await writeConfig(stateDir, {
    agents: {
      defaults: {
        model: {
          primary: "Qwen/Qwen3-8B",
          fallbacks: [
            "Qwen/Qwen3-8B",
            "huggingface/deepseek-ai/DeepSeek-R1:sambanova",
            "huggingface/deepseek-ai/DeepSeek-R1:groq",
            "huggingface/acme/not-a-model",
          ],
        },
        models: {
          "huggingface/openai/gpt-oss-120b": { alias: "Main" },
          "huggingface/Qwen/Qwen3-8B:cheapest": { alias: "main" },
        },
      },
    },
  });
  const expected = [
    "missing_prefix",
    "removed_provider",
    "provider_not_serving",
    "model_missing",
    "fallback_is_primary",
    "duplicate_alias",
  ];
  await page.goto("/models");
  const warnings = page.getByTestId("model-warnings");
  for (const kind of expected) await expect(warnings.locator(`li[data-kind=${kind}]`)).toHaveCount(1);
  await expect(warnings.locator("li[data-kind=removed_provider]")).toContainText("sambanova");
  await expect(warnings.locator("li[data-kind=provider_not_serving]")).toContainText(
    "groq does not serve deepseek-ai/DeepSeek-R1",
  );
  await expect(warnings.locator("li[data-kind=duplicate_alias]")).toContainText('"Main"');

  await page.goto("/");
  const card = page.getByTestId("models-card");
  for (const kind of expected) await expect(card.locator(`li[data-kind=${kind}]`)).toHaveCount(1);
  await expect(card.getByTestId("models-card-catalog")).toContainText("Live catalog, 11 models");
  await card.getByRole("link", { name: "Change models" }).click();
  await expect(page).toHaveURL(/\/models$/);
});

test("a concurrent change: 409, the current file shown, the change re-applied", async ({ page, stateDir }) => {
  await writeConfig(stateDir, { agents: { defaults: { model: { primary: R1 } } } });
  await page.goto("/models?model=Qwen%2FQwen3-8B");
  await page.getByTestId("model-detail").getByRole("button", { name: "Add to fallbacks" }).click();
  await expect(page.getByTestId("pending-change").getByTestId("config-diff")).toBeVisible();

  // Meanwhile OpenClaw (or an editor) changes the primary.
  await writeConfig(stateDir, {
    agents: { defaults: { model: { primary: `${OSS}:fastest` }, models: { [`${OSS}:fastest`]: {} } } },
  });
  await page.getByRole("button", { name: "Save to openclaw.json" }).click();
  const conflict = page.getByTestId("conflict");
  await expect(conflict).toContainText("changed since you started");
  await expect(conflict).toContainText(`${OSS}:fastest`);
  expect((await readConfigJson(stateDir)).agents.defaults.model).toEqual({ primary: `${OSS}:fastest` });

  await conflict.getByRole("button", { name: "Re-apply my change to the current file" }).click();
  await expect(conflict).toHaveCount(0);
  await save(page);
  expect((await readConfigJson(stateDir)).agents.defaults.model).toEqual({
    primary: `${OSS}:fastest`,
    fallbacks: [QWEN],
  });
});

test("a file that does not parse is shown with its position and never overwritten", async ({ page, stateDir }) => {
  const broken =
    '{\n  // mine\n  agents: { defaults: { model: { primary: "huggingface/deepseek-ai/DeepSeek-R1" } } },\n  models: { mode: "merge" oops }\n}\n';
  await writeConfig(stateDir, broken);
  await page.goto("/models");
  await expect(page.getByRole("alert").filter({ hasText: "does not parse" })).toContainText("line 4, column");
  await expect(page.getByTestId("agent-models")).toHaveCount(0);

  const current = await (await page.request.get("/api/config")).json();
  expect(current.problem).toMatchObject({ line: 4 });
  const response = await page.request.patch("/api/config", {
    data: { primary: R1 },
    headers: { "if-match": current.revision },
  });
  expect(response.status()).toBe(422);
  expect((await response.json()).error.code).toBe("config_unparsable");
  expect(await readFile(configFile(stateDir), "utf8")).toBe(broken);

  await page.goto("/config");
  await expect(page.getByTestId("parse-problem")).toContainText("line 4, column");
  await expect(page.getByTestId("config-file").locator("tr[data-line='4']")).toHaveAttribute("aria-current", "true");
});

test("the busiest Models page (detail, pending diff, warnings, alias form) has no serious axe violation", async ({
  page,
  stateDir,
}) => {
  await writeConfig(stateDir, {
    agents: { defaults: { model: { primary: R1, fallbacks: [`${R1}:nebius`] }, models: { [R1]: { alias: "Main" } } } },
  });
  await page.goto("/models?model=openai%2Fgpt-oss-120b");
  const detail = page.getByTestId("model-detail");
  await detail.getByRole("radio", { name: /^One provider/ }).check();
  await detail.getByRole("button", { name: "Add to fallbacks" }).click();
  await expect(page.getByTestId("pending-change").getByTestId("config-diff")).toBeVisible();
  await page
    .getByTestId("allowlist")
    .getByRole("button", { name: `Rename alias Main of ${R1}` })
    .click();
  await expect(page.getByTestId("model-warnings")).toContainText("nebius");
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // With the experimental label-content-name-mismatch too, as e2e/hardening/accessibility.spec.ts.
    const results = await new AxeBuilder({ page })
      .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
      .analyze();
    expect(
      results.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${scheme}: ${v.id} ${v.nodes
              .map((n) => n.target.join(" "))
              .slice(0, 3)
              .join(", ")}`,
        ),
    ).toEqual([]);
  }
});
