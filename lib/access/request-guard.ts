// Pure checks the proxy runs on every request: Host allowlist (DNS rebinding) and same-origin
// writes (CSRF). Kept free of Next types so unit tests can drive them directly.
const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

export function allowedHostNames(env: Record<string, string | undefined>): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  for (const extra of (env.DASHBOARD_ALLOWED_HOSTS ?? "").split(",")) {
    const name = extra.trim().toLowerCase();
    if (name) names.add(name);
  }
  const bind = env.HOST?.trim().toLowerCase();
  if (bind && bind !== "0.0.0.0" && bind !== "::" && bind !== "[::]")
    names.add(bind.includes(":") && !bind.startsWith("[") ? `[${bind}]` : bind);
  return names;
}

/** The host name of a Host header without its port; null when it is malformed. */
export function hostName(hostHeader: string | null): string | null {
  if (!hostHeader) return null;
  const value = hostHeader.trim().toLowerCase();
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(value);
  return match ? match[1] : null;
}

export function isHostAllowed(hostHeader: string | null, allowed: Set<string>): boolean {
  const name = hostName(hostHeader);
  return name !== null && allowed.has(name);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

interface OriginFacts {
  method: string;
  host: string | null;
  origin: string | null;
  secFetchSite: string | null;
}

/**
 * The request comes from the dashboard's own pages: Sec-Fetch-Site says so, or Origin names the
 * Host it was sent to. Without either header (curl, scripts) it is taken as such too: only
 * loopback-bound servers accept those without a session.
 */
function isSameOrigin(input: OriginFacts): boolean {
  if (input.secFetchSite) {
    if (input.secFetchSite !== "same-origin" && input.secFetchSite !== "none") return false;
  }
  if (input.origin) {
    if (input.origin === "null") return false;
    try {
      return new URL(input.origin).host.toLowerCase() === (input.host ?? "").toLowerCase();
    } catch {
      return false;
    }
  }
  return true;
}

/** A write (anything but GET, HEAD, OPTIONS) must be same-origin. */
export function isWriteAllowed(input: OriginFacts): boolean {
  return SAFE_METHODS.has(input.method.toUpperCase()) || isSameOrigin(input);
}

/**
 * Reads of the API have side effects too: `GET /api/models` calls the router with the user's
 * token (always with ?refresh=1, and whenever the cached list is cold or stale), and
 * `GET /api/token` starts a check with Hugging Face when the last one is due. A page on another
 * site can send such a GET without reading the answer (`no-cors`), so every API route but the
 * health probe answers its own pages (and header-less scripts) only, whatever the method; a new
 * route is covered without being listed. Pages stay open to links from anywhere.
 */
export function isRequestAllowed(input: OriginFacts & { pathname: string }): boolean {
  if (!isWriteAllowed(input)) return false;
  const api = input.pathname === "/api" || input.pathname.startsWith("/api/");
  return !api || input.pathname === "/api/health" || isSameOrigin(input);
}
