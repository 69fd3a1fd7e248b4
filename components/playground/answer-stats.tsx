import type { CatalogModel } from "@/lib/catalog/types";
import { answerStats, type Answer } from "@/lib/chat/answer";
import { estimateCost, findOffer, formatUsd } from "@/lib/chat/cost";
import { parseRef } from "@/lib/openclaw-config/model-ref";

// The figures under an answer. The cost uses the pricing of the provider that actually served
// it (x-inference-provider), looked up in the catalog after the stream, never on the chat path.
function ms(value: number | undefined): string {
  if (value === undefined) return "—";
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${Math.round(value)} ms`;
}

export function AnswerStats({ answer, models }: { answer: Answer; models: readonly CatalogModel[] | undefined }) {
  const stats = answerStats(answer);
  const meta = answer.meta;
  const offer = meta ? findOffer(models, parseRef(meta.ref).modelId, meta.provider) : undefined;
  const cost = estimateCost(answer.usage, offer);
  const usage = answer.usage;
  const items: [string, string][] = [
    ["Served by", meta?.provider ?? "unknown"],
    ["Time to first token", ms(stats.ttftMs)],
    ["Tokens/s", stats.tokensPerSecond === undefined ? "—" : stats.tokensPerSecond.toFixed(1)],
    [
      "Usage",
      usage ? `${usage.promptTokens} in · ${usage.completionTokens} out · ${usage.totalTokens} total` : "not reported",
    ],
    [
      "Estimated cost",
      cost
        ? `${formatUsd(cost.usd)} (${cost.provider}: $${cost.inputPrice}/$${cost.outputPrice} per 1M in/out)`
        : !usage
          ? "— (no usage reported)"
          : "no price listed for this provider",
    ],
    ["Request id", meta?.requestId ?? "—"],
  ];
  return (
    <dl
      className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 border-t border-zinc-200 pt-2 text-xs sm:grid-cols-2 dark:border-zinc-800"
      data-testid="answer-stats"
    >
      {items.map(([label, value]) => (
        <div key={label} className="flex min-w-0 flex-wrap gap-x-2">
          <dt className="shrink-0 text-zinc-500 dark:text-zinc-400">{label}</dt>
          <dd className="min-w-0 break-words font-medium" data-stat={label}>
            {value}
          </dd>
        </div>
      ))}
      {answer.skipped ? (
        <p className="col-span-full text-amber-700 dark:text-amber-400">
          {answer.skipped} unreadable event(s) from the provider were skipped.
        </p>
      ) : null}
    </dl>
  );
}
