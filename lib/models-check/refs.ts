// Which refs "Check all" checks: every ref the agent may use that goes to the Hugging Face router
// (primary, fallbacks, the allowlist that applies to the file), once each. Pure, so the page can say
// how many before the server is asked.
import { readAllowlist } from "@/lib/openclaw-agent/allowlist";
import { readModelSettings } from "@/lib/openclaw-config/model-settings";

export const HF_PREFIX = "huggingface/";

export function configuredRefs(config: Record<string, unknown> | null): string[] {
  const settings = readModelSettings(config);
  const allow = readAllowlist(config).refs.filter((ref) => !ref.endsWith("/*"));
  const refs = [...(settings.primary ? [settings.primary] : []), ...settings.fallbacks, ...allow];
  return [...new Set(refs.filter((ref) => ref.startsWith(HF_PREFIX)))];
}
