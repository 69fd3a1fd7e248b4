import type { ModelWarning } from "@/lib/catalog/warnings";
import { RefLabel } from "./ref-label";

/** Every problem with the model settings, each on its ref (with its alias). */
export function WarningsPanel({
  warnings,
  aliases,
  title = "Warnings",
}: {
  warnings: ModelWarning[];
  aliases: Record<string, string>;
  title?: string;
}) {
  if (warnings.length === 0) return null;
  return (
    <section className="alert-warn space-y-2" aria-label={title} data-testid="model-warnings">
      <h2 className="font-semibold">
        {title} ({warnings.length})
      </h2>
      <ul className="space-y-2">
        {warnings.map((w, i) => (
          <li key={`${w.kind}-${w.ref ?? ""}-${i}`} data-kind={w.kind} className="space-y-0.5">
            {w.ref ? (
              <div>
                <RefLabel refText={w.ref} alias={aliases[w.ref]} compact />
              </div>
            ) : null}
            <p>{w.message}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
