import { readHistory } from "@/lib/server/benchmark/history";
import { handle, json, readQuery } from "@/lib/server/http";
import { HISTORY_QUERY_HINT, historyQuerySchema } from "./schema";
import { historyResponse } from "./serialize";

export const dynamic = "force-dynamic";

/** Past benchmarks, newest first: `{runs: [{id, at, model, runs, maxTokens, customPrompt, providers}]}`. */
export const GET = handle(async (request: Request) => {
  const query = readQuery(request, historyQuerySchema, HISTORY_QUERY_HINT);
  return json(historyResponse(await readHistory(query.model)));
});
