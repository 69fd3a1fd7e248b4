// "Check all": what each configured ref came to, in the user's words. The classification is
// lib/chat's (status + error code → ChatErrorKind, the same one the Playground uses); this file only
// folds those kinds into the nine the check reports and picks the explanation and link to show.
import { explainChatError, type ChatErrorKind } from "@/lib/chat/errors";

export const CHECK_KINDS = [
  "ok",
  "token_invalid",
  "no_permission",
  "no_credits",
  "model_not_supported",
  "provider_error",
  "rate_limited",
  "timeout",
  "unreachable",
] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

export interface CheckResult {
  ref: string;
  ok: boolean;
  kind: CheckKind;
  /** x-inference-provider: who served it (or failed). */
  provider: string | null;
  /** The router's HTTP status; null when it never answered. */
  status: number | null;
  /** Request → first body byte, measured at the dashboard server's socket. */
  ttftMs: number | null;
  totalMs: number;
  /** Our own words (never upstream text). */
  message: string;
}

const KIND_OF: Record<ChatErrorKind, CheckKind> = {
  no_token: "token_invalid",
  token_invalid: "token_invalid",
  no_permission: "no_permission",
  no_credits: "no_credits",
  rate_limited: "rate_limited",
  model_not_supported: "model_not_supported",
  model_not_found: "model_not_supported",
  model_gone: "model_not_supported",
  bad_request: "provider_error",
  provider_failed: "provider_error",
  midstream: "provider_error",
  bad_response: "provider_error",
  invalid_request: "provider_error",
  timeout: "timeout",
  unreachable: "unreachable",
  dashboard_unreachable: "unreachable",
};

export function checkKindOf(kind: ChatErrorKind): CheckKind {
  return KIND_OF[kind];
}

/** The chat kind whose explanation (title, what to do, link) stands for a check kind. */
const EXPLAINED_BY: Record<Exclude<CheckKind, "ok">, ChatErrorKind> = {
  token_invalid: "token_invalid",
  no_permission: "no_permission",
  no_credits: "no_credits",
  model_not_supported: "model_not_supported",
  provider_error: "provider_failed",
  rate_limited: "rate_limited",
  timeout: "timeout",
  unreachable: "unreachable",
};

export interface CheckAdvice {
  title: string;
  /** What to do next. */
  action?: string;
  /** Where it is fixed (the Token page, billing, provider settings…). */
  href?: string;
  /** The ref on the Models page. */
  modelsHref: string;
}

export function checkAdvice(result: Pick<CheckResult, "kind" | "ref" | "provider" | "ttftMs">): CheckAdvice {
  const modelId = result.ref.replace(/^huggingface\//, "").replace(/:[^/]*$/, "");
  const modelsHref = `/models?model=${encodeURIComponent(modelId)}`;
  if (result.kind === "ok") {
    const via = result.provider ? ` via ${result.provider}` : "";
    const ttft = result.ttftMs === null ? "" : `, first token in ${Math.round(result.ttftMs)} ms`;
    return { title: `Working${via}${ttft}`, modelsHref };
  }
  const { title, action } = explainChatError(EXPLAINED_BY[result.kind]);
  return { title, action: action?.label, href: action?.href, modelsHref };
}

/** What one check costs: a prompt of a few tokens and one completion token per ref. */
export const CHECK_PROMPT = "Reply with OK.";
export const CHECK_MAX_TOKENS = 1;
