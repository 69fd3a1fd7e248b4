import "server-only";
import { AppError } from "@/lib/errors";
import { DEFAULT_MODEL_REF } from "@/lib/openclaw-config/model-ref";
import { refSchema } from "@/lib/openclaw-config/change";
import type { ConfigDiff } from "@/lib/openclaw-config/diff";
import { planSetupChangeFromConfig, type SetupAliasPlan } from "@/lib/openclaw-config/setup-plan";
import { parseTokenInput } from "@/lib/token/token-input";
import type { SaveTokenResponse } from "@/lib/token/token-status";
import { readConfig } from "./config-file";
import { maskedDiff, saveModelChange } from "./model-config";
import { configPath, envFilePath } from "../settings";
import { saveToken } from "../token/token-service";

// The scriptable setup (npm run setup), the equivalent of
// `openclaw onboard --non-interactive --auth-choice huggingface-api-key`, built from the same
// services the dashboard's routes use. Everything is checked before anything is written.
interface SetupOptions {
  key: string;
  model?: string;
  /** Save a token Hugging Face rejected (as the Token page's "save anyway"). */
  force?: boolean;
}

interface SetupReport {
  envFile: string;
  configFile: string;
  token: Omit<SaveTokenResponse, "gatewayRunning">;
  primary: string;
  alias: SetupAliasPlan;
  keptFallbacks: string[];
  diff: ConfigDiff;
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
    throw new AppError(
      "config_unparsable",
      `${before.path} does not parse${where}: ${before.problem?.message ?? "unknown problem"}. Fix it by hand; nothing was changed.`,
    );
  }

  const token = await saveToken(parsed.token, options.force ?? false);
  const { change, alias } = planSetupChangeFromConfig(before.data, primary);
  const after = await saveModelChange(before.revision, change);
  const afterSnapshot = await readConfig();
  return {
    envFile: envFilePath(),
    configFile: configPath(),
    token,
    primary,
    alias,
    keptFallbacks: after.state.settings.fallbacks,
    // Printed to the terminal: masked like every other way the file leaves the dashboard.
    diff: await maskedDiff(before.text, afterSnapshot.text, [parsed.token]),
  };
}
