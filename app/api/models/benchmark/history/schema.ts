import { z } from "zod";

/** GET /api/models/benchmark/history[?model=org/name] */
export const historyQuerySchema = z.strictObject({
  model: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9][\w.-]*\/[\w.-]+$/)
    .optional(),
});

export const HISTORY_QUERY_HINT =
  "Use ?model=org/name to see one model's benchmarks; no other parameters are accepted.";
