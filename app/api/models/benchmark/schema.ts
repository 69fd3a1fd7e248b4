import { z } from "zod";
import { BENCHMARK_LIMITS } from "@/lib/benchmark/wire";
import { hasControlChars } from "@/lib/safe-json";

const MODEL_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;
const PROVIDER = /^[a-z0-9][a-z0-9-]*$/;

/** POST /api/models/benchmark: `{model, providers?, runs, prompt?, maxTokens?}`. */
export const benchmarkRequestSchema = z.strictObject({
  model: z.string().max(200).regex(MODEL_ID, "A model id such as deepseek-ai/DeepSeek-V3.1 (no prefix, no suffix)."),
  providers: z
    .array(z.string().max(50).regex(PROVIDER, "A provider id such as groq."))
    .min(1)
    .max(BENCHMARK_LIMITS.maxProviders)
    .refine((list) => new Set(list).size === list.length, "A provider is listed twice.")
    .optional(),
  runs: z.number().int().min(BENCHMARK_LIMITS.minRuns).max(BENCHMARK_LIMITS.maxRuns),
  prompt: z
    .string()
    .trim()
    .min(1)
    .max(BENCHMARK_LIMITS.maxPromptChars)
    .refine((text) => !hasControlChars(text.replace(/[\n\t]/g, " ")), "Control characters are not allowed.")
    .optional(),
  maxTokens: z.number().int().min(1).max(BENCHMARK_LIMITS.maxTokens).optional(),
});
