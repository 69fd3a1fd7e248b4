// One streamed answer as the browser sees it, built event by event (a pure reducer), and the
// figures shown under it: time to first token, tokens per second, usage, provider, cost.
import type { ChatEvent, ChatFailure, ChatUsage } from "./wire";

export type AnswerStatus = "waiting" | "streaming" | "done" | "error" | "stopped";

export interface AnswerMeta {
  ref: string;
  model: string;
  alias?: string;
  provider: string | null;
  requestId: string | null;
}

export interface Answer {
  status: AnswerStatus;
  content: string;
  reasoning: string;
  meta?: AnswerMeta;
  usage?: ChatUsage;
  finishReason?: string | null;
  skipped?: number;
  error?: ChatFailure;
  /** ms timestamps (performance.now() or Date.now(): only differences are used). */
  startedAt: number;
  firstTokenAt?: number;
  endedAt?: number;
}

export function newAnswer(now: number): Answer {
  return { status: "waiting", content: "", reasoning: "", startedAt: now };
}

export function isRunning(answer: Pick<Answer, "status"> | undefined): boolean {
  return answer?.status === "waiting" || answer?.status === "streaming";
}

export function applyEvent(answer: Answer, event: ChatEvent, now: number): Answer {
  if (!isRunning(answer)) return answer;
  switch (event.type) {
    case "meta": {
      const meta: AnswerMeta = {
        ref: event.ref,
        model: event.model,
        provider: event.provider,
        requestId: event.requestId,
      };
      if (event.alias) meta.alias = event.alias;
      return { ...answer, meta };
    }
    case "reasoning":
      return {
        ...answer,
        status: "streaming",
        reasoning: answer.reasoning + event.text,
        firstTokenAt: answer.firstTokenAt ?? now,
      };
    case "content":
      return {
        ...answer,
        status: "streaming",
        content: answer.content + event.text,
        firstTokenAt: answer.firstTokenAt ?? now,
      };
    case "usage":
      return { ...answer, usage: event.usage };
    case "error":
      return { ...answer, status: "error", error: event.error, endedAt: now };
    case "done":
      return { ...answer, status: "done", finishReason: event.finishReason, skipped: event.skipped, endedAt: now };
  }
}

export function stopAnswer(answer: Answer, now: number): Answer {
  return isRunning(answer) ? { ...answer, status: "stopped", endedAt: now } : answer;
}

export interface AnswerStats {
  ttftMs?: number;
  totalMs?: number;
  tokensPerSecond?: number;
}

export function answerStats(answer: Answer): AnswerStats {
  const stats: AnswerStats = {};
  if (answer.firstTokenAt !== undefined) stats.ttftMs = Math.max(0, answer.firstTokenAt - answer.startedAt);
  if (answer.endedAt !== undefined) stats.totalMs = Math.max(0, answer.endedAt - answer.startedAt);
  const tokens = answer.usage?.completionTokens;
  if (tokens && answer.firstTokenAt !== undefined && answer.endedAt !== undefined) {
    const seconds = (answer.endedAt - answer.firstTokenAt) / 1000;
    if (seconds > 0) stats.tokensPerSecond = tokens / seconds;
  }
  return stats;
}
