import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startFakeHf, type FakeHf } from "@/e2e/fake-hf/server";

// The catalog module keeps its cache in module state: each test imports a fresh copy.
let fake: FakeHf;
let dir: string;
const load = async () => (await import("./catalog")).getCatalog;
const modelCalls = () => fake.requests().filter((r) => r.path === "/v1/models").length;

beforeAll(async () => {
  fake = await startFakeHf();
});
afterAll(() => fake.close());
beforeEach(() => {
  vi.resetModules();
  fake.reset();
  dir = mkdtempSync(path.join(os.tmpdir(), "hfpd-catalog-"));
  process.env.OPENCLAW_STATE_DIR = dir;
  process.env.HF_ROUTER_URL = fake.routerUrl;
  delete process.env.HF_TOKEN;
  delete process.env.HUGGINGFACE_HUB_TOKEN;
  delete process.env.HF_MODELS_TIMEOUT_MS;
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe("getCatalog", () => {
  it("fetches nothing at import, then the live list once, with the token", async () => {
    process.env.HF_TOKEN = "hf_catalogTestToken123";
    const getCatalog = await load();
    expect(modelCalls()).toBe(0);
    const catalog = await getCatalog();
    expect(catalog.source).toBe("live");
    expect(catalog.error).toBeUndefined();
    expect(catalog.partial).toBeUndefined();
    expect(catalog.models.find((m) => m.id === "openai/gpt-oss-120b")?.providers).toHaveLength(4);
    expect(fake.requests()[0].headers.authorization).toBe("Bearer hf_catalogTestToken123");
    await getCatalog();
    expect(modelCalls()).toBe(1);
  });

  it("fetches the public list without a token and says it may be partial", async () => {
    const catalog = await (await load())();
    expect(catalog).toMatchObject({ source: "live", partial: true });
    expect(fake.requests()[0].headers.authorization).toBeUndefined();
  });

  it("shares one upstream call between concurrent callers", async () => {
    fake.setScenario({ models: "slow", modelsDelayMs: 300 });
    const getCatalog = await load();
    const all = await Promise.all(Array.from({ length: 10 }, () => getCatalog()));
    expect(modelCalls()).toBe(1);
    expect(new Set(all).size).toBe(1);
  });

  it("serves a stale list at once and refreshes it in the background; refresh forces a call", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const getCatalog = await load();
    const first = await getCatalog();
    vi.setSystemTime(Date.now() + 6 * 60_000);
    fake.setScenario({ models: "slow", modelsDelayMs: 300 });
    const stale = await getCatalog();
    expect(stale).toBe(first);
    await vi.waitFor(() => expect(modelCalls()).toBe(2));
    fake.setScenario({ models: "ok" });
    const joined = await getCatalog({ refresh: true }); // joins the background call
    expect(modelCalls()).toBe(2);
    expect(joined).not.toBe(first);
    await getCatalog({ refresh: true });
    expect(modelCalls()).toBe(3);
  });

  it.each([
    ["401", "unauthorized", /refused the token \(HTTP 401\)/],
    ["500", "upstream_error", /HTTP 500/],
    ["malformed", "malformed", /not valid JSON/],
  ] as const)("falls back to the built-in catalog on %s and says why", async (scenario, code, message) => {
    fake.setScenario({ models: scenario });
    const catalog = await (await load())();
    expect(catalog.source).toBe("builtin");
    expect(catalog.error?.code).toBe(code);
    expect(catalog.error?.message).toMatch(message);
    expect(catalog.models.map((m) => m.id)).toEqual([
      "deepseek-ai/DeepSeek-R1",
      "deepseek-ai/DeepSeek-V3.1",
      "openai/gpt-oss-120b",
    ]);
  });

  it("times out a router that never answers", async () => {
    process.env.HF_MODELS_TIMEOUT_MS = "300";
    fake.setScenario({ models: "hang" });
    const catalog = await (await load())();
    expect(catalog).toMatchObject({ source: "builtin", error: { code: "timeout" } });
  });

  it("reports an unreachable router", async () => {
    process.env.HF_ROUTER_URL = "http://127.0.0.1:9/v1";
    const catalog = await (await load())();
    expect(catalog).toMatchObject({ source: "builtin", error: { code: "unreachable" } });
  });

  it("keeps the last good live list when a forced refresh fails", async () => {
    const getCatalog = await load();
    await getCatalog();
    fake.setScenario({ models: "500" });
    const after = await getCatalog({ refresh: true });
    expect(after).toMatchObject({ source: "live", error: { code: "upstream_error" } });
  });

  it("honours discovery switched off, without calling the router", async () => {
    writeFileSync(
      path.join(dir, "openclaw.json"),
      JSON.stringify({ plugins: { entries: { huggingface: { config: { discovery: { enabled: false } } } } } }),
    );
    const catalog = await (await load())();
    expect(catalog).toMatchObject({ source: "builtin", error: { code: "discovery_disabled" } });
    expect(modelCalls()).toBe(0);
  });

  it("is cheap when warm", async () => {
    const getCatalog = await load();
    await getCatalog();
    const start = performance.now();
    for (let i = 0; i < 200; i++) await getCatalog();
    expect((performance.now() - start) / 200).toBeLessThan(5);
  });
});

describe("the cache's bounds", () => {
  it("keeps a list per router and token, at most a few, the least recently used dropped first", async () => {
    const getCatalog = await load();
    const tokens = Array.from({ length: 9 }, (_, i) => `hf_boundedCacheToken${i}0000`);
    for (const token of tokens) {
      process.env.HF_TOKEN = token;
      await getCatalog();
    }
    expect(modelCalls()).toBe(9);
    process.env.HF_TOKEN = tokens[8];
    await getCatalog();
    expect(modelCalls()).toBe(9); // the newest is still cached
    process.env.HF_TOKEN = tokens[0];
    await getCatalog();
    expect(modelCalls()).toBe(10); // the oldest was dropped
  });

  it("drops a list left unused for long instead of serving it stale", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const getCatalog = await load();
    const first = await getCatalog();
    vi.setSystemTime(Date.now() + 2 * 60 * 60_000);
    const later = await getCatalog();
    expect(later).not.toBe(first);
    expect(later.fetchedAt).not.toBe(first.fetchedAt);
    expect(modelCalls()).toBe(2);
  });
});

describe("the router's list size cap", () => {
  // A router of our own that streams a list without Content-Length and counts what it sent.
  async function bigRouter(totalBytes: number, declareLength = false) {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    let sent = 0;
    let closed!: () => void;
    const done = new Promise<void>((resolve) => (closed = resolve));
    const server = http.createServer((req, res) => {
      res.writeHead(200, {
        "content-type": "application/json",
        ...(declareLength ? { "content-length": String(totalBytes) } : {}),
      });
      res.on("close", closed);
      const pump = () => {
        while (sent < totalBytes) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      if (declareLength) res.flushHeaders();
      else pump();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}/v1`,
      sent: () => sent,
      done,
      close: () => new Promise((resolve) => server.close(resolve)),
    };
  }

  it("stops reading a list larger than 64 MB as soon as it passes the cap", async () => {
    const router = await bigRouter(160 * 1024 * 1024);
    try {
      process.env.HF_ROUTER_URL = router.url;
      const catalog = await (await load())();
      expect(catalog).toMatchObject({ source: "builtin", error: { code: "malformed", message: /too large/ } });
      await router.done;
      expect(router.sent()).toBeLessThan(100 * 1024 * 1024);
    } finally {
      await router.close();
    }
  });

  it("refuses a declared length over the cap without reading the body", async () => {
    const router = await bigRouter(200 * 1024 * 1024, true);
    try {
      process.env.HF_ROUTER_URL = router.url;
      const catalog = await (await load())();
      expect(catalog).toMatchObject({ source: "builtin", error: { code: "malformed", message: /too large/ } });
      expect(router.sent()).toBe(0);
    } finally {
      await router.close();
    }
  });
});
