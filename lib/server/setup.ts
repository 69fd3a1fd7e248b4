import "server-only";
import { AppError } from "@/lib/errors";
import { DEFAULT_MODEL_REF } from "@/lib/model-ref";
import type { ModelChange } from "@/lib/openclaw-config/change";
import { refSchema } from "@/lib/openclaw-config/change";
import { diffConfigText, type ConfigDiff } from "@/lib/openclaw-config/diff";
import { readModelSettings } from "@/lib/openclaw-settings";
import { parseTokenInput } from "@/lib/token-input";
import type { SaveTokenResponse } from "@/lib/token-status";
import { readConfig } from "./config-file";
import { saveModelChange } from "./model-config";
import { configPath, envFilePath } from "./settings";
import { saveToken } from "./token-service";

// The scriptable setup (npm run setup), the equivalent of
// `openclaw onboard --non-interactive --auth-choice huggingface-api-key`, built from the same
// services the dashboard's routes use. Everything is checked before anything is written.
export const DEFAULT_ALIAS = "Hugging Face";

export interface SetupOptions {
  key: string;
  model?: string;
  /** Save a token Hugging Face rejected (as the Token page's "save anyway"). */
  force?: boolean;
}

export interface SetupReport {
  envFile: string;
  configFile: string;
  token: SaveTokenResponse;
  primary: string;
  alias: { name: string; added: boolean; reason?: string };
  keptFallbacks: string[];
  diff: ConfigDiff;
}

/** Alias "Hugging Face" for the primary unless it has one, or another ref already uses that name. */
export function planSetupChange(config: Record<string, unknown> | null, primary: string): { change: ModelChange; alias: SetupReport["alias"] } {
  const settings = readModelSettings(config);
  const existing = settings.aliases[primary];
  if (existing) return { change: { primary }, alias: { name: existing, added: false, reason: "kept the alias it already had" } };
  const taken = Object.entries(settings.aliases).find(([, name]) => name.toLowerCase() === DEFAULT_ALIAS.toLowerCase());
  if (taken) return { change: { primary }, alias: { name: DEFAULT_ALIAS, added: false, reason: `"${DEFAULT_ALIAS}" already names ${taken[0]}` } };
  return { change: { primary, aliases: { [primary]: DEFAULT_ALIAS } }, alias: { name: DEFAULT_ALIAS, added: true } };
}

export async function runSetup(options: SetupOptions): Promise<SetupReport> {
  const parsed = parseTokenInput(options.key);
  if (!parsed.ok) throw new AppError("invalid_token", parsed.message);
  const primary = options.model?.trim() || DEFAULT_MODEL_REF;
  const ref = refSchema.safeParse(primary);
  if (!ref.success) throw new AppError("invalid_body", `--model: ${ref.error.issues[0]?.message ?? "not a model ref"}`);

  const before = await readConfig();
  if (before.problem || !before.data) {
    const where = before.problem?.line ? ` (line ${before.problem.line}, column ${before.problem.column})` : "";
    throw new AppError("config_unparsable", `${before.path} does not parse${where}: ${before.problem?.message ?? "unknown problem"}. Fix it by hand; nothing was changed.`);
  }

  const token = await saveToken(parsed.token, options.force ?? false);
  const { change, alias } = planSetupChange(before.data, primary);
  const after = await saveModelChange(before.revision, change);
  const afterSnapshot = await readConfig();
  return {
    envFile: envFilePath(),
    configFile: configPath(),
    token,
    primary,
    alias,
    keptFallbacks: after.settings.fallbacks,
    diff: diffConfigText(before.text, afterSnapshot.text),
  };
}
