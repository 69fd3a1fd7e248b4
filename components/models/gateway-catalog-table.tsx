"use client";
import { useState } from "react";
import type { GatewayCatalogModelBody } from "@/lib/openclaw-agent/gateway-view";
import { formatTokens } from "./format";
import { type PriceSource, RouterPrice } from "./router-price";
import { TableHead } from "./table-head";

const FIRST_ROWS = 10;
const COLUMNS = [
  { label: "Model" },
  { label: "Context", numeric: true },
  { label: "Router price $/1M in / out" },
  { label: "For the agent" },
];
const REASONS: Record<string, string> = {
  "missing-auth": "no key",
  "auth-failed": "key refused",
  cooldown: "cooling down after failures",
};

/** The huggingface rows of the Gateway's published catalog, beside the router's prices. */
export function GatewayCatalogTable({ models, prices }: { models: GatewayCatalogModelBody[]; prices: PriceSource }) {
  const [all, setAll] = useState(false);
  if (models.length === 0)
    return (
      <p className="muted text-sm">The Gateway publishes no huggingface model (discovery off and none configured).</p>
    );
  const shown = all ? models : models.slice(0, FIRST_ROWS);
  return (
    <div className="space-y-2">
      <div className="overflow-x-auto">
        <table className="w-full min-w-[36rem] text-left text-sm" data-testid="gateway-catalog">
          <TableHead columns={COLUMNS} />
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {shown.map((m) => (
              <tr key={m.ref} data-testid="gateway-catalog-row" data-ref={m.ref}>
                <td className="py-2 pr-3">
                  <code className="break-all">{m.ref}</code>
                  {m.tags.length > 0 ? <span className="muted block text-xs">{m.tags.join(", ")}</span> : null}
                </td>
                <td className="py-2 pr-3 text-right">{formatTokens(m.contextWindow)}</td>
                <td className="py-2 pr-3">
                  <RouterPrice id={m.id} prices={prices} />
                </td>
                <td className="py-2 pr-3">
                  {m.available
                    ? "available"
                    : `unavailable${m.unavailableReason ? `: ${REASONS[m.unavailableReason] ?? m.unavailableReason}` : ""}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {models.length > FIRST_ROWS ? (
        <button type="button" className="btn px-2 py-1 text-xs" onClick={() => setAll(!all)}>
          {all ? "Show fewer" : `Show all ${models.length} models`}
        </button>
      ) : null}
    </div>
  );
}
