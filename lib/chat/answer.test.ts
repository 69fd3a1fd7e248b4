import { describe, expect, it } from "vitest";
import { answerStats, applyEvent, newAnswer, stopAnswer } from "./answer";
import { failureFromBody } from "./client";
import { resolveModelInput, withPolicy } from "./model-input";
import { NdjsonDecoder, encodeEvent, type ChatEvent } from "./wire";

describe("answer reducer", () => {
  it("builds an answer and its figures from events", () => {
    const events: [ChatEvent, number][] = [
      [{ type: "meta", ref: "huggingface/a/b", model: "a/b", provider: "groq", requestId: "r1" }, 110],
      [{ type: "reasoning", text: "hm" }, 300],
      [{ type: "content", text: "Hi" }, 400],
      [{ type: "usage", usage: { promptTokens: 5, completionTokens: 20, totalTokens: 25 } }, 1_290],
      [{ type: "done", finishReason: "stop", skipped: 0 }, 1_300],
    ];
    const answer = events.reduce((a, [event, at]) => applyEvent(a, event, at), newAnswer(100));
    expect(answer).toMatchObject({
      status: "done",
      content: "Hi",
      reasoning: "hm",
      meta: { provider: "groq", requestId: "r1" },
    });
    expect(answerStats(answer)).toEqual({ ttftMs: 200, totalMs: 1200, tokensPerSecond: 20 });
  });

  it("keeps the partial answer on error and ignores events after the end", () => {
    let answer = applyEvent(newAnswer(0), { type: "content", text: "Part" }, 1);
    answer = applyEvent(answer, { type: "error", error: { kind: "midstream", message: "m" } }, 2);
    answer = applyEvent(answer, { type: "content", text: "more" }, 3);
    expect(answer).toMatchObject({ status: "error", content: "Part" });
    expect(stopAnswer(answer, 4).status).toBe("error");
    expect(stopAnswer(newAnswer(0), 4).status).toBe("stopped");
  });
});

describe("NdjsonDecoder", () => {
  it("reassembles lines split across reads", () => {
    const text =
      encodeEvent({ type: "content", text: "é😀" }) + encodeEvent({ type: "done", finishReason: null, skipped: 0 });
    const bytes = new TextEncoder().encode(text);
    const decoder = new NdjsonDecoder();
    const events = [];
    for (let i = 0; i < bytes.length; i += 3) events.push(...decoder.push(bytes.subarray(i, i + 3)));
    events.push(...decoder.end());
    expect(events).toEqual([
      { type: "content", text: "é😀" },
      { type: "done", finishReason: null, skipped: 0 },
    ]);
  });
});

describe("failureFromBody", () => {
  it("uses our explanation for upstream failures and the server's message for its own refusals", () => {
    const upstream = failureFromBody(502, {
      error: {
        code: "upstream_error",
        message: "x",
        details: { kind: "provider_failed", upstreamStatus: 503, requestId: "r" },
      },
    });
    expect(upstream).toMatchObject({ kind: "provider_failed", upstreamStatus: 503, requestId: "r" });
    expect(failureFromBody(400, { error: { code: "invalid_body", message: "Invalid request: model" } })).toEqual({
      kind: "invalid_request",
      message: "Invalid request: model",
    });
    expect(failureFromBody(500, "nope").kind).toBe("bad_response");
  });
});

describe("model input", () => {
  const aliases = {
    "huggingface/deepseek-ai/DeepSeek-R1": "Hugging Face",
    "huggingface/openai/gpt-oss-120b:groq": "Fast",
  };
  it("resolves aliases case-insensitively, refs and bare ids", () => {
    expect(resolveModelInput("fast", aliases)).toMatchObject({
      valid: true,
      routerModel: "openai/gpt-oss-120b:groq",
      alias: "Fast",
    });
    expect(resolveModelInput("deepseek-ai/DeepSeek-R1", aliases)).toMatchObject({
      ref: "huggingface/deepseek-ai/DeepSeek-R1",
      alias: "Hugging Face",
    });
    expect(resolveModelInput("not a model", aliases).valid).toBe(false);
  });
  it("a duplicated alias means the last ref, as in OpenClaw (the Playground tests what the agent would use)", () => {
    const duplicated = { ...aliases, "huggingface/Qwen/Qwen3-8B": "fast" };
    expect(resolveModelInput("Fast", duplicated)).toMatchObject({ ref: "huggingface/Qwen/Qwen3-8B", alias: "fast" });
  });
  it("rewrites the policy", () => {
    expect(withPolicy("Fast", aliases, { kind: "cheapest" })).toBe("huggingface/openai/gpt-oss-120b:cheapest");
    expect(withPolicy("Qwen/Qwen3-8B:nscale", aliases, { kind: "auto" })).toBe("huggingface/Qwen/Qwen3-8B");
  });
});
