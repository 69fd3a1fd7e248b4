export default function Loading() {
  return (
    <div aria-busy="true" aria-live="polite">
      <div className="mb-6 h-8 w-48 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      <p className="muted">Loading the playground…</p>
    </div>
  );
}
