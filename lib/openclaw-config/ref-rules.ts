// Rules for refs and pending changes without zod, so browser code can check them without
// shipping a schema library (zod alone is ~30 kB gzipped); change.ts builds its schema on them.
import { MAX_REF_LENGTH, REF_PATTERN } from "@/lib/openclaw-config/model-ref";
import { hasControlChars } from "@/lib/safe-json";
import { aliasProblem } from "./aliases";

/** The change a client asks for; change.ts checks that its zod schema parses to exactly this. */
export interface ModelChange {
  primary?: string;
  fallbacks?: string[];
  /** ref → alias; "" removes the alias. Refs not named keep theirs. */
  aliases?: Record<string, string>;
  /**
   * The full allowlist, written where the file keeps it: agents.defaults.modelPolicy.allow in a
   * migrated file, the keys of agents.defaults.models in a legacy one (there, refs in use stay).
   */
  allow?: string[];
}

export function refProblem(ref: string): string | null {
  if (ref.length > MAX_REF_LENGTH) return `A model ref is at most ${MAX_REF_LENGTH} characters.`;
  if (hasControlChars(ref)) return "Control characters are not allowed in a model ref.";
  if (!REF_PATTERN.test(ref)) return "Expected a model ref like huggingface/org/model or huggingface/org/model:policy.";
  return null;
}

const WILDCARD_PREFIX = /^[A-Za-z0-9][\w.-]*(\/[\w.-]+)*$/;

/** An allowlist entry: a ref, or a prefix wildcard such as huggingface/* or huggingface/Qwen/*. */
export function allowEntryProblem(entry: string): string | null {
  if (entry.endsWith("/*") && entry.length <= MAX_REF_LENGTH && !hasControlChars(entry)) {
    return WILDCARD_PREFIX.test(entry.slice(0, -2))
      ? null
      : "Expected a wildcard like huggingface/* or huggingface/org/*.";
  }
  return refProblem(entry);
}

const isRef = (value: unknown): value is string => typeof value === "string" && refProblem(value) === null;
const isRefList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= 500 && value.every(isRef);

/** A stored draft read back from the browser's storage: the change, or null when anything is off. */
export function asModelChange(value: unknown): ModelChange | null {
  if (!value || typeof value !== "object" || Array.isArray(value)) return null;
  const { primary, fallbacks, aliases, allow, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length > 0) return null;
  if (primary !== undefined && !isRef(primary)) return null;
  if (fallbacks !== undefined && (!isRefList(fallbacks) || new Set(fallbacks).size !== fallbacks.length)) return null;
  if (
    allow !== undefined &&
    !(Array.isArray(allow) && allow.length <= 500 && allow.every((e) => typeof e === "string" && !allowEntryProblem(e)))
  )
    return null;
  if (aliases !== undefined) {
    if (!aliases || typeof aliases !== "object" || Array.isArray(aliases)) return null;
    for (const [ref, alias] of Object.entries(aliases))
      if (!isRef(ref) || typeof alias !== "string" || aliasProblem(alias)) return null;
  }
  return value as ModelChange;
}
