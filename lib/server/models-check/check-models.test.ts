// checkModels against the fake router: which refs, how many at a time, and the kinds.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeHf, type FakeHf } from "@/e2e/fake-hf/server";
import { CHECK_CONCURRENCY, checkModels } from "./check-models";

let fake: FakeHf;
let dir: string;
const ENV = ["OPENCLAW_STATE_DIR", "HF_TOKEN", "HF_ROUTER_URL", "HF_CHAT_TIMEOUT_MS"] as const;

const REFS = [
  "huggingface/openai/gpt-oss-120b",
  "huggingface/deepseek-ai/DeepSeek-V3.1",
  "huggingface/Qwen/Qwen3-8B",
  "huggingface/zai-org/GLM-4.5",
  "huggingface/moonshotai/Kimi-K2-Instruct",
  "huggingface/deepseek-ai/DeepSeek-R1",
];

beforeEach(async () => {
  fake = await startFakeHf();
  dir = mkdtempSync(path.join(os.tmpdir(), "hfpd-check-"));
  const [primary, ...fallbacks] = REFS;
  const models = Object.fromEntries([...REFS, "huggingface/*", "openai/gpt-4o"].map((r) => [r, {}]));
  writeFileSync(
    path.join(dir, "openclaw.json"),
    JSON.stringify({ agents: { defaults: { model: { primary, fallbacks: fallbacks.slice(0, 2) }, models } } }),
  );
  Object.assign(process.env, {
    OPENCLAW_STATE_DIR: dir,
    HF_TOKEN: "hf_checkModelsUnitTest1",
    HF_ROUTER_URL: fake.routerUrl,
    HF_CHAT_TIMEOUT_MS: "1500",
  });
});
afterEach(async () => {
  for (const name of ENV) delete process.env[name];
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("checkModels", () => {
  it("checks every configured Hugging Face ref once, skipping wildcards and other providers' refs", async () => {
    const results = await checkModels(undefined, new AbortController().signal);
    expect(results.map((r) => r.ref)).toEqual(REFS);
    expect(results.every((r) => r.ok && r.kind === "ok" && r.ttftMs !== null)).toBe(true);
  });

  it(`runs at most ${CHECK_CONCURRENCY} at a time`, async () => {
    fake.setScenario({ chat: "hang" }); // nothing ends before the 1.5 s timeout
    const pending = checkModels(undefined, new AbortController().signal);
    await expect.poll(() => fake.requests().length).toBe(CHECK_CONCURRENCY);
    expect(fake.requests().filter((r) => r.aborted)).toHaveLength(0);
    const results = await pending;
    expect(results.map((r) => r.kind)).toEqual(REFS.map(() => "timeout"));
    expect(fake.requests()).toHaveLength(REFS.length);
  });

  it("checks the refs sent instead, prefixed as the agent writes them", async () => {
    fake.setScenario({ chatByModel: { "Qwen/Qwen3-8B": "error-403" } });
    const results = await checkModels(
      ["Qwen/Qwen3-8B", "huggingface/openai/gpt-oss-120b:groq"],
      new AbortController().signal,
    );
    expect(results.map((r) => [r.ref, r.kind, r.provider])).toEqual([
      ["huggingface/Qwen/Qwen3-8B", "no_permission", "nscale"],
      ["huggingface/openai/gpt-oss-120b:groq", "ok", "groq"],
    ]);
    expect(results[0].message).toMatch(/Inference Providers permission/);
  });

  it("refuses without a token", async () => {
    delete process.env.HF_TOKEN;
    await expect(checkModels(undefined, new AbortController().signal)).rejects.toMatchObject({ code: "no_token" });
  });
});
