// The deterministic reply of the fake: what it says and how that is cut into stream deltas.
import type { ReasoningForm } from "./types";

export interface Delta {
  role?: "assistant";
  content?: string;
  reasoning?: string;
  reasoning_content?: string;
  reasoning_text?: string;
}

export interface Reply {
  deltas: Delta[];
  /** The non-streaming message. */
  message: { role: "assistant"; content: string } & Partial<
    Record<"reasoning" | "reasoning_content" | "reasoning_text", string>
  >;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
  /** "length" when `max_tokens` cut the answer short. */
  finishReason: "stop" | "length";
}

interface ContentPart {
  type?: unknown;
  text?: unknown;
}

function partsOf(content: unknown): ContentPart[] {
  if (typeof content === "string") return [{ type: "text", text: content }];
  return Array.isArray(content) ? content.filter((p): p is ContentPart => typeof p === "object" && p !== null) : [];
}

/** Text of a message's content (string or parts), plus a note of attached images. */
export function messageText(content: unknown): string {
  const parts = partsOf(content);
  const text = parts
    .filter((p) => p.type === "text" && typeof p.text === "string")
    .map((p) => p.text)
    .join(" ");
  const images = parts.filter((p) => p.type === "image_url").length;
  return images > 0 ? `${text} [${images} image${images > 1 ? "s" : ""}]`.trim() : text;
}

function lastUserText(messages: unknown[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (typeof m === "object" && m !== null && (m as { role?: unknown }).role === "user") {
      return messageText((m as { content?: unknown }).content);
    }
  }
  return "";
}

/** Cuts text into `n` near-equal pieces by code point, so no piece holds half a surrogate pair. */
export function split(text: string, n: number): string[] {
  const chars = Array.from(text);
  const count = Math.min(n, chars.length);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(
      chars.slice(Math.floor((i * chars.length) / count), Math.floor(((i + 1) * chars.length) / count)).join(""),
    );
  }
  return out;
}

export const ANSWER_PIECES = 10;
export const REASONING_PIECES = 4;

export function answerText(provider: string, userText: string): string {
  return `Hello from ${provider}! You said: ${Array.from(userText).slice(0, 80).join("")}`;
}

export function reasoningText(provider: string): string {
  return `The user greeted me. I am served by ${provider}, so I will say hello and repeat their words.`;
}

function promptChars(messages: unknown[]): number {
  return messages.reduce<number>((n, m) => n + messageText((m as { content?: unknown } | null)?.content).length, 0);
}

/** The answer to an agent's turn (tools offered): plain text and no tool call, so the turn ends. */
export function agentAnswerText(provider: string): string {
  return `Hello from ${provider}! Nothing here needs a tool.`;
}

export function composeReply(
  messages: unknown[],
  provider: string,
  form: ReasoningForm | undefined,
  toolsOffered = false,
): Reply {
  const answer = toolsOffered ? agentAnswerText(provider) : answerText(provider, lastUserText(messages));
  const reasoning = reasoningText(provider);
  const answerDeltas: Delta[] = split(answer, ANSWER_PIECES).map((content) => ({ content }));
  let deltas: Delta[];
  let message: Reply["message"];
  if (form === undefined) {
    deltas = answerDeltas;
    message = { role: "assistant", content: answer };
  } else if (form === "think-tags") {
    // The tags are cut mid-word so a client must buffer before it can recognise them.
    // …and the blank line after the closing tag is a delta of its own, as together sends it.
    const inline = ["<thi", "nk>\n", ...split(reasoning, REASONING_PIECES), "\n</thi", "nk>", "\n\n"];
    deltas = [...inline.map((content) => ({ content })), ...answerDeltas];
    message = { role: "assistant", content: `<think>\n${reasoning}\n</think>\n\n${answer}` };
  } else {
    deltas = [...split(reasoning, REASONING_PIECES).map((r) => ({ [form]: r })), ...answerDeltas];
    message = { role: "assistant", content: answer, [form]: reasoning };
  }
  deltas[0] = { role: "assistant", ...deltas[0] };
  const prompt = Math.max(1, Math.ceil(promptChars(messages) / 4));
  return {
    deltas,
    message,
    usage: { prompt_tokens: prompt, completion_tokens: deltas.length, total_tokens: prompt + deltas.length },
    finishReason: "stop",
  };
}

/**
 * `max_tokens` honoured as a provider does: the answer stops after that many tokens (one per delta
 * here) with finish_reason "length". Anything but a positive integer below the answer's length
 * leaves it whole.
 */
export function capReply(reply: Reply, maxTokens: unknown): Reply {
  if (typeof maxTokens !== "number" || !Number.isInteger(maxTokens) || maxTokens < 1) return reply;
  if (maxTokens >= reply.deltas.length) return reply;
  const deltas = reply.deltas.slice(0, maxTokens);
  const content = deltas.map((d) => d.content ?? "").join("");
  const prompt = reply.usage.prompt_tokens;
  return {
    deltas,
    message: { role: "assistant", content },
    usage: { prompt_tokens: prompt, completion_tokens: maxTokens, total_tokens: prompt + maxTokens },
    finishReason: "length",
  };
}
