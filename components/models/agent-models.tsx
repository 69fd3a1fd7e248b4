"use client";
import type { ModelChange } from "@/lib/openclaw-config/change";
import type { ModelSettings } from "@/lib/openclaw-config/model-settings";
import { RefLabel } from "./ref-label";

/** Primary and ordered fallbacks, as the agent will use them once the pending change is saved. */
export function AgentModels({ settings, onStep }: { settings: ModelSettings; onStep: (change: ModelChange) => void }) {
  const { primary, fallbacks, aliases } = settings;
  const move = (index: number, by: number) => {
    const next = [...fallbacks];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    onStep({ fallbacks: next });
  };

  return (
    <section className="card space-y-4" aria-labelledby="agent-models-title" data-testid="agent-models">
      <h2 id="agent-models-title" className="text-lg font-semibold">
        Your agent&apos;s models
      </h2>
      <div>
        <h3 className="label">Primary</h3>
        <div className="mt-1" data-testid="primary">
          {primary ? (
            <RefLabel refText={primary} alias={aliases[primary]} />
          ) : (
            <p className="muted">None yet: pick a model below and choose “Set as primary”.</p>
          )}
        </div>
      </div>
      <div>
        <h3 className="label" id="fallbacks-title">
          Fallbacks <span className="muted font-normal">(tried in this order when the primary fails)</span>
        </h3>
        {fallbacks.length === 0 ? (
          <p className="muted mt-1">No fallbacks.</p>
        ) : (
          <ol className="mt-2 space-y-2" aria-labelledby="fallbacks-title" data-testid="fallbacks">
            {fallbacks.map((ref, index) => (
              <li
                key={`${ref}-${index}`}
                className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-zinc-200 px-3 py-2 dark:border-zinc-800"
              >
                <span className="flex min-w-0 items-center gap-2">
                  <span className="muted w-5 text-right text-xs tabular-nums" aria-hidden>
                    {index + 1}.
                  </span>
                  <RefLabel refText={ref} alias={aliases[ref]} />
                </span>
                <span className="flex gap-1">
                  <button
                    type="button"
                    className="btn px-2 py-1 text-xs"
                    aria-label={`Move ${ref} up`}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    ↑ Up
                  </button>
                  <button
                    type="button"
                    className="btn px-2 py-1 text-xs"
                    aria-label={`Move ${ref} down`}
                    disabled={index === fallbacks.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    ↓ Down
                  </button>
                  <button
                    type="button"
                    className="btn px-2 py-1 text-xs"
                    aria-label={`Remove ${ref} from fallbacks`}
                    onClick={() => onStep({ fallbacks: fallbacks.filter((_, i) => i !== index) })}
                  >
                    Remove
                  </button>
                </span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
