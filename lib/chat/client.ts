// The browser's side of POST /api/chat: sends a request and reports each NDJSON event. An HTTP
// error answer (before streaming began) is reported as an error event too, so callers handle
// one shape. Aborting the signal (Stop) throws an AbortError.
import { isErrorBody } from "../errors";
import { explainChatError, isChatErrorKind, type ChatErrorKind } from "./errors";
import type { ChatRequest } from "./request";
import { NdjsonDecoder, type ChatEvent, type ChatFailure } from "./wire";

const CHAT_ENDPOINT = "/api/chat";

interface FailureDetails {
  kind?: unknown;
  upstreamStatus?: unknown;
  provider?: unknown;
  requestId?: unknown;
  retryAfterMs?: unknown;
}

/** Rebuilds a failure from the server's {error:{code,message,details}} answer. */
export function failureFromBody(status: number, body: unknown): ChatFailure {
  if (!isErrorBody(body)) return { kind: "bad_response", message: `The dashboard's server answered ${status}.` };
  const details = (body.error.details ?? {}) as FailureDetails;
  const kind: ChatErrorKind = isChatErrorKind(details.kind) ? details.kind : "invalid_request";
  const failure: ChatFailure = {
    kind,
    // Upstream failures use our explanation; the dashboard's own refusals carry their own safe message.
    message: kind === "invalid_request" ? body.error.message : explainChatError(kind).message,
  };
  if (typeof details.upstreamStatus === "number") failure.upstreamStatus = details.upstreamStatus;
  if (typeof details.provider === "string") failure.provider = details.provider;
  if (typeof details.requestId === "string") failure.requestId = details.requestId;
  if (typeof details.retryAfterMs === "number" && details.retryAfterMs >= 0)
    failure.retryAfterMs = details.retryAfterMs;
  return failure;
}

export async function streamChat(
  request: ChatRequest,
  options: { signal?: AbortSignal; onEvent: (event: ChatEvent) => void },
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(CHAT_ENDPOINT, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/x-ndjson" },
      body: JSON.stringify(request),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    options.onEvent({
      type: "error",
      error: { kind: "dashboard_unreachable", message: explainChatError("dashboard_unreachable").message },
    });
    return;
  }
  if (!response.ok || !response.body) {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    options.onEvent({ type: "error", error: failureFromBody(response.status, body) });
    return;
  }
  const reader = response.body.getReader();
  const decoder = new NdjsonDecoder();
  let terminal = false;
  const emit = (events: ChatEvent[]) => {
    for (const event of events) {
      if (terminal) return;
      if (event.type === "error" || event.type === "done") terminal = true;
      options.onEvent(event);
    }
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      emit(decoder.push(value));
    }
  } catch (error) {
    if (options.signal?.aborted) throw error;
  }
  emit(decoder.end());
  if (!terminal)
    emit([
      {
        type: "error",
        error: {
          kind: "midstream",
          message: "The connection to the dashboard's server closed before the answer was complete.",
        },
      },
    ]);
}
