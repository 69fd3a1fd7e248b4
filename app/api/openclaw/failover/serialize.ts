import { FAILOVER_RULES, OPENCLAW_VERSION_MEASURED, RETRY_BACKOFF } from "@/lib/openclaw-agent/failover-rules";

// The rules as the API shows them: each field named, nothing else of the module's data.
export function failoverResponse() {
  return {
    openclawVersion: OPENCLAW_VERSION_MEASURED,
    source: "measured",
    backoff: { ...RETRY_BACKOFF },
    rules: FAILOVER_RULES.map((rule) => ({
      kind: rule.kind,
      statuses: [...rule.statuses],
      action: rule.action,
      ...(rule.retries === undefined ? {} : { retries: rule.retries }),
      ...(rule.windowMs === undefined ? {} : { windowMs: rule.windowMs }),
      covers: rule.covers,
    })),
  };
}
