// The router: GET /v1/models, GET /v1/models/{org}/{name}, POST /v1/chat/completions.
import { randomBytes } from "node:crypto";
import {
  DETAIL_BODY,
  INVALID_TOKEN_BODY,
  MESSAGE_BODY,
  MIDSTREAM_ERROR,
  NO_CREDIT_BODY,
  NO_PERMISSION_BODY,
  RATE_LIMIT_BODY,
  SERVER_ERROR_BODY,
  TEMPLATE_ERROR_BODY,
  UNAUTHORIZED_HTML,
  UNAVAILABLE_BODY,
  UNPROCESSABLE_TEXT,
  echoTokenBody,
  invalidRequestBody,
  modelDoesNotExistBody,
  modelNotFoundBody,
  modelNotSupportedBody,
  providerDroppedBody,
  retryAfterServerErrorBody,
} from "./bodies";
import { capReply, composeReply, type Reply } from "./chat-content";
import { buildStream, writeStream, type ChunkMeta } from "./chat-stream";
import type { Recording, RequestContext } from "./context";
import { toWire } from "./default-models";
import { sendJson, sendRaw, sleep, type Headers } from "./http-util";
import { providerSpeed, writePacedStream } from "./pacing";
import { isQuirk, quirkStream } from "./quirk-streams";
import { parseModelRef, resolveProvider } from "./routing";
import { SLOW_CHAT_DELAY_MS, type ChatScenario } from "./scenario";
import { classifyAuth } from "./tokens";

const JSON_TYPE = { "content-type": "application/json" };

export async function handleModels(ctx: RequestContext, modelId?: string): Promise<void> {
  const { res, scenario } = ctx;
  const headers: Headers = { "x-request-id": ctx.requestId };
  // The list is public, but a token that is sent must be good.
  if (classifyAuth(ctx.req.headers.authorization).kind === "invalid")
    return sendJson(res, 401, INVALID_TOKEN_BODY, headers);
  switch (scenario.models) {
    case "401":
      return sendJson(res, 401, INVALID_TOKEN_BODY, headers);
    case "500":
      return sendJson(res, 500, { error: "Internal Server Error" }, headers);
    case "hang":
      return;
    case "malformed":
      return sendRaw(res, 200, '{"object":"list","data":[{"id":"deepseek-ai/DeepSeek-R1","obj', {
        ...JSON_TYPE,
        ...headers,
      });
    case "slow":
      if (!(await sleep(scenario.modelsDelayMs, ctx.signal))) return;
      break;
    case "ok":
      break;
  }
  if (modelId === undefined) return sendRaw(res, 200, ctx.catalog.listJson, { ...JSON_TYPE, ...headers });
  const model = ctx.catalog.byId.get(modelId);
  if (!model) return sendJson(res, 404, { error: `Model ${modelId} not found` }, headers);
  sendJson(res, 200, toWire(model), headers);
}

interface ChatBody {
  model: string;
  messages: unknown[];
  tools?: unknown;
  stream?: unknown;
  stream_options?: { include_usage?: unknown };
  max_tokens?: unknown;
}

/** The body, or the message of a 400. */
function parseChatBody(raw: string): ChatBody | string {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return "Invalid JSON in request body.";
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return "Request body must be a JSON object.";
  const b = body as Record<string, unknown>;
  if (typeof b.model !== "string" || b.model === "") return "Missing required parameter: 'model'.";
  if (!Array.isArray(b.messages) || b.messages.length === 0) return "Missing required parameter: 'messages'.";
  return b as unknown as ChatBody;
}

/** A scripted failure before any stream: status, body (JSON, or raw text with its type) and headers. */
interface ScriptedError {
  status: number;
  body: unknown;
  /** Set for a body that is not JSON. */
  contentType?: string;
  headers?: Headers;
}

/** Seconds the router asks a caller to wait with `error-503-retry-after`: longer than the agent's 90 s window. */
export const BUSY_RETRY_AFTER_S = 120;

function scriptedError(
  scenario: ChatScenario,
  modelId: string,
  provider: string,
  token: string,
  requestId: string,
): ScriptedError | undefined {
  switch (scenario) {
    case "error-400":
      return { status: 400, body: modelNotSupportedBody(modelId) };
    case "error-400-not-found":
      return { status: 400, body: modelNotFoundBody(modelId) };
    case "error-401":
      return { status: 401, body: INVALID_TOKEN_BODY };
    case "error-401-html":
      return { status: 401, body: UNAUTHORIZED_HTML, contentType: "text/html; charset=utf-8" };
    case "error-402":
      return { status: 402, body: NO_CREDIT_BODY };
    case "error-403":
      return { status: 403, body: NO_PERMISSION_BODY };
    case "error-404":
      return { status: 404, body: modelDoesNotExistBody(modelId) };
    case "error-410":
      return { status: 410, body: providerDroppedBody(provider) };
    case "error-422":
      return { status: 422, body: TEMPLATE_ERROR_BODY };
    case "error-422-text":
      return { status: 422, body: UNPROCESSABLE_TEXT, contentType: "text/plain; charset=utf-8" };
    case "error-429":
      return { status: 429, body: RATE_LIMIT_BODY };
    case "error-500":
      return { status: 500, body: SERVER_ERROR_BODY };
    case "error-500-retry-after":
      return { status: 500, body: retryAfterServerErrorBody(requestId), headers: { "retry-after": "1" } };
    case "error-503":
      return { status: 503, body: UNAVAILABLE_BODY };
    case "error-503-retry-after":
      return { status: 503, body: UNAVAILABLE_BODY, headers: { "retry-after": String(BUSY_RETRY_AFTER_S) } };
    case "error-detail":
      return { status: 502, body: DETAIL_BODY };
    case "error-message":
      return { status: 504, body: MESSAGE_BODY };
    case "echo-token-error":
      return { status: 500, body: echoTokenBody(token) };
    default:
      return undefined;
  }
}

function sendError(ctx: RequestContext, headers: Headers, error: ScriptedError): void {
  const all = { ...headers, ...error.headers };
  if (error.contentType)
    sendRaw(ctx.res, error.status, String(error.body), { ...all, "content-type": error.contentType });
  else sendJson(ctx.res, error.status, error.body, all);
}

/** Replays a recorded answer byte for byte, in reads of varied size, as a network would cut it. */
async function sendRecording(ctx: RequestContext, headers: Headers, recording: Recording): Promise<void> {
  const { res, signal } = ctx;
  res.writeHead(recording.status, { ...headers, ...recording.headers, "content-type": recording.contentType });
  res.flushHeaders();
  const sizes = [7, 300, 1, 2048, 64];
  for (let at = 0, i = 0; at < recording.body.length; i++) {
    const end = Math.min(recording.body.length, at + sizes[i % sizes.length]);
    if (!(await sleep(0, signal)) || res.destroyed) return;
    res.write(recording.body.subarray(at, end));
    at = end;
  }
  res.end();
}

/** The agent's own requests (a system prompt, tools offered) get a plain final answer: no tool call. */
function offersTools(body: ChatBody): boolean {
  return Array.isArray(body.tools) && body.tools.length > 0;
}

export async function handleChat(ctx: RequestContext): Promise<void> {
  const { res } = ctx;
  const headers: Headers = { "x-request-id": ctx.requestId };
  const auth = classifyAuth(ctx.req.headers.authorization);
  // Without any credential the 401 is the hub's HTML page; with a bad one, JSON.
  if (auth.kind === "missing")
    return sendRaw(res, 401, UNAUTHORIZED_HTML, { ...headers, "content-type": "text/html; charset=utf-8" });
  if (auth.kind !== "valid") return sendJson(res, 401, INVALID_TOKEN_BODY, headers);
  if (!auth.profile.canCallInference) return sendJson(res, 403, NO_PERMISSION_BODY, headers);
  if (auth.profile.noCredit) return sendJson(res, 402, NO_CREDIT_BODY, headers);

  const body = parseChatBody(ctx.rawBody);
  if (typeof body === "string") return sendJson(res, 400, invalidRequestBody(body), headers);
  if (ctx.recording) return sendRecording(ctx, headers, ctx.recording);
  const ref = parseModelRef(body.model);
  const model = ctx.catalog.byId.get(ref.id);
  const provider = resolveProvider(model, ref.policy);
  if (!model || !provider) return sendJson(res, 400, modelNotSupportedBody(ref.id), headers);
  headers["x-inference-provider"] = provider.provider;

  const scenario = ctx.chatScenario(ref.id);
  const error = scriptedError(scenario, ref.id, provider.provider, auth.profile.token, ctx.requestId);
  if (error) return sendError(ctx, headers, error);
  if (scenario === "hang") return; // No headers, ever.

  const reply = capReply(
    composeReply(body.messages, provider.provider, model.reasoning, offersTools(body)),
    body.max_tokens,
  );
  const meta: ChunkMeta = {
    id: `chatcmpl-${randomBytes(12).toString("hex")}`,
    created: Math.floor(Date.now() / 1000),
    model: model.id,
  };
  if (body.stream === true) {
    const includeUsage = body.stream_options?.include_usage === true;
    const delayMs = scenario === "slow" ? SLOW_CHAT_DELAY_MS : ctx.scenario.chatDelayMs;
    const spec = isQuirk(scenario)
      ? quirkStream(scenario, reply, meta)
      : buildStream(reply, meta, includeUsage, scenario);
    if (ctx.scenario.pacing === "provider" && spec.deltaCount !== undefined) {
      const deltas = spec.events.slice(0, spec.deltaCount);
      const tail = spec.events.slice(spec.deltaCount);
      return writePacedStream(ctx, headers, deltas, tail, providerSpeed(provider.provider));
    }
    return writeStream(ctx, headers, spec, delayMs);
  }
  return answerOnce(ctx, headers, reply, meta, scenario);
}

/** stream:false, with the stream scenarios mapped to their non-streaming equivalents. */
async function answerOnce(
  ctx: RequestContext,
  headers: Headers,
  reply: Reply,
  meta: ChunkMeta,
  scenario: ChatScenario,
): Promise<void> {
  const { res } = ctx;
  const text = JSON.stringify({
    id: meta.id,
    object: "chat.completion",
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, message: reply.message, finish_reason: reply.finishReason }],
    usage: reply.usage,
  });
  const half = text.slice(0, Math.floor(text.length / 2));
  switch (scenario) {
    case "slow":
      if (!(await sleep(SLOW_CHAT_DELAY_MS * 3, ctx.signal))) return;
      break;
    case "midstream-error":
      return sendJson(res, 502, { error: { message: MIDSTREAM_ERROR } }, headers);
    case "midstream-error-string":
      return sendJson(res, 502, { error: MIDSTREAM_ERROR }, headers);
    case "hang-after-first":
      res.writeHead(200, { ...JSON_TYPE, ...headers });
      res.flushHeaders();
      return;
    case "reset-midstream":
      res.writeHead(200, { ...JSON_TYPE, ...headers });
      res.write(half);
      if (await sleep(20, ctx.signal)) ctx.destroyConnection();
      return;
    case "malformed-sse":
      return sendRaw(res, 200, half, { ...JSON_TYPE, ...headers });
    default:
      break;
  }
  sendRaw(res, 200, text, { ...JSON_TYPE, ...headers });
}
