// Turns the router's SSE `data:` payloads into our events. Reasoning comes in four forms:
// delta.reasoning, delta.reasoning_content, delta.reasoning_text, or inline <think> in content.
import { ThinkSplitter } from "./think-splitter";
import type { ChatEvent, ChatFailure, ChatUsage } from "./wire";

const REASONING_FIELDS = ["reasoning_content", "reasoning", "reasoning_text"] as const;

interface Delta {
  content?: unknown;
  reasoning?: unknown;
  reasoning_content?: unknown;
  reasoning_text?: unknown;
}

interface Chunk {
  choices?: { delta?: Delta; finish_reason?: unknown }[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown; total_tokens?: unknown } | null;
  error?: unknown;
}

function count(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : 0;
}

export class ChunkNormalizer {
  private readonly think = new ThinkSplitter();
  finishReason: string | null = null;
  skipped = 0;
  /** [DONE] or an error was seen: nothing after it matters. */
  finished = false;
  sawOutput = false;

  /** Handles one SSE data payload, appending events to `out`. */
  push(data: string, out: ChatEvent[]): void {
    if (this.finished) return;
    if (data === "[DONE]") {
      this.finish(out);
      return;
    }
    let chunk: Chunk;
    try {
      chunk = JSON.parse(data) as Chunk;
    } catch {
      this.skipped++;
      return;
    }
    if (!chunk || typeof chunk !== "object") {
      this.skipped++;
      return;
    }
    if (chunk.error !== undefined && chunk.error !== null) {
      // Only the fact of the error is kept: its text may echo the token.
      this.fail(out, { kind: "midstream", message: "The provider reported an error in the middle of the answer." });
      return;
    }
    const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
    const delta = choice?.delta;
    if (delta && typeof delta === "object") {
      // Some servers send the same text under two names (vLLM: reasoning and reasoning_content): take one.
      for (const field of REASONING_FIELDS) {
        const value = delta[field];
        if (typeof value === "string" && value !== "") {
          this.push1(out, "reasoning", value);
          break;
        }
      }
      if (typeof delta.content === "string" && delta.content !== "") {
        for (const segment of this.think.push(delta.content)) this.push1(out, segment.kind, segment.text);
      }
    }
    if (typeof choice?.finish_reason === "string") this.finishReason = choice.finish_reason;
    if (chunk.usage && typeof chunk.usage === "object") {
      const usage: ChatUsage = {
        promptTokens: count(chunk.usage.prompt_tokens),
        completionTokens: count(chunk.usage.completion_tokens),
        totalTokens: count(chunk.usage.total_tokens),
      };
      out.push({ type: "usage", usage });
    }
  }

  /** The stream broke: what the splitter held back is released, then the error. */
  fail(out: ChatEvent[], error: ChatFailure): void {
    if (this.finished) return;
    this.flushThink(out);
    this.finished = true;
    out.push({ type: "error", error });
  }

  /** The upstream body ended (with or without [DONE]). */
  end(out: ChatEvent[]): void {
    if (!this.finished) this.finish(out);
  }

  private finish(out: ChatEvent[]): void {
    this.flushThink(out);
    this.finished = true;
    out.push({ type: "done", finishReason: this.finishReason, skipped: this.skipped });
  }

  private flushThink(out: ChatEvent[]): void {
    for (const segment of this.think.end()) this.push1(out, segment.kind, segment.text);
  }

  private push1(out: ChatEvent[], kind: "reasoning" | "content", text: string): void {
    this.sawOutput = true;
    out.push({ type: kind, text });
  }
}
