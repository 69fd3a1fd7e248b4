import "server-only";
import { z } from "zod";
import { type ConfigIssue, readConfigIssues } from "./errors";

// The Gateway's answers, parsed permissively (unknown fields are dropped, missing ones defaulted) and
// shaped to what the dashboard needs. Only fields listed here leave the server: config.get's
// `resolved`, `runtimeConfig` and `config` (values after ${VAR} substitution) are never read, and
// `raw`/`parsed` arrive redacted by OpenClaw (__OPENCLAW_REDACTED__) and are scrubbed once more.
// Shapes checked against OpenClaw 2026.9.6.

export const HF_PROVIDER = "huggingface";

type Scrub = (text: string) => string;

// ---- config.get ----

const configGetSchema = z.object({
  hash: z.string().nullable().optional(),
  valid: z.boolean().optional(),
  exists: z.boolean().optional(),
  path: z.string().optional(),
  raw: z.string().nullable().optional(),
  parsed: z.unknown().optional(),
  issues: z.array(z.unknown()).optional(),
  warnings: z.array(z.unknown()).optional(),
  configRevisionHash: z.string().nullable().optional(),
  appliedConfigHash: z.string().nullable().optional(),
});

export interface GatewayConfigSnapshot {
  /** The authored revision; send it back as config.patch's baseHash. Null when there is no file. */
  hash: string | null;
  valid: boolean;
  issues: ConfigIssue[];
  warnings: ConfigIssue[];
  /** The saved config's resolved revision (null while the file is invalid). */
  configRevisionHash: string | null;
  /** The resolved revision the running Gateway accepted. */
  appliedConfigHash: string | null;
  /** The Gateway runs what is saved: configRevisionHash === appliedConfigHash. */
  applied: boolean;
  exists: boolean;
  path?: string;
  /** The file's text with secrets redacted by OpenClaw. */
  raw?: string;
  /** The file parsed, redacted the same way. */
  parsed?: Record<string, unknown>;
}

export function shapeConfigGet(payload: unknown, scrub: Scrub): GatewayConfigSnapshot {
  const data = configGetSchema.parse(payload);
  const configRevisionHash = data.configRevisionHash ?? null;
  const appliedConfigHash = data.appliedConfigHash ?? null;
  const parsed =
    data.parsed && typeof data.parsed === "object" && !Array.isArray(data.parsed) ? data.parsed : undefined;
  return {
    hash: data.hash ?? null,
    valid: data.valid ?? false,
    issues: readConfigIssues(data.issues, scrub),
    warnings: readConfigIssues(data.warnings, scrub),
    configRevisionHash,
    appliedConfigHash,
    applied: configRevisionHash !== null && configRevisionHash === appliedConfigHash,
    exists: data.exists ?? true,
    ...(data.path ? { path: data.path } : {}),
    ...(typeof data.raw === "string" ? { raw: scrub(data.raw) } : {}),
    ...(parsed ? { parsed: JSON.parse(scrub(JSON.stringify(parsed))) as Record<string, unknown> } : {}),
  };
}

// ---- config.patch ----

const configPatchSchema = z.object({
  ok: z.boolean().optional(),
  noop: z.boolean().optional(),
  hash: z.string().optional(),
  changedPaths: z.array(z.string()).optional(),
  sentinel: z
    .object({
      payload: z.object({ stats: z.object({ requiresRestart: z.boolean().optional() }).optional() }).optional(),
    })
    .optional(),
});

export interface PatchReply {
  /** Absent on a no-op patch (nothing changed). */
  hash?: string;
  changedPaths: string[];
  requiresRestart: boolean;
  noop: boolean;
}

export function shapeConfigPatch(payload: unknown): PatchReply {
  const data = configPatchSchema.parse(payload);
  return {
    ...(data.hash ? { hash: data.hash } : {}),
    changedPaths: data.changedPaths ?? [],
    requiresRestart: data.sentinel?.payload?.stats?.requiresRestart ?? false,
    noop: data.noop === true,
  };
}

// ---- models.authStatus ----

const authProviderSchema = z.object({
  provider: z.string(),
  status: z.string().optional(),
  apiKey: z.object({ source: z.string(), envVar: z.string().optional() }).optional(),
  profiles: z
    .array(
      z.object({
        profileId: z.string(),
        type: z.string().optional(),
        status: z.string().optional(),
        source: z.string().optional(),
      }),
    )
    .optional(),
});
const authStatusSchema = z.object({
  providers: z.array(z.unknown()).optional(),
  providerCapabilities: z.array(z.object({ provider: z.string(), apiKeySupported: z.boolean().optional() })).optional(),
});

export interface HfAuthStatus {
  /** OpenClaw found a credential for huggingface (an API key in the environment or config, or a profile). */
  configured: boolean;
  /** OpenClaw's summary: "static" (API key), "ok", "missing", "expired", "expiring"… null when not listed. */
  status: string | null;
  /** Where the API key comes from: source "env" (with the variable's name) or "config". Never the key. */
  apiKey: { source: string; envVar?: string } | null;
  profiles: { profileId: string; type?: string; status?: string; source?: string }[];
  /** OpenClaw knows the provider (its plugin is installed). */
  known: boolean;
}

export function shapeHfAuthStatus(payload: unknown): HfAuthStatus {
  const data = authStatusSchema.parse(payload);
  const entry = (data.providers ?? [])
    .map((p) => authProviderSchema.safeParse(p))
    .find((p) => p.success && p.data.provider === HF_PROVIDER);
  const known = (data.providerCapabilities ?? []).some((c) => c.provider === HF_PROVIDER) || !!entry;
  if (!entry?.success) return { configured: false, status: null, apiKey: null, profiles: [], known };
  const { status, apiKey, profiles = [] } = entry.data;
  return {
    configured: !!apiKey || profiles.length > 0,
    status: status ?? null,
    apiKey: apiKey ? { source: apiKey.source, ...(apiKey.envVar ? { envVar: apiKey.envVar } : {}) } : null,
    profiles: profiles.map(({ profileId, type, status, source }) => ({ profileId, type, status, source })),
    known,
  };
}

// ---- models.list ----

const modelRowSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  provider: z.string(),
  contextWindow: z.number().optional(),
  reasoning: z.boolean().optional(),
  input: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
  available: z.boolean().optional(),
  unavailableReason: z.string().optional(),
});
const modelsListSchema = z.object({ models: z.array(z.unknown()), refreshFailed: z.boolean().optional() });

export interface GatewayModel {
  /** The ref the agent config uses: huggingface/<id>. */
  ref: string;
  id: string;
  name: string;
  contextWindow?: number;
  reasoning?: boolean;
  input?: string[];
  /** OpenClaw's tags: default, fallback#N, configured, alias:X… */
  tags: string[];
  /** False when OpenClaw cannot use it now (unavailableReason: missing-auth, auth-failed, cooldown). */
  available: boolean;
  unavailableReason?: string;
}

export interface GatewayModelList {
  models: GatewayModel[];
  /** The last catalog refresh failed; the rows are the previous ones. */
  refreshFailed: boolean;
}

export function shapeHfModels(payload: unknown): GatewayModelList {
  const data = modelsListSchema.parse(payload);
  const models = data.models.flatMap((row) => {
    const parsed = modelRowSchema.safeParse(row);
    if (!parsed.success || parsed.data.provider !== HF_PROVIDER) return [];
    const m = parsed.data;
    return [
      {
        ref: `${HF_PROVIDER}/${m.id}`,
        id: m.id,
        name: m.name ?? m.id,
        ...(m.contextWindow !== undefined ? { contextWindow: m.contextWindow } : {}),
        ...(m.reasoning !== undefined ? { reasoning: m.reasoning } : {}),
        ...(m.input ? { input: m.input } : {}),
        tags: m.tags ?? [],
        available: m.available ?? true,
        ...(m.unavailableReason ? { unavailableReason: m.unavailableReason } : {}),
      },
    ];
  });
  return { models, refreshFailed: data.refreshFailed === true };
}

// ---- sessions.usage / usage.cost ----

const totalsSchema = z.object({
  input: z.number().default(0),
  output: z.number().default(0),
  cacheRead: z.number().default(0),
  cacheWrite: z.number().default(0),
  totalTokens: z.number().default(0),
  totalCost: z.number().default(0),
  missingCostEntries: z.number().default(0),
});
export type UsageTotals = z.infer<typeof totalsSchema>;
const emptyTotals = (): UsageTotals => totalsSchema.parse({});

const usageGroupSchema = z.object({
  provider: z.string().optional(),
  model: z.string().optional(),
  count: z.number().default(0),
  totals: totalsSchema.default(emptyTotals),
});
const sessionsUsageSchema = z.object({
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  totals: totalsSchema.default(emptyTotals),
  aggregates: z
    .object({
      sessionCount: z.number().default(0),
      byProvider: z.array(z.unknown()).default([]),
      byModel: z.array(z.unknown()).default([]),
    })
    .optional(),
});

export interface HfSessionsUsage {
  startDate?: string;
  endDate?: string;
  /** All providers together. */
  totals: UsageTotals;
  sessionCount: number;
  /** huggingface's share (count = model calls); null when it has none in the range. */
  huggingface: { count: number; totals: UsageTotals } | null;
  /** Per huggingface model, most expensive first (OpenClaw's order). */
  models: { model: string; count: number; totals: UsageTotals }[];
}

function groups(list: unknown[]): z.infer<typeof usageGroupSchema>[] {
  return list.flatMap((entry) => {
    const parsed = usageGroupSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export function shapeHfSessionsUsage(payload: unknown): HfSessionsUsage {
  const data = sessionsUsageSchema.parse(payload);
  const hf = groups(data.aggregates?.byProvider ?? []).find((g) => g.provider === HF_PROVIDER);
  const models = groups(data.aggregates?.byModel ?? [])
    .filter((g) => g.provider === HF_PROVIDER && g.model)
    .map((g) => ({ model: g.model as string, count: g.count, totals: g.totals }));
  return {
    ...(data.startDate ? { startDate: data.startDate } : {}),
    ...(data.endDate ? { endDate: data.endDate } : {}),
    totals: data.totals,
    sessionCount: data.aggregates?.sessionCount ?? 0,
    huggingface: hf ? { count: hf.count, totals: hf.totals } : null,
    models,
  };
}

const usageCostSchema = z.object({
  days: z.number().optional(),
  daily: z.array(totalsSchema.extend({ date: z.string() })).default([]),
  totals: totalsSchema.default(emptyTotals),
});

export interface UsageCost {
  days?: number;
  /** Estimated from the models' configured cost ($ per 1M tokens), all providers. */
  totals: UsageTotals;
  daily: (UsageTotals & { date: string })[];
}

export function shapeUsageCost(payload: unknown): UsageCost {
  const data = usageCostSchema.parse(payload);
  return { ...(data.days !== undefined ? { days: data.days } : {}), totals: data.totals, daily: data.daily };
}
