"use client";
import { PendingChange } from "@/components/models/pending-change";
import { ConfigCheck } from "@/components/ui/config-check";
import { GatewayLine } from "@/components/ui/gateway-line";
import { useConfigState } from "@/lib/client/config";
import { BackupsPanel } from "./backups-panel";
import { FileView } from "./file-view";

/** The Config page: the file as it is, the pending change's diff, download and backups. */
export function ConfigWorkspace() {
  const { data: state, error, isLoading } = useConfigState();
  if (error)
    return <p className="alert-error">openclaw.json could not be read. Check that the state folder is readable.</p>;
  if (!state)
    return (
      <div className="card h-64 animate-pulse" role="status" aria-busy={isLoading} aria-label="Loading openclaw.json" />
    );
  const { problem } = state;
  return (
    <div className="space-y-6">
      <GatewayLine />
      <ConfigCheck />
      <PendingChange showConfigLink={false} />
      <section className="card space-y-3" aria-labelledby="file-title">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div>
            <h2 id="file-title" className="text-lg font-semibold">
              openclaw.json
            </h2>
            <p className="muted break-all text-xs">
              <code>{state.path}</code> · revision <code data-testid="config-revision">{state.revision}</code>
            </p>
          </div>
          {state.exists ? (
            <a className="btn" href="/api/config/download" download="openclaw.json">
              Download
            </a>
          ) : null}
        </div>
        {problem ? (
          <div className="alert-error" role="alert" data-testid="parse-problem">
            <p className="font-medium">
              This file does not parse{problem.line ? ` at line ${problem.line}, column ${problem.column}` : ""}:{" "}
              {problem.message}
            </p>
            <p>
              OpenClaw cannot read it either. Fix it in an editor (or restore a backup); the dashboard will not
              overwrite it.
            </p>
          </div>
        ) : null}
        {state.exists ? (
          <>
            <p className="muted text-xs">
              Read-only view. Secrets (API keys, tokens) are masked here and in the download.
            </p>
            <FileView text={state.text} problemLine={problem?.line} label="Contents of openclaw.json" />
          </>
        ) : (
          <p className="muted">
            There is no openclaw.json yet. It is created, the way OpenClaw writes it, when you first save a model.
          </p>
        )}
      </section>
      <BackupsPanel state={state} />
    </div>
  );
}
