// The playground's conversation in browser storage: model, system prompt and messages only.
// Nothing token-like is ever stored; what is read back is validated, so a stale or tampered
// entry is dropped instead of breaking the page.
import { z } from "zod";
import type { Answer } from "./answer";

export const CONVERSATION_KEY = "hfpd.playground.conversation.v1";
const MAX_STORED_CHARS = 2_000_000;

const failure = z.object({
  kind: z.string(),
  message: z.string(),
  upstreamStatus: z.number().optional(),
  provider: z.string().nullable().optional(),
  requestId: z.string().nullable().optional(),
});

const answerSchema = z.object({
  status: z.enum(["done", "error", "stopped"]),
  content: z.string(),
  reasoning: z.string(),
  meta: z.object({ ref: z.string(), model: z.string(), alias: z.string().optional(), provider: z.string().nullable(), requestId: z.string().nullable() }).optional(),
  usage: z.object({ promptTokens: z.number(), completionTokens: z.number(), totalTokens: z.number() }).optional(),
  finishReason: z.string().nullable().optional(),
  skipped: z.number().optional(),
  error: failure.optional(),
  startedAt: z.number(),
  firstTokenAt: z.number().optional(),
  endedAt: z.number().optional(),
});

const turnSchema = z.discriminatedUnion("role", [
  z.object({ role: z.literal("user"), content: z.string() }),
  z.object({ role: z.literal("assistant"), answer: answerSchema }),
]);

const conversationSchema = z.object({
  model: z.string().max(300),
  system: z.string(),
  turns: z.array(turnSchema).max(400),
});

export type UserTurn = { role: "user"; content: string };
export type AssistantTurn = { role: "assistant"; answer: Answer };
export type Turn = UserTurn | AssistantTurn;

export interface Conversation {
  model: string;
  system: string;
  turns: Turn[];
}

export function loadConversation(storage: Pick<Storage, "getItem"> | undefined): Conversation | null {
  try {
    const text = storage?.getItem(CONVERSATION_KEY);
    if (!text) return null;
    const parsed = conversationSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data as Conversation) : null;
  } catch {
    return null;
  }
}

/** Saves finished turns only: an answer still streaming is stored as stopped. */
export function saveConversation(storage: Pick<Storage, "setItem" | "removeItem"> | undefined, conversation: Conversation): void {
  if (!storage) return;
  const turns = conversation.turns.map((turn): Turn =>
    turn.role === "assistant" && (turn.answer.status === "waiting" || turn.answer.status === "streaming")
      ? { role: "assistant", answer: { ...turn.answer, status: "stopped" } }
      : turn,
  );
  const text = JSON.stringify({ model: conversation.model, system: conversation.system, turns });
  try {
    if (text.length > MAX_STORED_CHARS) storage.removeItem(CONVERSATION_KEY);
    else storage.setItem(CONVERSATION_KEY, text);
  } catch {
    // Storage full or disabled: the conversation simply does not survive a reload.
  }
}

export function clearConversation(storage: Pick<Storage, "removeItem"> | undefined): void {
  try {
    storage?.removeItem(CONVERSATION_KEY);
  } catch {
    // ignore
  }
}

/** The messages to send: user turns and the text of finished answers, in order. */
export function messagesOf(turns: readonly Turn[]): { role: "user" | "assistant"; content: string }[] {
  const out: { role: "user" | "assistant"; content: string }[] = [];
  for (const turn of turns) {
    if (turn.role === "user") out.push({ role: "user", content: turn.content });
    else if (turn.answer.content.trim() !== "") out.push({ role: "assistant", content: turn.answer.content });
  }
  return out;
}
