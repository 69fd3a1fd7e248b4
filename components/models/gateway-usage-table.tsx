"use client";
import type { GatewayUsageBody, UsageTotalsBody } from "@/lib/openclaw-agent/gateway-view";
import { type PriceSource, RouterPrice } from "./router-price";
import { TableHead } from "./table-head";

const COLUMNS = [
  { label: "Model" },
  { label: "Calls", numeric: true },
  { label: "Input tokens", numeric: true },
  { label: "Output tokens", numeric: true },
  { label: "Estimated cost", numeric: true },
  { label: "Router price now" },
];

function formatCost(usd: number): string {
  return usd === 0 ? "$0" : usd < 0.01 ? "< $0.01" : `$${usd.toFixed(2)}`;
}

function Cells({ totals }: { totals: UsageTotalsBody }) {
  return (
    <>
      <td className="py-2 pr-3 text-right">{totals.input.toLocaleString("en")}</td>
      <td className="py-2 pr-3 text-right">{totals.output.toLocaleString("en")}</td>
      <td className="py-2 pr-3 text-right">
        {formatCost(totals.totalCost)}
        {totals.missingCostEntries > 0 ? <span className="muted"> +{totals.missingCostEntries} unpriced</span> : null}
      </td>
    </>
  );
}

/** sessions.usage for huggingface models: calls, tokens and OpenClaw's cost estimate, per model. */
export function GatewayUsageTable({
  usage,
  days,
  prices,
}: {
  usage: GatewayUsageBody;
  days: number;
  prices: PriceSource;
}) {
  const { huggingface } = usage;
  return (
    <div className="space-y-2">
      <p className="text-sm" data-testid="gateway-usage-summary">
        Last {days} days: {huggingface.count.toLocaleString("en")} Hugging Face model calls,{" "}
        {(huggingface.totals.totalTokens || 0).toLocaleString("en")} tokens, estimated{" "}
        {formatCost(huggingface.totals.totalCost)} (all providers: {formatCost(usage.allProviders.totalCost)}).
      </p>
      {usage.models.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm" data-testid="gateway-usage">
            <TableHead columns={COLUMNS} />
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {usage.models.map((m) => (
                <tr key={m.model} data-testid="gateway-usage-row" data-model={m.model}>
                  <td className="py-2 pr-3">
                    <code className="break-all">{m.model}</code>
                  </td>
                  <td className="py-2 pr-3 text-right">{m.count.toLocaleString("en")}</td>
                  <Cells totals={m.totals} />
                  <td className="py-2 pr-3">
                    <RouterPrice id={m.model} prices={prices} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted text-sm">No session used a Hugging Face model in that time.</p>
      )}
      <p className="muted text-xs">
        Costs are OpenClaw&apos;s estimates from each model&apos;s configured cost ($ per 1M tokens), not Hugging Face
        billing.
      </p>
    </div>
  );
}
