import { handle, json, readIfMatch, readJsonBody } from "@/lib/server/http";
import { applyRepair } from "@/lib/server/openclaw-config/repair-config";
import { fixConfigSchema } from "./schema";
import { serializeSave } from "../serialize";

export const dynamic = "force-dynamic";

/**
 * Applies repair {id} to openclaw.json through the normal save path (the running Gateway, or the
 * file). If-Match required (428); 409 with the current file when it changed; 404 when the repair
 * does not apply to the file; 422 when the file does not parse or OpenClaw refuses the result.
 */
export const POST = handle(async (request: Request) => {
  const revision = readIfMatch(request);
  const { id } = await readJsonBody(request, fixConfigSchema, 4096);
  const outcome = await applyRepair(id, revision);
  return json(serializeSave(outcome), { headers: { etag: `"${outcome.state.revision}"` } });
});
