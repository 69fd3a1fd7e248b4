// The fake's POST /v1/chat/completions, proven by real HTTP calls.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ERROR_ONLY_MODEL_ID } from "./catalog";
import type { ChatScenario } from "./scenario";
import { startFakeHf, type FakeHf } from "./server";
import {
  TOKEN,
  auth,
  chatBody,
  chunks,
  postChat,
  rawChat,
  settlesWithin,
  sseData,
  waitFor,
  type ChunkJson,
} from "./test-helpers";

let fake: FakeHf;
beforeEach(async () => {
  fake = await startFakeHf();
});
afterEach(async () => {
  await fake.close();
});

const V31 = "deepseek-ai/DeepSeek-V3.1";
const STREAM = { stream: true, stream_options: { include_usage: true } };

async function streamOf(model: string, extra: Record<string, unknown> = STREAM) {
  const res = await postChat(fake, chatBody(model, extra));
  expect(res.status).toBe(200);
  const data = sseData(await res.text());
  return { res, data, parsed: chunks(data) };
}

const deltas = (cs: ChunkJson[]) => cs.filter((c) => c.choices.length > 0).map((c) => c.choices[0].delta);
const contentOf = (cs: ChunkJson[]) =>
  deltas(cs)
    .map((d) => d.content ?? "")
    .join("");

describe("auth and validation", () => {
  it.each([
    ["a bad token", auth("hf_invalid1"), 401, { error: "Invalid username or password." }],
    ["a garbled header", { authorization: "hf_abc" }, 401, { error: "Invalid username or password." }],
    [
      "an fgnoinference token",
      auth("hf_fgnoinference9"),
      403,
      {
        error:
          "This authentication method does not have sufficient permissions to call Inference Providers on behalf of user fake-user",
      },
    ],
    [
      "a nocredit token",
      auth("hf_NoCredit9"),
      402,
      {
        error:
          "You have exceeded your monthly included credits for Inference Providers. Subscribe to PRO to get 20x more monthly included credits.",
      },
    ],
  ])("refuses %s", async (_name, headers: Record<string, string>, status, body) => {
    const res = await postChat(fake, chatBody(V31), headers);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual(body);
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it.each(["hf_fgscoped1", "hf_fgglobal1", "hf_readonly1", "hf_oauth_abc"])("lets %s chat", async (token) => {
    expect((await postChat(fake, chatBody(V31), auth(token))).status).toBe(200);
  });

  it.each([
    ["invalid JSON", "{nope"],
    ["a missing model", { messages: [{ role: "user", content: "x" }] }],
    ["missing messages", { model: V31 }],
    ["empty messages", { model: V31, messages: [] }],
  ])("400s %s", async (_name, body) => {
    const res = await postChat(fake, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { message: expect.any(String), type: "invalid_request_error" } });
  });

  it.each([
    ["an unknown model", "nope/Nothing-1B", "nope/Nothing-1B"],
    ["a model with no live provider", ERROR_ONLY_MODEL_ID, ERROR_ONLY_MODEL_ID],
    ["a provider that does not serve it", "openai/gpt-oss-120b:novita", "openai/gpt-oss-120b"],
    ["a provider in status error", "deepseek-ai/DeepSeek-R1:featherless-ai", "deepseek-ai/DeepSeek-R1"],
    ["a removed provider", "google/gemma-3-27b-it:nebius", "google/gemma-3-27b-it"],
  ])("answers model_not_supported for %s", async (_name, model, id) => {
    const res = await postChat(fake, chatBody(model));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        message: `The requested model '${id}' is not supported by any provider you have enabled.`,
        type: "invalid_request_error",
        param: "model",
        code: "model_not_supported",
      },
    });
  });
});

describe("routing policies", () => {
  it.each([
    ["deepseek-ai/DeepSeek-R1", "fireworks-ai"],
    ["deepseek-ai/DeepSeek-R1:fastest", "fireworks-ai"],
    ["deepseek-ai/DeepSeek-R1:cheapest", "novita"],
    ["deepseek-ai/DeepSeek-R1:preferred", "together"],
    ["deepseek-ai/DeepSeek-R1:novita", "novita"],
    ["openai/gpt-oss-120b", "cerebras"],
    ["openai/gpt-oss-120b:cheapest", "together"],
    ["openai/gpt-oss-120b:preferred", "groq"],
    ["openai/gpt-oss-120b:groq", "groq"],
    ["Qwen/Qwen3-8B:fastest", "nscale"],
    ["Qwen/Qwen3-8B:cheapest", "featherless-ai"], // nscale has no pricing: sorts last
    ["moonshotai/Kimi-K2-Instruct:fastest", "together"], // bare groq counts as throughput 0
    ["moonshotai/Kimi-K2-Instruct:preferred", "groq"],
    ["meta-llama/Llama-3.3-70B-Instruct:cheapest", "novita"],
    ["zai-org/GLM-4.5:zai-org", "zai-org"],
    ["google/gemma-3-27b-it", "scaleway"],
  ])("%s is served by %s", async (model, provider) => {
    const res = await postChat(fake, chatBody(model));
    expect(res.status).toBe(200);
    expect(res.headers.get("x-inference-provider")).toBe(provider);
    const body = (await res.json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0].message.content.endsWith(`Hello from ${provider}! You said: Hi there`)).toBe(true);
  });

  it("gives every answer its own x-request-id", async () => {
    const a = await postChat(fake, chatBody(V31));
    const b = await postChat(fake, chatBody(V31, STREAM));
    await b.text();
    expect(a.headers.get("x-request-id")).toBeTruthy();
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
  });
});

describe("answers", () => {
  it("answers stream:false in the non-streaming shape with usage", async () => {
    const res = await postChat(fake, chatBody(V31, { temperature: 0.2 }));
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual({
      id: expect.stringMatching(/^chatcmpl-/),
      object: "chat.completion",
      created: expect.any(Number),
      model: V31,
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: "Hello from fireworks-ai! You said: Hi there" },
          finish_reason: "stop",
        },
      ],
      usage: {
        prompt_tokens: expect.any(Number),
        completion_tokens: expect.any(Number),
        total_tokens: expect.any(Number),
      },
    });
  });

  it("echoes the last user message cut to 80 characters, and notes images", async () => {
    const long = "x".repeat(200);
    const res = await postChat(fake, {
      model: V31,
      messages: [
        { role: "user", content: "first" },
        { role: "assistant", content: "ok" },
        { role: "user", content: long },
      ],
    });
    const body = (await res.json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0].message.content).toBe(`Hello from fireworks-ai! You said: ${"x".repeat(80)}`);

    const img = await postChat(fake, {
      model: "google/gemma-3-27b-it",
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "What is this?" },
            { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } },
          ],
        },
      ],
    });
    const imgBody = (await img.json()) as { choices: { message: { content: string } }[] };
    expect(imgBody.choices[0].message.content).toBe("Hello from scaleway! You said: What is this? [1 image]");
  });

  it("streams SSE: role first, 8–12 content deltas, stop, usage, [DONE]", async () => {
    const { res, data, parsed } = await streamOf(V31);
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    expect(res.headers.get("x-inference-provider")).toBe("fireworks-ai");
    expect(data.at(-1)).toBe("[DONE]");
    const ds = deltas(parsed);
    expect(ds[0].role).toBe("assistant");
    const content = ds.filter((d) => d.content !== undefined);
    expect(content.length).toBeGreaterThanOrEqual(8);
    expect(content.length).toBeLessThanOrEqual(12);
    expect(contentOf(parsed)).toBe("Hello from fireworks-ai! You said: Hi there");
    const stop = parsed.at(-2)!;
    expect(stop.choices).toEqual([{ index: 0, delta: {}, finish_reason: "stop" }]);
    const usage = parsed.at(-1)!;
    expect(usage.choices).toEqual([]);
    expect(usage.usage!.total_tokens).toBe(usage.usage!.prompt_tokens + usage.usage!.completion_tokens);
    expect(parsed.every((c) => c.object === "chat.completion.chunk" && c.model === V31 && c.id === parsed[0].id)).toBe(
      true,
    );
  });

  it("leaves the usage chunk out without include_usage", async () => {
    const { data, parsed } = await streamOf(V31, { stream: true });
    expect(data.at(-1)).toBe("[DONE]");
    expect(parsed.every((c) => c.choices.length === 1 && c.usage === undefined)).toBe(true);
  });

  it.each([
    ["openai/gpt-oss-120b", "reasoning"],
    ["Qwen/Qwen3-8B", "reasoning_content"],
    ["zai-org/GLM-4.5", "reasoning_text"],
  ])("streams %s reasoning in delta.%s before the answer", async (model, field) => {
    const { parsed } = await streamOf(model);
    const ds = deltas(parsed).filter((d) => d.role !== undefined || Object.keys(d).length > 0);
    const firstContent = ds.findIndex((d) => d.content !== undefined);
    const reasoning = ds.slice(0, firstContent);
    expect(reasoning.length).toBeGreaterThanOrEqual(2);
    expect(reasoning.every((d) => typeof d[field] === "string")).toBe(true);
    expect(reasoning.map((d) => d[field]).join("")).toMatch(/^The user greeted me/);
    const others = ["reasoning", "reasoning_content", "reasoning_text"].filter((f) => f !== field);
    expect(ds.some((d) => others.some((f) => f in d))).toBe(false);
    expect(contentOf(parsed)).toMatch(/^Hello from /);

    const once = (await (await postChat(fake, chatBody(model))).json()) as {
      choices: { message: Record<string, string> }[];
    };
    expect(once.choices[0].message[field]).toMatch(/^The user greeted me/);
    expect(once.choices[0].message.content).toMatch(/^Hello from /);
  });

  it("streams DeepSeek-R1 reasoning inline with the <think> tag split across deltas", async () => {
    const { parsed } = await streamOf("deepseek-ai/DeepSeek-R1");
    const ds = deltas(parsed);
    expect(ds[0]).toEqual({ role: "assistant", content: "<thi" });
    expect(ds[1].content).toBe("nk>\n");
    const content = contentOf(parsed);
    expect(content).toMatch(
      /^<think>\nThe user greeted me[^]*\n<\/think>\n\nHello from fireworks-ai! You said: Hi there$/,
    );
    expect(ds.some((d) => "reasoning" in d || "reasoning_content" in d || "reasoning_text" in d)).toBe(false);

    const once = (await (await postChat(fake, chatBody("deepseek-ai/DeepSeek-R1"))).json()) as {
      choices: { message: { content: string } }[];
    };
    expect(once.choices[0].message.content).toBe(content);
  });

  it("records the parsed request body and headers", async () => {
    const body = chatBody("openai/gpt-oss-120b:groq", { ...STREAM, temperature: 0.7, max_tokens: 64 });
    await (await postChat(fake, body, { ...auth(), "x-hf-bill-to": "fake-org" })).text();
    const [entry] = fake.requests();
    expect(entry).toMatchObject({ method: "POST", path: "/v1/chat/completions", body, finished: true, aborted: false });
    expect(entry.headers).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      "x-hf-bill-to": "fake-org",
      "content-type": "application/json",
    });
  });
});

describe("stream timing and transport", () => {
  it("splits an event across two network reads and packs two events into one", async () => {
    const stream = await rawChat(fake, chatBody(V31, STREAM));
    expect(await stream.done).toBe("end");
    const texts = stream.reads.map((r) => r.text);
    const split = texts.findIndex((t) => !t.endsWith("\n\n"));
    expect(split).toBeGreaterThanOrEqual(0);
    expect(texts[split + 1].startsWith("data: ")).toBe(false); // the rest of that event came in the next read
    expect(texts.some((t) => (t.match(/data: /g) ?? []).length >= 2)).toBe(true);
    expect(sseData(texts.join("")).at(-1)).toBe("[DONE]");
  });

  it("paces writes by chatDelayMs, and chatDelayMs 0 is fast", async () => {
    fake.setScenario({ chatDelayMs: 60 });
    let started = Date.now();
    const paced = await rawChat(fake, chatBody(V31, STREAM));
    await paced.done;
    expect(paced.reads.length).toBeGreaterThan(10);
    expect(Date.now() - started).toBeGreaterThanOrEqual(60 * paced.reads.length - 100);

    fake.setScenario({ chatDelayMs: 0 });
    started = Date.now();
    await (await postChat(fake, chatBody(V31, STREAM))).text();
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("sets aborted (not finished) when the client hangs up mid-stream", async () => {
    fake.setScenario({ chatDelayMs: 50 });
    const stream = await rawChat(fake, chatBody(V31, STREAM));
    await stream.nthRead(2);
    stream.request.destroy();
    await waitFor(() => fake.requests()[0].aborted, 2000, "aborted flag");
    expect(fake.requests()[0]).toMatchObject({ aborted: true, finished: false });
  });

  it("sets finished (not aborted) after a complete stream, and aborted after a fetch abort", async () => {
    await (await postChat(fake, chatBody(V31, STREAM))).text();
    await waitFor(() => fake.requests()[0].finished, 2000, "finished flag");
    expect(fake.requests()[0].aborted).toBe(false);

    fake.setScenario({ chatDelayMs: 50 });
    const controller = new AbortController();
    const res = await postChat(fake, chatBody(V31, STREAM), auth(), controller.signal);
    await res.body!.getReader().read();
    controller.abort();
    await waitFor(() => fake.requests()[1].aborted, 2000, "aborted flag");
  });
});

describe("chat scenarios", () => {
  const rateLimit = { error: { message: expect.stringMatching(/^Rate limit reached/), type: "rate_limit_error" } };
  it.each<[ChatScenario, number, unknown]>([
    [
      "error-400",
      400,
      {
        error: {
          message: `The requested model '${V31}' is not supported by any provider you have enabled.`,
          type: "invalid_request_error",
          param: "model",
          code: "model_not_supported",
        },
      },
    ],
    ["error-401", 401, { error: "Invalid username or password." }],
    ["error-402", 402, { error: expect.stringMatching(/^You have exceeded your monthly included credits/) }],
    ["error-403", 403, { error: expect.stringMatching(/on behalf of user fake-user$/) }],
    ["error-429", 429, rateLimit],
    ["error-500", 500, { error: { message: expect.any(String), type: "server_error", param: null, code: null } }],
    ["error-503", 503, { error: "Service Unavailable" }],
    ["error-detail", 502, { detail: expect.any(String) }],
    ["error-message", 504, { message: expect.any(String) }],
  ])("%s answers %i with its body, streaming or not", async (scenario, status, body) => {
    fake.setScenario({ chat: scenario });
    for (const extra of [{}, STREAM]) {
      const res = await postChat(fake, chatBody(V31, extra));
      expect(res.status).toBe(status);
      expect(res.headers.get("x-inference-provider")).toBe("fireworks-ai");
      expect(res.headers.get("retry-after")).toBeNull();
      expect(await res.json()).toEqual(body);
    }
  });

  it("echo-token-error puts the caller's token in a 500 body", async () => {
    fake.setScenario({ chat: "echo-token-error" });
    const res = await postChat(fake, chatBody(V31), auth("hf_secretValue77"));
    expect(res.status).toBe(500);
    expect(await res.text()).toContain("hf_secretValue77");
  });

  it("chatByModel wins over chat, matched on the id without suffix", async () => {
    fake.setScenario({ chat: "error-500", chatByModel: { "Qwen/Qwen3-8B": "ok" } });
    expect((await postChat(fake, chatBody("Qwen/Qwen3-8B:nscale"))).status).toBe(200);
    expect((await postChat(fake, chatBody(V31))).status).toBe(500);
    fake.setScenario({ chat: "ok", chatByModel: { [V31]: "error-503" } });
    expect((await postChat(fake, chatBody(V31))).status).toBe(503);
    expect((await postChat(fake, chatBody("Qwen/Qwen3-8B"))).status).toBe(200);
  });

  it.each([
    ["midstream-error", { error: { message: "Provider disconnected unexpectedly" } }],
    ["midstream-error-string", { error: "Provider disconnected unexpectedly" }],
  ] as const)("%s sends content, then an error event, then ends without [DONE]", async (scenario, errorEvent) => {
    fake.setScenario({ chat: scenario });
    const res = await postChat(fake, chatBody(V31, STREAM));
    expect(res.status).toBe(200);
    const data = sseData(await res.text());
    expect(JSON.parse(data.at(-1)!)).toEqual(errorEvent);
    expect(data).not.toContain("[DONE]");
    const before = chunks(data.slice(0, -1));
    expect(deltas(before).filter((d) => d.content).length).toBe(3);
  });

  it("hang never sends headers", async () => {
    fake.setScenario({ chat: "hang" });
    await expect(postChat(fake, chatBody(V31, STREAM), auth(), AbortSignal.timeout(300))).rejects.toThrow();
    await waitFor(() => fake.requests()[0].aborted, 2000, "aborted flag");
  });

  it("hang-after-first sends headers and one delta, then nothing", async () => {
    fake.setScenario({ chatByModel: { [V31]: "hang-after-first" } });
    const controller = new AbortController();
    const res = await postChat(fake, chatBody(V31, STREAM), auth(), controller.signal);
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    const first = await reader.read();
    const text = new TextDecoder().decode(first.value);
    expect(chunks(sseData(text))).toHaveLength(1);
    expect(await settlesWithin(reader.read(), 400)).toBe("pending");
    controller.abort();
    await waitFor(() => fake.requests()[0].aborted, 2000, "aborted flag");
  });

  it("slow waits 400 ms between writes", async () => {
    fake.setScenario({ chat: "slow" });
    const stream = await rawChat(fake, chatBody(V31, STREAM));
    await stream.nthRead(2);
    stream.request.destroy();
    expect(stream.reads[1].at - stream.reads[0].at).toBeGreaterThanOrEqual(350);
  });

  it("reset-midstream sends a few deltas, then destroys the socket", async () => {
    fake.setScenario({ chat: "reset-midstream" });
    const stream = await rawChat(fake, chatBody(V31, STREAM));
    expect(await stream.done).toBe("error");
    const text = stream.reads.map((r) => r.text).join("");
    expect(deltas(chunks(sseData(text))).filter((d) => d.content).length).toBe(3);
    expect(text).not.toContain("[DONE]");
    const res = await postChat(fake, chatBody(V31, STREAM));
    await expect(res.text()).rejects.toThrow();
    expect(fake.requests()[0]).toMatchObject({ aborted: false, finished: false });
  });

  it("malformed-sse sends one non-JSON data line amid valid events", async () => {
    fake.setScenario({ chat: "malformed-sse" });
    const data = sseData(await (await postChat(fake, chatBody(V31, STREAM))).text());
    const bad = data.filter((d) => {
      try {
        JSON.parse(d);
        return false;
      } catch {
        return d !== "[DONE]";
      }
    });
    expect(bad).toHaveLength(1);
    expect(data.indexOf(bad[0])).toBeLessThan(data.length - 3); // valid events follow it
    expect(data.at(-1)).toBe("[DONE]");
  });
});
