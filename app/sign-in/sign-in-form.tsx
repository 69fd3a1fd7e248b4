"use client";
import { useId, useRef } from "react";
import { errorMessage } from "@/lib/client/fetcher";
import { useSignIn } from "@/lib/client/session";

export function SignInForm({ next }: { next: string }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const signIn = useSignIn();
  const ids = { input: useId(), message: useId() };
  // Signed in: busy until the page below replaces this one.
  const busy = signIn.isMutating || !!signIn.data;
  const message =
    signIn.error && !signIn.isMutating ? errorMessage(signIn.error, "The dashboard server could not be reached.") : "";

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (await signIn.trigger(inputRef.current?.value ?? "")) {
      // A full load, so every page and its server data are fetched with the new cookie.
      window.location.assign(next);
    } else {
      if (inputRef.current) inputRef.current.value = "";
      inputRef.current?.focus();
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
