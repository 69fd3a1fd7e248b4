// Trap: a fallback equal to the primary, or listed twice. OpenClaw tries it again for nothing
// (a failing primary fails again as its own fallback). The first of each stays, in order.
import { readModelSettings } from "../model-settings";
import { isRecord, type Json, type Repair } from "./types";

export function fallbackRepairs(config: Json): Repair[] {
  const { primary, fallbacks } = readModelSettings(config);
  const seen = new Set<string>(primary ? [primary] : []);
  const repeated = new Set<string>();
  const kept = fallbacks.filter((ref) => {
    if (seen.has(ref)) {
      if (ref !== primary) repeated.add(ref);
      return false;
    }
    seen.add(ref);
    return true;
  });
  if (kept.length === fallbacks.length) return [];
  const dropped = fallbacks.length - kept.length;
  const repeatsPrimary = primary !== null && fallbacks.includes(primary);
  return [
    {
      id: "fallback_repeats",
      kind: "fallback_repeats",
      path: "agents.defaults.model.fallbacks",
      label: `Remove ${dropped === 1 ? "the repeated fallback" : `${dropped} repeated fallbacks`}`,
      message: repeatsPrimary
        ? "A fallback is the primary again: when the primary fails, OpenClaw tries the same model once more."
        : "A fallback is listed more than once: OpenClaw tries the same model again.",
      warnings: [
        ...(repeatsPrimary && primary ? [{ kind: "fallback_is_primary" as const, ref: primary }] : []),
        ...[...repeated].map((ref) => ({ kind: "duplicate_fallback" as const, ref })),
      ],
      apply: (input: Json) => {
        const out = structuredClone(input);
        const defaults = isRecord(out.agents) && isRecord(out.agents.defaults) ? out.agents.defaults : null;
        if (defaults && isRecord(defaults.model)) defaults.model.fallbacks = kept;
        return out;
      },
    },
  ];
}
