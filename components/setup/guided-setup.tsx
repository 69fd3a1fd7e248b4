"use client";
import type { ConfigStateBody } from "@/lib/openclaw-config/api-types";
import type { TokenStatus } from "@/lib/token/token-status";
import { ConfirmStep } from "./confirm-step";
import { DoneStep } from "./done-step";
import { ModelStep } from "./model-step";
import { SETUP_STEPS, type SetupProgress, type SetupStep } from "./setup-progress";
import { TokenStep } from "./token-step";

const STEP_LABELS: Record<SetupStep, string> = {
  token: "Token",
  model: "Default model",
  confirm: "Confirm",
  done: "Try it",
};

interface Props {
  progress: SetupProgress;
  update: (patch: Partial<SetupProgress>) => void;
  token: TokenStatus;
  config: ConfigStateBody;
}

export function GuidedSetup({ progress, update, token, config }: Props) {
  const index = SETUP_STEPS.indexOf(progress.step);
  const go = (step: SetupStep) => update({ step, open: true });
  const skip = (step: SetupStep, next: SetupStep) =>
    update({ step: next, open: true, skipped: [...new Set([...progress.skipped, step])] });

  return (
    <section aria-labelledby="setup-title" className="card space-y-5" data-testid="guided-setup">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="setup-title" className="text-lg font-semibold">
            Guided setup
          </h2>
          <p className="muted">
            A token, a default model, and a check that it answers. Each step can be skipped and redone later.
          </p>
        </div>
        <button type="button" className="btn" onClick={() => update({ open: false, dismissed: true })}>
          Close setup
        </button>
      </div>
      <ol className="flex flex-wrap gap-2" aria-label="Setup steps">
        {SETUP_STEPS.map((step, i) => {
          const state =
            i === index ? "current" : progress.skipped.includes(step) ? "skipped" : i < index ? "done" : "todo";
          return (
            <li key={step}>
              <button
                type="button"
                onClick={() => go(step)}
                aria-current={i === index ? "step" : undefined}
                disabled={step === "done" && progress.step !== "done"}
                className={`badge gap-1 px-3 py-1 text-sm ${state === "current" ? "border-amber-500 bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-100" : "border-zinc-300 dark:border-zinc-700"}`}
              >
                <span aria-hidden>{state === "done" ? "✓" : state === "skipped" ? "–" : i + 1}</span>
                {STEP_LABELS[step]}
                {state === "skipped" ? <span className="sr-only"> (skipped)</span> : null}
              </button>
            </li>
          );
        })}
      </ol>
      <div>
        {progress.step === "token" ? (
          <TokenStep token={token} onNext={() => go("model")} onSkip={() => skip("token", "model")} />
        ) : null}
        {progress.step === "model" ? (
          <ModelStep
            config={config}
            choice={progress.choice}
            onChoose={(choice) => update({ choice })}
            onBack={() => go("token")}
            onNext={() => go("confirm")}
            onSkip={() => skip("model", "confirm")}
          />
        ) : null}
        {progress.step === "confirm" ? (
          <ConfirmStep
            config={config}
            choice={progress.choice}
            onBack={() => go("model")}
            onSaved={() => update({ step: "done", open: true })}
            onSkip={() =>
              update({ open: false, dismissed: true, skipped: [...new Set([...progress.skipped, "confirm" as const])] })
            }
          />
        ) : null}
        {progress.step === "done" ? (
          <DoneStep config={config} onClose={() => update({ open: false, dismissed: false, step: "done" })} />
        ) : null}
      </div>
    </section>
  );
}
