import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseSafeJson, UnsafeJsonError } from "@/lib/safe-json";

const DEFAULT_BODY_LIMIT = 64 * 1024;

/** Reads a JSON body: JSON content type only, size-capped, no forbidden keys, validated by zod. */
export async function readJsonBody<S extends z.ZodType>(
  request: Request,
  schema: S,
  limit = DEFAULT_BODY_LIMIT,
): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  const text = await readTextCapped(request, limit);
  let value: unknown;
  try {
    value = parseSafeJson(text);
  } catch (error) {
    if (error instanceof UnsafeJsonError) throw new AppError("invalid_json", error.message);
    throw new AppError("invalid_json", "The body is not valid JSON.");
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    const first = fields[0];
    throw new AppError(
      "invalid_body",
      first ? `Invalid request: ${first.path ? `${first.path}: ` : ""}${first.message}` : "Invalid request.",
      { fields },
    );
  }
  return parsed.data;
}

async function readTextCapped(request: Request, limit: number): Promise<string> {
  const text = await readStreamCapped(request.body, limit);
  if (text === null) throw tooLarge(limit);
  return text;
}

/** A body stream as UTF-8 text, or null (and the rest never read) once it passes `limit` bytes. */
export async function readStreamCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<string | null> {
  if (!body) return "";
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks, size));
}

function tooLarge(limit: number): AppError {
  return new AppError("payload_too_large", `The body is larger than ${Math.round(limit / 1024)} kB.`);
}

const revisionSchema = z.string().regex(/^[A-Za-z0-9.-]{1,80}$/);

/** The revision from `If-Match` (quoted like an ETag, weak or bare); 428 when missing. */
export function readIfMatch(request: Request): string {
  const raw = request.headers.get("if-match");
  if (!raw)
    throw new AppError(
      "precondition_required",
      "Send the revision you loaded in an If-Match header, so a change made meanwhile is not overwritten.",
    );
  const parsed = revisionSchema.safeParse(
    raw
      .trim()
      .replace(/^W\//, "")
      .replace(/^"(.*)"$/, "$1"),
  );
  if (!parsed.success) throw new AppError("invalid_body", "If-Match must be a revision returned by GET /api/config.");
  return parsed.data;
}

/** The query string as an object, validated by zod; `hint` says what is accepted when it is not. */
export function readQuery<S extends z.ZodType>(request: Request, schema: S, hint: string): z.infer<S> {
  // A null-prototype object: a `?__proto__=` key stays a plain (refused) key.
  const entries: Record<string, string> = Object.create(null);
  for (const [key, value] of new URL(request.url).searchParams) entries[key] = value;
  const parsed = schema.safeParse(entries);
  if (!parsed.success) throw new AppError("invalid_query", hint);
  return parsed.data;
}

export function json(data: unknown, init?: ResponseInit): Response {
  return Response.json(data, { ...init, headers: { "cache-control": "no-store", ...init?.headers } });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return json(error.toBody(), { status: error.status, headers: error.headers });
  // Unknown failures: log the kind only, never the message (it might carry a token).
  console.error(`[dashboard] unexpected ${error instanceof Error ? error.name : typeof error}`);
  return json(new AppError("internal", "Something went wrong on the dashboard server. Try again.").toBody(), {
    status: 500,
  });
}

/** Wraps a route handler so every failure becomes a {error:{code,message}} answer. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
