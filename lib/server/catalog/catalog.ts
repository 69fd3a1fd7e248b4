import "server-only";
import { createHash } from "node:crypto";
import type { CatalogError, CatalogResponse } from "@/lib/catalog/types";
import { builtinModels } from "@/lib/catalog/builtin";
import { mergeCatalog } from "@/lib/catalog/merge";
import { MalformedListError, parseRouterList } from "@/lib/catalog/router-list";
import { readModelSettings } from "@/lib/openclaw-config/model-settings";
import { readConfig } from "../openclaw-config/config-file";
import { routerUrl } from "../settings";
import { resolveToken } from "../token/token-source";
import { readStreamCapped } from "../http";

// The router's model list merged with OpenClaw's built-ins. Fetched when first asked for (never at
// import), kept in memory per router URL + token hash, served stale while one shared upstream call
// refreshes it. A failure falls back to the built-in catalog and says why. The cache is bounded: a
// list unused for CATALOG_MAX_AGE_MS is dropped, and at most MAX_CACHED_LISTS are kept (each can be
// megabytes; one per token and router the dashboard has seen), the least recently used going first.
// The body is read as a stream and dropped as soon as it passes MAX_LIST_BYTES.
const CATALOG_TTL_MS = 5 * 60_000;
const CATALOG_MAX_AGE_MS = 60 * 60_000;
const MAX_CACHED_LISTS = 8;
const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_LIST_BYTES = 64 * 1024 * 1024;

interface Entry {
  value: CatalogResponse;
  storedAt: number;
}

const entries = new Map<string, Entry>();
const inflight = new Map<string, Promise<CatalogResponse>>();
let lastTokenHash: { token: string; hash: string } | null = null;

/** HF_MODELS_TIMEOUT_MS overrides the 30 s upstream timeout (slow links, or tests of the timeout). */
function timeoutMs(): number {
  const value = Number(process.env.HF_MODELS_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS;
}

function tokenHash(token: string | undefined): string {
  if (!token) return "anonymous";
  if (lastTokenHash?.token !== token)
    lastTokenHash = { token, hash: createHash("sha256").update(token).digest("hex").slice(0, 16) };
  return lastTokenHash.hash;
}

export function builtinCatalog(error?: CatalogError): CatalogResponse {
  return { source: "builtin", fetchedAt: null, ...(error ? { error } : {}), models: builtinModels() };
}

export async function getCatalog(options: { refresh?: boolean } = {}): Promise<CatalogResponse> {
  const snapshot = await readConfig();
  const settings = readModelSettings(snapshot.data);
  if (!settings.discoveryEnabled) {
    return builtinCatalog({
      code: "discovery_disabled",
      message:
        "Discovery is switched off in openclaw.json (plugins.entries.huggingface.config.discovery.enabled: false): showing OpenClaw's built-in models.",
    });
  }
  const url = routerUrl(settings.baseUrl);
  const token = (await resolveToken())?.token;
  const key = `${url}\n${tokenHash(token)}`;
  const entry = lookup(key);
  if (options.refresh || !entry) return refresh(key, url, token);
  if (Date.now() - entry.storedAt > CATALOG_TTL_MS) void refresh(key, url, token).catch(() => {});
  return entry.value;
}

/** The entry for `key` (now the most recently used), after dropping every expired one. */
function lookup(key: string): Entry | undefined {
  const now = Date.now();
  for (const [k, e] of entries) if (now - e.storedAt > CATALOG_MAX_AGE_MS) entries.delete(k);
  const entry = entries.get(key);
  if (entry) remember(key, entry);
  return entry;
}

/** Stores `entry` as the most recently used; the Map's order is least recently used first. */
function remember(key: string, entry: Entry): void {
  entries.delete(key);
  entries.set(key, entry);
  while (entries.size > MAX_CACHED_LISTS) entries.delete(entries.keys().next().value!);
}

/** One upstream call per key at a time; everyone asking meanwhile shares its answer. */
function refresh(key: string, url: string, token: string | undefined): Promise<CatalogResponse> {
  const running = inflight.get(key);
  if (running) return running;
  const work = fetchCatalog(url, token)
    .then((value) => {
      // A failed refresh keeps serving the last good live list, with the reason attached.
      const previous = entries.get(key)?.value;
      const stored =
        value.source === "builtin" && previous?.source === "live" ? { ...previous, error: value.error } : value;
      remember(key, { value: stored, storedAt: Date.now() });
      return stored;
    })
    .finally(() => inflight.delete(key));
  inflight.set(key, work);
  return work;
}

async function fetchCatalog(url: string, token: string | undefined): Promise<CatalogResponse> {
  const limit = timeoutMs();
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(`${url}/models`, {
      headers: { accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      signal: AbortSignal.timeout(limit),
      cache: "no-store",
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return builtinCatalog(statusError(response.status));
    }
    const text = await readCapped(response, MAX_LIST_BYTES);
    if (text === null)
      return builtinCatalog({ code: "malformed", message: "The router's model list is too large to use." });
    body = JSON.parse(text);
  } catch (error) {
    return builtinCatalog(networkError(error, limit));
  }
  try {
    const models = mergeCatalog(parseRouterList(body));
    return { source: "live", fetchedAt: new Date().toISOString(), ...(token ? {} : { partial: true }), models };
  } catch (error) {
    if (error instanceof MalformedListError) return builtinCatalog({ code: "malformed", message: error.message });
    throw error;
  }
}

/** The body as text, or null (and the rest never read) once it is larger than `limit` bytes. */
async function readCapped(response: Response, limit: number): Promise<string | null> {
  const declared = Number(response.headers.get("content-length") ?? "");
  if (!response.body || declared > limit) {
    await response.body?.cancel().catch(() => {});
    return response.body ? null : "";
  }
  return readStreamCapped(response.body, limit);
}

// Our own words only: upstream text may echo the token.
function statusError(status: number): CatalogError {
  if (status === 401 || status === 403) {
    return {
      code: "unauthorized",
      message: `The router refused the token (HTTP ${status}): showing the built-in models. Check the token on the Token page.`,
    };
  }
  return { code: "upstream_error", message: `The router answered HTTP ${status}: showing the built-in models.` };
}

function networkError(error: unknown, limit: number): CatalogError {
  const name = (error as { name?: string })?.name;
  if (name === "TimeoutError" || name === "AbortError") {
    return {
      code: "timeout",
      message: `The router did not send its model list within ${Math.round(limit / 1000)} s: showing the built-in models.`,
    };
  }
  if (error instanceof SyntaxError)
    return { code: "malformed", message: "The router's model list is not valid JSON: showing the built-in models." };
  return { code: "unreachable", message: "Could not reach the router: showing the built-in models." };
}
