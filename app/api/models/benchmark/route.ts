import { NDJSON_TYPE } from "@/lib/chat/wire";
import { benchmarkStream, planBenchmark } from "@/lib/server/benchmark/run-benchmark";
import { handle, readJsonBody } from "@/lib/server/http";
import { benchmarkRequestSchema } from "./schema";

export const dynamic = "force-dynamic";

// Streams NDJSON: a progress event per run as it ends, then the summary. Closing the connection
// aborts every upstream call (request.signal and the stream's cancel both do).
export const POST = handle(async (request: Request) => {
  const body = await readJsonBody(request, benchmarkRequestSchema, 16 * 1024);
  const plan = await planBenchmark(body);
  return new Response(benchmarkStream(plan, request.signal), {
    headers: {
      "content-type": NDJSON_TYPE,
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
      "x-content-type-options": "nosniff",
    },
  });
});
