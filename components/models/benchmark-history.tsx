"use client";
import { useBenchmarkHistory } from "@/lib/client/benchmark";
import { formatAge, useNow } from "./catalog-banner";

const SHOWN = 10;

/** Past benchmarks of this model (newest first): how each provider did over days. */
export function BenchmarkHistory({ modelId }: { modelId: string }) {
  const history = useBenchmarkHistory(modelId);
  const now = useNow();
  const runs = history.data?.runs ?? [];
  if (history.error) return <p className="muted text-sm">The benchmark history could not be read.</p>;
  if (!history.data) return null;
  if (runs.length === 0) return <p className="muted text-sm">No earlier benchmark of this model.</p>;
  const shown = runs.slice(0, SHOWN);
  const providers = [...new Set(shown.flatMap((r) => r.providers.map((p) => p.provider)))].sort();
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Benchmark history">
      <table className="w-full text-left text-sm" data-testid="benchmark-history">
        <caption className="muted pb-1 text-left text-xs">
          Earlier benchmarks, newest first ({runs.length} kept): time to first token p50 · tokens/s p50
        </caption>
        <thead className="text-xs uppercase text-zinc-500 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-1 pr-3">
              When
            </th>
            {providers.map((p) => (
              <th key={p} scope="col" className="py-1 pr-3 text-right">
                {p}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {shown.map((run) => (
            <tr key={run.id} data-testid="benchmark-history-row">
              <th scope="row" className="py-1 pr-3 font-normal">
                <time dateTime={run.at} title={formatAge(run.at, now)}>
                  {new Date(run.at).toLocaleString("en", {
                    month: "short",
                    day: "numeric",
                    hour: "2-digit",
                    minute: "2-digit",
                  })}
                </time>
                <span className="muted text-xs"> · {run.runs}×</span>
              </th>
              {providers.map((name) => {
                const p = run.providers.find((x) => x.provider === name);
                return (
                  <td key={name} className="py-1 pr-3 text-right tabular-nums">
                    {p && p.ttftMsP50 !== null
                      ? `${Math.round(p.ttftMsP50)} ms · ${p.tokensPerSecondP50 === null ? "—" : Math.round(p.tokensPerSecondP50)}`
                      : p
                        ? `${p.errors} error${p.errors === 1 ? "" : "s"}`
                        : "—"}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
