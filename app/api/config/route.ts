import { AppError } from "@/lib/errors";
import { isEmptyChange } from "@/lib/openclaw-config/change";
import { handle, json, readIfMatch, readJsonBody } from "@/lib/server/http";
import { getConfigState, saveModelChange } from "@/lib/server/openclaw-config/model-config";
import { CONFIG_BODY_LIMIT, patchConfigSchema } from "./schema";
import { serializeSave, serializeState } from "./serialize";

export const dynamic = "force-dynamic";

const etag = (revision: string) => ({ etag: `"${revision}"` });

/** openclaw.json as it is: text (secrets masked), revision, parse problem, model settings, warnings, backups. */
export const GET = handle(async () => {
  const state = await getConfigState();
  return json(serializeState(state), { headers: etag(state.revision) });
});

/**
 * Applies {primary?, fallbacks?, aliases?, allow?} the way OpenClaw's commands do.
 * If-Match required (428); 409 with the current state when the file changed; 422 when it does
 * not parse or the result would be refused by OpenClaw. With a Gateway running, the change goes
 * through its config.patch (appliedBy "gateway"), else to the file (appliedBy "file").
 */
export const PATCH = handle(async (request: Request) => {
  const revision = readIfMatch(request);
  const change = await readJsonBody(request, patchConfigSchema, CONFIG_BODY_LIMIT);
  if (isEmptyChange(change))
    throw new AppError("invalid_body", "Nothing to change: send primary, fallbacks, aliases or allow.");
  const outcome = await saveModelChange(revision, change);
  return json(serializeSave(outcome), { headers: etag(outcome.state.revision) });
});
