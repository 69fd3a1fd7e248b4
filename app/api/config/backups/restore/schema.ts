import { z } from "zod";

export const restoreConfigSchema = z.strictObject({ name: z.string().min(1).max(100) });
