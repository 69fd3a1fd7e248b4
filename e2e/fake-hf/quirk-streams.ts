// Streams shaped like the providers' own, as "What real recordings show" in hf-router.md describes
// them (the recordings themselves stay in ../shared): a stream that ends after its finish_reason
// without [DONE], TGI's `data:` without a space, cumulative usage on every chunk, and a seed above
// 2^53 written as a bare JSON number, which JSON.parse cannot hold exactly.
import type { Delta, Reply } from "./chat-content";
import type { ChunkMeta, StreamSpec } from "./chat-stream";
import type { ChatScenario } from "./scenario";

export const QUIRK_SCENARIOS = ["no-done", "tgi", "usage-every-chunk", "big-seed"] as const;
export type QuirkScenario = (typeof QUIRK_SCENARIOS)[number];

export function isQuirk(scenario: ChatScenario): scenario is QuirkScenario {
  return (QUIRK_SCENARIOS as readonly string[]).includes(scenario);
}

/** Above Number.MAX_SAFE_INTEGER (2^53 − 1): JSON.parse turns it into 6917529027641081856. */
export const BIG_SEED = "6917529027641081857";

/** The provider's own model name: no org, lower case (as `llama-3.3-70b`), never the suffix. */
export function providerModelName(modelId: string): string {
  return (modelId.split("/").pop() ?? modelId).toLowerCase();
}

/** JSON with a space after `:` and `,`, as Python's json.dumps writes it (hyperbolic, novita). */
export function spacedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(spacedJson).join(", ")}]`;
  if (value && typeof value === "object")
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}: ${spacedJson(v)}`)
      .join(", ")}}`;
  return JSON.stringify(value);
}

const event = (data: string, space = true) => `data:${space ? " " : ""}${data}\n\n`;

/** Completion tokens so far: one per delta, as the fake counts them. */
function usageAfter(reply: Reply, deltas: number) {
  const prompt = reply.usage.prompt_tokens;
  return { prompt_tokens: prompt, completion_tokens: deltas, total_tokens: prompt + deltas };
}

export function quirkStream(scenario: QuirkScenario, reply: Reply, meta: ChunkMeta): StreamSpec {
  const model = providerModelName(meta.model);
  const last = reply.deltas.length - 1;
  switch (scenario) {
    case "no-done": {
      // cerebras: content chunks carry no finish_reason key; the finish chunk has usage and time_info.
      const events = reply.deltas.map((delta) =>
        event(JSON.stringify({ id: meta.id, choices: [{ delta, index: 0 }], created: meta.created, model })),
      );
      events.push(
        event(
          JSON.stringify({
            id: meta.id,
            choices: [{ delta: {}, finish_reason: "stop", index: 0 }],
            created: meta.created,
            model,
            usage: reply.usage,
            time_info: { queue_time: 0.0001, total_time: 0.02 },
          }),
        ),
      );
      return { events, ending: "end" };
    }
    case "tgi": {
      // TGI: `data:` with no space, id "", object "text_completion", the last delta ends with
      // finish_reason "eos_token", no usage and no [DONE].
      const events = reply.deltas.map((delta, i) =>
        event(
          JSON.stringify({
            id: "",
            object: "text_completion",
            created: meta.created,
            model: meta.model,
            choices: [
              {
                index: 0,
                delta: { role: "assistant", ...delta },
                logprobs: null,
                finish_reason: i === last ? "eos_token" : null,
              },
            ],
          }),
          false,
        ),
      );
      return { events, ending: "end" };
    }
    case "usage-every-chunk": {
      // hyperbolic: spaced JSON and a cumulative usage object on every chunk.
      const events = reply.deltas.map((delta, i) =>
        event(
          spacedJson({
            id: meta.id,
            object: "chat.completion.chunk",
            created: meta.created,
            model: meta.model,
            choices: [{ index: 0, delta, logprobs: null, finish_reason: i === last ? "stop" : null }],
            usage: usageAfter(reply, i + 1),
          }),
        ),
      );
      events.push(event("[DONE]"));
      return { events, ending: "end" };
    }
    case "big-seed": {
      // together: `text` and `token_id` beside each delta, usage null until the last chunk, which
      // carries finish_reason, the usage and a seed above 2^53.
      const chunk = (delta: Delta, i: number) =>
        JSON.stringify({
          id: meta.id,
          object: "chat.completion.chunk",
          created: meta.created,
          choices: [
            {
              index: 0,
              text: delta.content ?? "",
              logprobs: null,
              finish_reason: i === last ? "stop" : null,
              seed: i === last ? "__SEED__" : null,
              delta: { token_id: 1000 + i, role: "assistant", ...delta, tool_calls: null },
            },
          ],
          model: meta.model,
          usage: i === last ? reply.usage : null,
        }).replace('"__SEED__"', BIG_SEED);
      const events = reply.deltas.map((delta, i) => event(chunk(delta, i)));
      events.push(event("[DONE]"));
      return { events, ending: "end" };
    }
  }
}
