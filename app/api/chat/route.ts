import type { NextRequest } from "next/server";
import { NDJSON_TYPE } from "@/lib/chat/wire";
import { CHAT_LIMITS } from "@/lib/chat/request";
import { loadChatContext, startChat } from "@/lib/server/chat/start-chat";
import { handle, readJsonBody } from "@/lib/server/http";
import { assertAllowed } from "@/lib/server/access/route-guard";
import { chatRequestSchema } from "./schema";

// Streams NDJSON events (lib/chat/wire.ts). `no-transform` keeps the compression layer from
// buffering the stream; request.signal reaches the upstream call so Stop aborts it at once.
// proxy.ts skips this path for speed, so the route applies the same Host/origin/session verdict.
export const POST = handle(async (request: NextRequest) => {
  assertAllowed(request);
  const context = loadChatContext();
  const body = await readJsonBody(request, chatRequestSchema, CHAT_LIMITS.bodyBytes);
  const { stream, headers } = await startChat(body, request.signal, await context);
  return new Response(stream, {
    headers: {
      ...headers,
      "content-type": NDJSON_TYPE,
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
      "x-content-type-options": "nosniff",
    },
  });
});
