"use client";
import useSWR from "swr";
import type { GatewayViewBody } from "@/lib/openclaw-agent/gateway-view";

// What the running OpenClaw Gateway says about the huggingface provider (GET /api/openclaw/gateway):
// read-only, revalidated on focus; a save or restore does not change it, so it is not mutated.
export const gatewayViewKey = () => "/api/openclaw/gateway";

export function useGatewayView() {
  return useSWR<GatewayViewBody>(gatewayViewKey(), { revalidateOnFocus: true });
}
