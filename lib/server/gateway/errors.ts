import "server-only";
import { GatewayClientRequestError, GatewayClientRequestTimeoutError } from "@openclaw/gateway-client";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { GatewayStatus } from "./status";

// Gateway RPC failures in the dashboard's error language. Most config.patch refusals carry no
// structured code (all are INVALID_REQUEST), so they are told apart by OpenClaw's messages, checked
// against OpenClaw 2026.9.6; anything unrecognised stays a plain `failed`. Every text that came from
// the Gateway goes through scrubSecrets first.

export type GatewayErrorKind =
  /** No usable connection: the Gateway is stopped, unreachable or refused our credentials. */
  | "not_running"
  /** baseHash is stale: the file changed since config.get (the same 409 as a direct save). */
  | "conflict"
  /** The file exists and the patch had no baseHash. */
  | "hash_required"
  /** OpenClaw's validation refused the result; `issues` has its paths and messages. */
  | "invalid"
  /** The patch removes array entries and their paths were not in replacePaths. */
  | "replace_paths_required"
  /** OpenClaw's clobber guard refused the write (size drop, gateway.mode removed…). */
  | "write_rejected"
  /** Written to disk, but not live: a restart is pending or needed. */
  | "not_applied"
  /** 30 writes a minute per method: refused by us before the Gateway would. */
  | "rate_limited"
  | "restarting"
  /** Our device lacks a scope for the method. */
  | "forbidden"
  | "timeout"
  | "failed";

const APP_CODES: Record<GatewayErrorKind, ErrorCode> = {
  not_running: "upstream_unreachable",
  conflict: "conflict",
  hash_required: "precondition_required",
  invalid: "config_invalid",
  replace_paths_required: "config_invalid",
  write_rejected: "config_invalid",
  not_applied: "upstream_error",
  rate_limited: "too_many_requests",
  restarting: "upstream_unreachable",
  forbidden: "upstream_error",
  timeout: "upstream_timeout",
  failed: "upstream_error",
};

export interface ConfigIssue {
  path: string;
  message: string;
}

export interface GatewayErrorInfo {
  issues?: ConfigIssue[];
  retryAfterMs?: number;
  replacePaths?: string[];
  /** True when the file on disk is already invalid (fix it before any patch). */
  onDisk?: boolean;
  status?: GatewayStatus;
  /** not_applied: the Gateway is already restarting to apply it. */
  restartPending?: boolean;
  /** OpenClaw's error code (INVALID_REQUEST, UNAVAILABLE…). */
  gatewayCode?: string;
}

export class GatewayError extends AppError {
  readonly kind: GatewayErrorKind;
  readonly info: GatewayErrorInfo;

  constructor(kind: GatewayErrorKind, message: string, info: GatewayErrorInfo = {}) {
    const headers =
      kind === "rate_limited" && info.retryAfterMs !== undefined
        ? { "Retry-After": String(Math.max(1, Math.ceil(info.retryAfterMs / 1000))) }
        : undefined;
    super(APP_CODES[kind], message, { gateway: kind, ...info }, headers ? { headers } : undefined);
    this.name = "GatewayError";
    this.kind = kind;
    this.info = info;
  }
}

export function notRunningError(status: GatewayStatus): GatewayError {
  return new GatewayError("not_running", status.message ?? `The Gateway is ${status.state}.`, { status });
}

export function rateLimitedError(method: string, retryAfterMs: number): GatewayError {
  return new GatewayError(
    "rate_limited",
    `Too many ${method} calls: OpenClaw accepts 30 a minute. Try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`,
    { retryAfterMs },
  );
}

const HF_TOKEN = /\bhf_[A-Za-z0-9]{8,}/g;

/** Removes every known secret (and anything shaped like an HF token) from a text. */
export function scrubSecrets(text: string, secrets: readonly (string | undefined | null)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join("***");
  return out.replace(HF_TOKEN, "hf_***");
}

const CONFLICT_MESSAGE =
  "openclaw.json changed since you loaded it (another tab, OpenClaw or an editor). Review the current file and try again.";

/** One RPC failure, thrown by @openclaw/gateway-client, as a GatewayError. */
export function mapRequestError(
  method: string,
  error: unknown,
  secrets: readonly (string | undefined)[],
): GatewayError {
  const clean = (text: string) => scrubSecrets(text, secrets);
  if (error instanceof GatewayError) return error;
  if (error instanceof GatewayClientRequestTimeoutError) {
    return new GatewayError(
      "timeout",
      `The Gateway did not answer ${method} within ${Math.round(error.timeoutMs / 1000)} s.`,
    );
  }
  if (!(error instanceof GatewayClientRequestError)) return transportError(method, error);

  const gatewayCode = error.gatewayCode;
  const message = error.message ?? "";
  const details = (error.details && typeof error.details === "object" ? error.details : {}) as Record<string, unknown>;
  const info = { gatewayCode };

  if (/rate limit exceeded/i.test(message) || (gatewayCode === "UNAVAILABLE" && typeof details.limit === "string")) {
    return rateLimitedError(method, error.retryAfterMs ?? 60_000);
  }
  if (/config changed since last load/i.test(message)) return new GatewayError("conflict", CONFLICT_MESSAGE, info);
  if (/base hash (required|unavailable)/i.test(message)) {
    return new GatewayError(
      "hash_required",
      "OpenClaw needs the config's current hash to change it; reload and try again.",
      info,
    );
  }
  const shrink = /would remove entries from array path\(s\): (.+?)\. Pass replacePaths/i.exec(message);
  if (shrink) {
    const replacePaths = shrink[1]
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    return new GatewayError(
      "replace_paths_required",
      `The change removes entries from ${replacePaths.join(", ")}; OpenClaw needs them listed in replacePaths.`,
      { ...info, replacePaths },
    );
  }
  const issues = readConfigIssues(details.issues, clean);
  if (issues.length > 0 || /^invalid config/i.test(message)) {
    const onDisk = /before patching/i.test(message);
    const listed = issues.map((issue) => `${issue.path || "(root)"}: ${issue.message}`).join("; ");
    return new GatewayError(
      "invalid",
      onDisk
        ? `openclaw.json is already invalid, so OpenClaw refuses any change until it is fixed (\`openclaw doctor\`): ${listed || clean(message)}`
        : `OpenClaw refused the change: ${listed || clean(message)}`,
      { ...info, issues, onDisk },
    );
  }
  if (details.code === "CONFIG_WRITE_REJECTED" || /config write rejected/i.test(message)) {
    return new GatewayError("write_rejected", `OpenClaw refused to write the config: ${clean(message)}`, info);
  }
  // Saved to disk but not (yet) live: accepted for a restart, or the live apply failed.
  if (/persisted and was accepted for restart|recovery restart is required/i.test(message)) {
    return new GatewayError(
      "not_applied",
      "OpenClaw saved the change; the Gateway restarts to apply it. It should be live in a few seconds.",
      { ...info, restartPending: true },
    );
  }
  if (/persisted but was not applied/i.test(message)) {
    return new GatewayError(
      "not_applied",
      "OpenClaw saved the change, but the running Gateway did not apply it. Restart the Gateway (`openclaw gateway restart`) to use it.",
      { ...info, restartPending: false },
    );
  }
  if (details.reason === "gateway-restarting" || /during gateway restart/i.test(message)) {
    return new GatewayError("restarting", "The Gateway is restarting; try again in a few seconds.", {
      ...info,
      retryAfterMs: error.retryAfterMs,
    });
  }
  if (gatewayCode === "FORBIDDEN" || details.code === "MISSING_SCOPE" || /missing scope/i.test(message)) {
    return new GatewayError(
      "forbidden",
      `The dashboard's device may not call ${method} (${clean(message)}). Approve it with operator.admin: \`openclaw devices list\`.`,
      info,
    );
  }
  return new GatewayError("failed", `The Gateway refused ${method} (${gatewayCode}): ${clean(message)}`, info);
}

function transportError(method: string, error: unknown): GatewayError {
  const message = error instanceof Error ? error.message : String(error);
  const closed = /gateway closed \((\d+)\)/.exec(message);
  if (closed?.[1] === "1012")
    return new GatewayError("restarting", "The Gateway is restarting; try again in a few seconds.");
  if (closed || /not connected|client stopped/i.test(message)) {
    return new GatewayError(
      "not_running",
      `The connection to the Gateway closed before it answered ${method}. Reload to see whether the change was saved.`,
    );
  }
  if ((error as Error | undefined)?.name === "AbortError")
    return new GatewayError("failed", `${method} was cancelled.`);
  return new GatewayError("failed", `${method} failed: the dashboard could not talk to the Gateway.`);
}

export function readConfigIssues(value: unknown, clean: (text: string) => string): ConfigIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    if (!entry || typeof entry !== "object") return [];
    const { path, message } = entry as { path?: unknown; message?: unknown };
    if (typeof message !== "string") return [];
    return [{ path: typeof path === "string" ? path : "", message: clean(message) }];
  });
}
