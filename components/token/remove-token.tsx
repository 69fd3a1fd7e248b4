"use client";
import { useEffect, useRef, useState } from "react";
import { errorMessage } from "@/lib/client/fetcher";
import { useRemoveToken } from "@/lib/client/token";
import { GatewayTokenNotice } from "./gateway-token-notice";
import type { RemoveTokenResponse, TokenStatus } from "@/lib/token/token-status";

function removedMessage(response: RemoveTokenResponse): string {
  if (!response.removed) return "There was no saved token to remove.";
  const still = response.status.configured
    ? ` A token is still in effect from ${response.status.source?.startsWith("env:") ? "the dashboard's environment" : ".env"}.`
    : "";
  return `Removed the saved token from .env.${still}`;
}

/** Deletes the HF_TOKEN line from .env after an explicit confirmation. */
export function RemoveToken({ status }: { status: TokenStatus }) {
  const removal = useRemoveToken();
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function remove() {
    await removal.trigger();
    setConfirming(false);
  }

  const message = removal.error
    ? errorMessage(removal.error, "The dashboard server could not be reached. Nothing was removed.")
    : removal.data
      ? removedMessage(removal.data)
      : "";

  return (
    <section className="card space-y-3" aria-labelledby="remove-token-title">
      <h2 id="remove-token-title" className="text-lg font-semibold">
        Remove the saved token
      </h2>
      {status.stored ? (
        <p className="muted">
          Deletes only the <code>HF_TOKEN</code> line ({status.stored.masked}) from{" "}
          <code className="break-all">{status.envFile}</code>; every other line stays.
        </p>
      ) : (
        <p className="muted">No token is saved in .env.</p>
      )}
      {confirming ? (
        <div role="group" aria-labelledby="remove-confirm-text" className="alert-warn space-y-2">
          <p id="remove-confirm-text">Remove the saved token? OpenClaw will no longer find it in .env.</p>
          <div className="flex gap-2">
            <button ref={confirmRef} type="button" className="btn" onClick={remove} disabled={removal.isMutating}>
              {removal.isMutating ? "Removing…" : "Yes, remove it"}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setConfirming(false);
                openRef.current?.focus();
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={openRef}
          type="button"
          className="btn"
          disabled={!status.stored}
          onClick={() => setConfirming(true)}
        >
          Remove token…
        </button>
      )}
      <p role="status" aria-live="polite" className="muted" data-testid="remove-result">
        {message}
      </p>
      {removal.data?.removed ? <GatewayTokenNotice running={removal.data.gatewayRunning} /> : null}
    </section>
  );
}
