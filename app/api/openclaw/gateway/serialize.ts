import type { GatewayUsageBody, GatewayViewBody, Part, UsageTotalsBody } from "@/lib/openclaw-agent/gateway-view";
import { type GatewayView, USAGE_DAYS } from "@/lib/server/gateway/agent-view";
import type { UsageTotals } from "@/lib/server/gateway/payloads";

// Explicit shapes for what leaves the server: names, sources and numbers, never a key.
const totals = (t: UsageTotals): UsageTotalsBody => ({
  input: t.input,
  output: t.output,
  cacheRead: t.cacheRead,
  cacheWrite: t.cacheWrite,
  totalTokens: t.totalTokens,
  totalCost: t.totalCost,
  missingCostEntries: t.missingCostEntries,
});

const ZERO: UsageTotalsBody = totals({
  input: 0,
  output: 0,
  cacheRead: 0,
  cacheWrite: 0,
  totalTokens: 0,
  totalCost: 0,
  missingCostEntries: 0,
});

function mapPart<A, B>(part: Part<A> | undefined, map: (data: A) => B): Part<B> | undefined {
  if (!part) return undefined;
  return part.ok ? { ok: true, data: map(part.data) } : { ok: false, message: part.message };
}

export function serializeGatewayView(view: GatewayView): GatewayViewBody {
  return {
    state: view.state,
    ...(view.message ? { message: view.message } : {}),
    ...(view.version ? { version: view.version } : {}),
    ...(view.auth
      ? {
          auth: mapPart(view.auth, (a) => ({
            configured: a.configured,
            status: a.status,
            apiKey: a.apiKey && { source: a.apiKey.source, ...(a.apiKey.envVar ? { envVar: a.apiKey.envVar } : {}) },
            profiles: a.profiles.map((p) => ({ profileId: p.profileId, type: p.type, status: p.status })),
          })),
        }
      : {}),
    ...(view.catalog
      ? {
          catalog: mapPart(view.catalog, (c) => ({
            refreshFailed: c.refreshFailed,
            models: c.models.map((m) => ({
              ref: m.ref,
              id: m.id,
              name: m.name,
              ...(m.contextWindow !== undefined ? { contextWindow: m.contextWindow } : {}),
              ...(m.reasoning !== undefined ? { reasoning: m.reasoning } : {}),
              tags: [...m.tags],
              available: m.available,
              ...(m.unavailableReason ? { unavailableReason: m.unavailableReason } : {}),
            })),
          })),
        }
      : {}),
    ...(view.usage
      ? {
          usage: mapPart(view.usage, ({ sessions, cost }): GatewayUsageBody => ({
            ...(sessions.startDate ? { startDate: sessions.startDate } : {}),
            ...(sessions.endDate ? { endDate: sessions.endDate } : {}),
            huggingface: sessions.huggingface
              ? { count: sessions.huggingface.count, totals: totals(sessions.huggingface.totals) }
              : { count: 0, totals: ZERO },
            models: sessions.models.map((m) => ({ model: m.model, count: m.count, totals: totals(m.totals) })),
            allProviders: totals(cost.totals),
          })),
        }
      : {}),
    usageDays: USAGE_DAYS,
  };
}
