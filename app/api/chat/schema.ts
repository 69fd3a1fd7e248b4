import { z } from "zod";
import { CHAT_LIMITS, REASONING_EFFORTS, type ChatRequest } from "@/lib/chat/request";
import { MAX_REF_LENGTH } from "@/lib/openclaw-config/model-ref";
import { hasControlChars } from "@/lib/safe-json";

// POST /api/chat. Unknown keys are refused so a typo fails loudly instead of being ignored.
const noControl = (text: string) => !hasControlChars(text);

const message = z.strictObject({
  role: z.enum(["user", "assistant"]),
  content: z.string().max(CHAT_LIMITS.messageChars, `A message is limited to ${CHAT_LIMITS.messageChars} characters.`),
});

const responseFormat = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text") }),
  z.strictObject({ type: z.literal("json_object") }),
  z.strictObject({
    type: z.literal("json_schema"),
    json_schema: z.strictObject({
      name: z
        .string()
        .min(1)
        .max(64)
        .regex(/^[\w-]+$/, "Use letters, digits, _ and - in a schema name."),
      schema: z.record(z.string(), z.unknown()),
      strict: z.boolean().optional(),
    }),
  }),
]);

export const chatRequestSchema = z.strictObject({
  model: z
    .string()
    .trim()
    .min(1, "Pick a model.")
    .max(MAX_REF_LENGTH)
    .refine(noControl, "The model must not contain control characters."),
  system: z
    .string()
    .max(CHAT_LIMITS.systemChars, `The system prompt is limited to ${CHAT_LIMITS.systemChars} characters.`)
    .optional(),
  messages: z
    .array(message)
    .min(1, "Send at least one message.")
    .max(CHAT_LIMITS.messages, `At most ${CHAT_LIMITS.messages} messages.`)
    .refine((list) => list[list.length - 1]?.role === "user", "The last message must be the user's."),
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().gt(0).max(1).optional(),
  max_tokens: z.number().int().min(1).max(CHAT_LIMITS.maxTokens).optional(),
  stop: z
    .array(z.string().min(1).max(CHAT_LIMITS.stopChars))
    .max(CHAT_LIMITS.stops, `At most ${CHAT_LIMITS.stops} stop sequences.`)
    .optional(),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  reasoning_effort: z.enum(REASONING_EFFORTS).optional(),
  response_format: responseFormat.optional(),
}) satisfies z.ZodType<ChatRequest>;
