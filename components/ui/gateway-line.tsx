"use client";
import { useConfigState } from "@/lib/client/config";
import type { GatewayInfo } from "@/lib/openclaw-config/api-types";

// One line saying what the running OpenClaw Gateway does with openclaw.json. The state and the
// "what to do" message come from the server (lib/server/gateway/status.ts) with GET /api/config.

const LABEL: Record<GatewayInfo["state"], string> = {
  running: "running",
  stopped: "not running",
  unreachable: "unreachable",
  unauthorized: "refusing the dashboard's credentials",
};

function detail(gateway: GatewayInfo): string | null {
  if (gateway.state === "running") {
    if (gateway.applied) return "It runs the saved openclaw.json; saves are applied at once.";
    if (gateway.requiresRestart)
      return "The saved openclaw.json waits for a Gateway restart (openclaw gateway restart).";
    return gateway.message ?? null;
  }
  return gateway.message ?? null;
}

/** The server's messages quote commands in backticks: show those as code. */
export function withCommands(text: string) {
  return text.split("`").map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

export function GatewayLine() {
  const { data } = useConfigState();
  if (!data?.gateway) return null;
  const { gateway } = data;
  const text = detail(gateway);
  const tone = gateway.state === "running" ? "alert-ok" : gateway.state === "stopped" ? "muted" : "alert-warn";
  return (
    <p className={`${tone} text-sm`} data-testid="gateway-line" data-state={gateway.state}>
      <span className="font-medium">OpenClaw Gateway: {LABEL[gateway.state]}.</span>
      {text ? <> {withCommands(text)}</> : null}
    </p>
  );
}
