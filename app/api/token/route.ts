import { gatewayStatus } from "@/lib/server/gateway/client";
import { handle, json, readJsonBody } from "@/lib/server/http";
import { getTokenStatus, removeToken, saveToken } from "@/lib/server/token/token-service";
import { putTokenSchema, TOKEN_BODY_LIMIT } from "./schema";

export const dynamic = "force-dynamic";

/** Status of the token in effect: source, mask, account, permission, last check. */
export const GET = handle(async () => json(await getTokenStatus()));

/** Saves {token, force?} as HF_TOKEN in <state>/.env after checking it with Hugging Face. */
export const PUT = handle(async (request: Request) => {
  const body = await readJsonBody(request, putTokenSchema, TOKEN_BODY_LIMIT);
  const saved = await saveToken(body.token, body.force ?? false);
  return json({ ...saved, gatewayRunning: await gatewayRunning() });
});

/** Removes the HF_TOKEN line from <state>/.env (other lines stay). */
export const DELETE = handle(async () => json({ ...(await removeToken()), gatewayRunning: await gatewayRunning() }));

/** A running Gateway keeps the token it read at start: the page says so after a change. */
const gatewayRunning = async () => (await gatewayStatus()).state === "running";
