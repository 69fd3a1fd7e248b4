// The body of POST /api/chat (validated by app/api/chat/schema.ts) and how it becomes the
// router's chat/completions body. Pure: the browser builds requests and snippets from it too.
export const REASONING_EFFORTS = ["none", "minimal", "low", "medium", "high"] as const;
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

export const CHAT_LIMITS = {
  bodyBytes: 512 * 1024,
  messages: 200,
  messageChars: 100_000,
  systemChars: 20_000,
  stops: 4,
  stopChars: 100,
  maxTokens: 1_000_000,
} as const;

type ChatRole = "user" | "assistant";

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export type ResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; json_schema: { name: string; schema: Record<string, unknown>; strict?: boolean } };

export interface ChatParams {
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  stop?: string[];
  seed?: number;
  reasoning_effort?: ReasoningEffort;
  response_format?: ResponseFormat;
}

export interface ChatRequest extends ChatParams {
  /** A ref (`huggingface/org/model[:suffix]`), a bare router id (`org/model[:suffix]`) or an alias. */
  model: string;
  system?: string;
  messages: ChatMessage[];
}

const PARAM_KEYS = [
  "temperature",
  "top_p",
  "max_tokens",
  "stop",
  "seed",
  "reasoning_effort",
  "response_format",
] as const;

/** The router's body for a request: system prompt first, streaming with usage. */
export function routerBody(request: ChatRequest, routerModel: string, stream = true): Record<string, unknown> {
  const messages: { role: string; content: string }[] = [];
  if (request.system && request.system.trim() !== "") messages.push({ role: "system", content: request.system });
  for (const message of request.messages) messages.push({ role: message.role, content: message.content });
  const body: Record<string, unknown> = { model: routerModel, messages };
  for (const key of PARAM_KEYS) {
    const value = request[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) body[key] = value;
  }
  if (stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  return body;
}
