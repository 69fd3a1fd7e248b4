import type { APIRequestContext, Page } from "@playwright/test";
import type { FakeHf, Scenario } from "../fake-hf/server";
import { expect, test as base } from "../fixtures";
import { writeAgentConfig } from "../support/config-files";
import { lateUpstream, type LateUpstream } from "../support/late-upstream";

// Upstream faults through every path that calls Hugging Face: the catalog (GET /api/models), the
// token check (PUT /api/token, POST /api/token/verify), a chat (POST /api/chat) and the fallback
// run in the Playground. Each fault gets our own clear message, and the dashboard keeps serving.
// The Playground's single-chat error UI is covered in e2e/playground/errors.spec.ts; this is the
// matrix over the paths, mostly on the wire.
const TOKEN = "hf_upstreamFaultsToken01";
const HI = [{ role: "user", content: "Hi" }];
const MODEL = "meta-llama/Llama-3.3-70B-Instruct";
const test = base.extend<{ late: LateUpstream }>({
  late: async ({}, use) => {
    const late = await lateUpstream();
    await use(late);
    await late.close();
  },
});

interface ChatAnswer {
  status: number;
  error?: { code: string; message: string; details?: { kind?: string } };
  events: { type: string; text?: string; skipped?: number; error?: { kind: string; message: string } }[];
}

async function chat(request: APIRequestContext, model = MODEL): Promise<ChatAnswer> {
  const response = await request.post("/api/chat", { data: { model, messages: HI } });
  const text = await response.text();
  if (response.status() !== 200) return { status: response.status(), error: JSON.parse(text).error, events: [] };
  return {
    status: 200,
    events: text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line)),
  };
}

/** The upstream call the dashboard timed out on was closed by the dashboard, not left hanging. */
async function expectGivenUp(fake: FakeHf) {
  const last = fake
    .requests()
    .filter((r) => r.path === "/v1/chat/completions")
    .at(-1)!;
  await expect.poll(() => fake.requests().find((r) => r.id === last.id)?.aborted).toBe(true);
}

const content = (answer: ChatAnswer) =>
  answer.events
    .filter((e) => e.type === "content")
    .map((e) => e.text)
    .join("");

/** The dashboard still answers, and a plain chat goes through end to end. */
async function expectServing(request: APIRequestContext) {
  expect((await request.get("/api/health")).status()).toBe(200);
  const normal = await chat(request);
  expect(normal.status, JSON.stringify(normal.error)).toBe(200);
  expect(content(normal)).toMatch(/^Hello from \S+! You said: Hi$/);
  expect(normal.events.at(-1)).toMatchObject({ type: "done", skipped: 0 });
}

async function catalog(request: APIRequestContext) {
  const response = await request.get("/api/models?refresh=1");
  expect(response.status()).toBe(200);
  return response.json();
}

test.describe("with a token and short upstream timeouts", () => {
  test.use({ appEnv: { HF_TOKEN: TOKEN, HF_MODELS_TIMEOUT_MS: "2000", HF_CHAT_TIMEOUT_MS: "1500" } });

  test("catalog: 5xx, malformed JSON and a timeout fall back to the built-in models with the reason", async ({
    request,
    fake,
  }) => {
    const faults: [Scenario["models"], { code: string; message: string }][] = [
      ["500", { code: "upstream_error", message: "The router answered HTTP 500: showing the built-in models." }],
      [
        "malformed",
        { code: "malformed", message: "The router's model list is not valid JSON: showing the built-in models." },
      ],
      [
        "hang",
        { code: "timeout", message: "The router did not send its model list within 2 s: showing the built-in models." },
      ],
    ];
    for (const [scenario, error] of faults) {
      await test.step(scenario, async () => {
        fake.setScenario({ models: scenario });
        const answer = await catalog(request);
        expect(answer).toMatchObject({ source: "builtin", error });
        expect(answer.models.map((m: { id: string }) => m.id)).toEqual([
          "deepseek-ai/DeepSeek-R1",
          "deepseek-ai/DeepSeek-V3.1",
          "openai/gpt-oss-120b",
        ]);
        await expectServing(request);
      });
    }
    fake.setScenario({ models: "ok" });
    const live = await catalog(request);
    expect(live.source).toBe("live");
    expect(live.error).toBeUndefined();
  });

  test("chat: 5xx, timeouts, malformed SSE and a reset in mid-stream each end with our message", async ({
    request,
    fake,
  }) => {
    const before: [Scenario["chat"], number, string, string][] = [
      [
        "error-503",
        502,
        "upstream_error",
        "The provider failed: The provider serving this model returned a server error. (HTTP 503)",
      ],
      ["hang", 504, "upstream_timeout", "Timed out: The router did not answer in time."],
    ];
    for (const [scenario, status, code, message] of before) {
      await test.step(scenario, async () => {
        fake.setScenario({ chat: scenario });
        const answer = await chat(request);
        expect(answer.status).toBe(status);
        expect(answer.error).toMatchObject({ code, message });
        if (scenario === "hang") await expectGivenUp(fake);
        fake.setScenario({ chat: "ok" });
        await expectServing(request);
      });
    }
    const during: [Scenario["chat"], { kind: string; message: string }][] = [
      ["hang-after-first", { kind: "timeout", message: "The provider went silent in the middle of the answer." }],
      [
        "reset-midstream",
        { kind: "midstream", message: "The connection to the provider broke in the middle of the answer." },
      ],
    ];
    for (const [scenario, error] of during) {
      await test.step(scenario, async () => {
        fake.setScenario({ chat: scenario });
        const answer = await chat(request);
        expect(answer.status).toBe(200);
        expect(answer.events[0].type).toBe("meta");
        expect(content(answer).length).toBeGreaterThan(0); // what arrived before the fault is kept
        expect(answer.events.at(-1)).toEqual({ type: "error", error: expect.objectContaining(error) });
        if (scenario === "hang-after-first") await expectGivenUp(fake);
        fake.setScenario({ chat: "ok" });
        await expectServing(request);
      });
    }
    await test.step("malformed-sse", async () => {
      fake.setScenario({ chat: "malformed-sse" });
      const answer = await chat(request);
      expect(answer.status).toBe(200);
      expect(content(answer)).toMatch(/^Hello from \S+! You said: Hi$/);
      expect(answer.events.at(-1)).toMatchObject({ type: "done", skipped: 1 });
      fake.setScenario({ chat: "ok" });
      await expectServing(request);
    });
  });

  test("the fallback run: a timeout, a reset, a 5xx and malformed SSE along the chain; the last one answers", async ({
    page,
    fake,
    stateDir,
    request,
  }) => {
    const chain = [
      "huggingface/deepseek-ai/DeepSeek-V3.1",
      "huggingface/Qwen/Qwen3-8B",
      "huggingface/openai/gpt-oss-120b",
      `huggingface/${MODEL}`,
    ];
    await writeAgentConfig(stateDir, { primary: chain[0], fallbacks: chain.slice(1) });
    fake.setScenario({
      chatByModel: {
        "deepseek-ai/DeepSeek-V3.1": "hang",
        "Qwen/Qwen3-8B": "reset-midstream",
        "openai/gpt-oss-120b": "error-503",
        [MODEL]: "malformed-sse",
      },
    });
    await runConfiguration(page);
    await expect(page.getByTestId("run-config-summary")).toHaveText(
      `Answered by fallback 3: ${chain[3]}, served by cerebras.`,
    );
    const attempts = page.getByTestId("attempt");
    const expected = [
      ["failed", "Timed out", "The router did not answer in time."],
      ["failed", "The answer broke off", "The connection to the provider broke in the middle of the answer."],
      [
        "failed",
        "The provider failed",
        "The provider serving this model returned a server error.Retry, or try a fallback model or another provider.Router status 503",
      ],
    ] as const;
    for (const [i, [state, title, message]] of expected.entries()) {
      await expect(attempts.nth(i)).toHaveAttribute("data-state", state);
      await expect(attempts.nth(i).getByTestId("chat-error")).toContainText(title);
      await expect(attempts.nth(i).getByTestId("chat-error")).toContainText(message);
    }
    await expect(attempts.nth(3)).toHaveAttribute("data-state", "answered");
    await expect(attempts.nth(3).getByTestId("answer-stats")).toContainText(
      "1 unreadable event(s) from the provider were skipped.",
    );

    // The same page, the faults gone: the primary answers.
    fake.setScenario({ chatByModel: {} });
    await page.getByRole("button", { name: "Run my configuration" }).click();
    await expect(page.getByTestId("run-config-summary")).toHaveText(
      /^Answered by primary: huggingface\/deepseek-ai\/DeepSeek-V3\.1, served by /,
    );
    await expectServing(request);
  });
});

test.describe("with the token saved through the dashboard", () => {
  test("token check: 5xx, malformed JSON and a timeout: saved as not verified, re-checks say the same, the page names the reason", async ({
    request,
    page,
    fake,
  }) => {
    test.setTimeout(90_000); // the hub's 8 s check timeout, twice
    const faults: [Scenario["whoami"], string, string][] = [
      ["500", "server_error", "Hugging Face answered with a server error."],
      ["malformed", "malformed", "Hugging Face sent an answer the dashboard could not read."],
      ["hang", "timeout", "Hugging Face did not answer in time."],
    ];
    for (const [scenario, reason, words] of faults) {
      await test.step(scenario, async () => {
        fake.setScenario({ whoami: scenario });
        const token = `hf_fault${scenario}Token0001`;
        const saved = await request.put("/api/token", { data: { token } });
        expect(saved.status()).toBe(200);
        expect((await saved.json()).result).toMatchObject({
          outcome: "unverified",
          reason,
          masked: `hf_…${token.slice(-4)}`,
        });
        const verified = await request.post("/api/token/verify");
        expect(verified.status()).toBe(200);
        expect(await verified.json()).toMatchObject({ configured: true, outcome: "unverified", reason });
        await page.goto("/token");
        await expect(page.getByTestId("note-unverified")).toHaveText(
          `Not verified yet: ${words} The token is kept; check again later.`,
        );
        await expectServing(request); // with the token just saved
      });
    }
    fake.setScenario({ whoami: "ok" });
    expect(await (await request.post("/api/token/verify")).json()).toMatchObject({
      outcome: "valid",
      account: "fake-user",
    });
  });
});

async function runConfiguration(page: Page) {
  await page.goto("/playground");
  await page.getByRole("tab", { name: "Run my configuration" }).click();
  await page.getByRole("button", { name: "Run my configuration" }).click();
}

test.describe("with the router and the hub refusing connections", () => {
  test.use({
    appEnv: async ({ late }, use) => use({ HF_TOKEN: TOKEN, HF_ROUTER_URL: `${late.url}/v1`, HF_ENDPOINT: late.url }),
  });

  test("every path says the router or hub cannot be reached, and all work once it answers", async ({
    request,
    page,
    fake,
    late,
    stateDir,
  }) => {
    await writeAgentConfig(stateDir, { primary: `huggingface/${MODEL}`, fallbacks: ["huggingface/Qwen/Qwen3-8B"] });

    expect(await catalog(request)).toMatchObject({
      source: "builtin",
      error: { code: "unreachable", message: "Could not reach the router: showing the built-in models." },
    });
    const saved = await request.put("/api/token", { data: { token: "hf_refusedHubToken0001" } });
    expect((await saved.json()).result).toMatchObject({
      outcome: "unverified",
      reason: "unreachable",
      router: "unreachable",
    });
    expect(await (await request.post("/api/token/verify")).json()).toMatchObject({
      outcome: "unverified",
      reason: "unreachable",
    });
    const refused = await chat(request);
    expect(refused.status).toBe(502);
    expect(refused.error).toMatchObject({
      code: "upstream_unreachable",
      message: "The router is unreachable: The dashboard's server could not connect to the Hugging Face router.",
      details: { kind: "unreachable" },
    });

    await runConfiguration(page);
    await expect(page.getByTestId("run-config-summary")).toHaveText("Every model in your configuration failed.");
    for (const attempt of await page.getByTestId("attempt").all()) {
      await expect(attempt.getByTestId("chat-error")).toContainText("The router is unreachable");
      await expect(attempt.getByTestId("chat-error")).toContainText("could not connect to the Hugging Face router");
    }
    await page.goto("/token");
    await expect(page.getByTestId("note-unverified")).toContainText(
      "Hugging Face could not be reached from the dashboard server.",
    );
    expect((await request.get("/api/health")).status()).toBe(200);
    expect(fake.requests()).toEqual([]); // nothing got through

    // The network comes back: the same server recovers on every path.
    await late.open(fake.url);
    expect(await catalog(request)).toMatchObject({ source: "live" });
    expect(await (await request.post("/api/token/verify")).json()).toMatchObject({ outcome: "valid", router: "ok" });
    await expectServing(request);
    await runConfiguration(page);
    await expect(page.getByTestId("run-config-summary")).toHaveText(
      `Answered by primary: huggingface/${MODEL}, served by cerebras.`,
    );
  });
});
