// What went wrong with a chat, in our words, and what the user can do about it. Upstream bodies
// are only read for their status and error code: their text may echo the token.
export type ChatErrorKind =
  | "no_token"
  | "token_invalid"
  | "no_permission"
  | "no_credits"
  | "rate_limited"
  | "model_not_supported"
  | "model_not_found"
  | "model_gone"
  | "bad_request"
  | "provider_failed"
  | "timeout"
  | "unreachable"
  | "midstream"
  | "bad_response"
  | "invalid_request"
  | "dashboard_unreachable";

interface ChatErrorAction {
  label: string;
  href?: string;
}

interface ChatErrorExplanation {
  title: string;
  message: string;
  action?: ChatErrorAction;
}

const TOKEN_PAGE = "/token";
const BILLING_URL = "https://huggingface.co/settings/billing";
const TOKENS_URL = "https://huggingface.co/settings/tokens";
const PROVIDER_SETTINGS_URL = "https://huggingface.co/settings/inference-providers";

const CHAT_ERRORS: Record<ChatErrorKind, ChatErrorExplanation> = {
  no_token: {
    title: "No Hugging Face token",
    message: "The dashboard has no token to call the router with.",
    action: { label: "Add a token on the Token page", href: TOKEN_PAGE },
  },
  token_invalid: {
    title: "The token is invalid",
    message: "The router refused the token (401). It may have been revoked or mistyped.",
    action: { label: "Replace it on the Token page", href: TOKEN_PAGE },
  },
  no_permission: {
    title: "The token lacks the Inference Providers permission",
    message: "The router refused the call (403): this token may not make calls to Inference Providers.",
    action: {
      label: "Edit the token's permissions on Hugging Face (\u201cMake calls to Inference Providers\u201d)",
      href: TOKENS_URL,
    },
  },
  no_credits: {
    title: "Out of credits",
    message: "The router refused the call (402): the monthly included credits for Inference Providers are used up.",
    action: { label: "Add credits or subscribe to PRO on Hugging Face", href: BILLING_URL },
  },
  rate_limited: {
    title: "Rate limited",
    message: "The router or provider is rate limiting these calls (429).",
    action: { label: "Wait a few seconds and retry" },
  },
  model_not_supported: {
    title: "No enabled provider serves this model",
    message:
      "The router answered model_not_supported: no provider you have enabled serves this model with this policy.",
    action: {
      label: "Pick another provider or policy, or enable providers in your Hugging Face settings",
      href: PROVIDER_SETTINGS_URL,
    },
  },
  model_not_found: {
    title: "Unknown model",
    message: "The router does not know this model id (model_not_found).",
    action: { label: "Check the model id on the Models page", href: "/models" },
  },
  model_gone: {
    title: "The provider dropped this model",
    message: "The router answered 410: the provider named in the model's suffix no longer serves it.",
    action: { label: "Pick another provider or policy" },
  },
  bad_request: {
    title: "The router refused the request",
    message: "The router refused the request as invalid. A parameter may not be supported by this model or provider.",
    action: { label: "Remove optional parameters or pick another provider" },
  },
  provider_failed: {
    title: "The provider failed",
    message: "The provider serving this model returned a server error.",
    action: { label: "Retry, or try a fallback model or another provider" },
  },
  timeout: {
    title: "Timed out",
    message: "The router did not answer in time.",
    action: { label: "Retry, or try a faster provider (:fastest)" },
  },
  unreachable: {
    title: "The router is unreachable",
    message: "The dashboard's server could not connect to the Hugging Face router.",
    action: { label: "Check the network and the provider's baseUrl, then retry" },
  },
  midstream: {
    title: "The answer broke off",
    message: "The provider reported an error in the middle of the answer.",
    action: { label: "Retry, or try a fallback model or another provider" },
  },
  bad_response: {
    title: "Unreadable answer",
    message: "The router's answer could not be read as a chat stream.",
    action: { label: "Retry, or try another provider" },
  },
  invalid_request: {
    title: "The dashboard refused the request",
    message: "The request is not valid.",
    action: { label: "Correct the model or parameters and send again" },
  },
  dashboard_unreachable: {
    title: "The dashboard's server did not answer",
    message: "The browser could not reach the dashboard's own server.",
    action: { label: "Check that the dashboard is still running, then retry" },
  },
};

export function explainChatError(kind: ChatErrorKind): ChatErrorExplanation {
  return CHAT_ERRORS[kind] ?? CHAT_ERRORS.bad_response;
}

export function isChatErrorKind(value: unknown): value is ChatErrorKind {
  return typeof value === "string" && Object.hasOwn(CHAT_ERRORS, value);
}

/** The `code` of an error body in either shape ({error:{code}} or {code}); nothing else is read. */
function upstreamErrorCode(body: unknown): string | undefined {
  if (!body || typeof body !== "object") return undefined;
  const error = (body as { error?: unknown }).error;
  const code =
    error && typeof error === "object" ? (error as { code?: unknown }).code : (body as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** Classifies an upstream HTTP failure by its status and error code. */
export function classifyUpstreamStatus(status: number, body: unknown): ChatErrorKind {
  if (status === 401) return "token_invalid";
  if (status === 403) return "no_permission";
  if (status === 402) return "no_credits";
  if (status === 429) return "rate_limited";
  if (status === 408 || status === 504) return "timeout";
  if (status >= 500) return "provider_failed";
  if (status === 410) return "model_gone";
  const code = upstreamErrorCode(body);
  if (code === "model_not_supported") return "model_not_supported";
  if (status === 404 || code === "model_not_found") return "model_not_found";
  return "bad_request";
}

/** A one-line message for an upstream failure: our explanation plus the status, never upstream text. */
export function failureMessage(kind: ChatErrorKind, upstreamStatus?: number): string {
  const { title, message } = explainChatError(kind);
  return upstreamStatus && !message.includes(`(${upstreamStatus})`)
    ? `${title}: ${message} (HTTP ${upstreamStatus})`
    : `${title}: ${message}`;
}
