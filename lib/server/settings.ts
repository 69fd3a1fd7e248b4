import "server-only";
import os from "node:os";
import path from "node:path";

// Runtime settings, read on each call so tests and the scriptable setup can point elsewhere.
const DEFAULT_ROUTER_URL = "https://router.huggingface.co/v1";
const DEFAULT_HUB_URL = "https://huggingface.co";

function expandHome(value: string): string {
  if (value === "~") return os.homedir();
  if (value.startsWith("~/")) return path.join(os.homedir(), value.slice(2));
  return value;
}

export function stateDir(): string {
  const configured = process.env.OPENCLAW_STATE_DIR?.trim();
  return path.resolve(expandHome(configured || "~/.openclaw"));
}

export function configPath(): string {
  const configured = process.env.OPENCLAW_CONFIG_PATH?.trim();
  return configured ? path.resolve(expandHome(configured)) : path.join(stateDir(), "openclaw.json");
}

export function envFilePath(): string {
  return path.join(stateDir(), ".env");
}

export function hubUrl(): string {
  return trimSlash(process.env.HF_ENDPOINT?.trim() || DEFAULT_HUB_URL);
}

/** HF_ROUTER_URL, else the config's provider baseUrl, else the public router. */
export function routerUrl(configBaseUrl?: string): string {
  const fromEnv = process.env.HF_ROUTER_URL?.trim();
  if (fromEnv) return trimSlash(fromEnv);
  if (configBaseUrl && /^https?:\/\//i.test(configBaseUrl)) return trimSlash(configBaseUrl);
  return DEFAULT_ROUTER_URL;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
