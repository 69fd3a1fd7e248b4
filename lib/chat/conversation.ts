// The playground's conversation in browser storage: model, system prompt and messages only.
// Nothing token-like is ever stored; what is read back is validated, so a stale or tampered
// entry is dropped instead of breaking the page.
import type { Answer } from "./answer";

export const CONVERSATION_KEY = "hfpd.playground.conversation.v1";
const MAX_STORED_CHARS = 2_000_000;

// A hand-written shape check rather than zod: this is the only validation the playground's
// bundle needs, and zod (even zod/mini) cost it ~15 kB gzipped of its 60 kB budget.
type Check = (value: unknown) => boolean;
const str: Check = (v) => typeof v === "string";
const num: Check = (v) => typeof v === "number" && Number.isFinite(v);
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const nullable =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const shape =
  (fields: Record<string, Check>): Check =>
  (v) =>
    !!v &&
    typeof v === "object" &&
    !Array.isArray(v) &&
    Object.entries(fields).every(([key, check]) => check((v as Record<string, unknown>)[key]));

const failure = shape({
  kind: str,
  message: str,
  upstreamStatus: optional(num),
  provider: optional(nullable(str)),
  requestId: optional(nullable(str)),
});
const answer = shape({
  status: (v) => v === "done" || v === "error" || v === "stopped",
  content: str,
  reasoning: str,
  meta: optional(
    shape({ ref: str, model: str, alias: optional(str), provider: nullable(str), requestId: nullable(str) }),
  ),
  usage: optional(shape({ promptTokens: num, completionTokens: num, totalTokens: num })),
  finishReason: optional(nullable(str)),
  skipped: optional(num),
  error: optional(failure),
  startedAt: num,
  firstTokenAt: optional(num),
  endedAt: optional(num),
});
const turn: Check = (v) =>
  shape({ role: (r) => r === "user", content: str })(v) || shape({ role: (r) => r === "assistant", answer })(v);
const isStoredConversation = shape({
  model: (v) => typeof v === "string" && v.length <= 300,
  system: str,
  turns: (v) => Array.isArray(v) && v.length <= 400 && v.every(turn),
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
    const value: unknown = JSON.parse(text);
    return isStoredConversation(value) ? (value as Conversation) : null;
  } catch {
    return null;
  }
}

/** Saves finished turns only: an answer still streaming is stored as stopped. */
export function saveConversation(
  storage: Pick<Storage, "setItem" | "removeItem"> | undefined,
  conversation: Conversation,
): void {
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
