"use client";
import { DiffView } from "@/components/ui/diff-view";
import { useConfigPreview, useSaveModelChange } from "@/lib/client/config";
import { errorMessage } from "@/lib/client/fetcher";
import { FileChangedError } from "@/lib/client/save-with-revision";
import { DEFAULT_MODEL_REF } from "@/lib/openclaw-config/model-ref";
import type { ConfigStateBody } from "@/lib/openclaw-config/api-types";
import { planSetupChange } from "@/lib/openclaw-config/setup-plan";
import { StepActions } from "./step-actions";

interface Props {
  config: ConfigStateBody;
  choice?: string;
  onBack: () => void;
  onSaved: () => void;
  onSkip: () => void;
}

export function ConfirmStep({ config, choice, onBack, onSaved, onSkip }: Props) {
  const primary = choice ?? config.settings.primary ?? DEFAULT_MODEL_REF;
  const plan = planSetupChange(config.settings, primary);
  const preview = useConfigPreview(config.problem ? null : plan.change, config.revision);
  const saving = useSaveModelChange();
  const error =
    saving.error && !saving.isMutating
      ? saving.error instanceof FileChangedError
        ? "openclaw.json changed meanwhile (OpenClaw, an editor or another tab). The change below is now computed against the current file: review it and save again."
        : errorMessage(saving.error, "The dashboard server did not answer. Try again.")
      : null;

  async function save() {
    if (await saving.trigger({ change: plan.change, revision: config.revision })) onSaved();
  }

  return (
    <div className="space-y-4">
      <h3 className="font-semibold">3. Confirm the change to openclaw.json</h3>
      {config.problem ? (
        <p className="alert-error">
          {config.path} does not parse
          {config.problem.line ? ` (line ${config.problem.line}, column ${config.problem.column})` : ""}:{" "}
          {config.problem.message}. Fix it by hand first; the dashboard never overwrites a file it cannot read.
        </p>
      ) : null}
      <p className="muted">
        Primary model <code>{primary}</code>
        {plan.alias.added ? <> with the alias “{plan.alias.name}”</> : <> (alias not added: {plan.alias.reason})</>}.
        Existing fallbacks, aliases and every other setting stay as they are. File: <code>{config.path}</code>
      </p>
      {preview.data ? (
        <DiffView
          diff={preview.data.diff}
          label="Change to openclaw.json"
          unchangedText="No change: openclaw.json already says this."
          testId="setup-diff"
        />
      ) : preview.error ? (
        <p className="alert-error">{errorMessage(preview.error, "The change could not be computed.")}</p>
      ) : (
        <p className="muted">Computing the change…</p>
      )}
      {preview.data?.issues.length ? <p className="alert-error">{preview.data.issues[0].message}</p> : null}
      <div role="alert" aria-live="assertive">
        {error ? <p className="alert-error">{error}</p> : null}
      </div>
      <StepActions onBack={onBack} onSkip={onSkip}>
        <button
          type="button"
          className="btn-primary"
          onClick={() => void save()}
          disabled={saving.isMutating || !preview.data || !!config.problem || !!preview.data.issues.length}
        >
          {saving.isMutating ? "Saving…" : "Save to openclaw.json"}
        </button>
      </StepActions>
    </div>
  );
}
