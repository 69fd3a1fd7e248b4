import { RepairAction } from "@/components/ui/repair-action";
import type { ModelWarning } from "@/lib/catalog/warnings";
import type { ConfigRepairInfo } from "@/lib/openclaw-config/api-types";
import { RefLabel } from "./ref-label";

/** The repair the server offers for this warning (same kind, and the same ref or alias). */
function repairFor(warning: ModelWarning, repairs: ConfigRepairInfo[]): ConfigRepairInfo | undefined {
  return repairs.find((r) =>
    r.warnings?.some(
      (w) =>
        w.kind === warning.kind &&
        (w.ref ?? null) === (warning.ref ?? null) &&
        (w.alias?.toLowerCase() ?? null) === (warning.alias?.toLowerCase() ?? null),
    ),
  );
}

/** Every problem with the model settings, each on its ref (with its alias), and its repair when there is one. */
export function WarningsPanel({
  warnings,
  aliases,
  repairs = [],
  title = "Warnings",
}: {
  warnings: ModelWarning[];
  aliases: Record<string, string>;
  /** GET /api/config's repairs: each is offered beside the warning it repairs. */
  repairs?: ConfigRepairInfo[];
  title?: string;
}) {
  if (warnings.length === 0) return null;
  return (
    <section className="alert-warn space-y-2" aria-label={title} data-testid="model-warnings">
      <h2 className="font-semibold">
        {title} ({warnings.length})
      </h2>
      <ul className="space-y-2">
        {warnings.map((w, i) => {
          const repair = repairFor(w, repairs);
          return (
            <li key={`${w.kind}-${w.ref ?? ""}-${i}`} data-kind={w.kind} className="space-y-0.5">
              {w.ref ? (
                <div>
                  <RefLabel refText={w.ref} alias={aliases[w.ref]} compact />
                </div>
              ) : null}
              <p>{w.message}</p>
              {repair ? <RepairAction fix={{ id: repair.id, label: repair.label }} /> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
