// The fake's hub, model list, control API and lifecycle, proven by real HTTP calls.
// Chat behaviour is in fake-hf-chat.test.ts.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_MODELS, ERROR_ONLY_MODEL_ID, defaultModel, toWire } from "./catalog";
import { startFakeHf, type FakeHf } from "./server";
import { TOKEN, auth, openRaw, postChat, waitFor } from "./test-helpers";
import type { RouterModel } from "./types";

let fake: FakeHf;
beforeEach(async () => {
  fake = await startFakeHf();
});
afterEach(async () => {
  await fake.close();
});

const whoami = (headers: Record<string, string> = {}, signal?: AbortSignal) =>
  fetch(`${fake.url}/api/whoami-v2`, { headers, signal });
const models = (headers: Record<string, string> = {}, signal?: AbortSignal) =>
  fetch(`${fake.routerUrl}/models`, { headers, signal });
const INVALID = { error: "Invalid username or password." };

describe("hub GET /api/whoami-v2", () => {
  it("answers a plain hf_ token with the full user shape and role write", async () => {
    const res = await whoami(auth());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      type: "user",
      id: expect.any(String),
      name: "fake-user",
      fullname: "Fake User",
      email: expect.any(String),
      isPro: false,
      canPay: false,
      avatarUrl: expect.any(String),
      orgs: [{ name: "fake-org", roleInOrg: "admin" }],
      auth: {
        type: "access_token",
        accessToken: { displayName: "dashboard-test", role: "write", createdAt: expect.any(String) },
      },
    });
  });

  it.each([
    ["no Authorization", {}],
    ["a non-Bearer scheme", { authorization: "Basic aGZfYWJj" }],
    ["an empty Bearer", { authorization: "Bearer " }],
    ["a token without hf_", { authorization: "Bearer sk-abc123" }],
    ["a legacy api_org_ token", { authorization: "Bearer api_org_abc123" }],
    ["a token with odd characters", { authorization: "Bearer hf_abc$%^" }],
    ["a token containing invalid", { authorization: "Bearer hf_InValid123" }],
  ])("401s %s", async (_name, headers: Record<string, string>) => {
    const res = await whoami(headers);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(INVALID);
  });

  it("maps readonly (any case) to role read", async () => {
    const body = (await (await whoami(auth("hf_ReadOnly42"))).json()) as {
      auth: { accessToken: Record<string, unknown> };
    };
    expect(body.auth.accessToken.role).toBe("read");
    expect(body.auth.accessToken.fineGrained).toBeUndefined();
  });

  it.each([
    ["hf_fgscopedAbc", [], ["repo.content.read", "inference.serverless.write"]],
    ["hf_fgglobalAbc", ["inference.serverless.write"], ["repo.content.read"]],
    ["hf_fgnoinferenceAbc", [], ["repo.content.read"]],
  ])("describes fine-grained token %s", async (token, global, permissions) => {
    const res = await whoami(auth(token));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { auth: { accessToken: { role: string; fineGrained: unknown } } };
    expect(body.auth.accessToken.role).toBe("fineGrained");
    expect(body.auth.accessToken.fineGrained).toEqual({
      canReadGatedRepos: true,
      global,
      scoped: [{ entity: { type: "user", name: "fake-user" }, permissions }],
    });
  });

  it("accepts a nocredit token (only the router refuses it)", async () => {
    const res = await whoami(auth("hf_nocreditXyz"));
    expect(res.status).toBe(200);
    const chat = await postChat(
      fake,
      { model: "deepseek-ai/DeepSeek-V3.1", messages: [{ role: "user", content: "x" }] },
      auth("hf_nocreditXyz"),
    );
    expect(chat.status).toBe(402);
  });

  it("never answers a slowhub token, and records the client giving up", async () => {
    await expect(whoami(auth("hf_slowhub1"), AbortSignal.timeout(300))).rejects.toThrow();
    await waitFor(() => fake.requests()[0]?.aborted === true, 2000, "aborted flag");
    expect(fake.requests()[0]).toMatchObject({ path: "/api/whoami-v2", aborted: true, finished: false });
  });

  it("obeys the whoami scenario over the token", async () => {
    fake.setScenario({ whoami: "500" });
    expect((await whoami(auth())).status).toBe(500);

    fake.setScenario({ whoami: "malformed" });
    const bad = await whoami(auth());
    expect(bad.status).toBe(200);
    await expect(bad.json()).rejects.toThrow();

    fake.setScenario({ whoami: "hang" });
    await expect(whoami(auth(), AbortSignal.timeout(200))).rejects.toThrow();

    fake.setScenario({ whoami: "ok" });
    expect((await whoami(auth())).status).toBe(200);
  });
});

describe("router GET /v1/models", () => {
  async function list(): Promise<RouterModel[]> {
    const res = await models();
    expect(res.status).toBe(200);
    return ((await res.json()) as { object: string; data: RouterModel[] }).data;
  }

  it("is public and lists the default catalog in the router's shape", async () => {
    const res = await models();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const body = (await res.json()) as { object: string; data: RouterModel[] };
    expect(body.object).toBe("list");
    expect(body.data).toEqual(DEFAULT_MODELS.map(toWire));
    for (const m of body.data) {
      expect(m).toMatchObject({ object: "model", created: expect.any(Number), owned_by: expect.any(String) });
      expect(m.architecture.output_modalities).toEqual(["text"]);
      expect(m).not.toHaveProperty("reasoning"); // fake-only fact stays off the wire
      for (const p of m.providers) {
        expect(Object.keys(p).slice(0, 2)).toEqual(["provider", "status"]);
        expect(typeof p.is_model_author).toBe("boolean");
        expect(["live", "error", "staging"]).toContain(p.status);
      }
    }
  });

  it("carries the provider facts tests rely on", async () => {
    const data = await list();
    const byId = new Map(data.map((m) => [m.id, m]));
    for (const id of [
      "deepseek-ai/DeepSeek-R1",
      "deepseek-ai/DeepSeek-V3.1",
      "openai/gpt-oss-120b",
      "Qwen/Qwen3-8B",
      "zai-org/GLM-4.5",
      "meta-llama/Llama-3.3-70B-Instruct",
      "google/gemma-3-27b-it",
      "moonshotai/Kimi-K2-Instruct",
    ]) {
      expect(byId.has(id), id).toBe(true);
    }
    const r1 = byId.get("deepseek-ai/DeepSeek-R1")!;
    expect(r1.providers[0]).toEqual({
      provider: "together",
      status: "live",
      context_length: 163840,
      pricing: { input: 3, output: 7 },
      supports_tools: true,
      supports_structured_output: true,
      first_token_latency_ms: 611,
      throughput: 40.1,
      is_model_author: false,
    });
    expect(r1.providers.map((p) => [p.provider, p.status])).toEqual([
      ["together", "live"],
      ["fireworks-ai", "live"],
      ["novita", "live"],
      ["featherless-ai", "error"],
    ]);
    expect(r1.providers[3]).toEqual({ provider: "featherless-ai", status: "error", is_model_author: false });

    const gemma = byId.get("google/gemma-3-27b-it")!;
    expect(gemma.display_name).toBe("Gemma 3 27B IT");
    expect(gemma.architecture.input_modalities).toEqual(["text", "image"]);
    expect(gemma.providers.filter((p) => p.status === "live").map((p) => p.provider)).toEqual(["scaleway"]);

    const kimi = byId.get("moonshotai/Kimi-K2-Instruct")!;
    expect(kimi.name).toBe("Kimi K2");
    expect(kimi.providers).toContainEqual({ provider: "groq", status: "live", is_model_author: false });

    expect(byId.get(ERROR_ONLY_MODEL_ID)!.providers.every((p) => p.status === "error")).toBe(true);
    const removed = ["nebius", "sambanova", "hyperbolic", "nvidia", "clarifai"];
    expect(data.flatMap((m) => m.providers).filter((p) => removed.includes(p.provider))).toEqual([]);
  });

  it("returns one model at /v1/models/{org}/{name} and 404s an unknown one", async () => {
    const res = await fetch(`${fake.routerUrl}/models/openai/gpt-oss-120b`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(toWire(defaultModel("openai/gpt-oss-120b")));
    expect((await fetch(`${fake.routerUrl}/models/nope/nothing`)).status).toBe(404);
  });

  it("accepts a good token and 401s a bad one", async () => {
    expect((await models(auth())).status).toBe(200);
    const bad = await models(auth("hf_invalidtoken"));
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual(INVALID);
    expect((await models({ authorization: "Token hf_x" })).status).toBe(401);
  });

  it("obeys the models scenarios 401, 500, malformed, hang and slow", async () => {
    fake.setScenario({ models: "401" });
    expect(await (await models()).json()).toEqual(INVALID);
    fake.setScenario({ models: "500" });
    expect((await models()).status).toBe(500);
    fake.setScenario({ models: "malformed" });
    await expect((await models()).json()).rejects.toThrow();

    fake.setScenario({ models: "hang" });
    await expect(models({}, AbortSignal.timeout(200))).rejects.toThrow();
    await waitFor(() => fake.requests().at(-1)?.aborted === true, 2000, "aborted flag");

    fake.setScenario({ models: "slow", modelsDelayMs: 300 });
    const started = Date.now();
    expect((await models()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it("switches to a synthetic catalog of 2,000 and 5,000 models and back on reset", async () => {
    fake.setScenario({ catalogSize: 2000 });
    const two = await list();
    expect(two).toHaveLength(2000);
    expect(new Set(two.map((m) => m.id)).size).toBe(2000);
    expect(two.map((m) => m.id)).toContain("deepseek-ai/DeepSeek-R1"); // defaults stay for chat tests
    expect(new Set(two.map((m) => m.owned_by)).size).toBeGreaterThan(10);
    const entries = two.flatMap((m) => m.providers);
    expect(new Set(entries.map((p) => p.provider)).size).toBeGreaterThan(10);
    expect(entries.some((p) => Object.keys(p).length === 3 && p.status === "live")).toBe(true); // bare
    expect(entries.some((p) => p.pricing !== undefined)).toBe(true);
    expect(two.filter((m) => m.providers.every((p) => p.status !== "live")).length).toBeGreaterThan(10);
    expect(two.some((m) => m.architecture.input_modalities.includes("image"))).toBe(true);

    fake.setScenario({ catalogSize: 5000 });
    expect(await list()).toHaveLength(5000);
    fake.reset();
    expect(await list()).toHaveLength(DEFAULT_MODELS.length);
  });

  it("records each /v1/models call so a test can count them", async () => {
    await models();
    await models(auth());
    await whoami(auth());
    const log = fake.requests();
    expect(log.filter((r) => r.path === "/v1/models")).toHaveLength(2);
    expect(log.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(log[1].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(log.every((r) => r.finished && !r.aborted)).toBe(true);
  });
});

describe("options, control API and lifecycle", () => {
  it("serves custom models and a start catalog size that reset keeps", async () => {
    const custom = await startFakeHf({ models: [structuredClone(defaultModel("Qwen/Qwen3-8B"))] });
    const big = await startFakeHf({ catalogSize: 2000 });
    try {
      const one = (await (await fetch(`${custom.routerUrl}/models`)).json()) as { data: RouterModel[] };
      expect(one.data.map((m) => m.id)).toEqual(["Qwen/Qwen3-8B"]);
      big.setScenario({ catalogSize: 5000 });
      big.reset();
      const after = (await (await fetch(`${big.routerUrl}/models`)).json()) as { data: RouterModel[] };
      expect(after.data).toHaveLength(2000);
    } finally {
      await Promise.all([custom.close(), big.close()]);
    }
  });

  it("is scriptable over HTTP, and control calls are not logged", async () => {
    const control = (path: string, body?: unknown) =>
      fetch(
        `${fake.url}/__control/${path}`,
        body === undefined ? {} : { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body) },
      );

    const set = await control("scenario", { models: "500", chatByModel: { "Qwen/Qwen3-8B": "error-429" } });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({
      models: "500",
      chat: "ok",
      chatByModel: { "Qwen/Qwen3-8B": "error-429" },
    });
    expect((await models()).status).toBe(500);
    expect(fake.scenario().models).toBe("500");

    const log = (await (await control("requests")).json()) as { path: string }[];
    expect(log.map((r) => r.path)).toEqual(["/v1/models"]);

    const bad = await control("scenario", { chat: "explode" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/chat/);
    expect((await control("scenario", { nonsense: 1 })).status).toBe(400);
    expect((await control("scenario", "{not json")).status).toBe(400);
    expect(() => fake.setScenario({ chat: "explode" } as never)).toThrow(/chat/);

    expect((await control("reset", {})).status).toBe(200);
    expect(fake.requests()).toEqual([]);
    expect((await models()).status).toBe(200);
    expect((await fetch(`${fake.url}/__control/nope`)).status).toBe(404);
  });

  it("answers unknown paths and methods with 404 JSON", async () => {
    for (const [method, path] of [
      ["GET", "/nope"],
      ["POST", "/v1/models"],
      ["GET", "/v1/chat/completions"],
      ["GET", "/api/whoami"],
    ]) {
      const res = await fetch(`${fake.url}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.json()).toEqual({ error: "Not Found" });
    }
  });

  it("closes promptly with hanging requests open, without marking them as client aborts", async () => {
    const other = await startFakeHf();
    other.setScenario({ models: "hang", chat: "hang" });
    openRaw(`${other.url}/api/whoami-v2`, { headers: auth("hf_slowhub") });
    openRaw(`${other.routerUrl}/models`);
    openRaw(`${other.routerUrl}/chat/completions`, {
      method: "POST",
      headers: auth(),
      body: JSON.stringify({ model: "Qwen/Qwen3-8B", messages: [{ role: "user", content: "x" }] }),
    });
    await waitFor(() => other.requests().length === 3, 2000, "three requests");
    const started = Date.now();
    await other.close();
    expect(Date.now() - started).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 50)); // let the sockets' close events run
    expect(other.requests().map((r) => [r.finished, r.aborted])).toEqual([
      [false, false],
      [false, false],
      [false, false],
    ]);
  });

  it("runs from the CLI, prints FAKE_HF_URL and stops on SIGTERM", async () => {
    const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
    const tsx = fileURLToPath(new URL("../../node_modules/tsx/dist/cli.mjs", import.meta.url));
    const child = spawn(process.execPath, [tsx, cli, "--port", "0", "--catalog-size", "2000"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
      const match = /^FAKE_HF_URL=(http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      expect(match).not.toBeNull();
      const body = (await (await fetch(`${match![1]}/v1/models`)).json()) as { data: unknown[] };
      expect(body.data).toHaveLength(2000);
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const [code] = (await exited) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});
