import type { CheckResult } from "@/lib/models-check/kinds";

const ms = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

/** The answer, field by field: nothing else of the upstream call leaves the server. */
export function checkResponse(results: CheckResult[]) {
  return {
    results: results.map((r) => ({
      ref: r.ref,
      ok: r.ok,
      kind: r.kind,
      provider: r.provider,
      status: r.status,
      ttftMs: ms(r.ttftMs),
      totalMs: ms(r.totalMs),
      message: r.message,
    })),
  };
}
