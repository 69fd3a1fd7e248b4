import { test, expect } from "./fixtures";
import { rawRequest } from "./support/raw-http";

// proxy.ts skips POST /api/chat (its pass costs ~1.5 ms of time to first token); the route must
// refuse exactly what the proxy refuses, before anything reaches the router.
const BODY = JSON.stringify({
  model: "huggingface/meta-llama/Llama-3.3-70B-Instruct",
  messages: [{ role: "user", content: "hi" }],
});
const JSON_TYPE = { "content-type": "application/json" };

test.describe("with a token", () => {
  test.use({ appEnv: { HF_TOKEN: "hf_ChatGuardToken0123456789abcd" } });

  test("the chat route refuses a foreign Host and a cross-site write, and serves its own origin", async ({
    app,
    fake,
  }) => {
    const host = `localhost:${app.port}`;
    const foreign = await rawRequest(app.port, "POST", "/api/chat", "attacker.example", JSON_TYPE, BODY);
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body).error.code).toBe("forbidden_host");
    const attempts: Record<string, string>[] = [
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { origin: "null" },
    ];
    for (const headers of attempts) {
      const crossSite = await rawRequest(app.port, "POST", "/api/chat", host, { ...JSON_TYPE, ...headers }, BODY);
      expect(crossSite.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(crossSite.body).error.code).toBe("forbidden_origin");
    }
    expect(fake.requests().filter((r) => r.path === "/v1/chat/completions")).toHaveLength(0);

    const own = await rawRequest(
      app.port,
      "POST",
      "/api/chat",
      host,
      { ...JSON_TYPE, origin: `http://${host}`, "sec-fetch-site": "same-origin" },
      BODY,
    );
    expect(own.status).toBe(200);
    expect(own.body).toContain('"type":"done"');
    expect(own.headers["x-content-type-options"]).toBe("nosniff");
  });
});

test.describe("with DASHBOARD_TOKEN", () => {
  test.use({
    appEnv: { HF_TOKEN: "hf_ChatGuardToken0123456789abcd", DASHBOARD_TOKEN: "dashboard-secret-for-chat-guard-01" },
  });

  test("the chat route needs a session like every other route", async ({ app, fake }) => {
    const response = await rawRequest(app.port, "POST", "/api/chat", `localhost:${app.port}`, JSON_TYPE, BODY);
    expect(response.status).toBe(401);
    expect(JSON.parse(response.body).error.code).toBe("unauthenticated");
    expect(fake.requests().filter((r) => r.path === "/v1/chat/completions")).toHaveLength(0);
  });
});
