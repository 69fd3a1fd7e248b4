import { readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { writeConfig } from "./support/config-files";
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

// Token entry against the fake Hugging Face service. The fake picks a token's behaviour from
// substrings (readonly, fgscoped, fgglobal, fgnoinference, invalid); anything else is a write token.
const NEW_TOKEN_LINK =
  "https://huggingface.co/settings/tokens/new?ownUserPermissions=inference.serverless.write&tokenType=fineGrained";
const mask = (token: string) => `hf_…${token.slice(-4)}`;
const envOf = (dir: string) => readFile(path.join(dir, ".env"), "utf8").catch(() => null);
const modeOf = async (dir: string) => (await stat(path.join(dir, ".env"))).mode & 0o777;
const whoamiCalls = (fake: { requests(): { path: string }[] }) =>
  fake.requests().filter((r) => r.path === "/api/whoami-v2").length;

async function pasteAndSave(page: Page, raw: string) {
  await page.getByLabel("Hugging Face token", { exact: true }).fill(raw);
  await page.getByRole("button", { name: /^Check and (save|replace)$/ }).click();
}

const inEffect = (page: Page) => page.getByRole("region", { name: "Token in effect" });

test("a valid write token is checked, saved as HF_TOKEN in a 0600 .env, and shown masked", async ({
  page,
  stateDir,
  fake,
}) => {
  const token = "hf_plainWriteToken0001";
  await page.goto("/token");
  await expect(page.getByTestId("token-none")).toBeVisible();
  await pasteAndSave(page, `  export HF_TOKEN="${token}";\n`);
  await expect(page.getByTestId("token-result")).toContainText(`Saved ${mask(token)}. The token works for fake-user`);
  await expect(page.getByLabel("Hugging Face token", { exact: true })).toHaveValue("");

  const card = inEffect(page);
  await expect(card.getByTestId("token-outcome")).toHaveText("Works");
  await expect(card.getByTestId("token-source")).toHaveText("HF_TOKEN in the state folder's .env");
  await expect(card.getByTestId("token-masked")).toHaveText(mask(token));
  await expect(card.getByTestId("token-account")).toHaveText("fake-user");
  await expect(card.getByTestId("token-role")).toHaveText("Write (classic)");
  await expect(card.getByTestId("token-permission")).toHaveText("Can call Inference Providers (classic token)");
  expect(await envOf(stateDir)).toBe(`HF_TOKEN=${token}\n`);
  expect(await modeOf(stateDir)).toBe(0o600);
  expect(
    fake
      .requests()
      .map((r) => r.path)
      .sort(),
  ).toEqual(["/api/whoami-v2", "/v1/models/deepseek-ai/DeepSeek-R1"]);

  // The Overview card says the same, from the cached check (no second whoami call).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
  const overview = page.getByTestId("token-card");
  await expect(overview.getByTestId("token-outcome")).toHaveText("Works");
  await expect(overview.getByTestId("token-masked")).toHaveText(mask(token));
  await expect(overview.getByTestId("token-account")).toHaveText("fake-user");
  await expect(overview.getByTestId("token-checked-at").locator("time")).toHaveAttribute(
    "datetime",
    /^\d{4}-\d\d-\d\dT/,
  );
  await expect(overview.getByRole("link", { name: "Manage the token" })).toHaveAttribute("href", "/token");
  expect(whoamiCalls(fake)).toBe(1);
});

for (const [kind, token, role, permission] of [
  ["read", "hf_readonlyToken00001", "Read (classic)", "Can call Inference Providers (classic token)"],
  [
    "fine-grained, scoped to the user",
    "hf_fgscopedToken00001",
    "Fine-grained",
    "Can make calls to Inference Providers",
  ],
  ["fine-grained, global", "hf_fgglobalToken00001", "Fine-grained", "Can make calls to Inference Providers"],
] as const) {
  test(`a ${kind} token works`, async ({ page }) => {
    await page.goto("/token");
    await pasteAndSave(page, token);
    await expect(page.getByTestId("token-result")).toContainText("The token works for fake-user");
    await expect(inEffect(page).getByTestId("token-role")).toHaveText(role);
    await expect(inEffect(page).getByTestId("token-permission")).toHaveText(permission);
  });
}

test("a fine-grained token without the permission is saved with a warning and a link to a proper token", async ({
  page,
  stateDir,
}) => {
  const token = "hf_fgnoinferenceTok001";
  await page.goto("/token");
  await pasteAndSave(page, token);
  const result = page.getByTestId("token-result");
  await expect(result).toContainText(`Saved ${mask(token)}, but this token may not make calls to Inference Providers`);
  await expect(result.getByRole("link", { name: "Create a token with that permission" })).toHaveAttribute(
    "href",
    NEW_TOKEN_LINK,
  );
  await expect(inEffect(page).getByTestId("token-outcome")).toHaveText("Missing the Inference Providers permission");
  await expect(inEffect(page).getByTestId("token-permission")).toHaveText("Cannot make calls to Inference Providers");
  await expect(inEffect(page).getByTestId("note-no-permission").getByRole("link")).toHaveAttribute(
    "href",
    NEW_TOKEN_LINK,
  );
  expect(await envOf(stateDir)).toBe(`HF_TOKEN=${token}\n`);
});

test("an invalid token is not saved unless the user chooses to save it anyway", async ({ page, stateDir, request }) => {
  const token = "hf_invalidToken000001";
  await page.goto("/token");
  await pasteAndSave(page, token);
  const result = page.getByTestId("token-result");
  await expect(result).toContainText("Hugging Face rejected this token");
  expect(await envOf(stateDir)).toBeNull();
  await expect(page.getByTestId("token-none")).toBeVisible();

  // The API says the same with a 4xx.
  const api = await request.put("/api/token", { data: { token } });
  expect(api.status()).toBe(422);
  expect((await api.json()).error.code).toBe("token_invalid");

  await result.getByRole("button", { name: "Save anyway" }).click();
  await expect(result).toContainText(`Saved ${mask(token)} anyway, although Hugging Face rejected it`);
  await expect(inEffect(page).getByTestId("token-outcome")).toHaveText("Rejected by Hugging Face");
  await expect(inEffect(page).getByTestId("note-invalid")).toBeVisible();
  expect(await envOf(stateDir)).toBe(`HF_TOKEN=${token}\n`);
});

test("a hub that never answers: saved as not verified yet, and the re-check button verifies it later", async ({
  page,
  fake,
  stateDir,
}) => {
  test.setTimeout(60_000);
  fake.setScenario({ whoami: "hang" });
  const token = "hf_hangingHubToken001";
  await page.goto("/token");
  await pasteAndSave(page, token);
  await expect(page.getByTestId("token-result")).toContainText("Checking the token with Hugging Face");
  // The dashboard gives up after its 8 s timeout and keeps the token.
  await expect(page.getByTestId("token-result")).toContainText(
    `Saved ${mask(token)} as not verified yet: Hugging Face did not answer in time.`,
    { timeout: 20_000 },
  );
  await expect(inEffect(page).getByTestId("token-outcome")).toHaveText("Not verified yet");
  expect(await envOf(stateDir)).toBe(`HF_TOKEN=${token}\n`);

  fake.setScenario({ whoami: "ok" });
  await inEffect(page).getByRole("button", { name: "Check again" }).click();
  await expect(page.getByTestId("recheck-result")).toHaveText("Checked: Works.");
  await expect(inEffect(page).getByTestId("token-outcome")).toHaveText("Works");
  await expect(inEffect(page).getByTestId("token-account")).toHaveText("fake-user");
});

for (const [whoami, reason] of [
  ["500", "Hugging Face answered with a server error."],
  ["malformed", "Hugging Face sent an answer the dashboard could not read."],
] as const) {
  test(`a hub answering ${whoami}: saved as not verified yet`, async ({ page, fake, stateDir }) => {
    fake.setScenario({ whoami });
    await page.goto("/token");
    await pasteAndSave(page, `hf_hub${whoami}Token00001`);
    await expect(page.getByTestId("token-result")).toContainText(`as not verified yet: ${reason}`);
    await expect(inEffect(page).getByTestId("note-unverified")).toContainText(reason);
    expect(await envOf(stateDir)).toContain("HF_TOKEN=hf_hub");
  });
}

test.describe("a token in the process environment", () => {
  test.use({ appEnv: { HF_TOKEN: "hf_fromProcessEnv0001" } });

  test("is named as the source; a page load never waits for the check", async ({ page, fake }) => {
    fake.setScenario({ whoami: "hang" });
    await page.goto("/token");
    // The page is there while the background check still hangs.
    await expect(inEffect(page).getByTestId("token-source")).toHaveText("HF_TOKEN in the dashboard's environment");
    await expect(inEffect(page).getByTestId("token-masked")).toHaveText("hf_…0001");
    await expect(inEffect(page).getByTestId("token-outcome")).toHaveText("Checking…");
    await expect(inEffect(page).getByTestId("token-outcome")).toHaveText("Not verified yet", { timeout: 20_000 });
  });

  test("shadows a token saved in .env, and the page says so plainly", async ({ page, stateDir }) => {
    const saved = "hf_savedButShadowed01";
    await page.goto("/token");
    await pasteAndSave(page, saved);
    const result = page.getByTestId("token-result");
    await expect(result).toContainText(`Saved ${mask(saved)}. The token works`);
    await expect(result).toContainText("Saved, but not in effect: HF_TOKEN is set in the dashboard's own environment");
    const note = inEffect(page).getByTestId("note-shadowing");
    await expect(note).toHaveText(
      `HF_TOKEN is set in the dashboard's own environment, so it is used instead of the token saved in .env (${mask(saved)}). OpenClaw does the same when it starts with that variable. Unset HF_TOKEN and restart to use the saved token.`,
    );
    await expect(inEffect(page).getByTestId("token-masked")).toHaveText("hf_…0001");
    expect(await envOf(stateDir)).toBe(`HF_TOKEN=${saved}\n`);
  });
});

test.describe("HUGGINGFACE_HUB_TOKEN", () => {
  test.use({ appEnv: { HF_TOKEN: "hf_lowerPriorityEnv01", HUGGINGFACE_HUB_TOKEN: "hf_hubTokenWinsEnv001" } });

  test("in the environment comes before HF_TOKEN", async ({ page }) => {
    await page.goto("/");
    const card = page.getByTestId("token-card");
    await expect(card.getByTestId("token-source")).toHaveText("HUGGINGFACE_HUB_TOKEN in the dashboard's environment");
    await expect(card.getByTestId("token-masked")).toHaveText("hf_…v001");
  });
});

test("in .env, HUGGINGFACE_HUB_TOKEN comes before the HF_TOKEN the dashboard saves", async ({ page, stateDir }) => {
  await writeFile(path.join(stateDir, ".env"), "HUGGINGFACE_HUB_TOKEN=hf_fileHubToken00001\n", { mode: 0o600 });
  await page.goto("/token");
  await expect(inEffect(page).getByTestId("token-source")).toHaveText(
    "HUGGINGFACE_HUB_TOKEN in the state folder's .env",
  );
  await pasteAndSave(page, "hf_fileHfToken000002");
  await expect(inEffect(page).getByTestId("note-shadowing")).toContainText(
    "HUGGINGFACE_HUB_TOKEN in .env comes before HF_TOKEN",
  );
  await expect(inEffect(page).getByTestId("token-masked")).toHaveText("hf_…0001");
});

test("an OpenClaw auth profile for huggingface is pointed out", async ({ page, stateDir }) => {
  await writeConfig(stateDir, {
    auth: { profiles: { "huggingface:default": { provider: "huggingface", mode: "api_key" } } },
  });
  await writeFile(path.join(stateDir, ".env"), "HF_TOKEN=hf_withAuthProfile001\n", { mode: 0o600 });
  await page.goto("/token");
  await expect(inEffect(page).getByTestId("note-auth-profile")).toContainText(
    "OpenClaw uses the key stored with that profile first",
  );
  await page.goto("/");
  await expect(page.getByTestId("token-card").getByTestId("note-auth-profile")).toBeVisible();
});

test(".env keeps every other line byte for byte; replace and remove touch only HF_TOKEN", async ({
  page,
  stateDir,
}) => {
  const before =
    "# my keys\r\nOPENAI_API_KEY=sk-keep-me\n\nexport HF_TOKEN='hf_oldTokenValue0001' # old\nOTHER=\"x y\" # note\n# trailing comment";
  await writeFile(path.join(stateDir, ".env"), before, { mode: 0o644 });
  await page.goto("/token");
  await expect(inEffect(page).getByTestId("token-masked")).toHaveText("hf_…0001");
  await expect(page.getByRole("heading", { name: "Replace the token" })).toBeVisible();
  await pasteAndSave(page, "hf_newTokenValue0002");
  await expect(page.getByTestId("token-result")).toContainText("Saved hf_…0002");
  expect(await envOf(stateDir)).toBe(
    before.replace("export HF_TOKEN='hf_oldTokenValue0001' # old", "HF_TOKEN=hf_newTokenValue0002"),
  );
  expect(await modeOf(stateDir)).toBe(0o600);

  const remove = page.getByRole("region", { name: "Remove the saved token" });
  await remove.getByRole("button", { name: "Remove token…" }).click();
  await expect(remove.getByRole("button", { name: "Yes, remove it" })).toBeFocused();
  await remove.getByRole("button", { name: "Cancel" }).click();
  expect(await envOf(stateDir)).toContain("HF_TOKEN=hf_newTokenValue0002");
  await remove.getByRole("button", { name: "Remove token…" }).click();
  await remove.getByRole("button", { name: "Yes, remove it" }).click();
  await expect(remove.getByTestId("remove-result")).toHaveText("Removed the saved token from .env.");
  await expect(page.getByTestId("token-none")).toBeVisible();
  expect(await envOf(stateDir)).toBe(before.replace("export HF_TOKEN='hf_oldTokenValue0001' # old\n", ""));
  expect(await modeOf(stateDir)).toBe(0o600);
});

test("every refused input gets a clear 400 that does not repeat it, and nothing is written", async ({
  request,
  stateDir,
  fake,
}) => {
  const refused: [string, RegExp][] = [
    ["", /Paste a Hugging Face token/],
    ["   ", /Paste a Hugging Face token/],
    ["sk-proj-notAHuggingFaceKey", /start with hf_/],
    ["api_org_LegacyOrgToken12345", /Organization API tokens/],
    ["Bearer hf_bearerPrefixed0001", /without the word “Bearer”/],
    ["hf_secretLine0001\nOPENAI_API_KEY=stolen", /single line/],
    ["hf_secretCarriage01\rX=1", /single line/],
    ["hf_secretEquals0001=hf_other00000001", /Character 20 is not allowed/],
    ["HF_TOKEN=hf_secretTwoEq01=x", /Character 17 is not allowed/],
    ["hf_secret with spaces", /not allowed/],
    ["hf_secretUnicodé0001", /not allowed/],
    ["hf_short", /too short/],
    [`hf_${"a".repeat(300)}`, /longer than any Hugging Face token/],
  ];
  for (const [token, message] of refused) {
    const response = await request.put("/api/token", { data: { token } });
    const body = await response.json();
    expect(response.status(), JSON.stringify(token)).toBe(400);
    expect(body.error.code).toBe("invalid_token");
    expect(body.error.message).toMatch(message);
    if (token.includes("secret")) expect(JSON.stringify(body)).not.toContain("secret");
  }
  // Shape errors: too long for the schema, wrong types, unknown keys, not JSON, too big.
  const long = await request.put("/api/token", { data: { token: `hf_${"a".repeat(2000)}` } });
  expect([long.status(), (await long.json()).error.code]).toEqual([400, "invalid_body"]);
  for (const data of [
    { token: 42 },
    { token: "hf_typeCheck000001", force: "yes" },
    { token: "hf_typeCheck000001", forced: true },
    {},
  ]) {
    const response = await request.put("/api/token", { data });
    expect(response.status(), JSON.stringify(data)).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_body");
  }
  const text = await request.put("/api/token", {
    headers: { "content-type": "text/plain" },
    data: "hf_plainText000001",
  });
  expect(text.status()).toBe(415);
  const huge = await request.put("/api/token", {
    headers: { "content-type": "application/json" },
    data: JSON.stringify({ token: "x".repeat(10_000) }),
  });
  expect(huge.status()).toBe(413);
  const proto = await request.put("/api/token", {
    headers: { "content-type": "application/json" },
    data: '{"token":"hf_protoPolluted01","__proto__":{"force":true}}',
  });
  expect(proto.status()).toBe(400);

  expect(await envOf(stateDir)).toBeNull();
  expect(fake.requests()).toEqual([]);
});

test("the form refuses bad input at once, with the message tied to the field", async ({ page, fake }) => {
  await page.goto("/token");
  const field = page.getByLabel("Hugging Face token", { exact: true });
  await pasteAndSave(page, "api_org_LegacyOrgToken12345");
  await expect(page.getByTestId("token-field-error")).toHaveText(/Organization API tokens .* are no longer accepted/);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(/Organization API tokens/);
  await expect(field).toBeFocused();
  await field.fill("hf_ok");
  await expect(page.getByTestId("token-field-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Check and save" }).click();
  await expect(page.getByTestId("token-field-error")).toContainText("too short");
  expect(fake.requests()).toEqual([]);
});

test("the paste box is a password field with autocomplete off, and the API never returns the token", async ({
  page,
  request,
}) => {
  await page.goto("/token");
  const field = page.getByLabel("Hugging Face token", { exact: true });
  await expect(field).toHaveAttribute("type", "password");
  await expect(field).toHaveAttribute("autocomplete", "off");
  const token = "hf_apiShapeToken00001";
  const saved = await request.put("/api/token", { data: { token } });
  expect(saved.status()).toBe(200);
  const savedText = await saved.text();
  expect(savedText).not.toContain(token);
  expect(JSON.parse(savedText)).toMatchObject({
    saved: true,
    inEffect: true,
    result: { outcome: "valid", masked: "hf_…0001" },
  });
  const status = await request.get("/api/token");
  expect(status.headers()["cache-control"]).toBe("no-store");
  const body = await status.json();
  expect(body).toMatchObject({
    configured: true,
    source: "file:HF_TOKEN",
    masked: "hf_…0001",
    account: "fake-user",
    permission: "granted",
    outcome: "valid",
  });
  expect(JSON.stringify(body)).not.toContain(token);
  const verify = await request.post("/api/token/verify");
  expect((await verify.json()).outcome).toBe("valid");
  const removed = await request.delete("/api/token");
  expect(await removed.json()).toMatchObject({ removed: true, status: { configured: false, outcome: null } });
  const again = await request.post("/api/token/verify");
  expect([again.status(), (await again.json()).error.code]).toEqual([409, "no_token"]);
});
