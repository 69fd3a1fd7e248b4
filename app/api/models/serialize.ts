import type { CatalogModel, CatalogResponse } from "@/lib/catalog/types";

// The list can hold thousands of models (megabytes of JSON): each cached catalog is serialised
// once, so a warm request costs a lookup instead of a stringify.
const bodies = new WeakMap<CatalogResponse, { json: string }>();

function serializeModel(m: CatalogModel): CatalogModel {
  return {
    id: m.id,
    name: m.name,
    org: m.org,
    reasoning: m.reasoning,
    imageInput: m.imageInput,
    contextWindow: m.contextWindow,
    maxTokens: m.maxTokens,
    builtin: m.builtin,
    listed: m.listed,
    providers: m.providers.map((p) => ({
      provider: p.provider,
      status: p.status,
      contextLength: p.contextLength,
      inputPrice: p.inputPrice,
      outputPrice: p.outputPrice,
      throughput: p.throughput,
      firstTokenLatencyMs: p.firstTokenLatencyMs,
      supportsTools: p.supportsTools,
      supportsStructuredOutput: p.supportsStructuredOutput,
      isModelAuthor: p.isModelAuthor,
    })),
  };
}

function entryFor(catalog: CatalogResponse) {
  let entry = bodies.get(catalog);
  if (!entry) {
    const { source, fetchedAt, partial, error } = catalog;
    entry = {
      json: JSON.stringify({
        source,
        fetchedAt,
        partial,
        error: error && { code: error.code, message: error.message },
        models: catalog.models.map(serializeModel),
      }),
    };
    bodies.set(catalog, entry);
  }
  return entry;
}

/**
 * The catalog as a response. Next strips a route's own Content-Encoding, so a body cannot be
 * gzipped once and reused; instead `no-transform` stops Next from gzipping megabytes on every
 * request: on the loopback interface the dashboard serves, sending the bytes is far cheaper.
 */
export function catalogResponse(catalog: CatalogResponse): Response {
  return new Response(entryFor(catalog).json, {
    headers: { "content-type": "application/json", "cache-control": "no-store, no-transform" },
  });
}
