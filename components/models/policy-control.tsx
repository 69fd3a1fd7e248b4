"use client";
import { useId } from "react";
import type { CatalogModel } from "@/lib/catalog/types";
import { liveProviders, predictProvider } from "@/lib/catalog/routing";
import type { Policy } from "@/lib/openclaw-config/model-ref";

const CHOICES = [
  { kind: "auto", label: "Auto", hint: "the router's default (today: the fastest)" },
  { kind: "fastest", label: "Fastest", hint: "highest throughput" },
  { kind: "cheapest", label: "Cheapest", hint: "lowest output price" },
  { kind: "preferred", label: "Preferred", hint: "your provider order on Hugging Face" },
  { kind: "provider", label: "One provider", hint: "always this provider" },
] as const;

/**
 * The routing policy of a ref. Every policy but "One provider" lets the router decide, so the
 * provider select is disabled then; Auto, Fastest and Cheapest show whom the router would pick now.
 */
export function PolicyControl({
  model,
  policy,
  onChange,
  liveCatalog,
}: {
  model: CatalogModel;
  policy: Policy;
  onChange: (policy: Policy) => void;
  liveCatalog: boolean;
}) {
  const id = useId();
  const live = liveProviders(model);
  const locked = policy.kind !== "provider";
  const predicted = predictProvider(model, policy);
  const providerValue = policy.kind === "provider" ? policy.provider : "";

  let prediction: string;
  if (policy.kind === "preferred") prediction = "Depends on your provider order in your Hugging Face settings.";
  else if (!liveCatalog) prediction = "Unknown: the live catalog is unavailable.";
  else if (policy.kind === "provider")
    prediction = predicted ? `Always ${predicted.provider}.` : `${policy.provider} does not serve this model now.`;
  else
    prediction = predicted
      ? `The router would pick ${predicted.provider} now.`
      : "No live provider serves this model now.";

  return (
    <fieldset className="space-y-3">
      <legend className="label">Routing policy</legend>
      <div className="flex flex-wrap gap-2">
        {CHOICES.map((choice) => {
          const checked = policy.kind === choice.kind;
          const disabled = choice.kind === "provider" && live.length === 0;
          return (
            <label
              key={choice.kind}
              className={`flex cursor-pointer items-start gap-2 rounded-lg border px-3 py-2 text-sm ${checked ? "border-amber-400 bg-amber-50 dark:border-amber-600 dark:bg-amber-950/50" : "border-zinc-200 dark:border-zinc-700"} ${disabled ? "opacity-50" : ""}`}
            >
              <input
                type="radio"
                name={`${id}-policy`}
                className="mt-0.5 accent-amber-500"
                checked={checked}
                disabled={disabled}
                onChange={() =>
                  onChange(
                    choice.kind === "provider"
                      ? { kind: "provider", provider: live[0]?.provider ?? "" }
                      : { kind: choice.kind },
                  )
                }
              />
              <span>
                <span className="font-medium">{choice.label}</span>
                <span className="muted block text-xs">{choice.hint}</span>
              </span>
            </label>
          );
        })}
      </div>
      <div className="grid gap-1 sm:max-w-xs">
        <label htmlFor={`${id}-provider`} className="label">
          Pinned provider
        </label>
        <select
          id={`${id}-provider`}
          className="input"
          disabled={locked}
          aria-describedby={`${id}-lock`}
          value={providerValue}
          onChange={(e) => onChange({ kind: "provider", provider: e.target.value })}
        >
          {locked ? <option value="">The router decides</option> : null}
          {live.map((p) => (
            <option key={p.provider} value={p.provider}>
              {p.provider}
            </option>
          ))}
          {policy.kind === "provider" && !live.some((p) => p.provider === policy.provider) ? (
            <option value={policy.provider}>{policy.provider} (not live)</option>
          ) : null}
        </select>
        <p id={`${id}-lock`} className="muted text-xs">
          {locked
            ? "The router decides: choose “One provider” to pin one."
            : "Requests fail if this provider stops serving the model."}
        </p>
      </div>
      <p className="text-sm" data-testid="predicted-provider" aria-live="polite">
        {prediction}
      </p>
    </fieldset>
  );
}
