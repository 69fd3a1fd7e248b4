// A model ref is `huggingface/<org>/<model>[:suffix]` (OpenClaw splits at the first `/`).
// The suffix is the router's policy: none, :fastest, :cheapest, :preferred or :<provider>.
const PROVIDER_PREFIX = "huggingface/";
export const DEFAULT_MODEL_REF = "huggingface/deepseek-ai/DeepSeek-R1";
export const REMOVED_PROVIDERS = ["sambanova", "hyperbolic", "nebius", "nvidia", "clarifai"] as const;
export const CHAT_PROVIDERS = [
  "baseten",
  "cerebras",
  "cohere",
  "deepinfra",
  "featherless-ai",
  "fireworks-ai",
  "groq",
  "hf-inference",
  "novita",
  "nscale",
  "ovhcloud",
  "publicai",
  "scaleway",
  "together",
  "zai-org",
] as const;

export type Policy =
  | { kind: "auto" }
  | { kind: "fastest" }
  | { kind: "cheapest" }
  | { kind: "preferred" }
  | { kind: "provider"; provider: string };

interface ParsedRef {
  ref: string;
  hasPrefix: boolean;
  /** The router's model id, without prefix or suffix: `deepseek-ai/DeepSeek-R1`. */
  modelId: string;
  policy: Policy;
  /** What the router receives as `model`: id plus suffix. */
  routerModel: string;
}

export function parsePolicy(suffix: string | undefined): Policy {
  if (!suffix) return { kind: "auto" };
  if (suffix === "fastest" || suffix === "cheapest" || suffix === "preferred") return { kind: suffix };
  return { kind: "provider", provider: suffix };
}

export function policySuffix(policy: Policy): string {
  if (policy.kind === "auto") return "";
  if (policy.kind === "provider") return `:${policy.provider}`;
  return `:${policy.kind}`;
}

export function parseRef(ref: string): ParsedRef {
  const hasPrefix = ref.startsWith(PROVIDER_PREFIX);
  const withoutPrefix = hasPrefix ? ref.slice(PROVIDER_PREFIX.length) : ref;
  const colon = withoutPrefix.lastIndexOf(":");
  const modelId = colon > 0 ? withoutPrefix.slice(0, colon) : withoutPrefix;
  const suffix = colon > 0 ? withoutPrefix.slice(colon + 1) : undefined;
  return { ref, hasPrefix, modelId, policy: parsePolicy(suffix), routerModel: withoutPrefix };
}

export function buildRef(modelId: string, policy: Policy = { kind: "auto" }): string {
  return `${PROVIDER_PREFIX}${modelId}${policySuffix(policy)}`;
}

export function policyLabel(policy: Policy): string {
  switch (policy.kind) {
    case "auto":
      return "Auto";
    case "fastest":
      return "Fastest";
    case "cheapest":
      return "Cheapest";
    case "preferred":
      return "Preferred";
    case "provider":
      return policy.provider;
  }
}

/** A plausible ref: prefix optional (flagged elsewhere), org/name, optional suffix, no spaces or control characters. */
export const REF_PATTERN = /^(huggingface\/)?[A-Za-z0-9][\w.-]*\/[\w.-]+(:[a-z0-9][a-z0-9-]*)?$/;
export const MAX_REF_LENGTH = 200;
