import { handle, json, readJsonBody } from "@/lib/server/http";
import { previewConfigText } from "@/lib/server/openclaw-config/config-text";
import { serializeTextPreview } from "../../serialize";
import { CONFIG_TEXT_BODY_LIMIT, configTextSchema } from "../schema";

export const dynamic = "force-dynamic";

/** What saving `{text}` as the whole file would do: diff, OpenClaw's verdict, what stops it. Writes nothing. */
export const POST = handle(async (request: Request) => {
  const { text } = await readJsonBody(request, configTextSchema, CONFIG_TEXT_BODY_LIMIT);
  return json(serializeTextPreview(await previewConfigText(text)));
});
