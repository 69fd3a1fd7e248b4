"use client";
import { useId, useRef, useState } from "react";
import { ApiError, errorMessage } from "@/lib/client/fetcher";
import { useSaveToken } from "@/lib/client/token";
import { NEW_TOKEN_URL, TOKEN_SETTINGS_URL, parseTokenInput } from "@/lib/token/token-input";
import { REASON_LABELS, type SaveTokenResponse } from "@/lib/token/token-status";
import { GatewayTokenNotice } from "./gateway-token-notice";

type Result =
  | { kind: "idle" }
  | { kind: "checking" }
  | { kind: "saved"; response: SaveTokenResponse }
  | { kind: "rejected"; message: string }
  | { kind: "error"; message: string };

/** What the last save came to; the server's `invalid_token` is shown at the field instead. */
function resultOf(saving: ReturnType<typeof useSaveToken>): Result {
  const { isMutating, error, data } = saving;
  if (isMutating) return { kind: "checking" };
  if (error instanceof ApiError && error.code === "token_invalid") return { kind: "rejected", message: error.message };
  if (error instanceof ApiError && error.code === "invalid_token") return { kind: "idle" };
  if (error)
    return { kind: "error", message: errorMessage(error, "The dashboard server could not be reached. Try again.") };
  return data ? { kind: "saved", response: data } : { kind: "idle" };
}

/** Paste, check and save a token. The typed value lives only in the input until it is sent. */
export function TokenForm({ replacing }: { replacing: boolean }) {
  const saving = useSaveToken();
  const inputRef = useRef<HTMLInputElement>(null);
  // A problem found before sending; the server's own verdict on the format comes from `saving`.
  const [inputProblem, setInputProblem] = useState<string | null>(null);
  const ids = { input: useId(), help: useId(), error: useId() };

  async function save(force: boolean) {
    const raw = inputRef.current?.value ?? "";
    const parsed = parseTokenInput(raw);
    if (!parsed.ok) {
      setInputProblem(parsed.message);
      saving.reset();
      inputRef.current?.focus();
      return;
    }
    setInputProblem(null);
    const response = await saving.trigger({ token: raw, force });
    if (response && inputRef.current) inputRef.current.value = "";
  }

  const result = resultOf(saving);
  const serverProblem =
    !saving.isMutating && saving.error instanceof ApiError && saving.error.code === "invalid_token"
      ? saving.error.message
      : null;
  const fieldError = inputProblem ?? serverProblem;
  const busy = result.kind === "checking";
  return (
    <section className="card space-y-4" aria-labelledby="token-form-title">
      <h2 id="token-form-title" className="text-lg font-semibold">
        {replacing ? "Replace the token" : "Add a token"}
      </h2>
      <form
        className="space-y-3"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save(false);
        }}
      >
        <div className="space-y-1">
          <label htmlFor={ids.input} className="label">
            Hugging Face token
          </label>
          <input
            ref={inputRef}
            id={ids.input}
            name="hf-token"
            type="password"
            className="input font-mono"
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            placeholder="hf_…"
            aria-describedby={`${ids.help}${fieldError ? ` ${ids.error}` : ""}`}
            aria-invalid={fieldError ? true : undefined}
            onChange={() => {
              if (inputProblem) setInputProblem(null);
              if (serverProblem) saving.reset();
            }}
          />
          <p id={ids.help} className="muted">
            Create one in your{" "}
            <a className="link" href={NEW_TOKEN_URL} target="_blank" rel="noreferrer noopener">
              Hugging Face token settings
            </a>{" "}
            with “Make calls to Inference Providers”. It is checked with Hugging Face, then saved on this machine only.
          </p>
          {fieldError ? (
            <p
              id={ids.error}
              className="text-sm font-medium text-red-700 dark:text-red-400"
              data-testid="token-field-error"
            >
              {fieldError}
            </p>
          ) : null}
        </div>
        <button type="submit" className="btn-primary" disabled={busy}>
          {busy ? "Checking…" : replacing ? "Check and replace" : "Check and save"}
        </button>
      </form>
      <div role="status" aria-live="polite" data-testid="token-result">
        <ResultPanel result={result} onForce={() => void save(true)} busy={busy} />
      </div>
    </section>
  );
}

function ResultPanel({ result, onForce, busy }: { result: Result; onForce: () => void; busy: boolean }) {
  if (result.kind === "idle") return null;
  if (result.kind === "checking") return <p className="muted">Checking the token with Hugging Face…</p>;
  if (result.kind === "error") return <p className="alert-error">{result.message}</p>;
  if (result.kind === "rejected") {
    return (
      <div className="alert-error space-y-2">
        <p>{result.message}</p>
        <p>
          <button type="button" className="btn" onClick={onForce} disabled={busy}>
            Save anyway
          </button>
        </p>
        <p className="text-xs">
          Saving anyway is for tokens Hugging Face cannot confirm right now; the agent will fail with a rejected token.
        </p>
      </div>
    );
  }
  const { result: check, inEffect, status } = result.response;
  const who = check.account ? ` for ${check.account}` : "";
  return (
    <div className="space-y-2">
      {check.outcome === "valid" ? (
        <p className="alert-ok">
          Saved {check.masked}. The token works{who}
          {check.role === "fineGrained" ? " and may make calls to Inference Providers." : "."}
        </p>
      ) : null}
      {check.outcome === "no_permission" ? (
        <p className="alert-warn">
          Saved {check.masked}, but this token may not make calls to Inference Providers, so chat requests will be
          refused.{" "}
          <a className="link" href={NEW_TOKEN_URL} target="_blank" rel="noreferrer noopener">
            Create a token with that permission
          </a>
          .
        </p>
      ) : null}
      {check.outcome === "unverified" ? (
        <p className="alert-warn">
          Saved {check.masked} as not verified yet:{" "}
          {check.reason ? REASON_LABELS[check.reason] : "the check did not finish."} Use “Check again” above later.
        </p>
      ) : null}
      {check.outcome === "invalid" ? (
        <p className="alert-warn">
          Saved {check.masked} anyway, although Hugging Face rejected it. Replace it with a working token from{" "}
          <a className="link" href={TOKEN_SETTINGS_URL} target="_blank" rel="noreferrer noopener">
            your token settings
          </a>
          .
        </p>
      ) : null}
      {!inEffect && status.shadowing ? (
        <p className="alert-warn">Saved, but not in effect: {status.shadowing.message}</p>
      ) : null}
      <GatewayTokenNotice running={result.response.gatewayRunning} />
    </div>
  );
}
