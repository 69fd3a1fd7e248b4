// `npm run setup -- --huggingface-api-key "$HF_TOKEN" [--model REF] [--state-dir DIR] [--force]`
// Configures OpenClaw's Hugging Face provider without a browser; see lib/server/openclaw-config/setup.ts.
import { parseArgs } from "node:util";
import path from "node:path";

const USAGE =
  "Usage: npm run setup -- --huggingface-api-key <hf_…> [--model huggingface/org/model[:policy]] [--state-dir DIR] [--force]";

function fail(message: string, code = 1): never {
  console.error(`setup: ${message}`);
  process.exit(code);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        "huggingface-api-key": { type: "string" },
        model: { type: "string" },
        "state-dir": { type: "string" },
        force: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values["state-dir"]) process.env.OPENCLAW_STATE_DIR = path.resolve(values["state-dir"]);
  const key = values["huggingface-api-key"] ?? process.env.HUGGINGFACE_HUB_TOKEN ?? process.env.HF_TOKEN;
  if (!key?.trim()) fail(`no Hugging Face key: pass --huggingface-api-key or set HF_TOKEN.\n${USAGE}`, 2);

  // Imported after the state directory is known (settings are read per call, but keep it obvious).
  const { runSetup } = await import("../lib/server/openclaw-config/setup");
  const { AppError } = await import("../lib/errors");
  try {
    const report = await runSetup({ key, model: values.model, force: values.force });
    const check = report.token.result;
    console.log(
      `Saved HF_TOKEN=${check.masked} in ${report.envFile} (check: ${check.outcome}${check.account ? `, account ${check.account}` : ""}).`,
    );
    if (check.outcome === "no_permission")
      console.log(
        "Warning: this token cannot call Inference Providers. Create one with that permission: https://huggingface.co/settings/tokens/new?ownUserPermissions=inference.serverless.write&tokenType=fineGrained",
      );
    if (check.outcome === "unverified")
      console.log("Note: Hugging Face could not be reached, so the token is saved but not verified yet.");
    if (!report.token.inEffect)
      console.log(
        "Note: a token in the environment or a HUGGINGFACE_HUB_TOKEN line takes precedence over the saved one.",
      );
    console.log(
      `Primary model: ${report.primary}${report.alias.added ? ` (alias "${report.alias.name}")` : ` (alias not added: ${report.alias.reason})`}`,
    );
    if (report.keptFallbacks.length > 0) console.log(`Kept fallbacks: ${report.keptFallbacks.join(", ")}`);
    console.log(
      report.diff.changed
        ? `Changed ${report.configFile}:\n${report.diff.patch}`
        : `${report.configFile} already had these settings.`,
    );
    console.log("Check it with: openclaw models status");
    process.exit(0);
  } catch (error) {
    if (error instanceof AppError) fail(error.message, error.status < 500 ? 2 : 1);
    fail(`unexpected ${(error as Error)?.name ?? "error"}`);
  }
}

void main();
