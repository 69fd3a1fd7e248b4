import { describe, expect, it } from "vitest";
import {
  shapeConfigGet,
  shapeConfigPatch,
  shapeHfAuthStatus,
  shapeHfModels,
  shapeHfSessionsUsage,
  shapeUsageCost,
} from "./payloads";

// Answers as OpenClaw 2026.9.6 gave them (trimmed).
const noScrub = (text: string) => text;

describe("config.get", () => {
  const answer = {
    path: "/state/openclaw.json",
    exists: true,
    raw: '{"gateway":{"auth":{"token":"__OPENCLAW_REDACTED__"}}}',
    parsed: { gateway: { auth: { token: "__OPENCLAW_REDACTED__" } } },
    resolved: { gateway: { auth: { token: "tok-resolved" } } },
    runtimeConfig: { gateway: { auth: { token: "tok-runtime" } } },
    config: { gateway: {} },
    valid: true,
    hash: "hmac-sha256:v1:AAA",
    issues: [],
    warnings: [],
    legacyIssues: [],
    configRevisionHash: "hmac-sha256:v1:REV",
    appliedConfigHash: "hmac-sha256:v1:REV",
  };

  it("keeps the hashes, validity and the redacted file; drops the resolved views", () => {
    const shaped = shapeConfigGet(answer, noScrub);
    expect(shaped).toEqual({
      hash: "hmac-sha256:v1:AAA",
      valid: true,
      issues: [],
      warnings: [],
      configRevisionHash: "hmac-sha256:v1:REV",
      appliedConfigHash: "hmac-sha256:v1:REV",
      applied: true,
      exists: true,
      path: "/state/openclaw.json",
      raw: answer.raw,
      parsed: answer.parsed,
    });
    expect(JSON.stringify(shaped)).not.toMatch(/tok-resolved|tok-runtime/);
  });

  it("an invalid file: issues, no revision, not applied", () => {
    const shaped = shapeConfigGet(
      {
        ...answer,
        valid: false,
        issues: [{ path: "agents.defaults.model", message: 'Unrecognized key: "primray"' }],
        configRevisionHash: null,
      },
      noScrub,
    );
    expect(shaped).toMatchObject({
      valid: false,
      applied: false,
      configRevisionHash: null,
      issues: [{ path: "agents.defaults.model", message: 'Unrecognized key: "primray"' }],
    });
  });

  it("a saved revision the runtime has not taken yet is not applied", () => {
    expect(shapeConfigGet({ ...answer, appliedConfigHash: "hmac-sha256:v1:OLD" }, noScrub).applied).toBe(false);
  });

  it("scrubs raw and parsed once more", () => {
    const leaky = { ...answer, raw: "token: tok-plain", parsed: { a: "tok-plain" } };
    const shaped = shapeConfigGet(leaky, (t) => t.split("tok-plain").join("***"));
    expect(JSON.stringify(shaped)).not.toContain("tok-plain");
  });
});

describe("config.patch", () => {
  it("reads hash, changedPaths and requiresRestart from the sentinel", () => {
    const reply = {
      ok: true,
      path: "/state/openclaw.json",
      hash: "hmac-sha256:v1:NEW",
      config: { gateway: { auth: { token: "__OPENCLAW_REDACTED__" } } },
      changedPaths: ["agents.defaults.model"],
      sentinel: { persisted: true, payload: { kind: "config-patch", status: "ok", stats: { requiresRestart: false } } },
    };
    expect(shapeConfigPatch(reply)).toEqual({
      hash: "hmac-sha256:v1:NEW",
      changedPaths: ["agents.defaults.model"],
      requiresRestart: false,
      noop: false,
    });
    const restart = { ...reply, changedPaths: ["env"], sentinel: { payload: { stats: { requiresRestart: true } } } };
    expect(shapeConfigPatch(restart)).toMatchObject({ requiresRestart: true, changedPaths: ["env"] });
  });

  it("a no-op has no hash", () => {
    expect(shapeConfigPatch({ ok: true, noop: true, changedPaths: [], path: "/x", config: {} })).toEqual({
      changedPaths: [],
      requiresRestart: false,
      noop: true,
    });
  });
});

describe("models.authStatus", () => {
  it("huggingface with an API key from the environment: configured, the variable's name, no key", () => {
    const answer = {
      ts: 1,
      providers: [
        { provider: "anthropic", status: "missing", profiles: [] },
        {
          provider: "huggingface",
          authProvider: "huggingface",
          displayName: "huggingface",
          status: "static",
          profiles: [],
          apiKey: { source: "env", envVar: "HF_TOKEN" },
        },
      ],
      providerCapabilities: [{ provider: "huggingface", apiKeySupported: true, quickApiKeySetup: true }],
    };
    expect(shapeHfAuthStatus(answer)).toEqual({
      configured: true,
      status: "static",
      apiKey: { source: "env", envVar: "HF_TOKEN" },
      profiles: [],
      known: true,
    });
  });

  it("no credential: listed as a capability only", () => {
    expect(shapeHfAuthStatus({ providers: [], providerCapabilities: [{ provider: "huggingface" }] })).toEqual({
      configured: false,
      status: null,
      apiKey: null,
      profiles: [],
      known: true,
    });
  });

  it("profiles keep their id, type, status and source only", () => {
    const shaped = shapeHfAuthStatus({
      providers: [
        {
          provider: "huggingface",
          status: "ok",
          profiles: [
            { profileId: "huggingface:default", type: "api_key", status: "ok", source: "config", email: "a@b" },
          ],
        },
      ],
    });
    expect(shaped.profiles).toEqual([
      { profileId: "huggingface:default", type: "api_key", status: "ok", source: "config" },
    ]);
    expect(shaped.configured).toBe(true);
  });
});

describe("models.list", () => {
  it("keeps huggingface rows as refs, with availability and tags", () => {
    const shaped = shapeHfModels({
      models: [
        {
          id: "deepseek-ai/DeepSeek-R1",
          name: "DeepSeek R1",
          provider: "huggingface",
          contextWindow: 131072,
          reasoning: true,
          thinkingLevels: [{ id: "off", label: "off" }],
          tags: ["default"],
          available: true,
        },
        {
          id: "openai/gpt-oss-120b",
          name: "GPT-OSS 120B",
          provider: "huggingface",
          available: false,
          unavailableReason: "missing-auth",
        },
        { id: "gpt-6", name: "GPT 6", provider: "openai" },
        { broken: true },
      ],
      accountSelection: { kind: "automatic" },
    });
    expect(shaped).toEqual({
      refreshFailed: false,
      models: [
        {
          ref: "huggingface/deepseek-ai/DeepSeek-R1",
          id: "deepseek-ai/DeepSeek-R1",
          name: "DeepSeek R1",
          contextWindow: 131072,
          reasoning: true,
          tags: ["default"],
          available: true,
        },
        {
          ref: "huggingface/openai/gpt-oss-120b",
          id: "openai/gpt-oss-120b",
          name: "GPT-OSS 120B",
          tags: [],
          available: false,
          unavailableReason: "missing-auth",
        },
      ],
    });
  });
});

describe("usage", () => {
  const totals = (cost: number, tokens: number) => ({
    input: tokens,
    output: 0,
    cacheRead: 0,
    cacheWrite: 0,
    totalTokens: tokens,
    totalCost: cost,
    inputCost: cost,
    outputCost: 0,
    cacheReadCost: 0,
    cacheWriteCost: 0,
    missingCostEntries: 0,
  });

  it("sessions.usage: all providers' totals and huggingface's share per model", () => {
    const shaped = shapeHfSessionsUsage({
      updatedAt: 1,
      startDate: "2026-11-05",
      endDate: "2026-12-04",
      sessions: [],
      totals: totals(3, 300),
      aggregates: {
        sessionCount: 2,
        byProvider: [
          { provider: "openai", count: 1, totals: totals(2, 100) },
          { provider: "huggingface", count: 4, totals: totals(1, 200) },
        ],
        byModel: [
          { provider: "openai", model: "gpt-6", count: 1, totals: totals(2, 100) },
          { provider: "huggingface", model: "deepseek-ai/DeepSeek-R1", count: 4, totals: totals(1, 200) },
        ],
      },
    });
    expect(shaped).toMatchObject({
      startDate: "2026-11-05",
      endDate: "2026-12-04",
      sessionCount: 2,
      totals: { totalCost: 3, totalTokens: 300 },
      huggingface: { count: 4, totals: { totalCost: 1, totalTokens: 200 } },
      models: [{ model: "deepseek-ai/DeepSeek-R1", count: 4, totals: { totalCost: 1 } }],
    });
  });

  it("sessions.usage with nothing yet", () => {
    expect(
      shapeHfSessionsUsage({
        totals: totals(0, 0),
        aggregates: { sessionCount: 0, byProvider: [], byModel: [] },
      }),
    ).toMatchObject({ sessionCount: 0, huggingface: null, models: [] });
  });

  it("usage.cost: days and totals", () => {
    const shaped = shapeUsageCost({
      updatedAt: 1,
      days: 2,
      daily: [
        { date: "2026-12-03", ...totals(0, 0) },
        { date: "2026-12-04", ...totals(1.5, 10) },
      ],
      totals: totals(1.5, 10),
    });
    expect(shaped.days).toBe(2);
    expect(shaped.daily.map((d) => [d.date, d.totalCost])).toEqual([
      ["2026-12-03", 0],
      ["2026-12-04", 1.5],
    ]);
    expect(shaped.totals.totalCost).toBe(1.5);
  });
});
