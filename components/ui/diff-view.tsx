import type { ConfigDiff } from "@/lib/openclaw-config/diff";

const STYLES = {
  add: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100",
  remove: "bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-100",
  context: "",
} as const;
const SIGN = { add: "+", remove: "−", context: " " } as const;

interface Props {
  diff: ConfigDiff;
  /** Names the diff for screen readers and heads its line counts. */
  label: string;
  /** What to say when the change would leave the file as it is. */
  unchangedText?: string;
  testId?: string;
}

/**
 * A line diff of openclaw.json (the Models and Config pages, the setup wizard): removed lines red
 * with "−", added lines green with "+", old and new line numbers, and "added"/"removed" read out.
 */
export function DiffView({ diff, label, unchangedText = "No change to the file.", testId = "config-diff" }: Props) {
  if (!diff.changed) return <p className="muted">{unchangedText}</p>;
  return (
    <figure className="space-y-1">
      <figcaption className="muted text-xs">
        {label}: <span className="text-emerald-700 dark:text-emerald-300">+{diff.added}</span>{" "}
        <span className="text-red-700 dark:text-red-300">−{diff.removed}</span> lines
      </figcaption>
      <div
        className="max-h-96 overflow-auto rounded-lg border border-zinc-200 font-mono text-xs dark:border-zinc-800"
        data-testid={testId}
        tabIndex={0}
        role="region"
        aria-label={label}
      >
        <table className="w-full border-collapse">
          <caption className="sr-only">{label}</caption>
          {diff.hunks.map((hunk, h) => (
            <tbody key={h}>
              <tr className="bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                <td colSpan={4} className="px-2 py-0.5">
                  {hunk.header}
                </td>
              </tr>
              {hunk.lines.map((line, i) => (
                <tr key={i} className={STYLES[line.kind]} data-kind={line.kind}>
                  <td className="w-10 select-none px-2 text-right text-zinc-600 dark:text-zinc-400">
                    {line.oldLine ?? ""}
                  </td>
                  <td className="w-10 select-none px-2 text-right text-zinc-600 dark:text-zinc-400">
                    {line.newLine ?? ""}
                  </td>
                  <td className="w-4 select-none" aria-hidden>
                    {SIGN[line.kind]}
                  </td>
                  <td className="whitespace-pre-wrap break-all pr-2">
                    {line.kind === "add" ? (
                      <span className="sr-only">added: </span>
                    ) : line.kind === "remove" ? (
                      <span className="sr-only">removed: </span>
                    ) : null}
                    {line.text}
                  </td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </figure>
  );
}
