import "server-only";
import type { ConfigObject } from "../openclaw-config/config-file";
import { readConfig } from "../openclaw-config/config-file";
import { getEnvFileVar } from "../token/env-file";

// Where the local Gateway listens and which shared secret opens it, found the way OpenClaw's own
// clients find it in local mode (docs: gateway/remote.md "Credential precedence", gateway/index.md,
// gateway/configuration/environment-variables.md):
//   port:     OPENCLAW_GATEWAY_PORT > gateway.port > 18789, always on 127.0.0.1
//   token:    gateway.auth.token > OPENCLAW_GATEWAY_TOKEN > gateway.remote.token
//   password: gateway.auth.password > OPENCLAW_GATEWAY_PASSWORD > gateway.remote.password
// Strings may hold ${VAR} (uppercase names; $${VAR} is a literal), or be a SecretRef
// {source:"env", provider, id}. Variables come from the process, then <state>/.env, then the config's
// env.vars, as OpenClaw loads them. No secret value ever leaves this module except in `auth`.

export const DEFAULT_GATEWAY_PORT = 18789;

export type GatewayAuth = { token: string } | { password: string } | null;

export interface GatewayLocation {
  url: string;
  port: number;
  auth: GatewayAuth;
  /** Where the secret came from, for messages (a config path or a variable name, never the value). */
  authSource: string | null;
  /** Why no secret could be used although one is configured (unsupported SecretRef, unset variable). */
  authProblem: string | null;
}

/** Looks a variable up; undefined when unset or empty. */
export type VarLookup = (name: string) => Promise<string | undefined>;

const VAR_NAME = /^[A-Z_][A-Z0-9_]*$/;
const SECRET_REF_ID = /^[A-Z][A-Z0-9_]{0,127}$/;

/** OpenClaw's order: the process environment, then <state>/.env, then env.vars in openclaw.json. */
export function openclawVarLookup(config: ConfigObject | null): VarLookup {
  const vars = record(record(config?.env)?.vars);
  return async (name) => {
    const fromProcess = process.env[name];
    if (fromProcess) return fromProcess;
    const fromFile = await getEnvFileVar(name);
    if (fromFile) return fromFile;
    const inline = vars?.[name];
    return typeof inline === "string" && inline !== "" ? inline : undefined;
  };
}

/** The Gateway described by openclaw.json as readConfig() parsed it (null or {} when there is none). */
export async function locateGateway(
  config: ConfigObject | null,
  lookup: VarLookup = openclawVarLookup(config),
): Promise<GatewayLocation> {
  const gateway = record(config?.gateway);
  const port = (await portFromEnv(lookup)) ?? validPort(gateway?.port) ?? DEFAULT_GATEWAY_PORT;
  const where = { url: `ws://127.0.0.1:${port}`, port };
  const auth = record(gateway?.auth);
  const remote = record(gateway?.remote);
  const mode = typeof auth?.mode === "string" ? auth.mode : inferMode(auth);

  if (mode === "none") return { ...where, auth: null, authSource: "gateway.auth.mode none", authProblem: null };
  if (mode !== "token" && mode !== "password" && mode !== "trusted-proxy") {
    return {
      ...where,
      auth: null,
      authSource: null,
      authProblem: `gateway.auth.mode "${mode}" is not one the dashboard knows.`,
    };
  }
  // Same-host callers of a trusted-proxy Gateway use its password directly (gateway/trusted-proxy-auth.md).
  const kind = mode === "token" ? "token" : "password";
  const envName = kind === "token" ? "OPENCLAW_GATEWAY_TOKEN" : "OPENCLAW_GATEWAY_PASSWORD";
  const make = (value: string, source: string): GatewayLocation => ({
    ...where,
    auth: kind === "token" ? { token: value } : { password: value },
    authSource: source,
    authProblem: null,
  });
  // A configured value wins; when it cannot be resolved the dashboard says why instead of guessing.
  for (const [source, input] of [
    [`gateway.auth.${kind}`, auth?.[kind]],
    [`gateway.remote.${kind}`, remote?.[kind]],
  ] as const) {
    if (input === undefined || input === null || input === "") {
      if (source.startsWith("gateway.auth.")) {
        const fromEnv = await lookup(envName);
        if (fromEnv) return make(fromEnv, envName);
      }
      continue;
    }
    const resolved = await resolveSecretInput(input, source, config, lookup);
    if (resolved.value === undefined)
      return { ...where, auth: null, authSource: source, authProblem: resolved.problem };
    return make(resolved.value, resolved.source);
  }
  if (mode === "trusted-proxy") {
    return {
      ...where,
      auth: null,
      authSource: null,
      authProblem:
        "The Gateway uses trusted-proxy auth; same-host clients need gateway.auth.password or OPENCLAW_GATEWAY_PASSWORD.",
    };
  }
  return { ...where, auth: null, authSource: null, authProblem: null };
}

/** readConfig() (the one owner of openclaw.json), then locateGateway. */
export async function locateFromConfigFile(): Promise<GatewayLocation> {
  const snapshot = await readConfig();
  return locateGateway(snapshot.data);
}

function inferMode(auth: Record<string, unknown> | null): string {
  const has = (key: string) => auth?.[key] !== undefined && auth?.[key] !== null && auth?.[key] !== "";
  return has("password") && !has("token") ? "password" : "token";
}

async function portFromEnv(lookup: VarLookup): Promise<number | null> {
  const raw = await lookup("OPENCLAW_GATEWAY_PORT");
  return raw === undefined ? null : validPort(Number(raw.trim()));
}

function validPort(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value > 0 && value < 65536 ? value : null;
}

interface Resolved {
  value?: string;
  source: string;
  problem: string | null;
}

async function resolveSecretInput(
  input: unknown,
  source: string,
  config: ConfigObject | null,
  lookup: VarLookup,
): Promise<Resolved> {
  if (typeof input === "string") return substituteVars(input, source, lookup);
  const ref = record(input);
  if (!ref || typeof ref.source !== "string") {
    return { source, problem: `${source} is neither a string nor a SecretRef; the dashboard cannot use it.` };
  }
  if (ref.source !== "env") {
    return {
      source,
      problem: `${source} is a SecretRef with source "${ref.source}"; the dashboard resolves only "env" refs. It will use its paired device token if it has one; otherwise set OPENCLAW_GATEWAY_${source.endsWith("token") ? "TOKEN" : "PASSWORD"} for the dashboard.`,
    };
  }
  const id = typeof ref.id === "string" ? ref.id : "";
  if (!SECRET_REF_ID.test(id)) return { source, problem: `${source} is an env SecretRef with an invalid id.` };
  const provider = typeof ref.provider === "string" && ref.provider !== "" ? ref.provider : "default";
  const providerProblem = checkEnvProvider(provider, id, source, config);
  if (providerProblem) return { source, problem: providerProblem };
  const value = await lookup(id);
  return value === undefined
    ? {
        source,
        problem: `${source} refers to the variable ${id}, which is not set for the dashboard (process environment, <state>/.env or env.vars).`,
      }
    : { value, source: `${source} (env ${id})`, problem: null };
}

// An env ref names a provider alias: "default" needs no entry; another alias must be an env provider
// whose allowlist (if any) has the id (gateway/secrets: SecretRef contract).
function checkEnvProvider(provider: string, id: string, source: string, config: ConfigObject | null): string | null {
  const configured = record(record(record(config?.secrets)?.providers)?.[provider]);
  if (!configured) {
    return provider === "default"
      ? null
      : `${source} uses the secrets provider "${provider}", which openclaw.json does not define.`;
  }
  if (configured.source !== "env") {
    return `${source} uses the secrets provider "${provider}", which is not an env provider.`;
  }
  const allowlist = configured.allowlist;
  if (Array.isArray(allowlist) && !allowlist.includes(id)) {
    return `${source}: the secrets provider "${provider}" does not allow ${id}.`;
  }
  return null;
}

/** ${VAR} substitution as OpenClaw does it: uppercase names only, $${VAR} stays a literal ${VAR}. */
async function substituteVars(text: string, source: string, lookup: VarLookup): Promise<Resolved> {
  const pattern = /\$?\$\{([^}]*)\}/g;
  let out = "";
  let last = 0;
  const names: string[] = [];
  for (const match of text.matchAll(pattern)) {
    const [whole, name] = match;
    out += text.slice(last, match.index);
    last = match.index + whole.length;
    if (whole.startsWith("$$")) {
      out += whole.slice(1);
      continue;
    }
    if (!VAR_NAME.test(name)) {
      out += whole;
      continue;
    }
    const value = await lookup(name);
    if (value === undefined) {
      return {
        source,
        problem: `${source} uses \${${name}}, which is not set for the dashboard (process environment, <state>/.env or env.vars).`,
      };
    }
    names.push(name);
    out += value;
  }
  out += text.slice(last);
  if (out === "") return { source, problem: `${source} is empty.` };
  return { value: out, source: names.length > 0 ? `${source} (\${${names.join("}, ${")}})` : source, problem: null };
}

function record(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
