import { expect, test } from "../fixtures";
import { apiRoutes } from "../support/api-routes";

// A page on another site can send GETs to the dashboard without reading the answers (`no-cors`).
// GETs that spend the user's token (?refresh=1 calls the router each time, a due token check calls
// the hub) must be refused like cross-site writes; the dashboard's own pages and curl keep working.
const TOKEN = "hf_crossSiteReadToken0001";
const routerListCalls = (fake: { requests(): { path: string }[] }) =>
  fake.requests().filter((r) => r.path === "/v1/models").length;
const hubCalls = (fake: { requests(): { path: string }[] }) =>
  fake.requests().filter((r) => r.path === "/api/whoami-v2").length;

test.use({ appEnv: { HF_TOKEN: TOKEN } });

test("a cross-site GET of /api/models?refresh=1 gets 403 and the router is never called", async ({ app, fake }) => {
  const attempts: Record<string, string>[] = [
    { "sec-fetch-site": "cross-site", "sec-fetch-mode": "no-cors" },
    { "sec-fetch-site": "same-site", "sec-fetch-mode": "no-cors" },
    { origin: "https://evil.example" },
  ];
  for (const headers of attempts) {
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${app.url}/api/models?refresh=1`, { headers });
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect((await response.json()).error.code).toBe("forbidden_origin");
    }
  }
  expect(routerListCalls(fake)).toBe(0);
  // curl (no Sec-Fetch-Site, no Origin) still refreshes.
  expect((await fetch(`${app.url}/api/models?refresh=1`)).status).toBe(200);
  expect(routerListCalls(fake)).toBe(1);
});

test("a cross-site GET of /api/token starts no check with Hugging Face", async ({ app, fake }) => {
  const response = await fetch(`${app.url}/api/token`, { headers: { "sec-fetch-site": "cross-site" } });
  expect(response.status).toBe(403);
  expect(hubCalls(fake)).toBe(0);
  expect((await fetch(`${app.url}/api/token`)).status).toBe(200);
  await expect.poll(() => hubCalls(fake)).toBe(1);
});

test("every API GET but the health probe refuses another site; pages stay open to links", async ({ app }) => {
  const gets = apiRoutes().filter((r) => r.method === "GET");
  expect(gets.map((r) => r.path)).toContain("/api/models");
  for (const route of gets) {
    const response = await fetch(`${app.url}${route.path}`, { headers: { "sec-fetch-site": "cross-site" } });
    expect(response.status, route.path).toBe(route.path === "/api/health" ? 200 : 403);
  }
  const page = await fetch(`${app.url}/models`, {
    headers: { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate", "sec-fetch-dest": "document" },
  });
  expect(page.status).toBe(200);
});

test("in a browser: another origin's no-cors fetch is refused, the dashboard's own refresh works", async ({
  page,
  app,
  fake,
}) => {
  // 127.0.0.1 and localhost are different sites to the browser, both on this machine: a page of
  // the dashboard opened as 127.0.0.1 plays the other site (the sign-in page asks for no models).
  await page.goto(`http://127.0.0.1:${app.port}/sign-in`);
  const refused = page.waitForResponse((r) => r.url().startsWith(`${app.url}/api/models`));
  await page.evaluate(
    (url) => fetch(url, { mode: "no-cors", credentials: "include" }).catch(() => null),
    `${app.url}/api/models?refresh=1`,
  );
  expect((await refused).status()).toBe(403);
  expect(routerListCalls(fake)).toBe(0);

  await page.goto(`${app.url}/token`);
  const own = await page.evaluate(async () => (await fetch("/api/models?refresh=1")).status);
  expect(own).toBe(200);
  expect(routerListCalls(fake)).toBeGreaterThanOrEqual(1);
});
