// Figure 1: what the dashboard's POST /api/chat adds to a stream, against the fake router called
// directly in the same run (interleaved, so drift hits both paths alike).
import { sampleRss, serverProcesses, serverRssMb } from "./lib/app-process";
import { probe, whyMissing, type BenchContext, type FigureResult } from "./lib/context";
import { passOnDelays } from "./lib/sse-timing";
import { median, p95, round, summary } from "./lib/stats";
import { streamRequest, timedGet, type StreamSample } from "./lib/stream-client";
import { notAvailable, verdict, type Row } from "./lib/table";

const MODEL = "meta-llama/Llama-3.3-70B-Instruct";
const EVENT_DELAY_MS = 20;
const WARMUP = 4;
const PAIRS = 30;
const CONCURRENT = 100;
const ROUNDS = 3;
const RSS_BUDGET_MB = 400;

type Path = "direct" | "proxy";
let counter = 0;

interface Timed {
  sample: StreamSample;
  delays: number[];
  /** From sending the request to the upstream call reaching the tap. */
  toUpstreamMs: number | null;
  /** From the first upstream answer event to its arrival at the client. */
  firstEventDelayMs: number | null;
  matches: boolean;
}

async function oneStream(ctx: BenchContext, path: Path): Promise<Timed> {
  const marker = `bench-${path === "direct" ? "d" : "p"}-${++counter}`;
  const messages = [{ role: "user", content: marker }];
  const sample =
    path === "direct"
      ? await streamRequest(
          `${ctx.tap.routerUrl}/chat/completions`,
          { model: MODEL, messages, stream: true, stream_options: { include_usage: true } },
          { authorization: `Bearer ${ctx.token}` },
        )
      : await streamRequest(
          `${ctx.app.url}/api/chat`,
          { model: `huggingface/${MODEL}`, messages },
          { "accept-encoding": "gzip, deflate, br" },
        );
  const upstream = ctx.tap.record(marker);
  const delays = upstream ? passOnDelays(upstream.events, sample.events) : [];
  const toUpstreamMs = upstream ? upstream.requestAt - sample.t0 : null;
  return {
    sample,
    delays,
    toUpstreamMs,
    firstEventDelayMs: delays.length > 0 ? delays[0] : null,
    matches: upstream !== undefined && upstream.text === sample.text && sample.text !== "",
  };
}

function describe(direct: number | null, proxy: number | null): string {
  if (direct === null || proxy === null) return "–";
  return `direct ${direct.toFixed(1)} → dashboard ${proxy.toFixed(1)} ms (×${(proxy / direct).toFixed(2)})`;
}

async function concurrentRound(ctx: BenchContext, path: Path): Promise<Timed[]> {
  return Promise.all(Array.from({ length: CONCURRENT }, () => oneStream(ctx, path)));
}

export async function benchChat(ctx: BenchContext): Promise<FigureResult> {
  const names = {
    ttft: "Chat: time to first token added (1 stream)",
    gap: "Chat: event pass-on delay (1 stream)",
    all: `Chat: ${CONCURRENT} concurrent streams complete`,
    rss: `Chat: server RSS during ${CONCURRENT} streams`,
  };
  const first = await probe(`${ctx.app.url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: `huggingface/${MODEL}`, messages: [{ role: "user", content: "bench-w-0" }] }),
  });
  if (first.status !== 200) {
    const why = whyMissing(first.status, first.text);
    return {
      rows: [
        notAvailable("chat.ttft", names.ttft, "≤ 5 ms at median", why),
        notAvailable("chat.event", names.gap, "≤ 5 ms per event (p95)", why),
        notAvailable("chat.concurrent", names.all, "all, no error", why),
        notAvailable("chat.rss", names.rss, `< ${RSS_BUDGET_MB} MB`, why),
      ],
      details: { probe: { status: first.status, body: first.text.slice(0, 300) } },
    };
  }

  ctx.fake.setScenario({ chatDelayMs: EVENT_DELAY_MS });
  for (let i = 0; i < WARMUP; i++) await Promise.all([oneStream(ctx, "direct"), oneStream(ctx, "proxy")]);

  const seq: Record<Path, Timed[]> = { direct: [], proxy: [] };
  const ttftDiffs: number[] = [];
  // The framework's own floor for context: one trivial route handler round trip.
  const floor: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    floor.push((await timedGet(`${ctx.app.url}/api/health`)).ms);
    const order: Path[] = i % 2 === 0 ? ["direct", "proxy"] : ["proxy", "direct"];
    const pair = {} as Record<Path, Timed>;
    for (const path of order) pair[path] = await oneStream(ctx, path);
    seq.direct.push(pair.direct);
    seq.proxy.push(pair.proxy);
    if (pair.direct.sample.ttftMs !== null && pair.proxy.sample.ttftMs !== null)
      ttftDiffs.push(pair.proxy.sample.ttftMs - pair.direct.sample.ttftMs);
  }
  const ttft = (list: Timed[]) => list.flatMap((t) => (t.sample.ttftMs === null ? [] : [t.sample.ttftMs]));
  const delays = (list: Timed[]) => list.flatMap((t) => t.delays);
  const pick = (list: Timed[], key: "toUpstreamMs" | "firstEventDelayMs") =>
    list.flatMap((t) => (t[key] === null ? [] : [t[key]]));
  const seqErrors = [...seq.direct, ...seq.proxy].filter((t) => !t.sample.ok || !t.matches).length;

  const idleRss = serverRssMb(ctx.app);
  const processes = serverProcesses(ctx.app);
  const conc: Record<Path, Timed[]> = { direct: [], proxy: [] };
  const rssSamples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order: Path[] = round % 2 === 0 ? ["direct", "proxy"] : ["proxy", "direct"];
    for (const path of order) {
      const sampler = path === "proxy" ? sampleRss(ctx.app) : undefined;
      conc[path].push(...(await concurrentRound(ctx, path)));
      if (sampler) rssSamples.push(...sampler.stop().samples);
    }
  }
  ctx.fake.setScenario({ chatDelayMs: 15 });
  const concFailures = conc.proxy.filter((t) => !t.sample.ok || !t.matches);
  const directFailures = conc.direct.filter((t) => !t.sample.ok || !t.matches).length;

  const peakRss = rssSamples.length > 0 ? Math.max(...rssSamples) : 0;
  const ttftMedianDiff = median(ttftDiffs);
  const proxyDelays = delays(seq.proxy);
  const rows: Row[] = [
    {
      id: "chat.ttft",
      figure: names.ttft,
      unit: "ms",
      median: round(ttftMedianDiff),
      p95: round(p95(ttftDiffs)),
      baseline: `${describe(median(ttft(seq.direct)), median(ttft(seq.proxy)))}; GET /api/health ${median(floor)?.toFixed(1) ?? "–"} ms`,
      budget: "≤ 5 ms at median",
      status: seqErrors > 0 ? "fail" : verdict(ttftMedianDiff !== null && ttftMedianDiff <= 5),
      samples: ttftDiffs.length,
      note: seqErrors > 0 ? `${seqErrors} streams failed or differed` : undefined,
    },
    {
      id: "chat.event",
      figure: names.gap,
      unit: "ms",
      median: round(median(proxyDelays)),
      p95: round(p95(proxyDelays)),
      baseline: `direct ${median(delays(seq.direct))?.toFixed(2) ?? "–"} ms`,
      budget: "≤ 5 ms per event (p95)",
      status: verdict(proxyDelays.length > 0 && (p95(proxyDelays) ?? Infinity) <= 5),
      samples: proxyDelays.length,
      note: proxyDelays.length > 0 ? `max ${Math.max(...proxyDelays).toFixed(1)} ms` : "no events matched",
    },
    {
      id: "chat.concurrent",
      figure: names.all,
      unit: "ms",
      median: round(median(ttft(conc.proxy))),
      p95: round(p95(ttft(conc.proxy))),
      baseline: `TTFT ${describe(median(ttft(conc.direct)), median(ttft(conc.proxy)))}`,
      budget: "all, no error",
      status: verdict(concFailures.length === 0 && conc.proxy.length === CONCURRENT * ROUNDS),
      note: `${conc.proxy.length - concFailures.length}/${conc.proxy.length} ok over ${ROUNDS} rounds; TTFT shown`,
      samples: conc.proxy.length,
    },
    {
      id: "chat.rss",
      figure: names.rss,
      unit: "MB",
      median: round(median(rssSamples), 0),
      p95: round(p95(rssSamples), 0),
      baseline: `idle ${idleRss.toFixed(0)} MB`,
      budget: `peak < ${RSS_BUDGET_MB} MB`,
      status: verdict(peakRss > 0 && peakRss < RSS_BUDGET_MB),
      note: `peak ${peakRss.toFixed(0)} MB, ${rssSamples.length} samples`,
    },
  ];
  const encodings = [...new Set(seq.proxy.map((t) => t.sample.encoding ?? "identity"))];
  const errors = concFailures
    .slice(0, 5)
    .map((t) => ({ status: t.sample.status, error: t.sample.error, matches: t.matches }));
  return {
    rows,
    details: {
      eventDelayMs: EVENT_DELAY_MS,
      dashboardEncodings: encodings,
      sequential: {
        ttftDirect: summary(ttft(seq.direct)),
        ttftProxy: summary(ttft(seq.proxy)),
        ttftAdded: summary(ttftDiffs),
        healthRoundTrip: summary(floor),
        eventDelayDirect: summary(delays(seq.direct)),
        eventDelayProxy: summary(proxyDelays),
        failures: seqErrors,
        // Where the added TTFT goes: before the upstream call, and passing the first event on.
        toUpstreamDirect: summary(pick(seq.direct, "toUpstreamMs")),
        toUpstreamProxy: summary(pick(seq.proxy, "toUpstreamMs")),
        firstEventDelayDirect: summary(pick(seq.direct, "firstEventDelayMs")),
        firstEventDelayProxy: summary(pick(seq.proxy, "firstEventDelayMs")),
      },
      concurrent: {
        streams: CONCURRENT,
        rounds: ROUNDS,
        ttftDirect: summary(ttft(conc.direct)),
        ttftProxy: summary(ttft(conc.proxy)),
        eventDelayDirect: summary(delays(conc.direct)),
        eventDelayProxy: summary(delays(conc.proxy)),
        proxyFailures: concFailures.length,
        directFailures,
        firstErrors: errors,
      },
      rssMb: { idle: round(idleRss, 1), peak: round(peakRss, 1), processes },
    },
  };
}
