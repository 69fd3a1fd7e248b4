// zod schemas for the parts of openclaw.json the dashboard writes, as strict as OpenClaw's own
// (read from openclaw@2026.9.6's zod-schema.*.mjs): an unknown key there makes OpenClaw refuse the
// whole file, so we check before writing. Parts we do not touch are passed through unchecked.
import { z } from "zod";
import { hasControlChars } from "@/lib/safe-json";
import { MAX_ALIAS_LENGTH } from "./aliases";

const MODEL_APIS = [
  "openai-completions",
  "openai-responses",
  "openai-chatgpt-responses",
  "anthropic-messages",
  "google-generative-ai",
  "google-vertex",
  "github-copilot",
  "bedrock-converse-stream",
  "ollama",
  "pi-messages",
  "azure-openai-responses",
] as const;

const refString = z
  .string()
  .min(1)
  .refine((ref) => !hasControlChars(ref), "Control characters are not allowed in a model ref.");

const agentModelSchema = z.union([
  refString,
  z.strictObject({ primary: refString.optional(), fallbacks: z.array(refString).optional() }),
]);

// `alias` lives here and only here (OpenClaw rejects it in provider model entries).
const agentModelEntrySchema = z.strictObject({
  alias: z
    .string()
    .max(MAX_ALIAS_LENGTH)
    .refine((a) => !hasControlChars(a), "Control characters are not allowed in an alias.")
    .optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  agentRuntime: z.strictObject({ id: z.string().optional() }).optional(),
  pickerRuntimes: z
    .array(
      z
        .string()
        .trim()
        .min(1)
        .max(128)
        .regex(/^[a-z][a-z0-9-]*$/),
    )
    .max(8)
    .optional(),
  codeMode: z.boolean().optional(),
  streaming: z.boolean().optional(),
});

const costSchema = z.strictObject({
  input: z.number().optional(),
  output: z.number().optional(),
  cacheRead: z.number().optional(),
  cacheWrite: z.number().optional(),
  tieredPricing: z.array(z.unknown()).optional(),
});

const providerModelSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  api: z.enum(MODEL_APIS).optional(),
  baseUrl: z.string().min(1).optional(),
  reasoning: z.boolean().optional(),
  input: z.array(z.enum(["text", "image", "video", "audio"])).optional(),
  cost: costSchema.optional(),
  contextWindow: z.number().positive().optional(),
  contextTokens: z.number().int().positive().optional(),
  maxTokens: z.number().positive().optional(),
  thinkingLevelMap: z.record(z.string(), z.string().nullable()).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  agentRuntime: z.strictObject({ id: z.string().optional() }).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  compat: z.unknown().optional(),
  mediaInput: z.unknown().optional(),
  metadataSource: z.literal("models-add").optional(),
});

/** OpenClaw accepts any string here; a baseUrl that is not a URL breaks every call, so we refuse it. */
const baseUrlSchema = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}, "baseUrl must be an http(s) URL such as https://router.huggingface.co/v1.");

const huggingfaceProviderSchema = z.strictObject({
  baseUrl: baseUrlSchema,
  apiKey: z.unknown().optional(),
  auth: z.enum(["api-key", "aws-sdk", "oauth", "token"]).optional(),
  api: z.enum(MODEL_APIS).optional(),
  maxTokens: z.number().positive().optional(),
  timeoutSeconds: z.number().int().positive().optional(),
  region: z.string().min(1).optional(),
  injectNumCtxForOpenAICompat: z.boolean().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  agentRuntime: z.strictObject({ id: z.string().optional() }).optional(),
  localService: z.unknown().optional(),
  headers: z.record(z.string(), z.unknown()).optional(),
  authHeader: z.boolean().optional(),
  request: z.unknown().optional(),
  models: z.array(providerModelSchema),
});

const modelsSectionSchema = z.strictObject({
  mode: z.enum(["merge", "replace"]).optional(),
  providers: z.looseObject({ huggingface: huggingfaceProviderSchema.optional() }).optional(),
  catalogRefresh: z.unknown().optional(),
});

/** The whole file, checked only where the dashboard writes. */
export const touchedConfigSchema = z.looseObject({
  agents: z
    .looseObject({
      defaults: z
        .looseObject({
          model: agentModelSchema.optional(),
          models: z.record(z.string(), agentModelEntrySchema).optional(),
          modelPolicy: z.looseObject({ allow: z.array(refString).optional() }).optional(),
        })
        .optional(),
    })
    .optional(),
  models: modelsSectionSchema.optional(),
});

export interface ConfigIssue {
  path: string;
  message: string;
}

export function checkTouchedConfig(config: unknown): ConfigIssue[] {
  const result = touchedConfigSchema.safeParse(config);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}
