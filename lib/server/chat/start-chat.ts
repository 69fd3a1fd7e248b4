import "server-only";
import { classifyUpstreamStatus, failureMessage, type ChatErrorKind } from "@/lib/chat/errors";
import { parseRetryAfter } from "@/lib/chat/retry-after";
import { routerBody, type ChatRequest } from "@/lib/chat/request";
import { AppError, type ErrorCode } from "@/lib/errors";
import { parseRef, REF_PATTERN } from "@/lib/openclaw-config/model-ref";
import { readModelSettings, resolveAlias, type ModelSettings } from "@/lib/openclaw-config/model-settings";
import { readConfig } from "../openclaw-config/config-file";
import type { IncomingMessage } from "node:http";
import { chatEventStream } from "./event-stream";
import { headerValue, postUpstream, readCapped } from "./upstream";
import { routerUrl } from "../settings";
import { resolveToken, type TokenInEffect } from "../token/token-source";

// POST /api/chat's work: resolve the model, add the token, call the router with streaming, and
// hand back a stream of our NDJSON events. Kept lean: the token and config reads are cached by
// stat, and nothing else (no catalog) is fetched on this path.
const DEFAULT_CHAT_TIMEOUT_MS = 60_000;
const MAX_ERROR_BODY = 16 * 1024;

/** HF_CHAT_TIMEOUT_MS: the longest silence from the router (before it answers, or between two reads). */
export function chatTimeoutMs(): number {
  const value = Number(process.env.HF_CHAT_TIMEOUT_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_CHAT_TIMEOUT_MS;
}

interface ResolvedModel {
  /** The ref as OpenClaw would write it (alias resolved). */
  ref: string;
  /** What the router receives: prefix stripped, suffix kept. */
  routerModel: string;
  alias?: string;
  baseUrl?: string;
}

interface ChatContext {
  token: TokenInEffect | null;
  settings: ModelSettings;
}

// readConfig() hands back the same object while the file is unchanged: read its settings once.
const settingsCache = new WeakMap<object, ModelSettings>();
function settingsOf(data: Record<string, unknown> | null): ModelSettings {
  if (!data) return readModelSettings(null);
  let settings = settingsCache.get(data);
  if (!settings) {
    settings = readModelSettings(data);
    settingsCache.set(data, settings);
  }
  return settings;
}

/** The token and openclaw.json (both cached by stat), read while the request body arrives. */
export function loadChatContext(): Promise<ChatContext> {
  const context = Promise.all([
    resolveToken(),
    // A config that does not parse must not stop the playground: it only loses the aliases.
    readConfig().catch(() => null),
  ]).then(([token, snapshot]) => ({ token, settings: settingsOf(snapshot?.data ?? null) }));
  context.catch(() => {}); // awaited later; a failure must not count as unhandled meanwhile
  return context;
}

function resolveChatModel(input: string, settings: ModelSettings): ResolvedModel {
  const aliasedRef = resolveAlias(settings, input);
  const ref = aliasedRef ?? input;
  if (!REF_PATTERN.test(ref)) {
    throw new AppError(
      "invalid_body",
      "Invalid request: model: use a model id (org/model, optionally with :policy), a huggingface/ ref or one of your aliases.",
      {
        fields: [{ path: "model", message: "Not a model id, ref or alias." }],
      },
    );
  }
  const parsed = parseRef(ref);
  return {
    ref: parsed.hasPrefix ? ref : `huggingface/${ref}`,
    routerModel: parsed.routerModel,
    alias: aliasedRef ? settings.aliases[aliasedRef] : undefined,
    baseUrl: settings.baseUrl,
  };
}

const CODE_FOR: Partial<Record<ChatErrorKind, ErrorCode>> = {
  no_token: "no_token",
  rate_limited: "too_many_requests",
  timeout: "upstream_timeout",
  unreachable: "upstream_unreachable",
};

interface ChatFailureDetails {
  kind: ChatErrorKind;
  upstreamStatus?: number;
  provider?: string | null;
  requestId?: string | null;
  retryAfterMs?: number;
  ref?: string;
  model?: string;
}

function chatFailure(kind: ChatErrorKind, details: Omit<ChatFailureDetails, "kind"> = {}): AppError {
  return new AppError(CODE_FOR[kind] ?? "upstream_error", failureMessage(kind, details.upstreamStatus), {
    kind,
    ...details,
  });
}

/** Starts the upstream call. Failures before the first byte throw an AppError; later ones become events. */
export async function startChat(
  request: ChatRequest,
  clientSignal: AbortSignal,
  context: ChatContext,
): Promise<{ stream: ReadableStream<Uint8Array>; headers: Record<string, string> }> {
  const tokenInEffect = context.token;
  const model = resolveChatModel(request.model, context.settings);
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

  let response: IncomingMessage;
  try {
    response = await postUpstream(
      `${routerUrl(model.baseUrl)}/chat/completions`,
      {
        authorization: `Bearer ${tokenInEffect.token}`,
        "content-type": "application/json",
        accept: "text/event-stream",
      },
      JSON.stringify(routerBody(request, model.routerModel)),
      upstream.signal,
    );
  } catch {
    cleanup();
    throw chatFailure(state.timedOut ? "timeout" : "unreachable", where);
  }
  const provider = headerValue(response, "x-inference-provider");
  const requestId = headerValue(response, "x-request-id");
  const status = response.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    const body = await readErrorBody(response);
    cleanup();
    if (state.timedOut) throw chatFailure("timeout", { ...where, provider, requestId });
    // The agent waits at least this long before it retries: keep it for "Run my configuration".
    const retryAfterMs = parseRetryAfter(headerValue(response, "retry-after"));
    throw chatFailure(classifyUpstreamStatus(status, body), {
      ...where,
      upstreamStatus: status,
      provider,
      requestId,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  const stream = chatEventStream({
    body: response,
    meta: {
      type: "meta",
      ref: model.ref,
      model: model.routerModel,
      ...(model.alias ? { alias: model.alias } : {}),
      provider,
      requestId,
    },
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

/** Only the status and the error code of an error body are ever used. */
async function readErrorBody(response: IncomingMessage): Promise<unknown> {
  const text = await readCapped(response, MAX_ERROR_BODY);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
