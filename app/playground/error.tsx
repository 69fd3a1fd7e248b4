"use client";

export default function PlaygroundError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="alert-error" role="alert">
      <p className="font-semibold">The playground could not be shown.</p>
      <p className="mt-1">Reading the dashboard&apos;s settings failed. Try again.</p>
      <button type="button" className="btn mt-2" onClick={reset}>Try again</button>
    </div>
  );
}
