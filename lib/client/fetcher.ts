// The browser side of lib/errors: rebuilds the server's {error:{code,message}} as an ApiError.
import { isErrorBody } from "../errors";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function fetchJson<T>(input: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json, headers, ...rest } = init ?? {};
  const response = await fetch(input, {
    ...rest,
    headers: { ...(json === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    if (isErrorBody(body))
      throw new ApiError(response.status, body.error.code, body.error.message, body.error.details, body);
    throw new ApiError(response.status, "http_error", `The dashboard server answered ${response.status}.`);
  }
  return body as T;
}

export const jsonFetcher = <T>(url: string) => fetchJson<T>(url);

/** Our message for a failed request; `fallback` when the dashboard server gave none (it was not reached). */
export function errorMessage(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.message : fallback;
}
