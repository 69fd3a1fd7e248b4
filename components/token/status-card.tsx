"use client";
import { errorMessage } from "@/lib/client/fetcher";
import { useRecheckToken } from "@/lib/client/token";
import { OUTCOME_LABELS, type TokenStatus } from "@/lib/token/token-status";
import { StatusNotes } from "./status-notes";
import { OutcomeBadge, TokenFacts } from "./token-facts";

/** The token in effect, its check result, and a re-check button. */
export function StatusCard({ status }: { status: TokenStatus }) {
  const recheck = useRecheckToken();
  const checked = recheck.data?.outcome;
  const message = recheck.isMutating
    ? "Checking the token with Hugging Face…"
    : recheck.error
      ? errorMessage(recheck.error, "The dashboard server could not be reached.")
      : recheck.data
        ? `Checked: ${checked && checked !== "unchecked" ? OUTCOME_LABELS[checked] : "no result"}.`
        : "";

  return (
    <section className="card space-y-4" aria-labelledby="token-in-effect">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="token-in-effect" className="text-lg font-semibold">
          Token in effect
        </h2>
        <OutcomeBadge outcome={status.outcome} />
      </div>
      {status.configured ? (
        <>
          <TokenFacts status={status} />
          <StatusNotes status={status} />
          <div className="flex flex-wrap items-center gap-3">
            <button type="button" className="btn" onClick={() => void recheck.trigger()} disabled={recheck.isMutating}>
              {recheck.isMutating ? "Checking…" : "Check again"}
            </button>
            <p role="status" aria-live="polite" className="muted" data-testid="recheck-result">
              {message}
            </p>
          </div>
        </>
      ) : (
        <>
          <p className="muted" data-testid="token-none">
            No Hugging Face token is configured. Paste one below; the dashboard saves it as <code>HF_TOKEN</code> in{" "}
            <code className="break-all">{status.envFile}</code>, where OpenClaw also looks.
          </p>
          <StatusNotes status={status} />
        </>
      )}
    </section>
  );
}
