"use client";
import { useId } from "react";
import type { Capabilities } from "@/lib/chat/capabilities";
import type { ParamField, ParamsForm } from "@/lib/chat/params";
import { REASONING_EFFORTS } from "@/lib/chat/request";

// Parameters, each offered only where the model or provider supports it; errors are shown
// beside their field.
interface Props {
  form: ParamsForm;
  onChange: (form: ParamsForm) => void;
  caps: Capabilities;
  errors: Partial<Record<ParamField, string>>;
  structuredProviders: string[];
}

function Field(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (describedBy: string | undefined) => React.ReactNode;
}) {
  const describedBy =
    [props.hint ? `${props.id}-hint` : "", props.error ? `${props.id}-error` : ""].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div>
      <label className="label text-xs" htmlFor={props.id}>
        {props.label}
      </label>
      {props.children(describedBy)}
      {props.hint ? (
        <p id={`${props.id}-hint`} className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
          {props.hint}
        </p>
      ) : null}
      {props.error ? (
        <p id={`${props.id}-error`} className="mt-0.5 text-xs text-red-700 dark:text-red-400" role="alert">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

export function ParamsPanel({ form, onChange, caps, errors, structuredProviders }: Props) {
  const id = useId();
  const set = (patch: Partial<ParamsForm>) => onChange({ ...form, ...patch });
  const numberInput = (
    field: "temperature" | "topP" | "maxTokens" | "seed",
    label: string,
    attrs: { min: number; max?: number; step: number | "any" },
    hint?: string,
  ) => (
    <Field id={`${id}-${field}`} label={label} hint={hint} error={errors[field]}>
      {(describedBy) => (
        <input
          id={`${id}-${field}`}
          className="input mt-1"
          type="number"
          inputMode="decimal"
          placeholder="default"
          {...attrs}
          value={form[field]}
          onChange={(e) => set({ [field]: e.target.value })}
          aria-invalid={!!errors[field]}
          aria-describedby={describedBy}
        />
      )}
    </Field>
  );
  return (
    <details className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" open>
      <summary className="cursor-pointer text-sm font-medium">Parameters</summary>
      <div className="mt-3 grid grid-cols-2 gap-3">
        {numberInput("temperature", "Temperature", { min: 0, max: 2, step: 0.1 })}
        {numberInput("topP", "Top P", { min: 0, max: 1, step: 0.05 })}
        {numberInput(
          "maxTokens",
          "Max tokens",
          { min: 1, max: caps.maxTokensLimit, step: 1 },
          caps.maxTokensLimit ? `Up to ${caps.maxTokensLimit.toLocaleString("en")} (the model's context).` : undefined,
        )}
        {numberInput("seed", "Seed", { min: 0, step: 1 })}
        <div className="col-span-2">
          <Field id={`${id}-stop`} label="Stop sequences (one per line, up to 4)" error={errors.stop}>
            {(describedBy) => (
              <textarea
                id={`${id}-stop`}
                className="input mt-1 font-mono"
                rows={2}
                value={form.stop}
                onChange={(e) => set({ stop: e.target.value })}
                aria-invalid={!!errors.stop}
                aria-describedby={describedBy}
              />
            )}
          </Field>
        </div>
        {caps.reasoningEffort ? (
          <div className="col-span-2">
            <Field id={`${id}-effort`} label="Reasoning effort">
              {() => (
                <select
                  id={`${id}-effort`}
                  className="input mt-1"
                  value={form.reasoningEffort}
                  onChange={(e) => set({ reasoningEffort: e.target.value as ParamsForm["reasoningEffort"] })}
                >
                  <option value="">default</option>
                  {REASONING_EFFORTS.map((effort) => (
                    <option key={effort} value={effort}>
                      {effort}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        ) : null}
        <div className="col-span-2">
          {caps.structuredOutput ? (
            <label className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={form.jsonOutput}
                onChange={(e) => set({ jsonOutput: e.target.checked })}
              />
              JSON output (response_format: json_object)
            </label>
          ) : (
            <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="json-unavailable">
              JSON output is offered only where the serving provider supports structured output
              {structuredProviders.length > 0 ? ` (pick one of: ${structuredProviders.join(", ")})` : ""}.
            </p>
          )}
        </div>
      </div>
    </details>
  );
}
