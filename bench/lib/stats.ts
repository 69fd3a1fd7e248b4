// Order statistics for small samples; nearest-rank percentiles (lib/benchmark/stats) so a figure is always a real sample.
import { percentile } from "../../lib/benchmark/stats";

export { percentile };

export const median = (values: number[]): number | null => percentile(values, 50);
export const p95 = (values: number[]): number | null => percentile(values, 95);

export function summary(values: number[]): {
  n: number;
  median: number | null;
  p95: number | null;
  min: number | null;
  max: number | null;
} {
  return {
    n: values.length,
    median: median(values),
    p95: p95(values),
    min: values.length ? Math.min(...values) : null,
    max: values.length ? Math.max(...values) : null,
  };
}

export function round(value: number | null, digits = 2): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
