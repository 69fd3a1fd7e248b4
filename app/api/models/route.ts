import { getCatalog } from "@/lib/server/catalog/catalog";
import { handle, readQuery } from "@/lib/server/http";
import { MODELS_QUERY_HINT, modelsQuerySchema } from "./schema";
import { catalogResponse } from "./serialize";

export const dynamic = "force-dynamic";

/** The catalog: `{source: "live"|"builtin", fetchedAt, partial?, error?, models}`. `?refresh=1` asks the router again. */
export const GET = handle(async (request: Request) => {
  const query = readQuery(request, modelsQuerySchema, MODELS_QUERY_HINT);
  const refresh = query.refresh === "1" || query.refresh === "true";
  const catalog = await getCatalog({ refresh });
  return catalogResponse(catalog);
});
