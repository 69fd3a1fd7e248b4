// One timed completion against the fake router: figures, failures and aborts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeHf, type FakeHf } from "@/e2e/fake-hf/server";
import { timedCompletion, type TimedCall } from "./timed-completion";

let fake: FakeHf;
beforeEach(async () => {
  fake = await startFakeHf();
});
afterEach(async () => {
  await fake.close();
});

const call = (patch: Partial<TimedCall> = {}): TimedCall => ({
  url: `${fake.routerUrl}/chat/completions`,
  token: "hf_timedCompletionTest1",
  routerModel: "deepseek-ai/DeepSeek-V3.1:together",
  prompt: "Hi",
  maxTokens: 64,
  signal: new AbortController().signal,
  silenceMs: 5000,
  ...patch,
});

describe("timedCompletion", () => {
  it("measures the first byte, the end and tokens/s, with the usage and the provider", async () => {
    const result = await timedCompletion(call());
    expect(result).toMatchObject({ ok: true, failure: null, status: 200, provider: "together", aborted: false });
    expect(result.usage?.completionTokens).toBe(10);
    expect(result.ttftMs).toBeGreaterThan(0);
    expect(result.totalMs).toBeGreaterThan(result.ttftMs!);
    expect(result.tokensPerSecond).toBeGreaterThan(0);
    const [sent] = fake.requests();
    expect(sent.body).toMatchObject({ max_tokens: 64, stream: true, stream_options: { include_usage: true } });
  });

  it("classifies the router's refusals as the chat does", async () => {
    fake.setScenario({ chat: "error-402" });
    expect(await timedCompletion(call())).toMatchObject({ ok: false, failure: "no_credits", status: 402 });
    fake.setScenario({ chat: "midstream-error" });
    expect(await timedCompletion(call())).toMatchObject({ ok: false, failure: "midstream", status: 200 });
  });

  it("times out on silence, and reports an unreachable router", async () => {
    fake.setScenario({ chat: "hang" });
    expect(await timedCompletion(call({ silenceMs: 200 }))).toMatchObject({ ok: false, failure: "timeout" });
    const closed = fake.routerUrl;
    await fake.close();
    fake = await startFakeHf();
    expect(await timedCompletion(call({ url: `${closed}/chat/completions` }))).toMatchObject({
      ok: false,
      failure: "unreachable",
      status: null,
    });
  });

  it("aborts the upstream call at once when the caller's signal fires", async () => {
    fake.setScenario({ chat: "hang-after-first" });
    const stop = new AbortController();
    const pending = timedCompletion(call({ signal: stop.signal }));
    await expect.poll(() => fake.requests().length).toBe(1);
    stop.abort();
    expect(await pending).toMatchObject({ ok: false, aborted: true });
    await expect.poll(() => fake.requests()[0].aborted).toBe(true);
  });
});
