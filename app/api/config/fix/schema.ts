import { z } from "zod";
import { hasControlChars } from "@/lib/safe-json";

/** A repair's id, as GET /api/config's `repairs[].id` or `validation.issues[].fix.id` gives it. */
export const fixIdSchema = z
  .string()
  .min(1)
  .max(600)
  .refine((id) => !hasControlChars(id), "Control characters are not allowed in a repair id.");

export const fixConfigSchema = z.strictObject({ id: fixIdSchema });
