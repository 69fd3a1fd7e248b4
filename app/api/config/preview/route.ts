import { handle, json, readJsonBody } from "@/lib/server/http";
import { previewRestore } from "@/lib/server/openclaw-config/backup-restore";
import { previewModelChange } from "@/lib/server/openclaw-config/model-config";
import { previewRepair } from "@/lib/server/openclaw-config/repair-config";
import { CONFIG_BODY_LIMIT } from "../schema";
import { previewConfigSchema } from "./schema";
import { serializePreview } from "../serialize";

export const dynamic = "force-dynamic";

/** The diff a change (or `{restore: name}`, `{fix: id}`) would make to openclaw.json now. Writes nothing. */
export const POST = handle(async (request: Request) => {
  const body = await readJsonBody(request, previewConfigSchema, CONFIG_BODY_LIMIT);
  const preview =
    "restore" in body
      ? await previewRestore(body.restore)
      : "fix" in body
        ? await previewRepair(body.fix)
        : await previewModelChange(body);
  return json(serializePreview(preview));
});
