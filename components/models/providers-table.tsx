import type { CatalogModel } from "@/lib/catalog/types";
import { cheapestProvider, fastestProvider } from "@/lib/catalog/routing";
import { formatNumber, formatPrice, formatTokens } from "./format";

const yesNo = (value: boolean | undefined) => (value === undefined ? "—" : value ? "yes" : "no");

/** "Cheapest" and "Fastest" beside a provider's name (here by the router's figures, in a benchmark by measured ones). */
export function RankBadges({ cheapest, fastest }: { cheapest: boolean; fastest: boolean }) {
  return (
    <>
      {cheapest ? (
        <span className="badge border-emerald-300 text-emerald-800 dark:border-emerald-700 dark:text-emerald-200">
          Cheapest
        </span>
      ) : null}
      {fastest ? (
        <span className="badge border-sky-300 text-sky-800 dark:border-sky-700 dark:text-sky-200">Fastest</span>
      ) : null}
    </>
  );
}

/** Every provider of a model, with the cheapest and the fastest live ones marked. */
export function ProvidersTable({ model }: { model: CatalogModel }) {
  if (model.providers.length === 0) {
    return <p className="muted">No provider information: this model comes from the built-in catalog.</p>;
  }
  const fastest = fastestProvider(model)?.provider;
  const cheapest = cheapestProvider(model)?.provider;
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={`Providers of ${model.id}`}>
      <table className="w-full min-w-[40rem] text-left text-sm" data-testid="providers-table">
        <caption className="sr-only">Providers of {model.id}</caption>
        <thead className="text-xs uppercase text-zinc-500 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Provider
            </th>
            <th scope="col" className="py-2 pr-3">
              Status
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Context
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              $/1M in
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              $/1M out
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Throughput
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              First token
            </th>
            <th scope="col" className="py-2 pr-3">
              Tools
            </th>
            <th scope="col" className="py-2">
              Structured
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {model.providers.map((p) => (
            <tr key={p.provider} data-provider={p.provider}>
              <th scope="row" className="py-2 pr-3 font-medium">
                <span className="inline-flex flex-wrap items-center gap-1">
                  {p.provider}
                  <RankBadges cheapest={p.provider === cheapest} fastest={p.provider === fastest} />
                </span>
              </th>
              <td
                className={`py-2 pr-3 ${p.status === "live" ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}`}
              >
                {p.status}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatTokens(p.contextLength)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatPrice(p.inputPrice)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatPrice(p.outputPrice)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatNumber(p.throughput, "tok/s")}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{formatNumber(p.firstTokenLatencyMs, "ms")}</td>
              <td className="py-2 pr-3">{yesNo(p.supportsTools)}</td>
              <td className="py-2">{yesNo(p.supportsStructuredOutput)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
