// Renames a model ref everywhere OpenClaw reads one: the primary, the fallbacks, the key of its
// agents.defaults.models entry (options kept; merged into an entry the new ref may already have)
// and agents.defaults.modelPolicy.allow.
import { isRecord, type Json } from "./types";

export function renameRef(input: Json, from: string, to: string): Json {
  const config = structuredClone(input);
  const defaults = isRecord(config.agents) && isRecord(config.agents.defaults) ? config.agents.defaults : null;
  if (!defaults) return config;
  if (defaults.model === from) defaults.model = to;
  if (isRecord(defaults.model)) {
    const model = defaults.model;
    if (model.primary === from) model.primary = to;
    if (Array.isArray(model.fallbacks)) model.fallbacks = model.fallbacks.map((f) => (f === from ? to : f));
  }
  if (isRecord(defaults.models) && from in defaults.models) {
    // Rebuilt in order, so the entry keeps its place (the last duplicate alias wins in OpenClaw).
    const renamed: Json = {};
    for (const [ref, options] of Object.entries(defaults.models)) {
      if (ref === to) continue;
      if (ref === from) {
        const existing = defaults.models[to];
        renamed[to] = isRecord(existing) && isRecord(options) ? { ...options, ...existing } : options;
      } else renamed[ref] = options;
    }
    defaults.models = renamed;
  }
  const policy = defaults.modelPolicy;
  if (isRecord(policy) && Array.isArray(policy.allow)) {
    policy.allow = [...new Set(policy.allow.map((r) => (r === from ? to : r)))];
  }
  return config;
}
