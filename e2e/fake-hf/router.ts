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
  UNAVAILABLE_BODY,
  echoTokenBody,
  invalidRequestBody,
  modelNotSupportedBody,
} from "./bodies";
import { composeReply, type Reply } from "./chat-content";
import { buildStream, writeStream, type ChunkMeta } from "./chat-stream";
import type { RequestContext } from "./context";
import { toWire } from "./default-models";
import { sendJson, sendRaw, sleep, type Headers } from "./http-util";
import { parseModelRef, resolveProvider } from "./routing";
import { SLOW_CHAT_DELAY_MS, chatScenarioFor, type ChatScenario } from "./scenario";
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
  stream?: unknown;
  stream_options?: { include_usage?: unknown };
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

function scriptedError(
  scenario: ChatScenario,
  modelId: string,
  token: string,
): { status: number; body: unknown } | undefined {
  switch (scenario) {
    case "error-400":
      return { status: 400, body: modelNotSupportedBody(modelId) };
    case "error-401":
      return { status: 401, body: INVALID_TOKEN_BODY };
    case "error-402":
      return { status: 402, body: NO_CREDIT_BODY };
    case "error-403":
      return { status: 403, body: NO_PERMISSION_BODY };
    case "error-429":
      return { status: 429, body: RATE_LIMIT_BODY };
    case "error-500":
      return { status: 500, body: SERVER_ERROR_BODY };
    case "error-503":
      return { status: 503, body: UNAVAILABLE_BODY };
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

export async function handleChat(ctx: RequestContext): Promise<void> {
  const { res } = ctx;
  const headers: Headers = { "x-request-id": ctx.requestId };
  const auth = classifyAuth(ctx.req.headers.authorization);
  if (auth.kind !== "valid") return sendJson(res, 401, INVALID_TOKEN_BODY, headers);
  if (!auth.profile.canCallInference) return sendJson(res, 403, NO_PERMISSION_BODY, headers);
  if (auth.profile.noCredit) return sendJson(res, 402, NO_CREDIT_BODY, headers);

  const body = parseChatBody(ctx.rawBody);
  if (typeof body === "string") return sendJson(res, 400, invalidRequestBody(body), headers);
  const ref = parseModelRef(body.model);
  const model = ctx.catalog.byId.get(ref.id);
  const provider = resolveProvider(model, ref.policy);
  if (!model || !provider) return sendJson(res, 400, modelNotSupportedBody(ref.id), headers);
  headers["x-inference-provider"] = provider.provider;

  const scenario = chatScenarioFor(ctx.scenario, ref.id);
  const error = scriptedError(scenario, ref.id, auth.profile.token);
  if (error) return sendJson(res, error.status, error.body, headers);
  if (scenario === "hang") return; // No headers, ever.

  const reply = composeReply(body.messages, provider.provider, model.reasoning);
  const meta: ChunkMeta = {
    id: `chatcmpl-${randomBytes(12).toString("hex")}`,
    created: Math.floor(Date.now() / 1000),
    model: model.id,
  };
  if (body.stream === true) {
    const includeUsage = body.stream_options?.include_usage === true;
    const delayMs = scenario === "slow" ? SLOW_CHAT_DELAY_MS : ctx.scenario.chatDelayMs;
    return writeStream(ctx, headers, buildStream(reply, meta, includeUsage, scenario), delayMs);
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
    choices: [{ index: 0, message: reply.message, finish_reason: "stop" }],
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
