import { z } from "zod";

/** A whole openclaw.json as text (JSON5); its 2 MB cap is checked in bytes by lib/server. */
export const configTextSchema = z.strictObject({ text: z.string() });

/** The JSON body around a 2 MB text, with room for escapes. */
export const CONFIG_TEXT_BODY_LIMIT = 2.5 * 1024 * 1024;
