import { z } from "zod";
import { modelChangeSchema } from "@/lib/openclaw-config/change";

/** A model change, or `{restore: "<backup name>"}` to see what restoring it would change. */
export const previewConfigSchema = z.union([
  z.strictObject({ restore: z.string().min(1).max(100) }),
  modelChangeSchema,
]);
