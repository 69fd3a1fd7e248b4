import "server-only";
import type { IncomingMessage } from "node:http";
import { classifyUpstreamStatus, type ChatErrorKind } from "@/lib/chat/errors";
import { SseEvents } from "@/lib/chat/sse-events";
import type { ChatUsage } from "@/lib/chat/wire";
import { tokensPerSecond } from "@/lib/benchmark/stats";
import { headerValue, postUpstream, readCapped } from "../chat/upstream";

// One streamed completion, timed at the upstream socket: the clock starts when the whole request has
// been handed to the socket and stops on the 'data' events of the router's body, noted before any
// parsing, so the dashboard's own work (building the request, SSE parsing, NDJSON, the browser) is
// not in the figures. Used by the
// model check (max_tokens 1) and the provider benchmark.
const MAX_ERROR_BODY = 16 * 1024;
const RELEASE_MS = 1000;

export interface TimedCall {
  /** {router}/chat/completions */
  url: string;
  token: string;
  /** What the router receives: `org/model[:suffix]`. */
  routerModel: string;
  prompt: string;
  maxTokens: number;
  /** Aborts the call at once (the socket is destroyed). */
  signal: AbortSignal;
  /** The longest silence allowed (before the answer, or between two reads). */
  silenceMs: number;
}

export interface TimedResult {
  ok: boolean;
  /** Why it failed (lib/chat's kinds); null when ok. */
  failure: ChatErrorKind | null;
  /** The router's HTTP status; null when it never answered. */
  status: number | null;
  /** x-inference-provider */
  provider: string | null;
  /** Request handed to the socket → first body byte from the router. */
  ttftMs: number | null;
  /** Request handed to the socket → the answer's end (or the failure). */
  totalMs: number;
  usage: ChatUsage | null;
  tokensPerSecond: number | null;
  /** The caller's signal ended the call (Stop, the browser left). */
  aborted: boolean;
}

/** Only the status and the error code of an error body are ever used. */
async function errorBody(response: IncomingMessage): Promise<unknown> {
  const text = await readCapped(response, MAX_ERROR_BODY);
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function timedCompletion(call: TimedCall): Promise<TimedResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, call.silenceMs);
  const onAbort = () => controller.abort();
  call.signal.addEventListener("abort", onAbort, { once: true });
  if (call.signal.aborted) controller.abort();

  const body = JSON.stringify({
    model: call.routerModel,
    messages: [{ role: "user", content: call.prompt }],
    max_tokens: call.maxTokens,
    stream: true,
    stream_options: { include_usage: true },
  });
  let started = performance.now();
  const result = (partial: Partial<TimedResult>): TimedResult => ({
    ok: false,
    failure: null,
    status: null,
    provider: null,
    ttftMs: null,
    totalMs: performance.now() - started,
    usage: null,
    tokensPerSecond: null,
    aborted: call.signal.aborted,
    ...partial,
  });
  try {
    let response: IncomingMessage;
    try {
      response = await postUpstream(
        call.url,
        { authorization: `Bearer ${call.token}`, "content-type": "application/json", accept: "text/event-stream" },
        body,
        controller.signal,
        () => {
          started = performance.now();
        },
      );
    } catch {
      return result({ failure: timedOut ? "timeout" : "unreachable" });
    }
    const status = response.statusCode ?? 0;
    const provider = headerValue(response, "x-inference-provider");
    if (status < 200 || status >= 300) {
      const parsed = await errorBody(response);
      return result({ status, provider, failure: timedOut ? "timeout" : classifyUpstreamStatus(status, parsed) });
    }
    const stream = await readTimed(response, timer);
    const failure = timedOut ? "timeout" : stream.failure;
    const completionTokens = stream.usage?.completionTokens ?? stream.deltas;
    return result({
      ok: failure === null,
      failure,
      status,
      provider,
      ttftMs: stream.firstByteAt === null ? null : stream.firstByteAt - started,
      totalMs: (stream.endAt ?? performance.now()) - started,
      usage: stream.usage,
      tokensPerSecond:
        failure === null && stream.firstByteAt !== null && stream.endAt !== null
          ? tokensPerSecond(completionTokens, stream.firstByteAt, stream.endAt)
          : null,
    });
  } finally {
    clearTimeout(timer);
    call.signal.removeEventListener("abort", onAbort);
  }
}

interface StreamTiming {
  firstByteAt: number | null;
  endAt: number | null;
  usage: ChatUsage | null;
  /** Content and reasoning deltas seen: the token count when the router sends no usage. */
  deltas: number;
  failure: ChatErrorKind | null;
}

/** Reads the SSE body, noting the time of each read before parsing it. */
function readTimed(response: IncomingMessage, silence: NodeJS.Timeout): Promise<StreamTiming> {
  const timing: StreamTiming = { firstByteAt: null, endAt: null, usage: null, deltas: 0, failure: null };
  const sse = new SseEvents();
  const decoder = new TextDecoder();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (failure: ChatErrorKind | null) => {
      if (settled) return;
      settled = true;
      timing.failure = failure;
      timing.endAt ??= performance.now();
      response.removeAllListeners("data");
      if (failure === null && !response.complete) {
        // After [DONE] the router ends the body at once: let it, so the keep-alive socket is reused.
        response.resume();
        setTimeout(() => response.complete || response.destroy(), RELEASE_MS).unref();
      } else if (!response.complete) response.destroy();
      resolve(timing);
    };
    const take = (events: ReturnType<SseEvents["feed"]>, at: number) => {
      for (const event of events) {
        if (event.type === "content" || event.type === "reasoning") timing.deltas += 1;
        else if (event.type === "usage") timing.usage = event.usage;
        else if (event.type === "error") {
          timing.endAt = at;
          return finish(event.error.kind);
        } else if (event.type === "done") {
          timing.endAt = at;
          return finish(null);
        }
      }
    };
    response.on("data", (chunk: Buffer) => {
      const at = performance.now();
      timing.firstByteAt ??= at;
      silence.refresh();
      take(sse.feed(decoder.decode(chunk, { stream: true })), at);
    });
    response.on("end", () => {
      const at = performance.now();
      take(sse.end(), at);
      finish(timing.deltas > 0 || timing.usage ? null : "bad_response");
    });
    response.on("close", () => finish("midstream"));
  });
}
