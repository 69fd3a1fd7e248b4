// What the playground's model field means: an alias, a huggingface/ ref or a bare router id,
// with an optional policy suffix. The server resolves it the same way (lib/server/chat/start-chat.ts).
import { buildRef, parseRef, REF_PATTERN, type Policy } from "../openclaw-config/model-ref";
import { refForAlias } from "../openclaw-config/model-settings";

interface ResolvedInput {
  valid: boolean;
  ref: string;
  /** The router's `model`: id plus suffix. */
  routerModel: string;
  modelId: string;
  policy: Policy;
  alias?: string;
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
