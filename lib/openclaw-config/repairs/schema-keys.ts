// The keys OpenClaw knows at a place in the file, read from a JSON Schema of the config: OpenClaw's
// own (`openclaw config schema --json`, when the CLI is installed), else the dashboard's schema of
// the parts it writes (schema.ts, converted by zod). Walks properties, items, additionalProperties
// and anyOf/oneOf/allOf; each node is visited once per step, so a lookup is linear in the schema.
import { z } from "zod";
import { touchedConfigSchema } from "../schema";
import { isRecord } from "./types";

type SchemaNode = Record<string, unknown>;
const MAX_DEPTH = 32;

function alternatives(node: SchemaNode, depth = 0): SchemaNode[] {
  const out: SchemaNode[] = [node];
  if (depth > MAX_DEPTH) return out;
  for (const key of ["anyOf", "oneOf", "allOf"]) {
    const list = node[key];
    if (Array.isArray(list)) for (const n of list) if (isRecord(n)) out.push(...alternatives(n, depth + 1));
  }
  return out;
}

function step(node: SchemaNode, segment: string): SchemaNode[] {
  const properties = isRecord(node.properties) ? node.properties : null;
  if (properties && Object.hasOwn(properties, segment) && isRecord(properties[segment])) return [properties[segment]];
  if (/^\d+$/.test(segment) && isRecord(node.items)) return [node.items];
  if (isRecord(node.additionalProperties)) return [node.additionalProperties];
  return [];
}

export type KnownKeysAt = (path: string[]) => string[] | null;

export function knownKeysFromJsonSchema(root: unknown): KnownKeysAt {
  return (path) => {
    if (!isRecord(root)) return null;
    let nodes: SchemaNode[] = [root];
    for (const segment of path) {
      nodes = nodes.flatMap((n) => alternatives(n)).flatMap((n) => step(n, segment));
      if (nodes.length === 0) return null;
    }
    const keys = new Set<string>();
    for (const n of nodes.flatMap((node) => alternatives(node)))
      if (isRecord(n.properties)) for (const key of Object.keys(n.properties)) keys.add(key);
    return keys.size > 0 ? [...keys] : null;
  };
}

let dashboardKeys: KnownKeysAt | null = null;

/** The dashboard's own schema's keys (only the parts it writes). */
export function dashboardKnownKeys(): KnownKeysAt {
  dashboardKeys ??= knownKeysFromJsonSchema(z.toJSONSchema(touchedConfigSchema, { unrepresentable: "any" }));
  return dashboardKeys;
}
