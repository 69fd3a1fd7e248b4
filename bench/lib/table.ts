// One row per figure: what `npm run bench` prints and writes to bench/results.json.

export type Status = "pass" | "fail" | "info" | "n/a";

export interface Row {
  /** Stable key for results.json, e.g. "chat.ttft.overhead". */
  id: string;
  figure: string;
  unit: string;
  median: number | null;
  p95: number | null;
  /** The same-run baseline this figure is compared with, as text (e.g. "direct 20.4 ms, ×1.10"). */
  baseline?: string;
  budget: string;
  status: Status;
  /** Why a figure is n/a, or what it counted. */
  note?: string;
  samples?: number;
}

/** A figure that could not be measured (route missing, build broken…): reported, never a crash. */
export function notAvailable(id: string, figure: string, budget: string, reason: string): Row {
  return { id, figure, unit: "", median: null, p95: null, budget, status: "n/a", note: reason };
}

export function verdict(ok: boolean): Status {
  return ok ? "pass" : "fail";
}

function fmt(value: number | null, unit: string): string {
  if (value === null) return "–";
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ""}`;
}

function resultText(row: Row): string {
  const label = row.status === "pass" ? "PASS" : row.status === "fail" ? "FAIL" : row.status;
  return row.note ? `${label} (${row.note})` : label;
}

export function renderTable(rows: Row[]): string {
  const header = ["Figure", "Median", "p95", "Baseline (same run)", "Budget", "Result"];
  const body = rows.map((r) => [
    r.figure,
    fmt(r.median, r.unit),
    fmt(r.p95, r.unit),
    r.baseline ?? "–",
    r.budget,
    resultText(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  const rule = `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`;
  return [line(header), rule, ...body.map(line)].join("\n");
}
