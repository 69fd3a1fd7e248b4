import {
  OUTCOME_LABELS,
  ROLE_LABELS,
  SOURCE_LABELS,
  permissionLabel,
  type TokenStatus,
} from "@/lib/token/token-status";

// Small pieces shared by the Token page and the Overview card.
const BADGE_TONES: Record<string, string> = {
  valid:
    "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100",
  invalid: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100",
  no_permission:
    "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100",
  unverified: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100",
  unchecked: "border-zinc-300 bg-zinc-50 text-zinc-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300",
};

export function OutcomeBadge({ outcome }: { outcome: TokenStatus["outcome"] }) {
  if (!outcome) return <span className={`badge ${BADGE_TONES.unchecked}`}>No token</span>;
  return (
    <span data-testid="token-outcome" className={`badge ${BADGE_TONES[outcome]}`}>
      {OUTCOME_LABELS[outcome]}
    </span>
  );
}

function CheckedAt({ iso }: { iso: string | null }) {
  if (!iso) return <>never</>;
  // Server and browser may sit in different time zones: the text may differ after hydration.
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" })}
    </time>
  );
}

function Fact({ term, children, testId }: { term: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-[9rem_1fr] gap-2 py-1.5 sm:grid-cols-[11rem_1fr]">
      <dt className="muted">{term}</dt>
      <dd className="min-w-0 break-words text-sm" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

/** Which token is in effect and what Hugging Face said about it. */
export function TokenFacts({ status }: { status: TokenStatus }) {
  const checked = status.outcome !== "unchecked" && status.checkedAt;
  return (
    <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
      <Fact term="Source" testId="token-source">
        {status.source ? SOURCE_LABELS[status.source] : "—"}
      </Fact>
      <Fact term="Token" testId="token-masked">
        <code className="font-mono">{status.masked ?? "—"}</code>
      </Fact>
      <Fact term="Account" testId="token-account">
        {status.account ?? (checked ? "unknown" : "—")}
      </Fact>
      <Fact term="Role" testId="token-role">
        {status.role ? ROLE_LABELS[status.role] : "—"}
      </Fact>
      <Fact term="Inference Providers" testId="token-permission">
        {checked ? permissionLabel(status.permission, status.role) : "—"}
      </Fact>
      <Fact term="Last check" testId="token-checked-at">
        {status.checking && !checked ? "checking now…" : <CheckedAt iso={status.checkedAt} />}
      </Fact>
    </dl>
  );
}
