// Parses the router's GET /v1/models answer permissively: unknown keys are ignored, a field of the
// wrong type becomes "unknown", and an entry without an id is skipped instead of failing the list.
import { z } from "zod";
import type { CatalogModel, ProviderOffer } from "@/lib/catalog/types";
import { DEFAULT_CONTEXT_WINDOW, DEFAULT_MAX_TOKENS } from "./builtin";
import { displayName, guessReasoning, orgOf } from "./naming";

const optionalNumber = z.number().finite().nonnegative().optional().catch(undefined);
const optionalBoolean = z.boolean().optional().catch(undefined);
const optionalString = z.string().optional().catch(undefined);

const providerSchema = z.looseObject({
  provider: z.string().min(1).max(100),
  status: z.string().max(50).catch("unknown"),
  context_length: optionalNumber,
  pricing: z.looseObject({ input: optionalNumber, output: optionalNumber }).optional().catch(undefined),
  supports_tools: optionalBoolean,
  supports_structured_output: optionalBoolean,
  first_token_latency_ms: optionalNumber,
  throughput: optionalNumber,
  is_model_author: optionalBoolean,
});

const modelSchema = z.looseObject({
  id: z.string().min(1).max(300),
  owned_by: optionalString,
  name: optionalString,
  title: optionalString,
  display_name: optionalString,
  architecture: z
    .looseObject({ input_modalities: z.array(z.string()).optional().catch(undefined) })
    .optional()
    .catch(undefined),
  providers: z.array(z.unknown()).optional().catch(undefined),
});

const listSchema = z.looseObject({ data: z.array(z.unknown()) });

export class MalformedListError extends Error {}

function toOffer(raw: unknown): ProviderOffer | null {
  const parsed = providerSchema.safeParse(raw);
  if (!parsed.success) return null;
  const p = parsed.data;
  return {
    provider: p.provider,
    status: p.status,
    contextLength: p.context_length,
    inputPrice: p.pricing?.input,
    outputPrice: p.pricing?.output,
    throughput: p.throughput,
    firstTokenLatencyMs: p.first_token_latency_ms,
    supportsTools: p.supports_tools,
    supportsStructuredOutput: p.supports_structured_output,
    isModelAuthor: p.is_model_author,
  };
}

/** Smallest context among live providers (any of them may serve an auto-routed call). */
function safeContextWindow(providers: ProviderOffer[]): number {
  let smallest = Infinity;
  for (const p of providers)
    if (p.status === "live" && p.contextLength && p.contextLength < smallest) smallest = p.contextLength;
  return Number.isFinite(smallest) ? smallest : DEFAULT_CONTEXT_WINDOW;
}

function toCatalogModel(raw: unknown): CatalogModel | null {
  const parsed = modelSchema.safeParse(raw);
  if (!parsed.success) return null;
  const m = parsed.data;
  const providers = (m.providers ?? []).map(toOffer).filter((p): p is ProviderOffer => p !== null);
  return {
    id: m.id,
    name: displayName(m.id, m),
    org: orgOf(m.id) || m.owned_by || "",
    reasoning: guessReasoning(m.id),
    imageInput: m.architecture?.input_modalities?.includes("image") ?? false,
    contextWindow: safeContextWindow(providers),
    maxTokens: DEFAULT_MAX_TOKENS,
    builtin: false,
    listed: true,
    providers,
  };
}

/** Throws MalformedListError when the body is not a `{data:[…]}` list. */
export function parseRouterList(body: unknown): CatalogModel[] {
  const parsed = listSchema.safeParse(body);
  if (!parsed.success) throw new MalformedListError("The router's model list is not in the expected shape.");
  const seen = new Set<string>();
  const models: CatalogModel[] = [];
  for (const raw of parsed.data.data) {
    const model = toCatalogModel(raw);
    if (!model || seen.has(model.id)) continue;
    seen.add(model.id);
    models.push(model);
  }
  return models;
}
