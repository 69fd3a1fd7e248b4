"use client";
import { formatUsd } from "@/lib/chat/cost";
import type { ProviderSummary } from "@/lib/benchmark/wire";
import { formatNumber, formatPrice } from "./format";
import { RankBadges } from "./providers-table";

const ms = (value: number | null) => (value === null ? "—" : `${Math.round(value).toLocaleString("en")} ms`);
const opt = (value: number | null) => value ?? undefined;

/** Providers ranked by measured time to first token (p50), errors last. */
export function rankProviders(providers: ProviderSummary[]): ProviderSummary[] {
  return [...providers].sort((a, b) => (a.ttftMsP50 ?? Infinity) - (b.ttftMsP50 ?? Infinity));
}

/** One row per provider: what was measured, beside what the router advertises. */
export function BenchmarkResults({
  providers,
  inUse,
  onUse,
}: {
  providers: ProviderSummary[];
  /** Whether the agent's configuration already pins this provider for the model. */
  inUse: (provider: string) => boolean;
  onUse: (provider: string) => void;
}) {
  const ranked = rankProviders(providers);
  const fastest = [...providers]
    .filter((p) => p.tokensPerSecondP50 !== null)
    .sort((a, b) => b.tokensPerSecondP50! - a.tokensPerSecondP50!)[0]?.provider;
  const cheapest = [...providers]
    .filter((p) => p.costUsdPerRun !== null)
    .sort((a, b) => a.costUsdPerRun! - b.costUsdPerRun!)[0]?.provider;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Benchmark results">
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid="benchmark-results">
        <caption className="sr-only">Benchmark results per provider, fastest first token first</caption>
        <thead className="text-xs uppercase text-zinc-500 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Provider
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Runs
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Errors
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              TTFT p50
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              TTFT p95
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Tokens/s p50
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Cost per run
            </th>
            <th scope="col" className="py-2 text-right">
              Advertised
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {ranked.map((p, i) => (
            <tr key={p.provider} data-provider={p.provider} data-rank={i + 1}>
              <th scope="row" className="py-2 pr-3 font-medium">
                <span className="inline-flex flex-wrap items-center gap-1">
                  <span className="muted tabular-nums">{i + 1}.</span>
                  {p.provider}
                  <RankBadges cheapest={p.provider === cheapest} fastest={p.provider === fastest} />
                </span>
                <span className="mt-1 block">
                  <button
                    type="button"
                    className="btn px-2 py-1 text-xs"
                    disabled={inUse(p.provider)}
                    onClick={() => onUse(p.provider)}
                    title={inUse(p.provider) ? undefined : `Use this provider: put :${p.provider} on the model's refs`}
                  >
                    {inUse(p.provider) ? `${p.provider} in use` : `Use ${p.provider}`}
                  </button>
                </span>
              </th>
              <td className="py-2 pr-3 text-right tabular-nums">{p.runs}</td>
              <td
                className={`py-2 pr-3 text-right tabular-nums ${p.errors ? "text-red-700 dark:text-red-300" : ""}`}
                data-testid="benchmark-errors"
              >
                {p.errors}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums" data-testid="benchmark-ttft">
                {ms(p.ttftMsP50)}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{ms(p.ttftMsP95)}</td>
              <td className="py-2 pr-3 text-right tabular-nums" data-testid="benchmark-speed">
                {formatNumber(opt(p.tokensPerSecondP50), "tok/s")}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">
                {p.costUsdPerRun === null ? "—" : formatUsd(p.costUsdPerRun)}
              </td>
              <td className="muted py-2 text-right text-xs tabular-nums">
                {formatNumber(opt(p.advertised.throughput), "tok/s")} · {ms(p.advertised.firstTokenLatencyMs)}
                <br />
                {formatPrice(opt(p.advertised.inputPrice))} in · {formatPrice(opt(p.advertised.outputPrice))} out /1M
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
