import "server-only";
import type { GatewayViewBody, Part } from "@/lib/openclaw-agent/gateway-view";
import { gatewayStatus, modelsAuthStatus, modelsList, sessionsUsage, usageCost } from "./client";
import { GatewayError } from "./errors";
import type { GatewayModelList, HfAuthStatus, HfSessionsUsage, UsageCost } from "./payloads";

// What the running Gateway says about the huggingface provider, read in parallel: its auth status
// (which key source), its published catalog, 30 days of session usage and estimated cost. Each part
// fails on its own (an older Gateway may lack a method), with our own message, never its text.
export const USAGE_DAYS = 30;

export interface GatewayView {
  state: GatewayViewBody["state"];
  message?: string;
  version?: string;
  auth?: Part<HfAuthStatus>;
  catalog?: Part<GatewayModelList>;
  usage?: Part<{ sessions: HfSessionsUsage; cost: UsageCost }>;
}

async function part<T>(what: string, work: () => Promise<T>): Promise<Part<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    const message = error instanceof GatewayError ? error.message : `The Gateway did not answer with ${what}.`;
    return { ok: false, message };
  }
}

export async function readGatewayView(): Promise<GatewayView> {
  const status = await gatewayStatus();
  const base = {
    state: status.state,
    ...(status.message ? { message: status.message } : {}),
    ...(status.version ? { version: status.version } : {}),
  };
  if (status.state !== "running") return base;
  const [auth, catalog, usage] = await Promise.all([
    part("the provider's auth status", () => modelsAuthStatus()),
    part("its model catalog", () => modelsList()),
    part("the session usage", async () => {
      const [sessions, cost] = await Promise.all([sessionsUsage({ range: "30d" }), usageCost({ days: USAGE_DAYS })]);
      return { sessions, cost };
    }),
  ]);
  return { ...base, auth, catalog, usage };
}
