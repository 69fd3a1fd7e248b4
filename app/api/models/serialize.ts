import type { CatalogModel, CatalogResponse } from "@/lib/catalog-types";

// The list can hold thousands of models: serialise each cached catalog once, not per request.
const bodies = new WeakMap<CatalogResponse, string>();

function serializeModel(m: CatalogModel): CatalogModel {
  return {
    id: m.id, name: m.name, org: m.org, reasoning: m.reasoning, imageInput: m.imageInput, contextWindow: m.contextWindow,
    maxTokens: m.maxTokens, builtin: m.builtin, listed: m.listed,
    providers: m.providers.map((p) => ({
      provider: p.provider, status: p.status, contextLength: p.contextLength, inputPrice: p.inputPrice, outputPrice: p.outputPrice,
      throughput: p.throughput, firstTokenLatencyMs: p.firstTokenLatencyMs, supportsTools: p.supportsTools,
      supportsStructuredOutput: p.supportsStructuredOutput, isModelAuthor: p.isModelAuthor,
    })),
  };
}

export function serializeCatalog(catalog: CatalogResponse): string {
  let body = bodies.get(catalog);
  if (body === undefined) {
    const { source, fetchedAt, partial, error } = catalog;
    body = JSON.stringify({ source, fetchedAt, partial, error: error && { code: error.code, message: error.message }, models: catalog.models.map(serializeModel) });
    bodies.set(catalog, body);
  }
  return body;
}
