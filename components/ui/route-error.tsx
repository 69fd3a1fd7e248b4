"use client";
import { PageHeader } from "./page-header";

/** A page's error boundary: our own words only, since the error's message could come from anywhere. */
export function RouteError({ title, message, reset }: { title: string; message: string; reset: () => void }) {
  return (
    <>
      <PageHeader title={title} />
      <div className="alert-error space-y-2" role="alert">
        <p>{message}</p>
        <button type="button" className="btn" onClick={reset}>
          Try again
        </button>
      </div>
    </>
  );
}
