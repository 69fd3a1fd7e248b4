import { checkModels } from "@/lib/server/models-check/check-models";
import { handle, json, readJsonBody } from "@/lib/server/http";
import { checkRequestSchema } from "./schema";
import { checkResponse } from "./serialize";

export const dynamic = "force-dynamic";

/** A 1-token completion per configured ref (or per ref sent), at most 4 at a time: `{results}`. */
export const POST = handle(async (request: Request) => {
  const body = await readJsonBody(request, checkRequestSchema, 16 * 1024);
  return json(checkResponse(await checkModels(body.refs, request.signal)));
});
