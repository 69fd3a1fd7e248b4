"use client";
import { TokenForm } from "@/components/token/token-form";
import { NEW_TOKEN_URL } from "@/lib/token/token-input";
import type { TokenStatus } from "@/lib/token/token-status";
import { StepActions } from "./step-actions";

export function TokenStep({ token, onNext, onSkip }: { token: TokenStatus; onNext: () => void; onSkip: () => void }) {
  return (
    <div className="space-y-4">
      <h3 className="font-semibold">1. Hugging Face token</h3>
      <p className="muted">
        <a className="link" href={NEW_TOKEN_URL} target="_blank" rel="noreferrer noopener">
          Create a fine-grained token with “Make calls to Inference Providers” already chosen
        </a>
        , copy it, and paste it below. It is checked with Hugging Face and saved in OpenClaw&apos;s <code>.env</code> on
        this machine.
      </p>
      {token.configured ? (
        <p className={token.outcome === "valid" ? "alert-ok" : "alert-warn"} data-testid="setup-token-state">
          A token is in effect: {token.masked}
          {token.account ? ` (${token.account})` : ""},{" "}
          {token.outcome === "valid"
            ? "checked and working"
            : token.outcome === "no_permission"
              ? "but it may not call Inference Providers"
              : token.outcome === "invalid"
                ? "but Hugging Face rejected it"
                : "not verified yet"}
          . You can keep it or replace it.
        </p>
      ) : null}
      <TokenForm replacing={token.configured} />
      <StepActions onSkip={onSkip}>
        <button type="button" className="btn-primary" onClick={onNext} disabled={!token.configured}>
          Continue
        </button>
      </StepActions>
    </div>
  );
}
