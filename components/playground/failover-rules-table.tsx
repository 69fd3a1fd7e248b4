import { FAILOVER_RULES, OPENCLAW_VERSION_MEASURED } from "@/lib/openclaw-agent/failover-rules";
import { formatSeconds } from "@/lib/openclaw-agent/explain";

// The rules "Run my configuration" follows, as the dashboard measured them on OpenClaw (also at
// GET /api/openclaw/failover).
const ACTION_WORDS = {
  retry: "retries the same model",
  next: "tries the next model at once",
  stop: "stops the turn",
} as const;

export function FailoverRulesTable() {
  return (
    <details className="text-sm" data-testid="failover-rules">
      <summary className="cursor-pointer font-medium">
        How the agent fails over (OpenClaw {OPENCLAW_VERSION_MEASURED})
      </summary>
      <table className="mt-2 w-full text-left text-xs">
        <thead>
          <tr>
            <th className="py-1 pr-2">Router answer</th>
            <th className="py-1 pr-2">The agent</th>
            <th className="py-1">Also</th>
          </tr>
        </thead>
        <tbody>
          {FAILOVER_RULES.map((rule) => (
            <tr key={rule.kind} className="border-t border-zinc-200 align-top dark:border-zinc-800">
              <td className="py-1 pr-2 font-mono">{rule.statuses.length > 0 ? rule.statuses.join(", ") : "—"}</td>
              <td className="py-1 pr-2">
                {ACTION_WORDS[rule.action]}
                {rule.retries !== undefined ? `: up to ${rule.retries} retries` : ""}
                {rule.windowMs !== undefined ? ` within ${formatSeconds(rule.windowMs)}` : ""}
                {rule.action === "retry" ? ", then the next model" : ""}
              </td>
              <td className="py-1">{rule.covers}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted mt-2 text-xs">
        Waits start near 1 s and double up to 30 s (the agent adds ±50 % jitter); a router retry-after is the least it
        waits. A model chosen explicitly (/model, the picker, --model) gets no fallback.
      </p>
    </details>
  );
}
