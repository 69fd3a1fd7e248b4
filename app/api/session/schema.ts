import { z } from "zod";

// POST /api/session: the DASHBOARD_TOKEN typed on the sign-in page.
export const signInSchema = z.strictObject({
  token: z
    .string({ error: "token must be a string" })
    .min(1, "Type the dashboard token.")
    .max(1024, "token is too long"),
});

export const SESSION_BODY_LIMIT = 4 * 1024;
