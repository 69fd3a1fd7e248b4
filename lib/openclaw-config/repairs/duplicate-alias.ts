// Trap: two refs with the same alias (ignoring case). OpenClaw accepts it and silently uses the
// last one; the others become unreachable by name. The last keeps the name, as in OpenClaw, and
// each other ref gets a proposed name of its own: `<alias> (<what tells it apart>)`.
import { MAX_ALIAS_LENGTH, duplicateAliases } from "../aliases";
import { parseRef, policyLabel } from "../model-ref";
import { readModelSettings } from "../model-settings";
import { isRecord, type Json, type Repair } from "./types";

function distinguishing(ref: string, kept: string): string {
  const a = parseRef(ref);
  const b = parseRef(kept);
  if (a.modelId === b.modelId) return a.policy.kind === "auto" ? "default" : policyLabel(a.policy).toLowerCase();
  return a.modelId.slice(a.modelId.lastIndexOf("/") + 1) || a.modelId;
}

/** `<alias> (<part>)`, shortened to fit, numbered when that name is taken too. */
export function proposeAlias(alias: string, part: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const tail = ` (${part}${n > 1 ? ` ${n}` : ""})`;
    const candidate = `${alias.slice(0, Math.max(1, MAX_ALIAS_LENGTH - tail.length))}${tail}`.slice(
      0,
      MAX_ALIAS_LENGTH,
    );
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export function duplicateAliasRepairs(config: Json): Repair[] {
  const { aliases } = readModelSettings(config);
  const taken = new Set(Object.values(aliases).map((a) => a.toLowerCase()));
  return duplicateAliases(aliases).map((group) => {
    const kept = group.refs[group.refs.length - 1]; // object order: the entry OpenClaw reads last
    const renames = group.refs.slice(0, -1).map((ref) => {
      const name = proposeAlias(aliases[ref], distinguishing(ref, kept), taken);
      taken.add(name.toLowerCase());
      return { ref, name };
    });
    return {
      id: `duplicate_alias:${group.alias.toLowerCase()}`,
      kind: "duplicate_alias" as const,
      path: "agents.defaults.models",
      label: renames.map((r) => `Rename ${r.ref}'s alias to "${r.name}"`).join("; "),
      message: `The alias "${group.alias}" names ${group.refs.length} refs; OpenClaw silently uses the last (${kept}), so the others cannot be reached by name.`,
      warnings: [{ kind: "duplicate_alias" as const, alias: group.alias }],
      apply: (input: Json) => {
        const out = structuredClone(input);
        const defaults = isRecord(out.agents) && isRecord(out.agents.defaults) ? out.agents.defaults : null;
        const models = defaults && isRecord(defaults.models) ? defaults.models : null;
        for (const { ref, name } of renames) if (models && isRecord(models[ref])) models[ref].alias = name;
        return out;
      },
    };
  });
}
