// max_tokens, provider pacing and the first-byte note of the request log, by real HTTP calls.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PROVIDER_SPEEDS } from "./pacing";
import { startFakeHf, type FakeHf } from "./server";
import { chatBody, chunks, postChat, sseData } from "./test-helpers";

let fake: FakeHf;
beforeEach(async () => {
  fake = await startFakeHf();
});
afterEach(async () => {
  await fake.close();
});

const STREAM = { stream: true, stream_options: { include_usage: true } };
const V31 = "deepseek-ai/DeepSeek-V3.1";

describe("max_tokens", () => {
  it("stops a stream after that many tokens with finish_reason length", async () => {
    const res = await postChat(fake, chatBody(V31, { ...STREAM, max_tokens: 1 }));
    const parsed = chunks(sseData(await res.text()));
    const withDelta = parsed.filter((c) => c.choices.length > 0 && c.choices[0].delta.content !== undefined);
    expect(withDelta).toHaveLength(1);
    expect(parsed.find((c) => c.choices[0]?.finish_reason)?.choices[0].finish_reason).toBe("length");
    expect(parsed.at(-1)?.usage?.completion_tokens).toBe(1);
  });

  it("cuts the non-streaming answer too, and leaves a larger budget alone", async () => {
    const cut = (await (await postChat(fake, chatBody(V31, { max_tokens: 3 }))).json()) as {
      choices: { message: { content: string }; finish_reason: string }[];
      usage: { completion_tokens: number };
    };
    expect(cut.choices[0].finish_reason).toBe("length");
    expect(cut.usage.completion_tokens).toBe(3);
    const whole = (await (await postChat(fake, chatBody(V31, { max_tokens: 500 }))).json()) as typeof cut;
    expect(whole.choices[0].finish_reason).toBe("stop");
    expect(whole.choices[0].message.content).toMatch(/^Hello from fireworks-ai! You said: Hi there$/);
    expect(cut.choices[0].message.content.length).toBeLessThan(whole.choices[0].message.content.length);
  });
});

describe("provider pacing and the first byte", () => {
  it("notes when the first body byte was written, and nothing for a call that never answers", async () => {
    fake.setScenario({ chatByModel: { "Qwen/Qwen3-8B": "hang" } });
    await (await postChat(fake, chatBody(V31, STREAM))).text();
    const hanging = new AbortController();
    const pending = postChat(fake, chatBody("Qwen/Qwen3-8B", STREAM), undefined, hanging.signal).catch(() => null);
    await expect.poll(() => fake.requests().length).toBe(2);
    hanging.abort();
    await pending;
    const [answered, hung] = fake.requests();
    expect(answered.firstByteMs).toEqual(expect.any(Number));
    expect(answered.firstByteMs).toBeGreaterThan(0);
    expect(hung.firstByteMs).toBeNull();
  });

  it("paces each provider at its own speed: the first byte waits at least its TTFT", async () => {
    fake.setScenario({ pacing: "provider" });
    for (const provider of ["fireworks-ai", "novita"]) {
      const res = await postChat(fake, chatBody(`${V31}:${provider}`, STREAM));
      const parsed = chunks(sseData(await res.text()));
      expect(parsed.at(-1)?.usage?.completion_tokens).toBe(10);
    }
    const [fireworks, novita] = fake.requests();
    // Timers never fire early (1 ms of rounding allowed): a lower bound, not a timing race.
    expect(fireworks.firstByteMs).toBeGreaterThanOrEqual(PROVIDER_SPEEDS["fireworks-ai"].ttftMs - 1);
    expect(novita.firstByteMs).toBeGreaterThanOrEqual(PROVIDER_SPEEDS.novita.ttftMs - 1);
  });

  it("keeps scripted failures under provider pacing", async () => {
    fake.setScenario({ pacing: "provider", chatByModel: { [V31]: "error-503" } });
    expect((await postChat(fake, chatBody(V31, STREAM))).status).toBe(503);
  });
});
