import { z } from "zod";
import { MAX_TOKEN_INPUT_LENGTH } from "@/lib/token/token-input";

// PUT /api/token. The token is cleaned and checked further by lib/token/token-input (clear messages);
// this only bounds the shape. Unknown keys are refused so a typo like `forced` is not ignored.
export const putTokenSchema = z.strictObject({
  token: z
    .string({ error: "token must be a string" })
    .max(MAX_TOKEN_INPUT_LENGTH, `token is longer than ${MAX_TOKEN_INPUT_LENGTH} characters`),
  force: z.boolean({ error: "force must be true or false" }).optional(),
});

/** Small on purpose: a token line is tiny, anything bigger is a mistake or an attack. */
export const TOKEN_BODY_LIMIT = 4 * 1024;
