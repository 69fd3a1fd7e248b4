import AxeBuilder from "@axe-core/playwright";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { test, expect } from "./fixtures";
import { startApp } from "./support/app-server";
import { rawGet } from "./support/raw-http";

// The security baseline of issue 3: Host allowlist, same-origin writes, sign-in beyond loopback,
// and the sentinel-token scan (which e2e/fixtures.ts runs for every test of the suite).
const SENTINEL = "hf_SENTINELtokenNeverLeak0042";
const DASHBOARD_SECRET = "dashboard-secret-for-e2e-0123456789";
const PAGES = ["/", "/token", "/models", "/playground", "/config"];

test.describe("with a sentinel token in the environment and in .env", () => {
  test.use({ appEnv: { HF_TOKEN: SENTINEL } });

  test("no page, payload, chunk, storage or log carries it, even when upstream echoes it", async ({
    page,
    stateDir,
    fake,
    sentinel,
  }) => {
    await writeFile(path.join(stateDir, ".env"), "HF_TOKEN=hf_SENTINELinDotEnvFile0042\n", { mode: 0o600 });
    fake.setScenario({ chat: "echo-token-error" });
    for (const href of PAGES) {
      await page.goto(href);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    await page.goto("/token");
    await expect(page.getByRole("region", { name: "Token in effect" }).getByTestId("token-outcome")).toHaveText(
      "Works",
    );
    await page.getByRole("region", { name: "Token in effect" }).getByRole("button", { name: "Check again" }).click();
    await expect(page.getByTestId("recheck-result")).toHaveText("Checked: Works.");
    // A chat call whose upstream error quotes the bearer token back.
    const chat = await page.evaluate(async () => {
      const response = await fetch("/api/chat", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          model: "huggingface/deepseek-ai/DeepSeek-R1",
          messages: [{ role: "user", content: "hi" }],
        }),
      });
      return { status: response.status, text: await response.text() };
    });
    expect(chat.text).not.toContain(SENTINEL);
    expect(fake.requests().some((r) => r.headers.authorization === `Bearer ${SENTINEL}`)).toBe(true);
    // The fixture's scan at teardown is the real assertion; make sure it knows both tokens.
    sentinel.addToken(SENTINEL);
    sentinel.addToken("hf_SENTINELinDotEnvFile0042");
    expect(sentinel.knownTokenCount()).toBeGreaterThanOrEqual(2);
  });
});

test.describe("the sentinel scan itself", () => {
  const LEAKED = "hf_deliberateLeak000042";

  test("fails a test whose browser receives a configured token in a response", async ({ page, app, sentinel }) => {
    test.fail(); // The teardown scan must fail this test.
    sentinel.addToken(LEAKED);
    await page.route("**/leak", (route) => route.fulfill({ contentType: "text/plain", body: `oops ${LEAKED}` }));
    await page.goto(`${app.url}/leak`);
    await expect(page.locator("body")).toContainText("oops");
  });

  test("fails a test that leaves a configured token in browser storage", async ({ page, sentinel }) => {
    test.fail();
    sentinel.addToken(LEAKED);
    await page.goto("/");
    await page.evaluate((token) => sessionStorage.setItem("x", btoa(token)), LEAKED);
  });
});

test("a foreign Host is refused on pages and API routes", async ({ app }) => {
  for (const target of ["/", "/token", "/api/token", "/sign-in"]) {
    const response = await rawGet(app.port, target, "attacker.example");
    expect(response.status, target).toBe(403);
    expect(JSON.parse(response.body).error.code).toBe("forbidden_host");
  }
  expect((await rawGet(app.port, "/token", `127.0.0.1:${app.port}`)).status).toBe(200);
});

test("cross-origin writes are refused and change nothing", async ({ app, stateDir }) => {
  await writeFile(path.join(stateDir, ".env"), "HF_TOKEN=hf_keepThisToken00001\n", { mode: 0o600 });
  const attempts: [string, Record<string, string>][] = [
    ["PUT", { origin: "https://evil.example" }],
    ["DELETE", { origin: "https://evil.example" }],
    ["DELETE", { origin: "null" }],
    ["PUT", { "sec-fetch-site": "cross-site" }],
    ["DELETE", { "sec-fetch-site": "same-site", origin: `http://localhost:${app.port + 1}` }],
  ];
  for (const [method, headers] of attempts) {
    const response = await fetch(`${app.url}/api/token`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: method === "PUT" ? JSON.stringify({ token: "hf_attackerToken00001" }) : undefined,
    });
    expect(response.status, `${method} ${JSON.stringify(headers)}`).toBe(403);
    expect((await response.json()).error.code).toBe("forbidden_origin");
  }
  const verify = await fetch(`${app.url}/api/token/verify`, {
    method: "POST",
    headers: { origin: "https://evil.example" },
  });
  expect(verify.status).toBe(403);
  expect(await readFile(path.join(stateDir, ".env"), "utf8")).toBe("HF_TOKEN=hf_keepThisToken00001\n");
});

test("pages cannot be framed or sniffed", async ({ request }) => {
  for (const target of ["/", "/token", "/api/token"]) {
    const headers = (await request.get(target)).headers();
    expect(headers["x-frame-options"], target).toBe("DENY");
    expect(headers["content-security-policy"], target).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], target).toBe("nosniff");
  }
});

test("a non-loopback start without DASHBOARD_TOKEN is refused with a clear message", async ({ stateDir, sentinel }) => {
  const refused = await startApp(
    { OPENCLAW_STATE_DIR: stateDir, DASHBOARD_TOKEN: undefined },
    { host: "0.0.0.0", waitReady: false },
  );
  expect(await refused.exited()).toBe(1);
  expect(refused.logs()).toContain("Refusing to listen on 0.0.0.0");
  expect(refused.logs()).toContain("DASHBOARD_TOKEN is not set");
  const short = await startApp(
    { OPENCLAW_STATE_DIR: stateDir, DASHBOARD_TOKEN: "short" },
    { host: "0.0.0.0", waitReady: false },
  );
  expect(await short.exited()).toBe(1);
  expect(short.logs()).toContain("DASHBOARD_TOKEN is shorter than 16 characters");
  sentinel.add("refused start logs", refused.logs() + short.logs());
});

test("beyond loopback with DASHBOARD_TOKEN, every page and route needs a session from the sign-in page", async ({
  page,
  stateDir,
  fake,
  sentinel,
}) => {
  const app = await startApp(
    {
      OPENCLAW_STATE_DIR: stateDir,
      HF_ROUTER_URL: fake.routerUrl,
      HF_ENDPOINT: fake.url,
      DASHBOARD_TOKEN: DASHBOARD_SECRET,
    },
    { host: "0.0.0.0" },
  );
  sentinel.addToken(DASHBOARD_SECRET);
  try {
    const api = await fetch(`${app.url}/api/token`);
    expect(api.status).toBe(401);
    expect((await api.json()).error.code).toBe("unauthenticated");
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
    // Pages redirect to sign-in on the dashboard's own host, whatever forwarded headers say.
    const redirect = await rawGet(app.port, "/config?x=1", `localhost:${app.port}`, {
      "x-forwarded-host": "evil.example",
    });
    expect([redirect.status, redirect.headers.location]).toEqual([
      303,
      `http://localhost:${app.port}/sign-in?next=%2Fconfig%3Fx%3D1`,
    ]);

    await page.goto(`${app.url}/token`);
    await expect(page).toHaveURL(`${app.url}/sign-in?next=%2Ftoken`);
    const field = page.getByLabel("Dashboard token");
    await field.fill("not-the-right-secret");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("status")).toHaveText("That is not this dashboard's token.");
    const axe = await new AxeBuilder({ page })
      .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
      .analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual(
      [],
    );
    await field.fill(DASHBOARD_SECRET);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(`${app.url}/token`);
    await expect(page.getByRole("heading", { level: 1, name: "Token" })).toBeVisible();

    const cookie = (await page.context().cookies()).find((c) => c.name === "hfpd_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(cookie?.value).not.toContain(DASHBOARD_SECRET);
    const signedIn = await page.evaluate(async () => (await fetch("/api/token")).status);
    expect(signedIn).toBe(200);
    // A forged cookie does not pass.
    const forged = await fetch(`${app.url}/api/token`, {
      headers: { cookie: `hfpd_session=v1.9999999999.AAAA.${"A".repeat(43)}` },
    });
    expect(forged.status).toBe(401);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(`${app.url}/sign-in`);
    await page.goto(`${app.url}/`);
    await expect(page).toHaveURL(`${app.url}/sign-in`);
  } finally {
    await app.stop();
    sentinel.add("signed-in app logs", app.logs());
  }
});

test.describe("sign-in throttling", () => {
  test.use({ appEnv: { DASHBOARD_TOKEN: DASHBOARD_SECRET } });

  test("repeated failures lock sign-in for a while, even for the right token", async ({ app }) => {
    const attempt = (token: string) =>
      fetch(`${app.url}/api/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token }),
      });
    for (let i = 0; i < 4; i++) expect((await attempt(`wrong-guess-${i}`)).status).toBe(401);
    const locked = await attempt(DASHBOARD_SECRET);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await locked.json()).error.message).toMatch(/Too many wrong attempts/);
    expect(locked.headers.get("set-cookie")).toBeNull();
  });
});
