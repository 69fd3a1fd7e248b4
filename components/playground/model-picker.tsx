"use client";
import { useId, useMemo } from "react";
import type { CatalogModel } from "@/lib/catalog/types";
import { capabilitiesFor, liveOffers } from "@/lib/chat/capabilities";
import { resolveModelInput, withPolicy } from "@/lib/chat/model-input";
import type { PlaygroundSettings } from "@/lib/chat/playground-settings";
import { findModel } from "@/lib/client/catalog";
import { parsePolicy, policySuffix, type Policy } from "@/lib/openclaw-config/model-ref";

// A model is a configured ref, an alias, or any catalog model with a policy suffix. The text
// field is the single source of truth; the selects only rewrite it.
const MAX_SUGGESTIONS = 50;

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  settings: PlaygroundSettings;
  models: readonly CatalogModel[] | undefined;
}

function configuredOptions(settings: PlaygroundSettings): { ref: string; label: string }[] {
  const seen = new Set<string>();
  const out: { ref: string; label: string }[] = [];
  const add = (ref: string | null, role: string) => {
    if (!ref || seen.has(ref)) return;
    seen.add(ref);
    const alias = settings.aliases[ref];
    out.push({ ref, label: `${role}: ${alias ? `${alias} (${ref})` : ref}` });
  };
  add(settings.primary, "Primary");
  settings.fallbacks.forEach((ref, i) => add(ref, `Fallback ${i + 1}`));
  // Wildcard entries (huggingface/*) and alias names in modelPolicy.allow are not refs to pick.
  const allowedRefs = settings.allow.filter((entry) => !entry.endsWith("/*") && entry.includes("/"));
  for (const ref of [...Object.keys(settings.aliases), ...allowedRefs])
    add(ref, settings.aliases[ref] ? "Alias" : "Allowed");
  return out;
}

export function ModelPicker({ label, value, onChange, settings, models }: Props) {
  const id = useId();
  const resolved = resolveModelInput(value, settings.aliases);
  const model = findModel(models, resolved.modelId);
  const caps = capabilitiesFor(model, resolved.policy);
  const configured = useMemo(() => configuredOptions(settings), [settings]);
  const suggestions = useMemo(() => {
    const needle = value.trim().toLowerCase();
    const aliasNames = Object.values(settings.aliases);
    const ids = (models ?? []).map((m) => m.id).filter((mid) => needle === "" || mid.toLowerCase().includes(needle));
    return [...aliasNames, ...ids].slice(0, MAX_SUGGESTIONS);
  }, [value, models, settings.aliases]);
  const providers = model ? liveOffers(model).map((p) => p.provider) : [];
  const policyValue = policySuffix(resolved.policy) || "auto";
  if (resolved.policy.kind === "provider" && !providers.includes(resolved.policy.provider))
    providers.push(resolved.policy.provider);
  const setPolicy = (raw: string) =>
    onChange(withPolicy(value, settings.aliases, raw === "auto" ? { kind: "auto" } : parsePolicy(raw.slice(1))));
  const describe = `${id}-hint`;

  return (
    <fieldset className="space-y-2">
      <legend className="label">{label}</legend>
      {configured.length > 0 ? (
        <div>
          <label className="label text-xs" htmlFor={`${id}-configured`}>
            Configured models
          </label>
          <select
            id={`${id}-configured`}
            className="input mt-1"
            value={configured.some((c) => c.ref === value) ? value : ""}
            onChange={(e) => e.target.value && onChange(e.target.value)}
          >
            <option value="">Choose from openclaw.json…</option>
            {configured.map((c) => (
              <option key={c.ref} value={c.ref}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div>
        <label className="label text-xs" htmlFor={`${id}-model`}>
          Model (id, ref or alias)
        </label>
        <input
          id={`${id}-model`}
          className="input mt-1 font-mono"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          list={`${id}-list`}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={!resolved.valid}
          aria-describedby={describe}
        />
        <datalist id={`${id}-list`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </div>
      <div>
        <label className="label text-xs" htmlFor={`${id}-policy`}>
          Policy
        </label>
        <select
          id={`${id}-policy`}
          className="input mt-1"
          value={policyValue}
          onChange={(e) => setPolicy(e.target.value)}
          disabled={!resolved.valid}
        >
          <option value="auto">Auto (router default)</option>
          <option value=":fastest">Fastest</option>
          <option value=":cheapest">Cheapest</option>
          <option value=":preferred">Preferred (your order on Hugging Face)</option>
          {providers.map((p) => (
            <option key={p} value={`:${p}`}>
              Provider: {p}
            </option>
          ))}
        </select>
      </div>
      <ModelHint
        id={describe}
        valid={resolved.valid}
        aliased={resolved.alias}
        routerModel={resolved.routerModel}
        known={!!model}
        cataloged={models !== undefined}
        predicted={caps.predicted}
        policy={resolved.policy}
        pinnedUnavailable={caps.pinnedUnavailable}
      />
    </fieldset>
  );
}

function ModelHint(props: {
  id: string;
  valid: boolean;
  aliased?: string;
  routerModel: string;
  known: boolean;
  cataloged: boolean;
  predicted?: string;
  policy: Policy;
  pinnedUnavailable?: string;
}) {
  if (!props.valid)
    return (
      <p id={props.id} className="text-xs text-red-700 dark:text-red-400">
        Not a model id (org/model), ref or alias.
      </p>
    );
  return (
    <div id={props.id} className="space-y-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid="model-hint">
      <p>
        Sends <span className="font-mono">{props.routerModel}</span>
        {props.aliased ? <> (alias “{props.aliased}”)</> : null}
        {props.predicted && props.policy.kind !== "provider" ? (
          <>
            ; the router would pick <span className="font-medium">{props.predicted}</span> now
          </>
        ) : null}
        .
      </p>
      {props.pinnedUnavailable ? (
        <p className="text-amber-700 dark:text-amber-400">
          {props.pinnedUnavailable} does not serve this model live: the router will refuse it.
        </p>
      ) : null}
      {props.cataloged && !props.known ? (
        <p className="text-amber-700 dark:text-amber-400">Not in the catalog: only generic parameters are offered.</p>
      ) : null}
    </div>
  );
}
