// The fake reproduces what real router recordings show (hf-router.md, "What real recordings show"),
// scripts per-call outcomes for the agent tests, replays a recording byte for byte, and answers an
// agent's turn without a tool call.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIG_SEED } from "./quirk-streams";
import { BUSY_RETRY_AFTER_S } from "./router";
import type { ChatScenario } from "./scenario";
import { startFakeHf, type FakeHf } from "./server";
import { auth, chatBody, postChat } from "./test-helpers";

let fake: FakeHf;
beforeEach(async () => {
  fake = await startFakeHf();
});
afterEach(async () => {
  await fake.close();
});

const V31 = "deepseek-ai/DeepSeek-V3.1";
const STREAM = { stream: true, stream_options: { include_usage: true } };

/** Events as a client that accepts `data:` with or without the space must read them. */
function events(text: string): string[] {
  return text
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => block.replace(/^data: ?/, ""));
}

async function streamText(scenario: ChatScenario, model = V31): Promise<string> {
  fake.setScenario({ chat: scenario });
  const res = await postChat(fake, chatBody(model, STREAM));
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/event-stream");
  return res.text();
}

describe("streams as real providers send them", () => {
  it("no-done: ends after the finish_reason chunk, which carries usage, without [DONE]", async () => {
    const text = await streamText("no-done");
    const data = events(text);
    expect(data).not.toContain("[DONE]");
    const last = JSON.parse(data.at(-1)!);
    expect(last.choices).toEqual([{ delta: {}, finish_reason: "stop", index: 0 }]);
    expect(last.usage.total_tokens).toBe(last.usage.prompt_tokens + last.usage.completion_tokens);
    expect(last.time_info).toBeDefined();
    expect(last.model).toBe("deepseek-v3.1"); // the provider's own name, no org, no suffix
    const first = JSON.parse(data[0]);
    expect(first.choices[0]).not.toHaveProperty("finish_reason");
  });

  it("tgi: `data:` with no space, eos_token on the last delta, no usage and no [DONE]", async () => {
    const text = await streamText("tgi");
    expect(text.startsWith("data:{")).toBe(true);
    expect(text).not.toContain("data: ");
    const chunks = events(text).map((d) => JSON.parse(d));
    expect(chunks.every((c) => c.id === "" && c.object === "text_completion" && c.usage === undefined)).toBe(true);
    expect(chunks.at(-1).choices[0].finish_reason).toBe("eos_token");
    expect(chunks.slice(0, -1).every((c) => c.choices[0].finish_reason === null)).toBe(true);
    expect(chunks.map((c) => c.choices[0].delta.content).join("")).toBe("Hello from fireworks-ai! You said: Hi there");
  });

  it("usage-every-chunk: spaced JSON and a cumulative usage on every chunk", async () => {
    const data = events(await streamText("usage-every-chunk"));
    expect(data.at(-1)).toBe("[DONE]");
    expect(data[0]).toMatch(/^\{"id": "chatcmpl-/);
    const usages = data.slice(0, -1).map((d) => JSON.parse(d).usage.completion_tokens);
    expect(usages).toEqual(usages.map((_, i) => i + 1));
  });

  it("big-seed: a seed above 2^53 as a bare number on the finish chunk, usage null before it", async () => {
    const data = events(await streamText("big-seed"));
    expect(data.at(-1)).toBe("[DONE]");
    const finish = data.at(-2)!;
    expect(finish).toContain(`"seed":${BIG_SEED}`);
    expect(BigInt(BIG_SEED) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(String(JSON.parse(finish).choices[0].seed)).not.toBe(BIG_SEED); // JSON.parse cannot keep it
    expect(JSON.parse(data[0]).usage).toBeNull();
    expect(JSON.parse(data[0]).choices[0].text).toBe(JSON.parse(data[0]).choices[0].delta.content);
  });

  it("DeepSeek-R1: inline <think>, then the blank line as a delta of its own", async () => {
    const data = events(await streamText("ok", "deepseek-ai/DeepSeek-R1"));
    const contents = data
      .filter((d) => d !== "[DONE]")
      .map((d) => JSON.parse(d).choices[0]?.delta?.content)
      .filter((c) => c !== undefined);
    const close = contents.indexOf("nk>");
    expect(contents[close - 1]).toBe("\n</thi");
    expect(contents[close + 1]).toBe("\n\n");
  });
});

describe("errors as real routers send them", () => {
  it.each<[ChatScenario, number, string, string | RegExp]>([
    ["error-401-html", 401, "text/html; charset=utf-8", /^<!doctype html>/],
    [
      "error-410",
      410,
      "application/json",
      `{"error":"The requested model is deprecated and no longer supported by provider 'cerebras'."}`,
    ],
    ["error-422", 422, "application/json", /"error_type":"template_error"/],
    ["error-422-text", 422, "text/plain; charset=utf-8", /^Failed to deserialize the JSON body/],
    ["error-404", 404, "application/json", `{"error":"Model openai/gpt-oss-120b does not exist"}`],
    ["error-400-not-found", 400, "application/json", /"code":"model_not_found"/],
  ])("%s answers %i as %s", async (scenario, status, type, body) => {
    fake.setScenario({ chat: scenario });
    const res = await postChat(fake, chatBody("openai/gpt-oss-120b:cerebras", STREAM));
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe(type);
    const text = await res.text();
    if (typeof body === "string") expect(text).toBe(body);
    else expect(text).toMatch(body);
  });

  it("a request without any credential gets the HTML 401", async () => {
    const res = await postChat(fake, chatBody(V31), {});
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("retry-after: 1 on together's 500, and a long one on a busy 503", async () => {
    fake.setScenario({ chat: "error-500-retry-after" });
    const res = await postChat(fake, chatBody(V31));
    expect(res.status).toBe(500);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(await res.json()).toMatchObject({ error: { type: "server_error", code: null }, id: expect.any(String) });
    fake.setScenario({ chat: "error-503-retry-after" });
    const busy = await postChat(fake, chatBody(V31));
    expect(busy.status).toBe(503);
    expect(busy.headers.get("retry-after")).toBe(String(BUSY_RETRY_AFTER_S));
  });
});

describe("chatScript", () => {
  it("plays each model's list call by call, then falls back to chatByModel and chat", async () => {
    fake.setScenario({ chatByModel: { [V31]: "error-400" }, chatScript: { [V31]: ["error-503", "ok"] } });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await postChat(fake, chatBody(`${V31}:fastest`))).status);
    expect(statuses).toEqual([503, 200, 400]);
    expect((await postChat(fake, chatBody("Qwen/Qwen3-8B"))).status).toBe(200);
  });

  it("starts over when a patch sets it again, and is validated", async () => {
    fake.setScenario({ chatScript: { [V31]: ["error-503"] } });
    expect((await postChat(fake, chatBody(V31))).status).toBe(503);
    expect((await postChat(fake, chatBody(V31))).status).toBe(200);
    fake.setScenario({ chatScript: { [V31]: ["error-503"] } });
    expect((await postChat(fake, chatBody(V31))).status).toBe(503);
    expect(() => fake.setScenario({ chatScript: { [V31]: ["error-999" as ChatScenario] } })).toThrow(/chatScript/);
  });
});

describe("serveRecording", () => {
  it("replays the bytes as given, in many reads, to every chat call with a valid token", async () => {
    const body = Buffer.from('data:{"choices":[{"delta":{"content":"é"}}]}\n\n'.repeat(200));
    fake.serveRecording({ status: 200, contentType: "text/event-stream; charset=utf-8", body });
    const res = await postChat(fake, chatBody("any/model-at-all", STREAM));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(Buffer.from(await res.arrayBuffer()).equals(body)).toBe(true);
    expect((await postChat(fake, chatBody(V31), auth("hf_invalid1"))).status).toBe(401);
    fake.serveRecording(null);
    expect((await postChat(fake, chatBody("any/model-at-all"))).status).toBe(400);
  });
});

describe("an agent's turn", () => {
  it("gets a plain final answer, no tool call, when tools are offered", async () => {
    const tools = [{ type: "function", function: { name: "exec", parameters: { type: "object" } } }];
    const body = {
      model: V31,
      messages: [
        { role: "system", content: "You are a personal assistant." },
        { role: "user", content: "[Fri 2026-12-04 01:18 UTC] Say hi" },
        { role: "user", content: [{ type: "text", text: "<<<internal context>>>" }] },
      ],
      tools,
      tool_choice: "auto",
    };
    const once = await (await postChat(fake, body)).json();
    expect(once.choices[0]).toMatchObject({
      message: { role: "assistant", content: "Hello from fireworks-ai! Nothing here needs a tool." },
      finish_reason: "stop",
    });
    expect(once.choices[0].message.tool_calls).toBeUndefined();
  });
});
