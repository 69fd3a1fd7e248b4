// Every known trap in a file, and the one repair named by an id (see types.ts).
import { duplicateAliasRepairs } from "./duplicate-alias";
import { fallbackRepairs } from "./fallbacks";
import { missingPrefixRepairs } from "./missing-prefix";
import { primaryAllowlistRepairs } from "./primary-allowlist";
import { providerModelOptionRepairs } from "./provider-model-options";
import { providerNotServingRepairs } from "./provider-not-serving";
import type { Json, Repair, RepairContext } from "./types";
import { unknownKeyRepairs, unrecognizedKeys } from "./unknown-key";

export function findRepairs(config: Json, ctx: RepairContext): Repair[] {
  return [
    ...providerModelOptionRepairs(config),
    ...unknownKeyRepairs(config, ctx),
    ...missingPrefixRepairs(config, ctx),
    ...providerNotServingRepairs(config, ctx),
    ...duplicateAliasRepairs(config),
    ...fallbackRepairs(config),
    ...primaryAllowlistRepairs(config),
  ];
}

export function findRepair(config: Json, id: string, ctx: RepairContext): Repair | undefined {
  return findRepairs(config, ctx).find((repair) => repair.id === id);
}

/** The repair that answers an OpenClaw issue (`Unrecognized key: "alias"` at the path it moves it from). */
export function repairForIssue(repairs: Repair[], issue: { path: string; message: string }): Repair | undefined {
  const keys = unrecognizedKeys(issue.message);
  return repairs.find((r) => r.answers?.path === issue.path && keys.some((k) => r.answers?.keys.includes(k)));
}
