import { z } from "zod";
import { modelChangeSchema } from "@/lib/openclaw-config/change";
import { fixIdSchema } from "../fix/schema";

/** A model change, `{restore: "<backup name>"}` or `{fix: "<repair id>"}`: what it would change. */
export const previewConfigSchema = z.union([
  z.strictObject({ restore: z.string().min(1).max(100) }),
  z.strictObject({ fix: fixIdSchema }),
  modelChangeSchema,
]);
