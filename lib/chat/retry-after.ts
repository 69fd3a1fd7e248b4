// The router's `retry-after` header (passed through from the provider): seconds, or an HTTP date.
// OpenClaw takes it as the least it waits before retrying, so the dashboard keeps it with a failure.
const MAX_MS = 24 * 60 * 60 * 1000;

/** Milliseconds to wait, or undefined when the header is absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.min(MAX_MS, Math.ceil(Number(text) * 1000));
  const at = Date.parse(text);
  if (!Number.isFinite(at) || !/[a-z]/i.test(text)) return undefined;
  return Math.min(MAX_MS, Math.max(0, at - now));
}
