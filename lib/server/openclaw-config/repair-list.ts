import "server-only";
import type { CatalogResponse } from "@/lib/catalog/types";
import { AppError } from "@/lib/errors";
import type { ConfigRepairInfo, ValidationIssue } from "@/lib/openclaw-config/api-types";
import { maskSecrets } from "@/lib/openclaw-config/redact";
import { findRepairs, repairForIssue } from "@/lib/openclaw-config/repairs/find-repairs";
import type { Json, Repair, RepairContext } from "@/lib/openclaw-config/repairs/types";
import { checkTouchedConfig, type ConfigIssue } from "@/lib/openclaw-config/schema";
import { knownConfigKeys } from "../openclaw-cli/config-schema";
import type { Verdict } from "./verdict";

// The repairs the dashboard offers for the file as it is: each OpenClaw issue that one answers
// carries it as `fix`, and the full list goes out with the state (masked like everything else).

export function repairContext(verdict: Verdict, catalog: Pick<CatalogResponse, "source" | "models">): RepairContext {
  return {
    catalog: catalog.models,
    live: catalog.source === "live",
    issues: verdict.issues,
    knownKeysAt: knownConfigKeys(verdict.openclawVersion),
  };
}

function info(repair: Repair, hidden: string[]): ConfigRepairInfo {
  return {
    id: repair.id,
    kind: repair.kind,
    label: maskSecrets(repair.label, hidden),
    message: maskSecrets(repair.message, hidden),
    path: maskSecrets(repair.path, hidden),
    ...(repair.warnings ? { warnings: repair.warnings.map((w) => ({ ...w })) } : {}),
  };
}

/** The verdict with each answerable issue's fix, and every repair for the file. */
export function withRepairs(
  data: Json | null,
  verdict: Verdict,
  catalog: Pick<CatalogResponse, "source" | "models">,
  hidden: string[],
): { validation: Verdict; repairs: ConfigRepairInfo[] } {
  if (!data) return { validation: verdict, repairs: [] };
  const repairs = findRepairs(data, repairContext(verdict, catalog));
  const issues = verdict.issues.map((issue) => {
    const repair = repairForIssue(repairs, issue);
    return repair ? { ...issue, fix: { id: repair.id, label: maskSecrets(repair.label, hidden) } } : issue;
  });
  return { validation: { ...verdict, issues }, repairs: repairs.map((r) => info(r, hidden)) };
}

type Catalog = Pick<CatalogResponse, "source" | "models">;

/** `issues` (OpenClaw's or the schema's, about `data`), each with the repair that answers it. */
export function issuesWithFixes(
  data: Json,
  issues: ConfigIssue[],
  catalog: Catalog,
  hidden: string[],
): ValidationIssue[] {
  const verdict: Verdict = { by: "dashboard-schema", valid: issues.length === 0, issues };
  return withRepairs(data, verdict, catalog, hidden).validation.issues.map((i) => ({
    ...i,
    message: maskSecrets(i.message, hidden),
  }));
}

function same(a: ConfigIssue, b: ConfigIssue): boolean {
  return a.path === b.path && a.message === b.message;
}

/** The refusal for problems the file had before the change: said as such, with their repairs. */
export function alreadyInvalid(issues: ValidationIssue[]): AppError {
  const first = issues[0];
  const fix = issues.find((i) => i.fix)?.fix;
  return new AppError(
    "config_invalid",
    `Not saved: openclaw.json already has a problem OpenClaw refuses, unrelated to this change (${first.path ? `${first.path}: ` : ""}${first.message}), and OpenClaw refuses the whole file until it is fixed. ${fix ? `Repair it first: ${fix.label}.` : "Fix it first (the Config page shows it)."}`,
    { issues, preexisting: true },
  );
}

/**
 * When every problem a change runs into was in the file before (`before`), the error that says so
 * and offers the repairs; null when the change itself causes one (the usual refusal then).
 */
export function preexistingProblem(
  before: Json,
  issues: ConfigIssue[],
  catalog: Catalog,
  hidden: string[],
): AppError | null {
  const had = checkTouchedConfig(before);
  if (issues.length === 0 || !issues.every((i) => had.some((h) => same(h, i)))) return null;
  return alreadyInvalid(issuesWithFixes(before, issues, catalog, hidden));
}
