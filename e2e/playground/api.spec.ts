import { expect, test } from "../fixtures";
import { writeAgentConfig } from "../support/config-files";
import { TOKEN, chatBodies } from "./helpers";

// POST /api/chat on the wire: validation, NDJSON events, no token, and a browser that leaves.
const HI = [{ role: "user", content: "Hi" }];

test.describe("with a token", () => {
  test.use({ appEnv: { HF_TOKEN: TOKEN } });

  test("streams NDJSON: meta first (provider, request id, resolved ref), then deltas, usage and done", async ({
    request,
    stateDir,
    fake,
  }) => {
    await writeAgentConfig(stateDir, {
      primary: "huggingface/Qwen/Qwen3-8B",
      aliases: { "huggingface/Qwen/Qwen3-8B:featherless-ai": "Small" },
    });
    const response = await request.post("/api/chat", { data: { model: "Small", messages: HI } });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/x-ndjson");
    expect(response.headers()["x-inference-provider"]).toBe("featherless-ai");
    const events = (await response.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(events[0]).toMatchObject({
      type: "meta",
      ref: "huggingface/Qwen/Qwen3-8B:featherless-ai",
      model: "Qwen/Qwen3-8B:featherless-ai",
      alias: "Small",
      provider: "featherless-ai",
    });
    expect(events[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(
      events
        .filter((e) => e.type === "reasoning")
        .map((e) => e.text)
        .join(""),
    ).toContain("served by featherless-ai");
    expect(
      events
        .filter((e) => e.type === "content")
        .map((e) => e.text)
        .join(""),
    ).toBe("Hello from featherless-ai! You said: Hi");
    expect(events.at(-2)).toMatchObject({ type: "usage" });
    expect(events.at(-1)).toEqual({ type: "done", finishReason: "stop", skipped: 0 });
    // The upstream stream was read to its end, not cut off.
    await expect.poll(() => fake.requests().find((r) => r.path === "/v1/chat/completions")?.finished).toBe(true);
    expect(fake.requests().find((r) => r.path === "/v1/chat/completions")?.aborted).toBe(false);
  });

  test("refuses bad bodies with a 4xx and a clear message, without calling the router", async ({ request, fake }) => {
    const cases: [unknown, string][] = [
      [{ model: "Qwen/Qwen3-8B" }, "messages"],
      [{ model: "Qwen/Qwen3-8B", messages: [] }, "at least one message"],
      [{ model: "Qwen/Qwen3-8B", messages: HI, stop: ["a", "b", "c", "d", "e"] }, "At most 4 stop sequences"],
      [{ model: "Qwen/Qwen3-8B", messages: HI, temperature: 3 }, "temperature"],
      [{ model: "Qwen/Qwen3-8B", messages: HI, extra: true }, "extra"],
      [{ model: "Qwen/Qwen3-8B\u0000", messages: HI }, "control characters"],
      [{ model: "not a model", messages: HI }, "model"],
      [{ model: "Qwen/Qwen3-8B", messages: [{ role: "system", content: "x" }] }, "messages"],
      [
        {
          model: "Qwen/Qwen3-8B",
          messages: [
            { role: "user", content: "x" },
            { role: "assistant", content: "y" },
          ],
        },
        "last message",
      ],
    ];
    for (const [data, mention] of cases) {
      const response = await request.post("/api/chat", { data });
      expect(response.status(), JSON.stringify(data)).toBe(400);
      const body = await response.json();
      expect(body.error.code).toBe("invalid_body");
      expect(body.error.message).toContain(mention);
    }
    const big = await request.post("/api/chat", {
      data: {
        model: "Qwen/Qwen3-8B",
        messages: Array.from({ length: 100 }, () => ({ role: "user", content: "x".repeat(9000) })),
      },
    });
    expect(big.status()).toBe(413);
    const notJson = await request.post("/api/chat", { headers: { "content-type": "text/plain" }, data: "hi" });
    expect(notJson.status()).toBe(415);
    expect(chatBodies(fake.requests())).toHaveLength(0);
  });

  test("an upstream failure before the stream is a JSON error with our message and the router's status", async ({
    request,
    fake,
  }) => {
    fake.setScenario({ chat: "echo-token-error" });
    const response = await request.post("/api/chat", { data: { model: "Qwen/Qwen3-8B", messages: HI } });
    expect(response.status()).toBe(502);
    const text = await response.text();
    expect(text).not.toContain(TOKEN);
    expect(JSON.parse(text).error).toMatchObject({
      code: "upstream_error",
      details: { kind: "provider_failed", upstreamStatus: 500 },
    });
    fake.setScenario({ chat: "error-429" });
    const limited = await request.post("/api/chat", { data: { model: "Qwen/Qwen3-8B", messages: HI } });
    expect(limited.status()).toBe(429);
    expect((await limited.json()).error.details.kind).toBe("rate_limited");
  });

  test("a client that disconnects mid-stream aborts the upstream call", async ({ app, fake }) => {
    fake.setScenario({ chat: "hang-after-first" });
    const controller = new AbortController();
    const response = await fetch(`${app.url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ model: "Qwen/Qwen3-8B", messages: HI }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(JSON.parse(first.split("\n")[0]).type).toBe("meta");
    await expect.poll(() => fake.requests().find((r) => r.path === "/v1/chat/completions")?.aborted).toBe(false);
    controller.abort();
    await expect.poll(() => fake.requests().find((r) => r.path === "/v1/chat/completions")?.aborted).toBe(true);
  });

  test("a duplicated alias means the last ref, as OpenClaw resolves it", async ({ request, stateDir }) => {
    await writeAgentConfig(stateDir, {
      primary: "huggingface/Qwen/Qwen3-8B",
      aliases: { "huggingface/Qwen/Qwen3-8B:featherless-ai": "Small", "huggingface/Qwen/Qwen3-8B:nscale": "small" },
    });
    const response = await request.post("/api/chat", { data: { model: "SMALL", messages: HI } });
    expect(response.status()).toBe(200);
    const meta = JSON.parse((await response.text()).split("\n")[0]);
    expect(meta).toMatchObject({ type: "meta", ref: "huggingface/Qwen/Qwen3-8B:nscale", alias: "small" });
  });
});

test("without a token the answer is 409 no_token and the router is not called", async ({ request, fake }) => {
  const response = await request.post("/api/chat", { data: { model: "Qwen/Qwen3-8B", messages: HI } });
  expect(response.status()).toBe(409);
  expect((await response.json()).error).toMatchObject({ code: "no_token", details: { kind: "no_token" } });
  expect(chatBodies(fake.requests())).toHaveLength(0);
});
