"use client";
import { useState } from "react";
import { useSWRConfig } from "swr";
import { ApiError, fetchJson } from "@/lib/client/fetcher";
import { OUTCOME_LABELS, tokenKey, type TokenStatus } from "@/lib/token/token-status";
import { StatusNotes } from "./status-notes";
import { OutcomeBadge, TokenFacts } from "./token-facts";

/** The token in effect, its check result, and a re-check button. */
export function StatusCard({ status }: { status: TokenStatus }) {
  const { mutate } = useSWRConfig();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");

  async function recheck() {
    setBusy(true);
    setMessage("Checking the token with Hugging Face…");
    try {
      const next = await fetchJson<TokenStatus>("/api/token/verify", { method: "POST" });
      await mutate(tokenKey(), next, { revalidate: false });
      setMessage(
        `Checked: ${next.outcome && next.outcome !== "unchecked" ? OUTCOME_LABELS[next.outcome] : "no result"}.`,
      );
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "The dashboard server could not be reached.");
    } finally {
      setBusy(false);
    }
  }

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
            <button type="button" className="btn" onClick={recheck} disabled={busy}>
              {busy ? "Checking…" : "Check again"}
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
