// What first-run setup changes, shared by the guided setup (browser) and npm run setup (server):
// the primary, and the alias "Hugging Face" for it unless it has one or another ref uses that
// name. Existing fallbacks and aliases are never touched, as in OpenClaw's onboarding.
import type { ModelChange } from "./change";
import { readModelSettings, type ModelSettings } from "./model-settings";

const DEFAULT_ALIAS = "Hugging Face";

export interface SetupAliasPlan {
  name: string;
  added: boolean;
  reason?: string;
}

export function planSetupChange(
  settings: ModelSettings,
  primary: string,
): { change: ModelChange; alias: SetupAliasPlan } {
  const existing = settings.aliases[primary];
  if (existing)
    return { change: { primary }, alias: { name: existing, added: false, reason: "kept the alias it already had" } };
  const taken = Object.entries(settings.aliases).find(([, name]) => name.toLowerCase() === DEFAULT_ALIAS.toLowerCase());
  if (taken)
    return {
      change: { primary },
      alias: { name: DEFAULT_ALIAS, added: false, reason: `"${DEFAULT_ALIAS}" already names ${taken[0]}` },
    };
  return { change: { primary, aliases: { [primary]: DEFAULT_ALIAS } }, alias: { name: DEFAULT_ALIAS, added: true } };
}

export function planSetupChangeFromConfig(config: Record<string, unknown> | null, primary: string) {
  return planSetupChange(readModelSettings(config), primary);
}
