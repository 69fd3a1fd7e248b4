import { json } from "@/lib/server/http";
import { failoverResponse } from "./serialize";

// OpenClaw's failover rules as the dashboard follows them (lib/openclaw-agent/failover-rules.ts):
// our own copy, measured on the OpenClaw version it names, since OpenClaw itself publishes none.
export function GET() {
  return json(failoverResponse());
}
