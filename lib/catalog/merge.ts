// Live list + built-in catalog. Built-in entries keep OpenClaw's metadata (name, reasoning,
// limits) but take the router's providers; built-ins the router does not list stay available.
import type { CatalogModel } from "@/lib/catalog/types";
import { builtinEntry, builtinModels } from "./builtin";

export function mergeCatalog(live: CatalogModel[]): CatalogModel[] {
  const merged: CatalogModel[] = [];
  const seen = new Set<string>();
  for (const model of live) {
    const entry = builtinEntry(model.id);
    seen.add(model.id);
    merged.push(
      entry
        ? // The live providers may serve less context than OpenClaw's table says: keep the smaller.
          {
            ...model,
            name: entry.name,
            reasoning: entry.reasoning,
            contextWindow: Math.min(entry.contextWindow, model.contextWindow),
            maxTokens: entry.maxTokens,
            builtin: true,
          }
        : model,
    );
  }
  for (const model of builtinModels()) if (!seen.has(model.id)) merged.push(model);
  return merged;
}
