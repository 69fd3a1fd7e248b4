import "server-only";
import type { NextRequest } from "next/server";
import { guardSettings, judgeRequest, requestFacts, type GuardSettings } from "@/lib/access/request-verdict";

// For the routes proxy.ts does not run on (the chat stream): the same verdict, applied in the route.
let settings: GuardSettings | null = null;

/** Throws the refusal (an AppError, answered by `handle`) when the request may not go on. */
export function assertAllowed(request: NextRequest): void {
  settings ??= guardSettings(process.env);
  const refusal = judgeRequest(requestFacts(request), settings);
  if (refusal) throw refusal.error;
}
