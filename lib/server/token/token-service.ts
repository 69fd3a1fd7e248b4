import "server-only";
import { AppError } from "@/lib/errors";
import { readModelSettings } from "@/lib/openclaw-config/model-settings";
import { parseTokenInput } from "@/lib/token/token-input";
import type {
  RemoveTokenResponse,
  SaveTokenResponse,
  TokenCheckView,
  TokenSource,
  TokenStatus,
} from "@/lib/token/token-status";
import { readConfig } from "../openclaw-config/config-file";
import { getEnvFileVar, removeEnvFileVar, setEnvFileVar } from "./env-file";
import { envFilePath, routerUrl } from "../settings";
import { checkToken, peekCheck } from "./token-check";
import { gatewayTokenView } from "./gateway-token";
import { maskToken, resolveToken } from "./token-source";

// Token status, save and remove. Every answer is built field by field here: a token value can
// never reach a response by accident, only its mask.
const MANAGED_VAR = "HF_TOKEN";

async function configFacts(): Promise<{
  authProfile: boolean;
  routerBase: string;
  data: Record<string, unknown> | null;
}> {
  try {
    const snapshot = await readConfig();
    const settings = readModelSettings(snapshot.data);
    return { authProfile: settings.hasAuthProfile, routerBase: routerUrl(settings.baseUrl), data: snapshot.data };
  } catch {
    // An unreadable config must not hide the token status; the Config page reports it.
    return { authProfile: false, routerBase: routerUrl(), data: null };
  }
}

function shadowingMessage(by: TokenSource, storedMask: string): string {
  const name = by.slice(by.indexOf(":") + 1);
  if (by.startsWith("env:")) {
    return `${name} is set in the dashboard's own environment, so it is used instead of the token saved in .env (${storedMask}). OpenClaw does the same when it starts with that variable. Unset ${name} and restart to use the saved token.`;
  }
  return `${name} in .env comes before HF_TOKEN, so the token saved by the dashboard (${storedMask}) is not used. Remove the ${name} line from .env to use it.`;
}

function checkFields(check: TokenCheckView | null) {
  return {
    account: check?.account ?? null,
    role: check?.role ?? null,
    permission: check?.permission ?? null,
    router: check?.router ?? null,
    reason: check?.reason ?? null,
    checkedAt: check?.checkedAt ?? null,
  };
}

/** Status of the token in effect. Never waits for the network: a stale result is re-checked in the background. */
export async function getTokenStatus(): Promise<TokenStatus> {
  const [inEffect, storedRaw, facts] = await Promise.all([resolveToken(), getEnvFileVar(MANAGED_VAR), configFacts()]);
  const stored = storedRaw?.trim() ? storedRaw.trim() : null;
  const shadowed = !!inEffect && !!stored && inEffect.source !== "file:HF_TOKEN" && inEffect.token !== stored;
  const peek = inEffect ? peekCheck(inEffect.token, facts.routerBase) : { check: null, checking: false };
  return {
    configured: !!inEffect,
    source: inEffect?.source ?? null,
    masked: inEffect ? maskToken(inEffect.token) : null,
    stored: stored ? { masked: maskToken(stored) } : null,
    envFile: envFilePath(),
    shadowing: shadowed ? { by: inEffect.source, message: shadowingMessage(inEffect.source, maskToken(stored)) } : null,
    authProfile: facts.authProfile,
    outcome: inEffect ? (peek.check?.outcome ?? "unchecked") : null,
    checking: peek.checking,
    ...checkFields(peek.check),
    gatewaySources: await gatewayTokenView(facts.data, inEffect?.source ?? null),
  };
}

/** Checks then saves HF_TOKEN=… in <state>/.env. A rejected token is saved only with force. */
export async function saveToken(input: string, force = false): Promise<Omit<SaveTokenResponse, "gatewayRunning">> {
  const parsed = parseTokenInput(input);
  if (!parsed.ok) throw new AppError("invalid_token", parsed.message, { problem: parsed.problem });
  const { routerBase } = await configFacts();
  // A check from the last minute is reused, so "Save anyway" right after a refusal asks no one.
  const check = await checkToken(parsed.token, routerBase, { maxAgeMs: 60_000 });
  if (check.outcome === "invalid" && !force) {
    throw new AppError(
      "token_invalid",
      "Hugging Face rejected this token (it is wrong, revoked or expired), so it was not saved. Copy it again from your Hugging Face settings, or save it anyway.",
      { outcome: "invalid" },
    );
  }
  await setEnvFileVar(MANAGED_VAR, parsed.token);
  const status = await getTokenStatus();
  return {
    saved: true,
    result: { ...check, masked: maskToken(parsed.token) },
    inEffect: status.source === "file:HF_TOKEN",
    status,
  };
}

/** Deletes only the HF_TOKEN line; every other line of .env stays. */
export async function removeToken(): Promise<Omit<RemoveTokenResponse, "gatewayRunning">> {
  const removed = await removeEnvFileVar(MANAGED_VAR);
  return { removed, status: await getTokenStatus() };
}

/** Re-checks the token in effect now (a check already running is joined, not repeated). */
export async function verifyToken(): Promise<TokenStatus> {
  const inEffect = await resolveToken();
  if (!inEffect) throw new AppError("no_token", "No Hugging Face token is configured: paste one first.");
  const { routerBase } = await configFacts();
  await checkToken(inEffect.token, routerBase, { maxAgeMs: 0 });
  return getTokenStatus();
}
