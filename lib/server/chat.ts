import "server-only";
import { classifyUpstreamStatus, failureMessage, type ChatErrorKind } from "@/lib/chat/errors";
import { routerBody, type ChatRequest } from "@/lib/chat/request";
import { AppError, type ErrorCode } from "@/lib/errors";
import { parseRef, REF_PATTERN } from "@/lib/model-ref";
import { readModelSettings, resolveAlias } from "@/lib/openclaw-settings";
import { readConfig } from "./config-file";
import { chatEventStream } from "./chat-stream";
import { routerUrl } from "./settings";
import { resolveToken } from "./token-source";

// POST /api/chat's work: resolve the model, add the token, call the router with streaming, and
// hand back a stream of our NDJSON events. Kept lean: the token and config reads are cached by
// stat, and nothing else (no catalog) is fetched on this path.
export const DEFAULT_CHAT_TIMEOUT_MS = 60_000;
const MAX_ERROR_BODY = 16 * 1024;

/** HF_CHAT_TIMEOUT_MS: the longest silence from the router (before it answers, or between two reads). */
export function chatTimeoutMs(): number {
  const value = Number(process.env.HF_CHAT_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_CHAT_TIMEOUT_MS;
}

export interface ResolvedModel {
  /** The ref as OpenClaw would write it (alias resolved). */
  ref: string;
  /** What the router receives: prefix stripped, suffix kept. */
  routerModel: string;
  alias?: string;
  baseUrl?: string;
}

export async function resolveChatModel(input: string): Promise<ResolvedModel> {
  // A config that does not parse must not stop the playground: it only loses the aliases.
  const snapshot = await readConfig().catch(() => null);
  const settings = readModelSettings(snapshot?.data ?? null);
  const aliasedRef = resolveAlias(settings, input);
  const ref = aliasedRef ?? input;
  if (!REF_PATTERN.test(ref)) {
    throw new AppError("invalid_body", "Invalid request: model: use a model id (org/model, optionally with :policy), a huggingface/ ref or one of your aliases.", {
      fields: [{ path: "model", message: "Not a model id, ref or alias." }],
    });
  }
  const parsed = parseRef(ref);
  return { ref: parsed.hasPrefix ? ref : `huggingface/${ref}`, routerModel: parsed.routerModel, alias: aliasedRef ? settings.aliases[aliasedRef] : undefined, baseUrl: settings.baseUrl };
}

const CODE_FOR: Partial<Record<ChatErrorKind, ErrorCode>> = {
  no_token: "no_token",
  rate_limited: "too_many_requests",
  timeout: "upstream_timeout",
  unreachable: "upstream_unreachable",
};

export interface ChatFailureDetails {
  kind: ChatErrorKind;
  upstreamStatus?: number;
  provider?: string | null;
  requestId?: string | null;
  ref?: string;
  model?: string;
}

export function chatFailure(kind: ChatErrorKind, details: Omit<ChatFailureDetails, "kind"> = {}): AppError {
  return new AppError(CODE_FOR[kind] ?? "upstream_error", failureMessage(kind, details.upstreamStatus), { kind, ...details });
}

/** Starts the upstream call. Failures before the first byte throw an AppError; later ones become events. */
export async function startChat(request: ChatRequest, clientSignal: AbortSignal): Promise<{ stream: ReadableStream<Uint8Array>; headers: Record<string, string> }> {
  const [tokenInEffect, model] = await Promise.all([resolveToken(), resolveChatModel(request.model)]);
  if (!tokenInEffect) throw chatFailure("no_token");
  const where = { ref: model.ref, model: model.routerModel };

  // One controller aborts the upstream call for every reason: the browser left, a timeout, or done.
  const upstream = new AbortController();
  const state = { timedOut: false };
  const timer = setTimeout(() => {
    state.timedOut = true;
    upstream.abort();
  }, chatTimeoutMs());
  const onClientAbort = () => upstream.abort();
  clientSignal.addEventListener("abort", onClientAbort, { once: true });
  if (clientSignal.aborted) upstream.abort();
  const cleanup = () => {
    clearTimeout(timer);
    clientSignal.removeEventListener("abort", onClientAbort);
  };

  let response: Response;
  try {
    response = await fetch(`${routerUrl(model.baseUrl)}/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${tokenInEffect.token}`, "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify(routerBody(request, model.routerModel)),
      signal: upstream.signal,
    });
  } catch {
    cleanup();
    throw chatFailure(state.timedOut ? "timeout" : "unreachable", where);
  }
  const provider = response.headers.get("x-inference-provider");
  const requestId = response.headers.get("x-request-id");
  if (!response.ok) {
    const body = await readErrorBody(response);
    cleanup();
    if (state.timedOut) throw chatFailure("timeout", { ...where, provider, requestId });
    throw chatFailure(classifyUpstreamStatus(response.status, body), { ...where, upstreamStatus: response.status, provider, requestId });
  }
  if (!response.body) {
    cleanup();
    throw chatFailure("bad_response", { ...where, provider, requestId });
  }
  const stream = chatEventStream({
    body: response.body,
    meta: { type: "meta", ref: model.ref, model: model.routerModel, ...(model.alias ? { alias: model.alias } : {}), provider, requestId },
    timer,
    timedOut: () => state.timedOut,
    abort: () => upstream.abort(),
    cleanup,
  });
  const headers: Record<string, string> = {};
  if (provider) headers["x-inference-provider"] = provider;
  if (requestId) headers["x-request-id"] = requestId;
  return { stream, headers };
}

/** Reads at most 16 kB of an error body; only its status and error code are ever used. */
async function readErrorBody(response: Response): Promise<unknown> {
  if (!response.body) return undefined;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (size >= MAX_ERROR_BODY) break;
    }
  } catch {
    return undefined;
  } finally {
    reader.cancel().catch(() => {});
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return undefined;
  }
}
