import "server-only";
import {
  dashboardKnownKeys,
  knownKeysFromJsonSchema,
  type KnownKeysAt,
} from "@/lib/openclaw-config/repairs/schema-keys";
import { configPath } from "../settings";
import { findOpenClawCli, parseJsonOutput, runOpenClaw } from "./cli";

// The keys OpenClaw knows anywhere in the file, from `openclaw config schema --json` (1.9 MB, ~1 s;
// loaded once per CLI version in the background), for the unknown-key repair. Until it is loaded,
// or without a CLI, the dashboard's own schema answers for the parts it writes.
let loaded: { version: string; keys: KnownKeysAt } | null = null;
let loading: Promise<void> | null = null;

function load(): Promise<void> {
  loading ??= (async () => {
    const cli = await findOpenClawCli();
    if (!cli) return;
    const run = await runOpenClaw(cli, ["config", "schema", "--json"], configPath());
    const schema = run.failure ? null : parseJsonOutput(run.stdout);
    if (schema) loaded = { version: cli.version ?? "", keys: knownKeysFromJsonSchema(schema) };
  })()
    .catch(() => {})
    .finally(() => (loading = null));
  return loading;
}

/** Keys from OpenClaw's schema when loaded (a load starts otherwise), else from the dashboard's. */
export function knownConfigKeys(cliVersion: string | undefined): KnownKeysAt {
  if (cliVersion !== undefined && loaded?.version !== cliVersion) void load();
  if (loaded && (cliVersion === undefined || loaded.version === cliVersion)) {
    const fromCli = loaded.keys;
    return (path) => fromCli(path) ?? dashboardKnownKeys()(path);
  }
  return dashboardKnownKeys();
}

/** Waits for a schema load in progress (tests, warm-up). */
export async function settleSchemaLoad(): Promise<void> {
  await loading;
}
