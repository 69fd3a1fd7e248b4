"use client";
import Link from "next/link";
import { OutcomeBadge, TokenFacts } from "@/components/token/token-facts";
import { StatusNotes } from "@/components/token/status-notes";
import { useTokenStatus } from "@/lib/client/token";

/** Overview: which token is in effect, where it comes from, and what Hugging Face said about it. */
export function TokenCard() {
  const { data: status, error, isLoading } = useTokenStatus();
  return (
    <section className="card space-y-4" aria-labelledby="token-card-title" data-testid="token-card">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="token-card-title" className="text-lg font-semibold">
          Hugging Face token
        </h2>
        {status ? <OutcomeBadge outcome={status.outcome} /> : null}
      </div>
      <div aria-live="polite" aria-busy={isLoading}>
        {error ? (
          <p className="alert-error">The token status could not be read.</p>
        ) : !status ? (
          <div
            className="h-40 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800"
            role="status"
            aria-label="Loading the token status"
          />
        ) : status.configured ? (
          <div className="space-y-4">
            <TokenFacts status={status} />
            <StatusNotes status={status} />
          </div>
        ) : (
          <p className="muted">No token yet: OpenClaw cannot call Hugging Face until you add one.</p>
        )}
      </div>
      <Link href="/token" className="link text-sm">
        {status?.configured ? "Manage the token" : "Add a token"}
      </Link>
    </section>
  );
}
