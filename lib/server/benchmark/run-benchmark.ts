import "server-only";
import pLimit from "p-limit";
import { estimateCost } from "@/lib/chat/cost";
import { failureMessage } from "@/lib/chat/errors";
import { mean, percentile } from "@/lib/benchmark/stats";
import {
  BENCHMARK_LIMITS,
  DEFAULT_BENCHMARK_MAX_TOKENS,
  DEFAULT_BENCHMARK_PROMPT,
  type BenchmarkEvent,
  type BenchmarkProgress,
  type ProviderSummary,
} from "@/lib/benchmark/wire";
import type { ProviderOffer } from "@/lib/catalog/types";
import { AppError } from "@/lib/errors";
import { getCatalog } from "../catalog/catalog";
import { chatTimeoutMs, loadChatContext } from "../chat/start-chat";
import { timedCompletion, type TimedResult } from "../probe/timed-completion";
import { routerUrl } from "../settings";
import { appendHistory } from "./history";

// POST /api/models/benchmark: the same prompt `runs` times on each live provider of a model (the
// `:<provider>` suffix), providers measured side by side (at most BENCHMARK_LIMITS.concurrency at
// once), the runs of one provider one after the other so they do not compete with each other.
// Each run's figures are taken at the upstream socket (probe/timed-completion.ts). Aborting (Stop,
// the browser gone) destroys every upstream socket at once; a stopped benchmark is not kept.
export interface BenchmarkInput {
  model: string;
  providers?: string[];
  runs: number;
  prompt?: string;
  maxTokens?: number;
}

interface Plan {
  model: string;
  offers: ProviderOffer[];
  runs: number;
  prompt: string;
  maxTokens: number;
  customPrompt: boolean;
  url: string;
  token: string;
}

/** Checks the request against the token and the catalog; throws the 4xx a bad one deserves. */
export async function planBenchmark(input: BenchmarkInput): Promise<Plan> {
  const [context, catalog] = await Promise.all([loadChatContext(), getCatalog()]);
  if (!context.token) throw new AppError("no_token", "Add a Hugging Face token on the Token page before benchmarking.");
  const model = catalog.models.find((m) => m.id === input.model);
  if (!model) throw new AppError("not_found", `${input.model} is not in the model catalog.`);
  const live = model.providers.filter((p) => p.status === "live");
  if (live.length === 0)
    throw new AppError(
      "invalid_body",
      catalog.source === "live"
        ? `No provider serves ${input.model} right now.`
        : "The router's model list could not be loaded, so the live providers are unknown. Refresh the catalog first.",
    );
  let offers = live;
  if (input.providers) {
    const wanted = new Set(input.providers);
    offers = live.filter((p) => wanted.has(p.provider));
    const unknown = input.providers.filter((name) => !live.some((p) => p.provider === name));
    if (unknown.length > 0)
      throw new AppError("invalid_body", `Not a live provider of ${input.model}: ${unknown.join(", ")}.`, {
        fields: [{ path: "providers", message: `Live providers: ${live.map((p) => p.provider).join(", ")}.` }],
      });
  }
  return {
    model: model.id,
    offers,
    runs: input.runs,
    prompt: input.prompt ?? DEFAULT_BENCHMARK_PROMPT,
    customPrompt: input.prompt !== undefined,
    maxTokens: input.maxTokens ?? DEFAULT_BENCHMARK_MAX_TOKENS,
    url: `${routerUrl(context.settings.baseUrl)}/chat/completions`,
    token: context.token.token,
  };
}

const round = (value: number | null, digits = 1) =>
  value === null || !Number.isFinite(value) ? null : Math.round(value * 10 ** digits) / 10 ** digits;

export function summarize(offer: ProviderOffer, results: readonly TimedResult[]): ProviderSummary {
  const ok = results.filter((r) => r.ok);
  const ttfts = ok.flatMap((r) => (r.ttftMs === null ? [] : [r.ttftMs]));
  const speeds = ok.flatMap((r) => (r.tokensPerSecond === null ? [] : [r.tokensPerSecond]));
  const costs = ok.flatMap((r) => {
    const cost = r.usage ? estimateCost(r.usage, offer) : null;
    return cost ? [cost.usd] : [];
  });
  return {
    provider: offer.provider,
    runs: results.length,
    errors: results.length - ok.length,
    ttftMsP50: round(percentile(ttfts, 50)),
    ttftMsP95: round(percentile(ttfts, 95)),
    tokensPerSecondP50: round(percentile(speeds, 50)),
    costUsdPerRun: costs.length === ok.length && costs.length > 0 ? Number(mean(costs)!.toPrecision(6)) : null,
    advertised: {
      throughput: offer.throughput ?? null,
      firstTokenLatencyMs: offer.firstTokenLatencyMs ?? null,
      inputPrice: offer.inputPrice ?? null,
      outputPrice: offer.outputPrice ?? null,
    },
  };
}

function progressOf(provider: string, run: number, result: TimedResult): BenchmarkProgress {
  const event: BenchmarkProgress = {
    type: "progress",
    provider,
    run,
    ok: result.ok,
    ttftMs: round(result.ttftMs, 2),
    tokensPerSecond: round(result.tokensPerSecond),
  };
  if (!result.ok) {
    const kind = result.failure ?? "bad_response";
    event.error = { kind, message: failureMessage(kind, result.status ?? undefined) };
  }
  return event;
}

/** Runs the plan, handing each event to `emit` as it happens; resolves false when aborted. */
export async function runBenchmark(
  plan: Plan,
  signal: AbortSignal,
  emit: (event: BenchmarkEvent) => void,
): Promise<boolean> {
  const limit = pLimit(BENCHMARK_LIMITS.concurrency);
  const perProvider = await Promise.all(
    plan.offers.map((offer) =>
      limit(async () => {
        const results: TimedResult[] = [];
        for (let run = 1; run <= plan.runs && !signal.aborted; run++) {
          const result = await timedCompletion({
            url: plan.url,
            token: plan.token,
            routerModel: `${plan.model}:${offer.provider}`,
            prompt: plan.prompt,
            maxTokens: plan.maxTokens,
            signal,
            silenceMs: chatTimeoutMs(),
          });
          if (result.aborted) break;
          results.push(result);
          emit(progressOf(offer.provider, run, result));
        }
        return results;
      }),
    ),
  );
  if (signal.aborted) return false;
  const providers = plan.offers.map((offer, i) => summarize(offer, perProvider[i]));
  emit({ type: "summary", providers });
  await appendHistory({
    model: plan.model,
    runs: plan.runs,
    maxTokens: plan.maxTokens,
    customPrompt: plan.customPrompt,
    providers,
  }).catch(() => {
    // A full disk must not spoil the answer the user is looking at: the run is just not kept.
    console.error("[dashboard] the benchmark history could not be written");
  });
  return true;
}

const encoder = new TextEncoder();

/** The NDJSON body: events as they happen; cancelling it (the browser left, Stop) aborts every run. */
export function benchmarkStream(plan: Plan, requestSignal: AbortSignal): ReadableStream<Uint8Array> {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  requestSignal.addEventListener("abort", onAbort, { once: true });
  if (requestSignal.aborted) controller.abort();
  let started = false;
  return new ReadableStream<Uint8Array>({
    // The runs start on the first read, once the server is streaming the answer: work the framework
    // does before that (the first request after a start loads its streaming code) would otherwise
    // hold the event loop while the first runs' bytes arrive, and inflate their TTFT.
    pull(stream) {
      if (started) return;
      started = true;
      const emit = (event: BenchmarkEvent) => {
        if (!controller.signal.aborted) stream.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      };
      runBenchmark(plan, controller.signal, emit)
        .catch(() => controller.abort())
        .finally(() => {
          requestSignal.removeEventListener("abort", onAbort);
          try {
            stream.close();
          } catch {
            // already cancelled
          }
        });
    },
    cancel() {
      controller.abort();
    },
  });
}
