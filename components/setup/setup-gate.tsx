"use client";
import { useConfigState } from "@/lib/client/config";
import { useTokenStatus } from "@/lib/client/token";
import { GuidedSetup } from "./guided-setup";
import { useSetupProgress } from "./setup-progress";

/** On the Overview: the guided setup while a token or a primary model is missing, else a way back in. */
export function SetupGate() {
  const token = useTokenStatus();
  const config = useConfigState();
  const { progress, update } = useSetupProgress();
  if (!progress || !token.data || !config.data) return null;

  const missing = !token.data.configured || !config.data.settings.primary;
  const show = progress.open || (missing && !progress.dismissed && progress.step !== "done");
  if (!show) {
    return (
      <section aria-labelledby="setup-again-title" className="card flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="setup-again-title" className="text-lg font-semibold">
            Guided setup
          </h2>
          <p className="muted">
            {missing
              ? "Setup is not finished: a token or a default model is still missing."
              : "Token and default model are set. You can run the setup again at any time."}
          </p>
        </div>
        <button
          type="button"
          className={missing ? "btn-primary" : "btn"}
          onClick={() => update({ open: true, dismissed: false, step: "token", skipped: [] })}
        >
          {missing ? "Resume setup" : "Run setup again"}
        </button>
      </section>
    );
  }
  return <GuidedSetup progress={progress} update={update} token={token.data} config={config.data} />;
}
