import { INestApplication } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@deals/event-store';
import { commissionFactsProjection, dealSummaryProjection, pipelineByStage, quarterClose, readModelAsOf, statement } from '@deals/projections';
import { percentile } from '../lib/stats';

/**
 * Reads as of a past recorded time over HTTP (`?asOf=`: the query over the documents of that
 * moment, from kept versions and stream folds) against the reference, the store replayed up to
 * the moment into a throw-away read model (`readModelAsOf`, what `?asOf=` did before) and the
 * same query, measured in the same process on the same store; and `/health` while twenty as-of
 * reads run at once. Runs inside the memory section, on its application.
 */

export interface Timings {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly samples: number;
}

export interface AsOfRead {
  /** The recorded times asked about, in turn. */
  readonly moments: readonly string[];
  readonly httpMs: Timings;
  /** The reference, at `moments[0]`. */
  readonly replayMs: Timings;
  /** Over HTTP and by the replay, at `moments[0]`: the same result and position. */
  readonly sameAnswer: boolean;
}

export interface AsOfFigures {
  readonly statement: AsOfRead & { readonly rep: string; readonly period: string; readonly lines: number };
  readonly pipeline: AsOfRead;
  /** `/health` (one at a time) while `requests` `GET /pipeline?asOf=` run at once. */
  readonly concurrent: { readonly requests: number; readonly seconds: number; readonly requestMs: Timings; readonly healthMs: Timings };
}

const timings = (ms: readonly number[]): Timings => ({ p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms), samples: ms.length });
const canonical = (value: unknown) => JSON.stringify(value);

/**
 * Whether the API's answer holds every field of the replay with the same value. The statement
 * over HTTP is presented (deal and plan names, amounts also as decimal text): it adds to what the
 * query answers and must change nothing of it.
 */
export function holds(answer: unknown, replay: unknown): boolean {
  if (Array.isArray(replay)) return Array.isArray(answer) && answer.length === replay.length && replay.every((item, i) => holds(answer[i], item));
  if (replay !== null && typeof replay === 'object') {
    if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) return false;
    return Object.entries(replay).every(([key, value]) => value === undefined || holds((answer as Record<string, unknown>)[key], value));
  }
  return answer === replay;
}

/** The quarter closes inside the generated business time, oldest first. */
export function quarterCloses(firstMs: number, lastMs: number): string[] {
  const closes: string[] = [];
  for (let year = new Date(firstMs).getUTCFullYear(); year <= new Date(lastMs).getUTCFullYear(); year++) {
    for (let q = 1; q <= 4; q++) {
      const close = quarterClose(`${year}-Q${q}`);
      if (Date.parse(close) > firstMs && Date.parse(close) < lastMs) closes.push(close);
    }
  }
  return closes;
}

export async function measureAsOf(
  app: INestApplication,
  base: string,
  token: string,
  job: { rep: string; period: string; firstMs: number; lastMs: number; samples: number; replaySamples: number },
): Promise<AsOfFigures> {
  const store = app.get<EventStore>(EVENT_STORE);
  const headers = { Authorization: `Bearer ${token}` };
  const get = async (path: string) => {
    // A kept-alive socket the server closed while idle fails at once: that try is not timed, the next one is.
    await fetch(`${base}/health`).then((r) => r.arrayBuffer()).catch(() => undefined);
    const started = performance.now();
    const res = await fetch(`${base}${path}`, { headers });
    const body = (await res.json()) as { result?: unknown; position?: number };
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    return { ms: performance.now() - started, body };
  };
  const measure = async (paths: readonly string[], samples: number) => {
    await get(paths[0]);
    const ms: number[] = [];
    for (let i = 0; i < samples; i++) ms.push((await get(paths[i % paths.length])).ms);
    return timings(ms);
  };
  const replay = async <R>(run: () => Promise<R>) => {
    const ms: number[] = [];
    let last: R | undefined;
    for (let i = 0; i < job.replaySamples; i++) {
      const started = performance.now();
      last = await run();
      ms.push(performance.now() - started);
    }
    return { replayMs: timings(ms), last: last as R };
  };

  // The statement as recorded at the quarter's close: what `asKnownAt` answers from the live facts, asked the other way.
  const close = quarterClose(job.period);
  const statementPath = `/commission/statements/${job.rep}?period=${job.period}&asOf=${encodeURIComponent(close)}`;
  const statementHttp = await measure([statementPath], job.samples);
  const statementReplay = await replay(async () => {
    const replayed = await readModelAsOf(store, commissionFactsProjection, { recordedAt: close });
    return { result: statement(replayed.docs, { userId: job.rep, period: job.period }), position: replayed.position };
  });
  const statementAnswer = (await get(statementPath)).body;

  // The pipeline as recorded at every quarter close of the data, in turn; the reference at the sample quarter's.
  const moments = [close, ...quarterCloses(job.firstMs, job.lastMs).filter((m) => m !== close)];
  const pipelinePath = (moment: string) => `/pipeline?asOf=${encodeURIComponent(moment)}`;
  const pipelineHttp = await measure(moments.map(pipelinePath), job.samples);
  const pipelineReplay = await replay(async () => {
    const replayed = await readModelAsOf(store, dealSummaryProjection, { recordedAt: close });
    return { result: pipelineByStage(replayed.docs), position: replayed.position };
  });
  const pipelineAnswer = (await get(pipelinePath(close))).body;

  const concurrent = await healthUnderAsOfLoad(base, headers, moments.map(pipelinePath), 20);
  return {
    statement: {
      rep: job.rep, period: job.period, lines: statementReplay.last.result.lines.length,
      moments: [close], httpMs: statementHttp, replayMs: statementReplay.replayMs,
      sameAnswer: holds(statementAnswer.result, JSON.parse(canonical(statementReplay.last.result))) && statementAnswer.position === statementReplay.last.position,
    },
    pipeline: {
      moments, httpMs: pipelineHttp, replayMs: pipelineReplay.replayMs,
      sameAnswer: canonical(pipelineAnswer.result) === canonical(pipelineReplay.last.result) && pipelineAnswer.position === pipelineReplay.last.position,
    },
    concurrent,
  };
}

/** Starts `requests` as-of reads at once and asks `/health`, one request after the other, until they are all answered. */
async function healthUnderAsOfLoad(base: string, headers: Record<string, string>, paths: readonly string[], requests: number) {
  const started = performance.now();
  const requestMs: number[] = [];
  let answered = false;
  const reads = Promise.all(Array.from({ length: requests }, async (_, i) => {
    const t0 = performance.now();
    const res = await fetch(`${base}${paths[i % paths.length]}`, { headers });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`as-of read under load: ${res.status}`);
    requestMs.push(performance.now() - t0);
  })).finally(() => (answered = true));
  const healthMs: number[] = [];
  while (!answered) {
    const t0 = performance.now();
    const res = await fetch(`${base}/health`);
    await res.arrayBuffer();
    healthMs.push(performance.now() - t0);
  }
  await reads;
  return { requests, seconds: (performance.now() - started) / 1000, requestMs: timings(requestMs), healthMs: timings(healthMs) };
}
