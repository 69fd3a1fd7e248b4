import { handle, json, readIfMatch, readJsonBody } from "@/lib/server/http";
import { restoreFromBackup } from "@/lib/server/openclaw-config/backup-restore";
import { restoreConfigSchema } from "./schema";
import { serializeSave } from "../../serialize";

export const dynamic = "force-dynamic";

/** Replaces openclaw.json with backup {name}; If-Match required; the replaced file becomes .bak. */
export const POST = handle(async (request: Request) => {
  const revision = readIfMatch(request);
  const { name } = await readJsonBody(request, restoreConfigSchema, 1024);
  return json(serializeSave(await restoreFromBackup(name, revision)));
});
