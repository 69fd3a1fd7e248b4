"use client";
import { PageHeader } from "@/components/ui/page-header";

// Our own words only: the error's message could come from anywhere.
export default function ModelsError({ reset }: { error: Error; reset: () => void }) {
  return (
    <>
      <PageHeader title="Models" />
      <div className="alert-error space-y-2" role="alert">
        <p>The Models page failed to load.</p>
        <button type="button" className="btn" onClick={reset}>
          Try again
        </button>
      </div>
    </>
  );
}
