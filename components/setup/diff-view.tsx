import type { ConfigDiff } from "@/lib/openclaw-config/diff";

/** A unified diff of openclaw.json: additions and removals marked by sign and colour. */
export function DiffView({ diff }: { diff: ConfigDiff }) {
  if (!diff.changed) return <p className="muted">No change: openclaw.json already says this.</p>;
  return (
    <figure className="space-y-1">
      <figcaption className="muted">
        {diff.added} line{diff.added === 1 ? "" : "s"} added, {diff.removed} removed
      </figcaption>
      <pre
        className="max-h-96 overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 p-3 text-xs leading-5 dark:border-zinc-800 dark:bg-zinc-950"
        data-testid="setup-diff"
        tabIndex={0}
        aria-label="Change to openclaw.json"
      >
        {diff.hunks.map((hunk) => (
          <div key={hunk.header}>
            <div className="text-zinc-500">{hunk.header}</div>
            {hunk.lines.map((line, i) => (
              <div
                key={i}
                className={
                  line.kind === "add"
                    ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
                    : line.kind === "remove"
                      ? "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200"
                      : ""
                }
              >
                {line.kind === "add" ? "+ " : line.kind === "remove" ? "- " : "  "}
                {line.text}
              </div>
            ))}
          </div>
        ))}
      </pre>
    </figure>
  );
}
