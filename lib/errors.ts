// One error language for server and browser: a code maps to a status, and the message is
// always ours (never upstream text, which can echo the token).
export const errorStatus = {
  invalid_json: 400,
  invalid_body: 400,
  invalid_query: 400,
  invalid_token: 400,
  token_rejected: 401,
  token_invalid: 422,
  forbidden_origin: 403,
  forbidden_host: 403,
  unauthenticated: 401,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  config_unparsable: 422,
  config_invalid: 422,
  /** OpenClaw would take the write for a clobber (size drop, gateway.mode removed): nothing written. */
  config_write_rejected: 422,
  precondition_required: 428,
  too_many_requests: 429,
  storage_failed: 507,
  internal: 500,
  upstream_unreachable: 502,
  upstream_timeout: 504,
  upstream_error: 502,
  /** The running Gateway stopped answering in the middle of a save. */
  gateway_unavailable: 503,
  no_token: 409,
} as const;

export type ErrorCode = keyof typeof errorStatus;

interface ErrorBody {
  error: { code: ErrorCode | string; message: string; details?: unknown };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;
  /** Sent with the error answer, e.g. Retry-After on a 429. */
  readonly headers?: Record<string, string>;

  constructor(code: ErrorCode, message: string, details?: unknown, options?: { headers?: Record<string, string> }) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.status = errorStatus[code];
    this.details = details;
    this.headers = options?.headers;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (!value || typeof value !== "object") return false;
  const error = (value as { error?: unknown }).error;
  return !!error && typeof error === "object" && typeof (error as { message?: unknown }).message === "string";
}
