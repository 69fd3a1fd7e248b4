// The shapes of /api/token answers and the words for them, shared by the routes and the UI.
// Nothing here ever holds a token: only masks and what Hugging Face said about it.

export type TokenSource = "env:HUGGINGFACE_HUB_TOKEN" | "env:HF_TOKEN" | "file:HUGGINGFACE_HUB_TOKEN" | "file:HF_TOKEN";

export type CheckOutcome = "valid" | "invalid" | "no_permission" | "unverified";
/** May this token call Inference Providers? `unknown` when the hub did not say. */
export type Permission = "granted" | "missing" | "unknown";
export type TokenRole = "read" | "write" | "fineGrained";
export type RouterReach = "ok" | "rejected" | "unreachable";
export type UnverifiedReason = "timeout" | "unreachable" | "server_error" | "rate_limited" | "malformed";

/** One check of one token against the hub (whoami-v2) and the router. */
export interface TokenCheckView {
  outcome: CheckOutcome;
  account: string | null;
  role: TokenRole | null;
  permission: Permission;
  router: RouterReach;
  reason: UnverifiedReason | null;
  checkedAt: string;
}

export interface TokenStatus {
  configured: boolean;
  source: TokenSource | null;
  masked: string | null;
  /** The dashboard-managed HF_TOKEN line of <state>/.env, masked. */
  stored: { masked: string } | null;
  envFile: string;
  /** Another source is in effect although a token is saved in .env. */
  shadowing: { by: TokenSource; message: string } | null;
  /** openclaw.json has a huggingface auth profile: OpenClaw uses it before any of these. */
  authProfile: boolean;
  /** null: nothing configured; "unchecked": no result yet (a check is running). */
  outcome: CheckOutcome | "unchecked" | null;
  checking: boolean;
  account: string | null;
  role: TokenRole | null;
  permission: Permission | null;
  router: RouterReach | null;
  reason: UnverifiedReason | null;
  checkedAt: string | null;
  /** Where the agent's Gateway will read the token, in OpenClaw's order. */
  gatewaySources: GatewayTokenView;
}

export interface SaveTokenResponse {
  saved: true;
  /** The check of the token just saved (it may differ from the one in effect). */
  result: TokenCheckView & { masked: string };
  inEffect: boolean;
  status: TokenStatus;
  /** An OpenClaw Gateway is running: it keeps the token it read until it restarts (.env is not watched). */
  gatewayRunning: boolean;
}

export interface RemoveTokenResponse {
  removed: boolean;
  status: TokenStatus;
  gatewayRunning: boolean;
}

export const SOURCE_LABELS: Record<TokenSource, string> = {
  "env:HUGGINGFACE_HUB_TOKEN": "HUGGINGFACE_HUB_TOKEN in the dashboard's environment",
  "env:HF_TOKEN": "HF_TOKEN in the dashboard's environment",
  "file:HUGGINGFACE_HUB_TOKEN": "HUGGINGFACE_HUB_TOKEN in the state folder's .env",
  "file:HF_TOKEN": "HF_TOKEN in the state folder's .env",
};

export const ROLE_LABELS: Record<TokenRole, string> = {
  read: "Read (classic)",
  write: "Write (classic)",
  fineGrained: "Fine-grained",
};

export const OUTCOME_LABELS: Record<CheckOutcome | "unchecked", string> = {
  valid: "Works",
  invalid: "Rejected by Hugging Face",
  no_permission: "Missing the Inference Providers permission",
  unverified: "Not verified yet",
  unchecked: "Checking…",
};

export const REASON_LABELS: Record<UnverifiedReason, string> = {
  timeout: "Hugging Face did not answer in time.",
  unreachable: "Hugging Face could not be reached from the dashboard server.",
  server_error: "Hugging Face answered with a server error.",
  rate_limited: "Hugging Face is rate limiting token checks; try again in a minute.",
  malformed: "Hugging Face sent an answer the dashboard could not read.",
};

export function permissionLabel(permission: Permission | null, role: TokenRole | null): string {
  if (permission === "granted")
    return role === "fineGrained"
      ? "Can make calls to Inference Providers"
      : "Can call Inference Providers (classic token)";
  if (permission === "missing") return "Cannot make calls to Inference Providers";
  return "Unknown";
}

/** Where OpenClaw's Gateway looks for the Hugging Face token, in its order (openclaw-gateway.md §4). */
export type GatewayTokenPlace =
  "auth-profile" | "config-api-key" | "process-env" | "state-env-file" | "config-env-vars" | "shell-env";

export interface GatewayTokenSource {
  place: GatewayTokenPlace;
  /** The variable, for the environment places. */
  name?: string;
  present: boolean;
  /** The value's mask, when the dashboard can see it. */
  masked?: string;
  /** What this place means for the Gateway, in a sentence. */
  note: string;
}

export interface GatewayTokenView {
  /** Highest first; the first present one is what the Gateway uses. */
  sources: GatewayTokenSource[];
  /** What a Gateway started as a service (which does not see the dashboard's environment) uses, or null. */
  serviceUses: string | null;
  /** The token in effect exists only in the dashboard's own environment. */
  warning: string | null;
}
