import { z } from "zod";
import { refSchema } from "@/lib/openclaw-config/change";

/** POST /api/models/check: `{refs?}`; without refs, every configured ref is checked. */
export const checkRequestSchema = z.strictObject({
  refs: z
    .array(refSchema)
    .min(1, "Send at least one ref, or no refs to check every configured one.")
    .max(100, "At most 100 refs at once.")
    .optional(),
});
