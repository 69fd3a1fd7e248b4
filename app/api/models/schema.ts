import { z } from "zod";

/** GET /api/models?refresh=1 forces a new call to the router. */
export const modelsQuerySchema = z.strictObject({
  refresh: z.enum(["1", "true", "0", "false"]).optional(),
});

export const MODELS_QUERY_HINT = "Use ?refresh=1 to ask the router again; no other parameters are accepted.";
