// What every figure gets: the fake, the tap in front of it, the running dashboard, and a place for
// raw details that go to results.json.
import type { FakeHf } from "../../e2e/fake-hf/server";
import type { AppProcess } from "./app-process";
import type { Row } from "./table";
import type { Tap } from "./tap";

export interface BenchContext {
  fake: FakeHf;
  tap: Tap;
  app: AppProcess;
  token: string;
  /** Environment the dashboard was started with (cold-start runs reuse it). */
  appEnv: Record<string, string>;
  log(line: string): void;
}

export interface FigureResult {
  rows: Row[];
  details: Record<string, unknown>;
}

/** GET/POST with a timeout; never throws, so a missing or broken route becomes a status. */
export async function probe(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    return { status: response.status, text, ms: performance.now() - started };
  } catch (err) {
    return { status: 0, text: err instanceof Error ? err.message : String(err), ms: performance.now() - started };
  }
}

/** A short reason for an n/a row from a probe that did not answer 200. */
export function whyMissing(status: number, text: string): string {
  if (status === 404) return "route missing";
  if (status === 0) return `no answer: ${text.slice(0, 80)}`;
  let code = "";
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? "";
  } catch {
    // not JSON
  }
  return `route answered ${status}${code ? ` ${code}` : ""}`;
}
