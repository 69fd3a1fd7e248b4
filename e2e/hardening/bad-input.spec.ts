import fc from "fast-check";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { test, expect } from "../fixtures";
import { apiRoutes } from "../support/api-routes";

// Property-based: arbitrary and hostile bodies, headers and query strings against every API route.
// The answer is a 4xx with a clear {error:{code,message}}, never a 5xx; nothing on disk changes;
// the server keeps serving.
// Writes that take no body at all; any new one must be added here on purpose (see the first test).
const BODYLESS_WRITES = ["DELETE /api/session", "DELETE /api/token", "POST /api/token/verify"];

const routes = apiRoutes();
const WRITE_ROUTES = routes
  .filter((r) => r.readsJsonBody)
  .map((r) => ({ ...r, headers: r.readsIfMatch ? { "if-match": "absent" } : undefined }));
const READ_ROUTES = routes.filter((r) => r.method === "GET").map((r) => r.path);

const hostileJson = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.constantFrom(
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"token":{"__proto__":{"x":1}}}',
    '{"primary":"huggingface/a/b\\u0000"}',
    '{"aliases":{"huggingface/a/b":"x\\ny"}}',
    '{"model":"huggingface/a/b","messages":[{"role":"user","content":1}]}',
    '{"token":"hf_abc\\nHF_TOKEN=evil"}',
    "[".repeat(5000) + "]".repeat(5000),
    "null",
    '"just a string"',
    "{not json",
    "",
  ),
  fc.string({ maxLength: 200 }),
);
const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "",
);
const query = fc
  .string({ maxLength: 40 })
  .map((s) => `?${encodeURIComponent(s)}=${encodeURIComponent(s.split("").reverse().join(""))}`);

async function snapshotDir(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of await readdir(dir)) out[name] = await readFile(path.join(dir, name), "utf8").catch(() => "<dir>");
  return out;
}

function expectClearError(status: number, text: string, what: string) {
  expect(status, `${what} → ${status} ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(status, `${what} → ${status} ${text.slice(0, 200)}`).toBeLessThan(500);
  const body = JSON.parse(text);
  expect(typeof body.error.code, what).toBe("string");
  expect(body.error.message.length, what).toBeGreaterThan(10);
}

test.describe.configure({ timeout: 180_000 });

test("the route list comes from app/api and covers every handler", () => {
  expect(READ_ROUTES).toEqual(expect.arrayContaining(["/api/config", "/api/health", "/api/models", "/api/token"]));
  expect(WRITE_ROUTES.map((r) => `${r.method} ${r.path}`)).toEqual(
    expect.arrayContaining(["PATCH /api/config", "POST /api/chat", "PUT /api/token"]),
  );
  const unchecked = routes.filter((r) => r.method !== "GET" && !r.readsJsonBody).map((r) => `${r.method} ${r.path}`);
  expect(unchecked, "a write route that reads no JSON body: add it to BODYLESS_WRITES on purpose").toEqual(
    BODYLESS_WRITES,
  );
});

test("every write route answers hostile bodies with a clear 4xx and changes nothing on disk", async ({
  app,
  stateDir,
}) => {
  const before = await snapshotDir(stateDir);
  for (const route of WRITE_ROUTES) {
    // The route exists (an empty object is not a 404) and survives it.
    const empty = await fetch(app.url + route.path, {
      method: route.method,
      headers: { "content-type": "application/json", ...route.headers },
      body: "{}",
    });
    expect(empty.status, `${route.method} ${route.path} exists`).not.toBe(404);
    expect(empty.status, `${route.method} ${route.path} with {}`).toBeLessThan(500);

    await fc.assert(
      fc.asyncProperty(hostileJson, contentType, query, async (body, type, qs) => {
        // An empty change is a valid preview (no diff); every other generated body is bad input.
        fc.pre(!(route.path === "/api/config/preview" && type.startsWith("application/json") && body.trim() === "{}"));
        const response = await fetch(app.url + route.path + qs, {
          method: route.method,
          headers: { ...(type ? { "content-type": type } : {}), ...route.headers },
          body,
        });
        expectClearError(
          response.status,
          await response.text(),
          `${route.method} ${route.path}${qs} [${type}] ${body.slice(0, 80)}`,
        );
      }),
      { numRuns: 40 },
    );
    const huge = await fetch(app.url + route.path, {
      method: route.method,
      headers: { "content-type": "application/json", ...route.headers },
      body: JSON.stringify({ x: "y".repeat(3_000_000) }),
    });
    expect(huge.status, `${route.path} with 3 MB`).toBe(413);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(await snapshotDir(stateDir)).toEqual(before);
  expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
});

test("read routes shrug off hostile query strings and headers", async ({ app }) => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...READ_ROUTES), query, fc.string({ maxLength: 60 }), async (route, qs, junk) => {
      const headerValue = junk.replace(/[^\x20-\x7e]/g, "");
      const response = await fetch(app.url + route + qs, {
        headers: { "if-match": headerValue, accept: headerValue || "*/*", "x-forwarded-host": "evil.example" },
      });
      expect(response.status, `${route}${qs}`).toBeLessThan(500);
      if (response.status >= 400) expectClearError(response.status, await response.text(), route + qs);
    }),
    { numRuns: 60 },
  );
  expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
});
