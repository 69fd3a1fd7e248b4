// `npm run setup -- [--huggingface-api-key -|<hf_…>] [--model REF] [--state-dir DIR] [--force]`
// Configures OpenClaw's Hugging Face provider without a browser; see lib/server/openclaw-config/setup.ts.
// A key in argv is visible to every local user in the process list (ps), so it can also come from
// standard input (`-`) or from the environment, as OpenClaw reads it.
import { parseArgs } from "node:util";
import path from "node:path";

const USAGE =
  "Usage: npm run setup -- [--huggingface-api-key -|<hf_…>] [--model huggingface/org/model[:policy]] [--state-dir DIR] [--force]";

const HELP = `${USAGE}

Stores a Hugging Face key in <state>/.env (HF_TOKEN=…, mode 0600) and sets the primary model in openclaw.json
(huggingface/deepseek-ai/DeepSeek-R1 unless --model), as \`openclaw onboard --auth-choice huggingface-api-key\` does.

Where the key comes from:
  --huggingface-api-key -       standard input (its first line):  npm run setup -- --huggingface-api-key - < key.txt
  no --huggingface-api-key      HUGGINGFACE_HUB_TOKEN, else HF_TOKEN, from the environment (OpenClaw's order)
  --huggingface-api-key <hf_…>  the command line itself
Prefer standard input or the environment: a key on the command line shows in the process list (ps),
which every local user can read, and stays in your shell history.

Options:
  --model REF        the primary model, e.g. huggingface/deepseek-ai/DeepSeek-V3.1:fastest
  --state-dir DIR    OpenClaw's state directory (default: OPENCLAW_STATE_DIR, else ~/.openclaw)
  --force            save the key even when Hugging Face rejects it
  -h, --help         this text`;

const MAX_STDIN_KEY_BYTES = 4096;

/** The key from standard input: its first line (a pasted key, or a file piped in), at most 4 kB. */
async function keyFromStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Paste the Hugging Face key, then press Enter: ");
  process.stdin.setEncoding("utf8");
  let text = "";
  for await (const chunk of process.stdin) {
    text += chunk;
    if (text.includes("\n") || text.length > MAX_STDIN_KEY_BYTES) break;
  }
  process.stdin.destroy();
  if (text.length > MAX_STDIN_KEY_BYTES)
    fail(`the key on standard input is longer than ${MAX_STDIN_KEY_BYTES} bytes.`, 2);
  const key = text.split("\n")[0].trim();
  if (!key) fail(`no Hugging Face key on standard input.\n${USAGE}`, 2);
  return key;
}

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
    console.log(HELP);
    return;
  }
  if (values["state-dir"]) process.env.OPENCLAW_STATE_DIR = path.resolve(values["state-dir"]);
  const flag = values["huggingface-api-key"];
  const key = flag === "-" ? await keyFromStdin() : (flag ?? process.env.HUGGINGFACE_HUB_TOKEN ?? process.env.HF_TOKEN);
  if (!key?.trim())
    fail(
      `no Hugging Face key: pass --huggingface-api-key or set HF_TOKEN (--huggingface-api-key - reads it from standard input).\n${USAGE}`,
      2,
    );

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
