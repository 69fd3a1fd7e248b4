// Which of OpenClaw's failure classes a failed chat call falls in, from what the browser learns of it:
// the router's status, the dashboard's error kind, and whether the connection broke. The router's
// error text never reaches the browser (it could echo the token), and the statuses carry the
// decision: OpenClaw reads the text only to refine a class, never to change its action, for the
// bodies the HF router sends (see failover-rules.ts for what was measured).
import type { ChatFailure } from "../chat/wire";
import { FAILOVER_RULES, ruleFor, type FailoverRule } from "./failover-rules";

export type Classified =
  | { agent: true; rule: FailoverRule }
  /** A failure of the dashboard itself (no token, its own refusal, its server gone): the agent never sees it. */
  | { agent: false };

export function classifyFailure(failure: Pick<ChatFailure, "kind" | "upstreamStatus" | "connectionLost">): Classified {
  const status = failure.upstreamStatus;
  if (status !== undefined) {
    if (failure.kind === "model_not_found") return { agent: true, rule: ruleFor("model_not_found") };
    const byStatus = FAILOVER_RULES.find((r) => r.statuses.includes(status));
    if (byStatus) return { agent: true, rule: byStatus };
    // Statuses OpenClaw has no class for: every other 5xx is a server error, the rest are tried elsewhere.
    return { agent: true, rule: ruleFor(status >= 500 ? "server_error" : "format") };
  }
  switch (failure.kind) {
    case "timeout":
    case "unreachable":
      return { agent: true, rule: ruleFor("timeout") };
    case "midstream":
      return { agent: true, rule: ruleFor(failure.connectionLost ? "timeout" : "stream_error") };
    case "bad_response":
      return { agent: true, rule: ruleFor("format") };
    case "no_token":
    case "invalid_request":
    case "dashboard_unreachable":
      return { agent: false };
    default:
      // A kind that normally comes with a status (e.g. rate_limited) but arrived without one.
      return { agent: true, rule: ruleFor(KIND_RULE[failure.kind] ?? "format") };
  }
}

const KIND_RULE: Partial<Record<ChatFailure["kind"], FailoverRule["kind"]>> = {
  rate_limited: "rate_limit",
  provider_failed: "server_error",
  token_invalid: "auth",
  no_permission: "auth",
  no_credits: "billing",
  model_not_found: "model_not_found",
  model_gone: "timeout",
};
