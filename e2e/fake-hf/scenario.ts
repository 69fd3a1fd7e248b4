// Scenarios script the fake's failures. They are validated with zod because the HTTP control API
// accepts them from other processes, and a typo there should fail loudly, not silently do nothing.
import { z } from "zod";
import { QUIRK_SCENARIOS } from "./quirk-streams";

export const WHOAMI_SCENARIOS = ["ok", "hang", "500", "malformed"] as const;
export const MODELS_SCENARIOS = ["ok", "401", "500", "hang", "malformed", "slow"] as const;
/** "fixed": every write `chatDelayMs` apart; "provider": each provider's own speed (pacing.ts). */
export const PACINGS = ["fixed", "provider"] as const;
export const CHAT_SCENARIOS = [
  "ok",
  "error-400",
  "error-400-not-found",
  "error-401",
  "error-401-html",
  "error-402",
  "error-403",
  "error-404",
  "error-410",
  "error-422",
  "error-422-text",
  "error-429",
  "error-500",
  "error-500-retry-after",
  "error-503",
  "error-503-retry-after",
  "error-detail",
  "error-message",
  "midstream-error",
  "midstream-error-string",
  "hang",
  "hang-after-first",
  "slow",
  "reset-midstream",
  "malformed-sse",
  "echo-token-error",
  ...QUIRK_SCENARIOS,
] as const;

export type WhoamiScenario = (typeof WHOAMI_SCENARIOS)[number];
export type ModelsScenario = (typeof MODELS_SCENARIOS)[number];
export type ChatScenario = (typeof CHAT_SCENARIOS)[number];

export interface Scenario {
  /** GET /api/whoami-v2; "ok" means the token decides. */
  whoami: WhoamiScenario;
  /** GET /v1/models and /v1/models/{id}. */
  models: ModelsScenario;
  /** Delay of models:"slow". */
  modelsDelayMs: number;
  /** null = the start catalog; a number switches to syntheticCatalog(n). */
  catalogSize: number | null;
  /** POST /v1/chat/completions for every model… */
  chat: ChatScenario;
  /** …unless the model id (without suffix) has its own entry here. */
  chatByModel: Record<string, ChatScenario>;
  /**
   * Scripted calls, winning over both: the nth call to a model (id without suffix) answers with the
   * nth entry of its list; once the list is used up, chatByModel and chat apply again.
   */
  chatScript: Record<string, ChatScenario[]>;
  /** Pause between network writes of a stream. */
  chatDelayMs: number;
  /** How whole answers are paced: chatDelayMs, or each provider's known speed. */
  pacing: (typeof PACINGS)[number];
}

export const SLOW_CHAT_DELAY_MS = 400;

export function defaultScenario(): Scenario {
  return {
    whoami: "ok",
    models: "ok",
    modelsDelayMs: 1500,
    catalogSize: null,
    chat: "ok",
    chatByModel: {},
    chatScript: {},
    chatDelayMs: 15,
    pacing: "fixed",
  };
}

const ms = z.number().int().min(0).max(600_000);

const patchSchema = z
  .object({
    whoami: z.enum(WHOAMI_SCENARIOS),
    models: z.enum(MODELS_SCENARIOS),
    modelsDelayMs: ms,
    catalogSize: z.number().int().min(0).max(100_000).nullable(),
    chat: z.enum(CHAT_SCENARIOS),
    chatByModel: z.record(z.string(), z.enum(CHAT_SCENARIOS)),
    chatScript: z.record(z.string(), z.array(z.enum(CHAT_SCENARIOS)).max(100)),
    chatDelayMs: ms,
    pacing: z.enum(PACINGS),
  })
  .partial()
  .strict();

/** Validates a scenario patch from untrusted JSON; throws an Error whose message names the bad field. */
export function parseScenarioPatch(input: unknown): Partial<Scenario> {
  const result = patchSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`invalid scenario: ${issues.join("; ")}`);
  }
  return result.data;
}

/** Shallow merge: chatByModel and chatScript are replaced as a whole, so `{chatByModel:{}}` clears it. */
export function mergeScenario(current: Scenario, patch: Partial<Scenario>): Scenario {
  // Keys set to undefined mean "leave as is", not "erase".
  const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  return {
    ...current,
    ...defined,
    chatByModel: { ...(patch.chatByModel ?? current.chatByModel) },
    chatScript: structuredClone(patch.chatScript ?? current.chatScript),
  };
}

export function chatScenarioFor(s: Scenario, modelId: string): ChatScenario {
  return s.chatByModel[modelId] ?? s.chat;
}

/** How far each model's chatScript has been played: reset whenever a patch sets chatScript. */
export class ScriptProgress {
  private readonly calls = new Map<string, number>();

  reset(): void {
    this.calls.clear();
  }

  /** The scenario of this call to `modelId`: its scripted entry while one is left, else the usual one. */
  take(s: Scenario, modelId: string): ChatScenario {
    const script = s.chatScript[modelId];
    const n = this.calls.get(modelId) ?? 0;
    this.calls.set(modelId, n + 1);
    return script && n < script.length ? script[n] : chatScenarioFor(s, modelId);
  }
}
