// Trap: options that belong to the agent (alias above all, as OpenClaw's Hugging Face page
// suggests) written inside models.providers.huggingface.models[]. OpenClaw refuses the whole file
// (`Unrecognized key: "alias"`); they belong in agents.defaults.models["huggingface/<id>"].
import { buildRef } from "../model-ref";
import { child, defaultsOf, isRecord, type Json, type Repair } from "./types";

/** agents.defaults.models entry options that a provider model entry does not accept. */
const AGENT_ONLY_OPTIONS = ["alias", "pickerRuntimes", "codeMode", "streaming"] as const;

export function providerEntries(config: Json): unknown[] {
  const providers = isRecord(config.models) && isRecord(config.models.providers) ? config.models.providers : null;
  const hf = providers && isRecord(providers.huggingface) ? providers.huggingface : null;
  return hf && Array.isArray(hf.models) ? hf.models : [];
}

export function isAgentOnlyOption(key: string): boolean {
  return (AGENT_ONLY_OPTIONS as readonly string[]).includes(key);
}

export function providerModelOptionRepairs(config: Json): Repair[] {
  return providerEntries(config).flatMap((entry, index) => {
    if (!isRecord(entry) || typeof entry.id !== "string" || entry.id === "") return [];
    const keys = AGENT_ONLY_OPTIONS.filter((key) => entry[key] !== undefined);
    if (keys.length === 0) return [];
    const ref = buildRef(entry.id);
    const names = keys.map((k) => `"${k}"`).join(", ");
    const path = `models.providers.huggingface.models.${index}`;
    return [
      {
        id: `provider_model_options:${index}`,
        kind: "provider_model_options",
        path,
        answers: { path, keys: [...keys] },
        label: `Move ${names} to agents.defaults.models["${ref}"]`,
        message: `OpenClaw refuses ${names} in a provider model entry (${path}, ${entry.id}), so it rejects the whole file; ${keys.length > 1 ? "they belong" : "it belongs"} in agents.defaults.models["${ref}"].`,
        apply: (input: Json) => {
          const out = structuredClone(input);
          const moved = providerEntries(out)[index] as Json;
          const models = defaultsOf(out) && child(defaultsOf(out) as Json, "models");
          if (!models) return out;
          const target = isRecord(models[ref]) ? (models[ref] as Json) : (models[ref] = {} as Json);
          // An option already set for the agent is the one to keep: it is where OpenClaw reads it.
          for (const key of keys) {
            if (target[key] === undefined) target[key] = moved[key];
            delete moved[key];
          }
          return out;
        },
      },
    ];
  });
}
