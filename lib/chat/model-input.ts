// What the playground's model field means: an alias, a huggingface/ ref or a bare router id,
// with an optional policy suffix. The server resolves it the same way (lib/server/chat/start-chat.ts).
import { buildRef, parseRef, REF_PATTERN, type Policy } from "../openclaw-config/model-ref";

interface ResolvedInput {
  valid: boolean;
  ref: string;
  /** The router's `model`: id plus suffix. */
  routerModel: string;
  modelId: string;
  policy: Policy;
  alias?: string;
}

/** Alias → ref, case-insensitive; the first ref wins on duplicates (as on the server). */
function refForAlias(aliases: Record<string, string>, name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  if (wanted === "") return undefined;
  for (const [ref, alias] of Object.entries(aliases)) if (alias.toLowerCase() === wanted) return ref;
  return undefined;
}

export function resolveModelInput(input: string, aliases: Record<string, string>): ResolvedInput {
  const trimmed = input.trim();
  const aliasRef = refForAlias(aliases, trimmed);
  const ref = aliasRef ?? trimmed;
  const parsed = parseRef(ref);
  return {
    valid: REF_PATTERN.test(ref),
    ref: parsed.hasPrefix ? ref : `huggingface/${ref}`,
    routerModel: parsed.routerModel,
    modelId: parsed.modelId,
    policy: parsed.policy,
    alias: aliasRef ? aliases[aliasRef] : aliases[parsed.hasPrefix ? ref : `huggingface/${ref}`],
  };
}

/** The same model with another policy, written as a ref. */
export function withPolicy(input: string, aliases: Record<string, string>, policy: Policy): string {
  return buildRef(resolveModelInput(input, aliases).modelId, policy);
}
