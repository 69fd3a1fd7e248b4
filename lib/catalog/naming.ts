import { hasControlChars } from "@/lib/safe-json";

// Display names and the reasoning guess, following OpenClaw's discovery rules (openclaw.md).

/** `deepseek-ai/DeepSeek-R1` → `deepseek-ai`; ids without an org give "". */
export function orgOf(id: string): string {
  const slash = id.indexOf("/");
  return slash > 0 ? id.slice(0, slash) : "";
}

/** Last id segment, `-`/`_` as spaces, each word's first letter capitalised: `Llama 3.3 70B Instruct`. */
export function deriveName(id: string): string {
  const last = id.slice(id.lastIndexOf("/") + 1);
  const words = last.split(/[-_\s]+/).filter(Boolean);
  if (words.length === 0) return id;
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(" ");
}

/** The router's own label when it sends one (name, then title, then display_name). */
export function displayName(id: string, labels: { name?: unknown; title?: unknown; display_name?: unknown }): string {
  for (const value of [labels.name, labels.title, labels.display_name]) {
    // Labels come from the network: refuse control characters and absurd lengths.
    if (typeof value === "string" && value.trim() !== "" && value.length <= 200 && !hasControlChars(value))
      return value.trim();
  }
  return deriveName(id);
}

// OpenClaw matches substrings anywhere (so "r1" hits "Qwen2-VL-R1"… and "DeepSeek-R1"); we keep
// its list but require `r1` to stand as its own token so ids like "llama-3r1x" are not caught.
const REASONING_WORDS = /reason|thinking|qwq/;
const R1_TOKEN = /(^|[^a-z0-9])r1([^a-z0-9]|$)/;

export function guessReasoning(id: string): boolean {
  const lower = id.toLowerCase();
  return REASONING_WORDS.test(lower) || R1_TOKEN.test(lower);
}
