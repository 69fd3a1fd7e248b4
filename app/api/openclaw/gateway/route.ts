import { handle, json } from "@/lib/server/http";
import { readGatewayView } from "@/lib/server/gateway/agent-view";
import { serializeGatewayView } from "./serialize";

export const dynamic = "force-dynamic";

/**
 * What the running OpenClaw Gateway says about the huggingface provider (its key source, its
 * published catalog, 30 days of usage), or its state and what to do when it does not run.
 */
export const GET = handle(async () => json(serializeGatewayView(await readGatewayView())));
