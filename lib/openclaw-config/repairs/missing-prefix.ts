// Trap: a primary or fallback without the `huggingface/` prefix. OpenClaw reads the first segment
// as the provider (`deepseek-ai`), which nobody declares, and never sends it to Hugging Face.
import { parseRef } from "../model-ref";
import { readModelSettings } from "../model-settings";
import { renameRef } from "./rename-ref";
import { isRecord, type Json, type Repair, type RepairContext } from "./types";

export function missingPrefixRepairs(config: Json, ctx: RepairContext): Repair[] {
  const settings = readModelSettings(config);
  const providers =
    isRecord(config.models) && isRecord(config.models.providers) ? Object.keys(config.models.providers) : [];
  const known = new Set(ctx.catalog.map((m) => m.id));
  const inUse = [...new Set([...(settings.primary ? [settings.primary] : []), ...settings.fallbacks])];
  return inUse.flatMap((ref) => {
    if (parseRef(ref).hasPrefix || !ref.includes("/")) return [];
    const provider = ref.slice(0, ref.indexOf("/"));
    // Meant for Hugging Face: the catalog knows the model, or no provider of that name is configured.
    if (!known.has(parseRef(ref).modelId) && providers.includes(provider)) return [];
    const fixed = `huggingface/${ref}`;
    return [
      {
        id: `missing_prefix:${ref}`,
        kind: "missing_prefix",
        path: settings.primary === ref ? "agents.defaults.model.primary" : "agents.defaults.model.fallbacks",
        label: `Use ${fixed}`,
        message: `"${ref}" has no huggingface/ prefix: OpenClaw reads "${provider}" as the provider and never sends it to Hugging Face.`,
        warnings: [{ kind: "missing_prefix", ref }],
        apply: (input: Json) => renameRef(input, ref, fixed),
      },
    ];
  });
}
