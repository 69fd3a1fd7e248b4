import { parseRef, policyLabel } from "@/lib/openclaw-config/model-ref";

/** A model ref with its alias beside it (wherever a ref is shown) and its routing policy. */
export function RefLabel({ refText, alias, compact = false }: { refText: string; alias?: string; compact?: boolean }) {
  const { policy, hasPrefix } = parseRef(refText);
  return (
    <span className="inline-flex min-w-0 flex-wrap items-center gap-1.5" data-testid="ref-label" data-ref={refText}>
      {alias ? (
        <span
          className="badge border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
          title="Alias"
        >
          <span className="sr-only">Alias </span>
          {alias}
        </span>
      ) : null}
      <code className={`break-all font-mono ${compact ? "text-xs" : "text-sm"}`}>{refText}</code>
      {hasPrefix ? (
        <span className="badge border-zinc-300 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300">
          <span className="sr-only">Policy </span>
          {policyLabel(policy)}
        </span>
      ) : null}
    </span>
  );
}
