// Alias rules OpenClaw does not enforce itself (it silently lets the last duplicate win).
import { hasControlChars } from "@/lib/safe-json";

export const MAX_ALIAS_LENGTH = 64;

/** Why an alias is refused, or null when it is fine. An empty alias means "remove". */
export function aliasProblem(alias: string): string | null {
  if (alias !== alias.trim()) return "An alias cannot start or end with spaces.";
  if (alias.length > MAX_ALIAS_LENGTH) return `An alias is at most ${MAX_ALIAS_LENGTH} characters.`;
  if (hasControlChars(alias)) return "An alias cannot contain control characters or line breaks.";
  return null;
}

/** Groups of refs that share an alias, compared case-insensitively. */
export function duplicateAliases(aliases: Record<string, string>): { alias: string; refs: string[] }[] {
  const groups = new Map<string, { alias: string; refs: string[] }>();
  for (const [ref, alias] of Object.entries(aliases)) {
    if (!alias) continue;
    const key = alias.toLowerCase();
    const group = groups.get(key) ?? { alias, refs: [] };
    group.refs.push(ref);
    groups.set(key, group);
  }
  return [...groups.values()].filter((g) => g.refs.length > 1);
}
