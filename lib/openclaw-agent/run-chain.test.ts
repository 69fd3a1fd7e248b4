import { describe, expect, it } from "vitest";
import type { Answer } from "../chat/answer";
import type { ChatFailure } from "../chat/wire";
import { runChain, type ChainAttempt, type RunMode } from "./run-chain";

// A scripted router: each call to a ref answers with the next outcome of its list (then "ok"),
// taking 100 ms of a fake clock; waits move the clock too.
type Outcome = "ok" | Partial<ChatFailure>;

function harness(script: Record<string, Outcome[]>, options: { stopDuringWait?: number } = {}) {
  let clock = 1_000_000;
  const calls: string[] = [];
  const waits: number[] = [];
  const seen: ChainAttempt[][] = [];
  const call = async (ref: string, onUpdate: (a: Answer) => void): Promise<Answer> => {
    calls.push(ref);
    const startedAt = clock;
    onUpdate({ status: "waiting", content: "", reasoning: "", startedAt });
    clock += 100;
    const outcome = script[ref]?.shift() ?? "ok";
    if (outcome === "ok")
      return {
        status: "done",
        content: "hi",
        reasoning: "",
        meta: { ref, model: ref, provider: "nscale", requestId: null },
        startedAt,
        endedAt: clock,
      };
    const error: ChatFailure = { kind: "provider_failed", message: "m", ...outcome };
    return { status: "error", content: "", reasoning: "", error, startedAt, endedAt: clock };
  };
  const wait = async (ms: number) => {
    waits.push(ms);
    if (options.stopDuringWait === waits.length) return false;
    clock += ms;
    return true;
  };
  const run = (mode: RunMode, chain: string[]) =>
    runChain({ mode, chain, call, wait, now: () => clock, onChange: (a) => seen.push(a) });
  return { run, calls, waits, seen };
}

const P = "huggingface/deepseek-ai/DeepSeek-V3.1:fastest";
const F = "huggingface/Qwen/Qwen3-8B";
const S503 = { kind: "provider_failed", upstreamStatus: 503, provider: "together" } as const;
const tries = (attempts: ChainAttempt[]) => attempts.map((a) => [a.ref, a.try, a.status]);

describe("runChain as the agent", () => {
  it("503, 503, then a 503 asking for 120 s: two retries after 1 s and 2 s, then the fallback", async () => {
    const h = harness({ [P]: [S503, S503, { ...S503, retryAfterMs: 120_000 }] });
    const result = await h.run("agent", [P, F]);
    expect(h.calls).toEqual([P, P, P, F]);
    expect(h.waits).toEqual([1000, 2000]);
    expect(tries(result.attempts)).toEqual([
      [P, 1, "failed"],
      [P, 2, "failed"],
      [P, 3, "failed"],
      [F, 1, "answered"],
    ]);
    expect(result.attempts[0].after).toEqual({
      action: "retry",
      waitMs: 1000,
      text: "503 from together (a provider failure): the agent waits about 1 s, then retries this model (retry 1 of at most 8).",
    });
    expect(result.attempts[2].after?.text).toBe(
      "503 from together (a provider failure): the router asked to wait longer than the agent would, so it tries the next model at once.",
    );
    expect(result).toMatchObject({ outcome: "answered", answered: 3, waitMs: 3000, agentMs: 3400 });
  });

  it("shows the retry as waiting, with the moment it starts, while the agent waits", async () => {
    const h = harness({ [P]: [S503] });
    await h.run("agent", [P, F]);
    const during = h.seen.find((a) => a[1]?.status === "waiting");
    expect(during?.map((a) => [a.try, a.status])).toEqual([
      [1, "failed"],
      [2, "waiting"],
      [1, "pending"],
    ]);
    expect(during?.[1].startsAt).toBe(1_000_100 + 1000);
  });

  it("400 and 401 go to the next model at once; the last one's failure gives up", async () => {
    const h = harness({
      [P]: [{ kind: "model_not_supported", upstreamStatus: 400 }],
      [F]: [{ kind: "token_invalid", upstreamStatus: 401 }],
    });
    const result = await h.run("agent", [P, F]);
    expect(h.calls).toEqual([P, F]);
    expect(h.waits).toEqual([]);
    expect(result.outcome).toBe("failed");
    expect(result.attempts.map((a) => a.after?.action)).toEqual(["next", "give-up"]);
    expect(result.attempts[1].after?.text).toBe(
      "401 (the key refused): the agent puts the key on cooldown and gives up: no fallback is left.",
    );
  });

  it("an error in the middle of the answer stops the turn: the fallback is not tried", async () => {
    const h = harness({ [P]: [{ kind: "midstream" }] });
    const result = await h.run("agent", [P, F]);
    expect(h.calls).toEqual([P]);
    expect(result.outcome).toBe("halted");
    expect(tries(result.attempts)).toEqual([
      [P, 1, "failed"],
      [F, 1, "not-tried"],
    ]);
  });

  it("a broken connection is a timeout: retried", async () => {
    const h = harness({ [P]: [{ kind: "midstream", connectionLost: true }] });
    await h.run("agent", [P, F]);
    expect(h.calls).toEqual([P, P]);
  });

  it("Stop during a wait ends the run: no further call", async () => {
    const h = harness({ [P]: [S503] }, { stopDuringWait: 1 });
    const result = await h.run("agent", [P, F]);
    expect(h.calls).toEqual([P]);
    expect(result.outcome).toBe("stopped");
    expect(tries(result.attempts)).toEqual([
      [P, 1, "failed"],
      [P, 2, "stopped"],
      [F, 1, "not-tried"],
    ]);
  });

  it("a failure of the dashboard itself is not the agent's: the run ends there", async () => {
    const h = harness({ [P]: [{ kind: "no_token" }] });
    const result = await h.run("agent", [P, F]);
    expect(h.calls).toEqual([P]);
    expect(result.attempts[0].after?.action).toBe("stop");
    expect(result.attempts[1].status).toBe("not-tried");
  });
});

describe("runChain, quick", () => {
  it("one try per model, the agent's rule beside it, and the agent's waits added to its time", async () => {
    const h = harness({ [P]: [S503, S503] });
    const result = await h.run("quick", [P, F]);
    expect(h.calls).toEqual([P, F]);
    expect(h.waits).toEqual([]);
    expect(result.attempts[0].after).toEqual({
      action: "next",
      text: "503 from together (a provider failure): the agent retries this model up to 8 times within 90 s, then tries the next model.",
    });
    // 1 + 2 + 4 + 8 + 16 + 30 s of waits had every retry failed, plus the two calls.
    expect(result).toMatchObject({ outcome: "answered", answered: 1, waitMs: 61_000, agentMs: 61_200 });
  });

  it("stops where the agent stops", async () => {
    const h = harness({ [P]: [{ kind: "midstream" }] });
    const result = await h.run("quick", [P, F]);
    expect(h.calls).toEqual([P]);
    expect(result.outcome).toBe("halted");
  });

  it("says so when the router's retry-after sends the agent on at once", async () => {
    const h = harness({ [P]: [{ ...S503, retryAfterMs: 120_000 }] });
    const result = await h.run("quick", [P, F]);
    expect(result.waitMs).toBe(0);
    expect(result.attempts[0].after?.text).toBe(
      "503 from together (a provider failure): the agent retries this model up to 8 times within 90 s, then tries the next model; the router asked to wait 120 s.",
    );
  });
});
