"use client";
import { useConfigCheckPolling, useConfigState } from "@/lib/client/config";
import type { ConfigRepairInfo, DoctorLint } from "@/lib/openclaw-config/api-types";
import { verdictHeadline, verdictMeaning } from "@/lib/openclaw-config/verdict-text";
import { RepairAction } from "./repair-action";
import { useRepairNotice } from "./repair-notice";

/**
 * OpenClaw's verdict on the whole file (GET /api/config's `validation`): who judged, each issue with
 * OpenClaw's path and message (and its repair), what it means for the agent now, the model findings
 * of `openclaw doctor --lint`, and the traps OpenClaw accepts that the dashboard can repair.
 * `besideWarnings`: repairs of a shown warning are offered there (WarningsPanel), not here.
 */
export function ConfigCheck({ besideWarnings = false }: { besideWarnings?: boolean }) {
  const { data } = useConfigState();
  useConfigCheckPolling();
  const notice = useRepairNotice();
  if (!data?.validation) return null;
  const v = data.validation;
  const attached = new Set(v.issues.flatMap((i) => (i.fix ? [i.fix.id] : [])));
  const traps = (data.repairs ?? []).filter((r) => !attached.has(r.id) && !(besideWarnings && r.warnings?.length));
  const meaning = verdictMeaning(v, data.gateway);
  const tone = v.checking ? "" : v.valid ? "alert-ok" : "alert-error";
  return (
    <section
      className="card space-y-3"
      aria-labelledby="config-check-title"
      data-testid="config-check"
      data-judge={v.by}
      data-valid={String(v.valid)}
      data-checking={String(!!v.checking)}
    >
      <h2 id="config-check-title" className="text-lg font-semibold">
        Config check
      </h2>
      <div className={`${tone} space-y-1 text-sm`} aria-live="polite" aria-busy={!!v.checking} data-testid="verdict">
        <p className="font-medium">{verdictHeadline(v)}</p>
        {meaning ? <p data-testid="verdict-meaning">{meaning}</p> : null}
      </div>
      {v.issues.length > 0 ? (
        <ul className="space-y-2 text-sm" aria-label="Problems in openclaw.json">
          {v.issues.map((issue, i) => (
            <li key={`${issue.path}-${i}`} data-testid="verdict-issue" className="space-y-1">
              <p>
                <code className="break-all">{issue.path || "(whole file)"}</code>: {issue.message}
              </p>
              {issue.fix ? <RepairAction fix={issue.fix} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {traps.length > 0 ? <Traps traps={traps} /> : null}
      {data.doctor ? <DoctorFindings lint={data.doctor} /> : null}
      <div aria-live="polite">{notice ? <p className="alert-ok text-sm">{notice}</p> : null}</div>
    </section>
  );
}

function Traps({ traps }: { traps: ConfigRepairInfo[] }) {
  return (
    <div className="space-y-2">
      <h3 className="font-medium">OpenClaw does not object to these, but they are not what you meant</h3>
      <ul className="space-y-2 text-sm">
        {traps.map((r) => (
          <li key={r.id} data-testid="config-trap" data-kind={r.kind} className="space-y-1">
            <p>
              <code className="break-all">{r.path}</code>: {r.message}
            </p>
            <RepairAction fix={{ id: r.id, label: r.label }} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function DoctorFindings({ lint }: { lint: DoctorLint }) {
  return (
    <div className="space-y-1 text-sm" data-testid="doctor-lint">
      <h3 className="font-medium">
        <code>openclaw doctor --lint</code> on model config
      </h3>
      {lint.checking ? (
        <p className="muted">Running (it takes a few seconds)…</p>
      ) : lint.failed ? (
        <p className="muted">It gave no answer this time.</p>
      ) : lint.findings.length === 0 ? (
        <p className="muted">No findings about model config.</p>
      ) : (
        <ul className="list-disc space-y-1 pl-5">
          {lint.findings.map((f, i) => (
            <li key={`${f.checkId}-${i}`} data-severity={f.severity}>
              <span className="font-medium">{f.severity}</span>: {f.message}
              {f.path ? (
                <>
                  {" "}
                  (<code className="break-all">{f.path}</code>)
                </>
              ) : null}
              {f.fixHint ? <span className="muted"> {f.fixHint}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
