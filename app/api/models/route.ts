import { AppError } from "@/lib/errors";
import { getCatalog } from "@/lib/server/catalog/catalog";
import { handle } from "@/lib/server/http";
import { modelsQuerySchema } from "./schema";
import { catalogResponse } from "./serialize";

export const dynamic = "force-dynamic";

/** The catalog: `{source: "live"|"builtin", fetchedAt, partial?, error?, models}`. `?refresh=1` asks the router again. */
export const GET = handle(async (request: Request) => {
  const query = modelsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    throw new AppError("invalid_query", "Use ?refresh=1 to ask the router again; no other parameters are accepted.");
  const refresh = query.data.refresh === "1" || query.data.refresh === "true";
  const catalog = await getCatalog({ refresh });
  return catalogResponse(catalog);
});
