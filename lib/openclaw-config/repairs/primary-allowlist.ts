// Trap: a primary outside the allowlist that applies to the file (lib/openclaw-agent/allowlist.ts).
// OpenClaw still uses it as the default, but refuses it when it is chosen by name (/model, the
// Control UI picker, `--model`), and the picker does not offer it. The repair allows it.
import { isAllowed, readAllowlist } from "@/lib/openclaw-agent/allowlist";
import { readModelSettings } from "../model-settings";
import { child, defaultsOf, isRecord, type Json, type Repair } from "./types";

export function primaryAllowlistRepairs(config: Json): Repair[] {
  const { primary } = readModelSettings(config);
  const allowlist = readAllowlist(config);
  if (!primary || isAllowed(primary, allowlist)) return [];
  return [
    {
      id: "primary_not_allowed",
      kind: "primary_not_allowed",
      path: allowlist.path,
      label: `Add ${primary} to ${allowlist.path}`,
      message: `The primary ${primary} is not in the allowlist (${allowlist.path}): OpenClaw uses it as the default, but refuses it when it is picked by name (/model, the Control UI), and the picker does not list it.`,
      apply: (input: Json) => {
        const out = structuredClone(input);
        const defaults = defaultsOf(out);
        if (!defaults) return out;
        if (allowlist.path === "agents.defaults.models") {
          const models = child(defaults, "models");
          if (models && !isRecord(models[primary])) models[primary] = {};
        } else {
          const policy = child(defaults, "modelPolicy");
          if (policy) policy.allow = [...(Array.isArray(policy.allow) ? policy.allow : []), primary];
        }
        return out;
      },
    },
  ];
}
