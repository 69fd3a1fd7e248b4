"use client";
import { PageHeader } from "@/components/ui/page-header";

// Shows our own words only: the error's message could come from anywhere.
export default function TokenError({ reset }: { error: Error; reset: () => void }) {
  return (
    <>
      <PageHeader title="Token" />
      <div className="alert-error space-y-2" role="alert">
        <p>The token status could not be read (is the state folder readable?).</p>
        <button type="button" className="btn" onClick={reset}>
          Try again
        </button>
      </div>
    </>
  );
}
