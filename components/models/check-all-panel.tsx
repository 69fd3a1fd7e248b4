"use client";
import Link from "next/link";
import { useMemo } from "react";
import { formatUsd } from "@/lib/chat/cost";
import { useCatalog, useCatalogIndex } from "@/lib/client/catalog";
import { useConfigState } from "@/lib/client/config";
import { errorMessage } from "@/lib/client/fetcher";
import { useLastModelsCheck, useModelsCheck } from "@/lib/client/models-check";
import { checkAdvice, type CheckResult } from "@/lib/models-check/kinds";
import { configuredRefs } from "@/lib/models-check/refs";
import { parseRef } from "@/lib/openclaw-config/model-ref";
import { RefLabel } from "./ref-label";

/** A check's prompt with the chat template around it, as providers count it: a generous guess. */
const PROMPT_TOKENS = 20;

/**
 * "Check all": one 1-token completion per configured ref, on request only. The results stay until
 * the next check or until openclaw.json changes (another revision).
 */
export function CheckAllPanel() {
  const config = useConfigState();
  const catalog = useCatalog();
  const index = useCatalogIndex(catalog.data?.models);
  const check = useModelsCheck();
  const last = useLastModelsCheck();
  const state = config.data;
  const refs = useMemo(() => (state && !state.problem ? configuredRefs(state.data) : []), [state]);
  // The most it can cost: each ref at its dearest live provider's prices.
  const maxCost = useMemo(() => {
    let usd = 0;
    for (const ref of refs) {
      const offers = index.get(parseRef(ref).modelId)?.providers.filter((p) => p.status === "live") ?? [];
      usd += Math.max(0, ...offers.map((p) => (PROMPT_TOKENS * (p.inputPrice ?? 0) + (p.outputPrice ?? 0)) / 1e6));
    }
    return usd;
  }, [refs, index]);
  const current = last.data && state && last.data.revision === state.revision ? last.data : undefined;
  const aliases = state?.settings.aliases ?? {};

  return (
    <section className="card space-y-3" aria-labelledby="check-all-title" data-testid="check-all">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h2 id="check-all-title" className="text-lg font-semibold">
            Is every configured model working?
          </h2>
          <p className="muted text-sm" data-testid="check-all-cost">
            {refs.length === 0
              ? "No Hugging Face model is configured yet."
              : `Sends one request of ${PROMPT_TOKENS} tokens or fewer with a 1-token answer to each of your ${refs.length} configured model${refs.length === 1 ? "" : "s"} (primary, fallbacks, allowlist), 4 at a time: at most ${maxCost > 0 ? formatUsd(maxCost) : "a few millionths of a dollar"} of credit in all at the listed prices.`}
          </p>
        </div>
        <button
          type="button"
          className="btn-primary"
          disabled={check.isMutating || refs.length === 0 || !state}
          onClick={() => state && void check.trigger({ revision: state.revision })}
        >
          {check.isMutating ? "Checking…" : refs.length === 1 ? "Check 1 model" : `Check all ${refs.length} models`}
        </button>
      </div>
      <div aria-live="polite" className="space-y-2">
        {check.error && !check.isMutating ? (
          <p className="alert-error" role="alert">
            {errorMessage(check.error, "The dashboard server did not answer. Nothing was checked.")}
          </p>
        ) : null}
        {check.isMutating ? (
          <p className="muted text-sm" role="status">
            Checking {refs.length} model{refs.length === 1 ? "" : "s"}…
          </p>
        ) : null}
        {current && !check.isMutating ? (
          <ul className="space-y-2" aria-label="Check results" data-testid="check-results">
            {current.results.map((result) => (
              <CheckRow key={result.ref} result={result} alias={aliases[result.ref]} />
            ))}
          </ul>
        ) : null}
      </div>
    </section>
  );
}

function CheckRow({ result, alias }: { result: CheckResult; alias?: string }) {
  const advice = checkAdvice(result);
  const external = advice.href && !advice.href.startsWith("/");
  return (
    <li
      className={`rounded-lg border px-3 py-2 text-sm ${result.ok ? "border-emerald-300 dark:border-emerald-800" : "border-red-300 dark:border-red-800"}`}
      data-testid="check-result"
      data-kind={result.kind}
      data-ref={result.ref}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <RefLabel refText={result.ref} alias={alias} compact />
        <span
          className={`font-medium ${result.ok ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}`}
          data-testid="check-verdict"
        >
          {result.ok ? "✓ " : "✗ "}
          {advice.title}
          {!result.ok && result.status ? ` (HTTP ${result.status})` : ""}
        </span>
      </div>
      {!result.ok ? (
        <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
          {advice.action ? (
            advice.href ? (
              external ? (
                <a className="link" href={advice.href} target="_blank" rel="noreferrer noopener">
                  {advice.action}
                </a>
              ) : (
                <Link className="link" href={advice.href}>
                  {advice.action}
                </Link>
              )
            ) : (
              <span>{advice.action}.</span>
            )
          ) : null}
          <Link className="link" href={advice.modelsHref}>
            See {parseRef(result.ref).modelId} on the Models page
          </Link>
        </p>
      ) : null}
    </li>
  );
}
