import "server-only";
import type { DoctorFinding, DoctorLint } from "@/lib/openclaw-config/api-types";
import { maskSecrets } from "@/lib/openclaw-config/redact";
import { findOpenClawCli, parseJsonOutput, runOpenClaw } from "../openclaw-cli/cli";
import { readConfig, type ConfigSnapshot } from "./config-file";

// `openclaw doctor --lint --json` on the file (read-only, ~3–11 s), kept per revision and run in
// the background like the CLI's verdict: the page shows `checking` until it is done. Only the
// findings about model config are kept (unknown providers, models missing from the catalog, legacy
// refs…); the schema errors it repeats are the verdict's, and the rest is not this dashboard's.
const MAX_CACHED = 16;
const MODEL_PATHS =
  /^(agents\.defaults\.(model|models|modelPolicy)\b|models\.|plugins\.entries\.huggingface\b|auth\.profiles\b)/;

const results = new Map<string, DoctorFinding[] | null>();
const running = new Map<string, Promise<void>>();

function readFindings(value: unknown, hidden: string[]): DoctorFinding[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const f = (entry ?? {}) as Record<string, unknown>;
    if (typeof f.checkId !== "string" || typeof f.message !== "string") return [];
    if (f.checkId === "core/doctor/final-config-validation") return [];
    const path = typeof f.path === "string" ? f.path : undefined;
    if (!/model/i.test(f.checkId) && !(path && MODEL_PATHS.test(path))) return [];
    return [
      {
        checkId: f.checkId,
        severity: typeof f.severity === "string" ? f.severity : "info",
        message: maskSecrets(f.message, hidden),
        ...(path ? { path: maskSecrets(path, hidden) } : {}),
        ...(typeof f.fixHint === "string" ? { fixHint: maskSecrets(f.fixHint, hidden) } : {}),
      },
    ];
  });
}

/** The model findings for the file as it is; null without a CLI. Never waits for the run. */
export async function doctorLint(snapshot: ConfigSnapshot, hidden: string[]): Promise<DoctorLint | null> {
  const cli = await findOpenClawCli();
  if (!cli || !snapshot.exists) return null;
  const key = `${snapshot.path}\0${snapshot.revision}`;
  if (results.has(key)) {
    const findings = results.get(key);
    return findings ? { findings } : { findings: [], failed: true };
  }
  if (!running.has(key)) {
    const run = (async () => {
      const out = await runOpenClaw(cli, ["doctor", "--lint", "--json", "--severity-min", "info"], snapshot.path);
      const json = out.failure ? null : parseJsonOutput(out.stdout);
      const now = await readConfig().catch(() => null);
      if (now?.revision !== snapshot.revision) return;
      results.set(key, json ? readFindings(json.findings, hidden) : null);
      while (results.size > MAX_CACHED) results.delete(results.keys().next().value as string);
    })()
      .catch(() => {})
      .finally(() => running.delete(key));
    running.set(key, run);
  }
  return { checking: true, findings: [] };
}

export async function settleDoctorLint(): Promise<void> {
  await Promise.all([...running.values()]);
}
