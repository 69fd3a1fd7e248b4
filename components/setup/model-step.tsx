"use client";
import { useId, useMemo } from "react";
import type { CatalogModel } from "@/lib/catalog/types";
import { predictProvider } from "@/lib/catalog/routing";
import { useCatalog } from "@/lib/client/catalog";
import { buildRef, DEFAULT_MODEL_REF, parseRef } from "@/lib/openclaw-config/model-ref";
import type { ConfigStateBody } from "@/lib/openclaw-config/api-types";
import { StepActions } from "./step-actions";

// Each model offered plain, cheapest and fastest, as OpenClaw's own picker does.
const POLICIES = [
  { suffix: undefined, label: "" },
  { suffix: "cheapest", label: " (cheapest)" },
  { suffix: "fastest", label: " (fastest)" },
] as const;

interface Props {
  config: ConfigStateBody;
  choice?: string;
  onChoose: (ref: string) => void;
  onBack: () => void;
  onNext: () => void;
  onSkip: () => void;
}

export function ModelStep({ config, choice, onChoose, onBack, onNext, onSkip }: Props) {
  const catalog = useCatalog();
  const selectId = useId();
  const noteId = useId();
  const selected = choice ?? config.settings.primary ?? DEFAULT_MODEL_REF;
  const models = useMemo(() => {
    const list = [...(catalog.data?.models ?? [])];
    // DeepSeek R1 (OpenClaw's default) first, then by name.
    return list.sort(
      (a, b) =>
        Number(buildRef(b.id) === DEFAULT_MODEL_REF) - Number(buildRef(a.id) === DEFAULT_MODEL_REF) ||
        a.name.localeCompare(b.name),
    );
  }, [catalog.data]);
  const parsed = parseRef(selected);
  const model = models.find((m) => m.id === parsed.modelId);
  const inList = models.some((m) =>
    POLICIES.some((p) => buildRef(m.id, p.suffix ? { kind: p.suffix } : { kind: "auto" }) === selected),
  );

  return (
    <div className="space-y-4">
      <h3 className="font-semibold">2. Default model</h3>
      {catalog.data ? (
        <p className="muted" data-testid="setup-catalog-source">
          {catalog.data.source === "live"
            ? `From Hugging Face's live list (${catalog.data.models.length} models${catalog.data.partial ? "; without a token the public list may be partial" : ""}).`
            : `From OpenClaw's built-in catalog${catalog.data.error ? `: ${catalog.data.error.message}` : "."}`}
        </p>
      ) : (
        <p className="muted" role="status">
          Loading the model list…
        </p>
      )}
      <div className="space-y-1">
        <label htmlFor={selectId} className="label">
          Model your agent uses by default
        </label>
        <select
          id={selectId}
          className="input"
          value={selected}
          onChange={(event) => onChoose(event.target.value)}
          aria-describedby={noteId}
        >
          {!inList ? <option value={selected}>{selected} (current)</option> : null}
          {models.map((m) => (
            <ModelOptions key={m.id} model={m} />
          ))}
        </select>
      </div>
      <div id={noteId} aria-live="polite" data-testid="setup-policy-note">
        <PolicyNote model={model} ref_={selected} />
      </div>
      <StepActions onBack={onBack} onSkip={onSkip}>
        <button
          type="button"
          className="btn-primary"
          onClick={() => {
            onChoose(selected);
            onNext();
          }}
        >
          Continue
        </button>
      </StepActions>
    </div>
  );
}

function ModelOptions({ model }: { model: CatalogModel }) {
  return (
    <>
      {POLICIES.map((p) => {
        const ref = buildRef(model.id, p.suffix ? { kind: p.suffix } : { kind: "auto" });
        return (
          <option key={ref} value={ref}>
            {model.name}
            {p.label} — {model.org}
          </option>
        );
      })}
    </>
  );
}

function PolicyNote({ model, ref_ }: { model: CatalogModel | undefined; ref_: string }) {
  const { policy } = parseRef(ref_);
  if (policy.kind !== "cheapest" && policy.kind !== "fastest") {
    return <p className="muted">The router picks a provider for each request ({ref_}).</p>;
  }
  const pick = predictProvider(model, policy);
  return (
    <p className="alert-warn">
      With <strong>{policy.kind}</strong>, the router picks the provider for each request: the{" "}
      {policy.kind === "cheapest" ? "lowest output price" : "highest throughput"} among live providers.{" "}
      {pick ? (
        <>
          Right now that is <strong>{pick.provider}</strong>.
        </>
      ) : (
        "No live provider is listed for it right now."
      )}
    </p>
  );
}
