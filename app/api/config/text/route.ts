import { handle, json, readIfMatch, readJsonBody } from "@/lib/server/http";
import { saveConfigText } from "@/lib/server/openclaw-config/config-text";
import { serializeSave } from "../serialize";
import { CONFIG_TEXT_BODY_LIMIT, configTextSchema } from "./schema";

export const dynamic = "force-dynamic";

/**
 * Saves `{text}` as the whole openclaw.json. Masked values (••••••••) left at their place keep the
 * saved secrets. If-Match required (428); 409 with the current file when it changed; 422 when the
 * text does not parse, holds a mask with nothing saved at its place, OpenClaw refuses it, or OpenClaw
 * would take the write for a clobber. Nothing is written on any of those.
 */
export const PUT = handle(async (request: Request) => {
  const revision = readIfMatch(request);
  const { text } = await readJsonBody(request, configTextSchema, CONFIG_TEXT_BODY_LIMIT);
  const outcome = await saveConfigText(revision, text);
  return json(serializeSave(outcome), { headers: { etag: `"${outcome.state.revision}"` } });
});
