"use client";
import { useId, useRef, useState } from "react";
import { ApiError, fetchJson } from "@/lib/client/fetcher";

export function SignInForm({ next }: { next: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const ids = { input: useId(), message: useId() };

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage("");
    try {
      await fetchJson("/api/session", { method: "POST", json: { token: inputRef.current?.value ?? "" } });
      // A full load, so every page and its server data are fetched with the new cookie.
      window.location.assign(next);
    } catch (error) {
      setMessage(error instanceof ApiError ? error.message : "The dashboard server could not be reached.");
      if (inputRef.current) inputRef.current.value = "";
      inputRef.current?.focus();
      setBusy(false);
    }
  }

  return (
    <form className="card max-w-md space-y-3" onSubmit={submit} noValidate>
      <div className="space-y-1">
        <label htmlFor={ids.input} className="label">
          Dashboard token
        </label>
        <input
          ref={inputRef}
          id={ids.input}
          name="dashboard-token"
          type="password"
          className="input"
          autoComplete="current-password"
          required
          aria-describedby={message ? ids.message : undefined}
          aria-invalid={message ? true : undefined}
        />
      </div>
      <button type="submit" className="btn-primary" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
      <p
        id={ids.message}
        role="status"
        aria-live="polite"
        className="text-sm font-medium text-red-700 dark:text-red-400"
      >
        {message}
      </p>
    </form>
  );
}
