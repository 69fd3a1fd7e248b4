import "server-only";
import type { GatewayTokenSource, GatewayTokenView, TokenSource } from "@/lib/token/token-status";
import { readModelSettings } from "@/lib/openclaw-config/model-settings";
import { getEnvFileVar } from "./env-file";
import { maskToken } from "./token-source";

// Where the agent's Gateway will find the Hugging Face token, in OpenClaw's order
// (openclaw-gateway.md §4): an auth profile, the provider's apiKey (a literal, a `${VAR}` or a
// SecretRef), then HUGGINGFACE_HUB_TOKEN before HF_TOKEN, each taken from the process environment,
// else `<state>/.env`, else `env.vars`, else the login shell (`env.shellEnv`); none overrides a
// value already set. The Gateway's own process environment is not the dashboard's: a Gateway run as
// a service (launchd, systemd) sees neither the dashboard's variables nor the shell that started it.
const TOKEN_VARS = ["HUGGINGFACE_HUB_TOKEN", "HF_TOKEN"] as const;
const VAR_REF = /^\$\{([A-Z][A-Z0-9_]{0,127})\}$/;

type Json = Record<string, unknown>;
const record = (v: unknown): Json | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined;

interface EnvPlaces {
  process: (name: string) => string | undefined;
  file: (name: string) => Promise<string | undefined>;
  vars: Json;
}

/** The value of variable `name` as the Gateway would resolve it, and from where (service: no process env). */
async function resolveVar(name: string, env: EnvPlaces, service: boolean) {
  if (!service && env.process(name)) return { place: "process-env" as const, value: env.process(name)! };
  const fromFile = (await env.file(name))?.trim();
  if (fromFile) return { place: "state-env-file" as const, value: fromFile };
  const fromVars = env.vars[name];
  if (typeof fromVars === "string" && fromVars.trim() && !VAR_REF.test(fromVars))
    return { place: "config-env-vars" as const, value: fromVars.trim() };
  return null;
}

const PLACE_WORDS: Record<GatewayTokenSource["place"], string> = {
  "auth-profile": "the auth profile saved by `openclaw onboard`",
  "config-api-key": "models.providers.huggingface.apiKey in openclaw.json",
  "process-env": "the Gateway's process environment",
  "state-env-file": "the state folder's .env",
  "config-env-vars": "env.vars in openclaw.json",
  "shell-env": "your login shell (env.shellEnv)",
};

export async function gatewayTokenView(config: Json | null, inEffect: TokenSource | null): Promise<GatewayTokenView> {
  const env: EnvPlaces = {
    process: (name) => process.env[name]?.trim() || undefined,
    file: async (name) => (await getEnvFileVar(name)) ?? undefined,
    vars: record(record(config?.env)?.vars) ?? {},
  };
  const shellEnv = record(record(config?.env)?.shellEnv)?.enabled === true;
  const apiKey = record(record(record(config?.models)?.providers)?.huggingface)?.apiKey;
  const sources: GatewayTokenSource[] = [];

  const profile = readModelSettings(config).hasAuthProfile;
  sources.push({
    place: "auth-profile",
    present: profile,
    note: profile
      ? "OpenClaw uses the key `openclaw onboard` stored for this profile before anything below."
      : "No Hugging Face auth profile in openclaw.json.",
  });

  // The provider's apiKey: a literal, `${VAR}` or {source:"env", id} (resolved like any variable), or another SecretRef.
  const ref =
    typeof apiKey === "string"
      ? VAR_REF.exec(apiKey)?.[1]
      : record(apiKey)?.source === "env"
        ? String(record(apiKey)?.id)
        : undefined;
  let keyForService: string | null = null;
  if (apiKey === undefined) {
    sources.push({ place: "config-api-key", present: false, note: "Not set: the variables below are used." });
  } else if (ref) {
    const service = await resolveVar(ref, env, true);
    const own = await resolveVar(ref, env, false);
    keyForService = service ? `${ref} from ${PLACE_WORDS[service.place]}` : null;
    sources.push({
      place: "config-api-key",
      name: ref,
      present: !!own,
      ...(own ? { masked: maskToken(own.value) } : {}),
      note: `A reference to ${ref}: ${own ? `found in ${PLACE_WORDS[own.place]}` : "not set anywhere the dashboard can see"}.`,
    });
  } else if (typeof apiKey === "string") {
    keyForService = "the key written in openclaw.json";
    sources.push({
      place: "config-api-key",
      present: true,
      masked: maskToken(apiKey),
      note: "A key written in openclaw.json (`openclaw secrets audit` flags it).",
    });
  } else {
    const source = String(record(apiKey)?.source ?? "unknown");
    keyForService = `OpenClaw's ${source} secret`;
    sources.push({
      place: "config-api-key",
      present: true,
      note: `A SecretRef (${source}): OpenClaw resolves it itself.`,
    });
  }

  // The variables, by place then name, as the Gateway fills its environment.
  const places: {
    place: "process-env" | "state-env-file" | "config-env-vars";
    read: (n: string) => Promise<string | undefined>;
    set: string;
    unset: string;
  }[] = [
    {
      place: "process-env",
      read: async (n) => env.process(n),
      set: "Set in the dashboard's environment: a Gateway started from the same shell sees it, one run as a service does not.",
      unset: "Not set in the dashboard's environment (the Gateway's own may differ).",
    },
    {
      place: "state-env-file",
      read: async (n) => (await env.file(n))?.trim() || undefined,
      set: "Read by every Gateway at start (and at the next config reload when it was missing).",
      unset: "Not in .env.",
    },
    {
      place: "config-env-vars",
      read: async (n) => (typeof env.vars[n] === "string" ? (env.vars[n] as string).trim() || undefined : undefined),
      set: "Applied when no place above has it; a change needs a Gateway restart.",
      unset: "Not in env.vars.",
    },
  ];
  for (const { place, read, set, unset } of places) {
    for (const name of TOKEN_VARS) {
      const value = await read(name);
      sources.push({
        place,
        name,
        present: !!value,
        ...(value ? { masked: maskToken(value) } : {}),
        note: value ? set : unset,
      });
    }
  }
  sources.push({
    place: "shell-env",
    present: shellEnv,
    note: shellEnv
      ? "On: missing variables are imported from your login shell (the dashboard cannot see what it sets)."
      : "Off.",
  });

  let serviceUses: string | null = profile ? PLACE_WORDS["auth-profile"] : keyForService;
  if (!serviceUses)
    for (const name of TOKEN_VARS) {
      const found = await resolveVar(name, env, true);
      if (found) {
        serviceUses = `${name} from ${PLACE_WORDS[found.place]}`;
        break;
      }
    }

  const onlyHere = inEffect?.startsWith("env:") && !serviceUses;
  const warning = onlyHere
    ? `The token in effect (${inEffect!.slice(4)}) exists only in the dashboard's own environment. A Gateway run as a service (launchd, systemd) does not see it and will have no Hugging Face token${shellEnv ? " unless your login shell sets it" : ""}: save it here (it goes to the state folder's .env), or set it in the service's environment.`
    : null;
  return { sources, serviceUses: serviceUses ?? (shellEnv ? PLACE_WORDS["shell-env"] : null), warning };
}
