import { test, expect } from "./fixtures";
import { NAV_ITEMS } from "../components/shell/app-nav";
import { rawGet } from "./support/raw-http";

test("the shell has landmarks and navigates to every page by keyboard", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link")).toHaveCount(NAV_ITEMS.length);
  await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();

  for (const item of NAV_ITEMS.slice(1)) {
    await nav.getByRole("link", { name: item.label }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`${item.href}$`));
    await expect(page.getByRole("heading", { level: 1, name: item.label })).toBeVisible();
    await expect(nav.getByRole("link", { name: item.label })).toHaveAttribute("aria-current", "page");
  }
});

test("a foreign Host header is refused and a cross-site write is refused", async ({ app, request }) => {
  const rebinding = await rawGet(app.port, "/api/health", "evil.example:80");
  expect(rebinding.status).toBe(403);
  expect(JSON.parse(rebinding.body).error.code).toBe("forbidden_host");
  expect((await rawGet(app.port, "/api/health", `localhost:${app.port}`)).status).toBe(200);

  const crossSite = await request.post(`${app.url}/api/health`, {
    headers: { origin: "https://evil.example", "content-type": "application/json" },
    data: {},
  });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.code).toBe("forbidden_origin");
});

test("the layout follows the system's dark mode", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: "light" });
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(dark).not.toBe(light);
});
