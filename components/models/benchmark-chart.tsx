"use client";
// Loaded on demand (next/dynamic from benchmark-panel.tsx): Chartist (≈ 12 kB gzipped, SVG) is only
// fetched once a benchmark has results, so the Models page's own JavaScript does not grow.
import { AutoScaleAxis, BarChart, LineChart } from "chartist";
import "chartist/dist/index.css";
import { useEffect, useRef } from "react";
import { formatUsd } from "@/lib/chat/cost";
import type { ProviderSummary } from "@/lib/benchmark/wire";

/** Price against measured speed (one point per provider, labelled), and TTFT p50 as bars. */
export default function BenchmarkChart({ providers }: { providers: ProviderSummary[] }) {
  const scatterRef = useRef<HTMLDivElement>(null);
  const barsRef = useRef<HTMLDivElement>(null);
  const points = providers.filter((p) => p.tokensPerSecondP50 !== null && p.costUsdPerRun !== null);
  const timed = providers.filter((p) => p.ttftMsP50 !== null).sort((a, b) => a.ttftMsP50! - b.ttftMsP50!);

  useEffect(() => {
    if (!scatterRef.current || !barsRef.current) return;
    const scatter = new LineChart(
      scatterRef.current,
      {
        series: [points.map((p) => ({ x: p.tokensPerSecondP50!, y: p.costUsdPerRun! * 1000, meta: p.provider }))],
      },
      {
        showLine: false,
        height: 240,
        chartPadding: { top: 20, right: 80, bottom: 10, left: 10 },
        axisX: { type: AutoScaleAxis, onlyInteger: true, labelInterpolationFnc: (v: number) => `${v}` },
        axisY: { offset: 64, labelInterpolationFnc: (v: number) => `$${Number(Number(v).toPrecision(3))}` },
      },
    );
    scatter.on("draw", (event) => {
      if (event.type !== "point") return;
      const { x, y } = event as unknown as { x: number; y: number };
      event.group.elem("text", { x: x + 8, y: y - 8, class: "benchmark-point-label" }).text(String(event.meta));
    });
    const bars = new BarChart(
      barsRef.current,
      { labels: timed.map((p) => p.provider), series: [timed.map((p) => p.ttftMsP50 ?? 0)] },
      { height: 240, horizontalBars: true, reverseData: true, axisY: { offset: 100 }, seriesBarDistance: 10 },
    );
    return () => {
      scatter.detach();
      bars.detach();
    };
  });

  const fastest = [...points].sort((a, b) => b.tokensPerSecondP50! - a.tokensPerSecondP50!)[0];
  const cheapest = [...points].sort((a, b) => a.costUsdPerRun! - b.costUsdPerRun!)[0];
  return (
    <div className="grid gap-4 md:grid-cols-2" data-testid="benchmark-chart">
      <figure className="min-w-0">
        <figcaption className="label">Cost per 1,000 runs against measured tokens/s (p50)</figcaption>
        <div
          ref={scatterRef}
          role="img"
          aria-label={
            points.length
              ? `One point per provider. Fastest: ${fastest.provider} at ${Math.round(fastest.tokensPerSecondP50!)} tokens/s; cheapest: ${cheapest.provider} at ${formatUsd(cheapest.costUsdPerRun!)} per run.`
              : "No provider has both a measured speed and prices."
          }
          data-testid="benchmark-scatter"
          className="benchmark-chart"
        />
        {points.length < providers.length ? (
          <p className="muted text-xs">Providers without prices or a measured speed are left out.</p>
        ) : null}
      </figure>
      <figure className="min-w-0">
        <figcaption className="label">Time to first token, p50 (ms)</figcaption>
        <div
          ref={barsRef}
          role="img"
          aria-label={`Time to first token at the median: ${timed.map((p) => `${p.provider} ${Math.round(p.ttftMsP50!)} ms`).join(", ")}.`}
          data-testid="benchmark-bars"
          className="benchmark-chart"
        />
      </figure>
    </div>
  );
}
