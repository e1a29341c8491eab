import { existsSync } from 'node:fs';
import { JwtService } from '@nestjs/jwt';
import { CommissionFactsDocument, ProjectionDatabase, quarterClose, ReadModel, statement } from '@deals/projections';
import { signAccessToken } from '@deals/access-tokens';
import { createApp, ProjectionHost } from '../../apps/deal-api/src/bootstrap';
import { profilerClockUs } from '../lib/profile';
import { mib, percentile } from '../lib/stats';
import { AsOfFigures, measureAsOf } from './as-of';
import { projectionsDbOf, runRebuild } from './rebuild';

/**
 * Memory with every projection loaded over the big store, the latency of one rep's quarterly
 * commission statement as known at the quarter's close, over HTTP and as the bare query, then the
 * reads as of a past moment (./as-of.ts). Runs in its own process (started with --expose-gc) so
 * the figures are the application's alone.
 */

export interface MemoryFigures {
  readonly events: number;
  readonly startSeconds: number;
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  readonly heapTotalMiB: number;
  readonly externalMiB: number;
  readonly peakRssMiB: number;
  readonly projections: readonly { name: string; documents: number; jsonMiB: number; largestKey: string; largestKiB: number }[];
  readonly statement: {
    readonly rep: string;
    readonly period: string;
    readonly asKnownAt: string;
    readonly lines: number;
    readonly httpMs: { p50: number; p95: number; max: number; samples: number };
    readonly queryMs: { p50: number; p95: number; max: number; samples: number };
  };
  readonly asOf: AsOfFigures;
}

const SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const summary = (ms: number[]) => ({ p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms), samples: ms.length });

export async function runMemory(job: {
  dir: string; eventsDb: string; events: number; rep: string; period: string; firstMs: number; lastMs: number; samples: number; replaySamples: number;
}): Promise<MemoryFigures> {
  if (!existsSync(projectionsDbOf(job.dir))) await runRebuild(job.eventsDb, projectionsDbOf(job.dir), { bareRounds: 0 });
  const t0 = performance.now();
  const app = await createApp({ host: '127.0.0.1', port: 0, dataDir: job.dir, demoData: false, authTokenSecret: SECRET, projectionsThread: process.env.PROJECTIONS_THREAD === 'worker' ? 'worker' : 'main' }, { logger: false });
  await app.init();
  const startSeconds = (performance.now() - t0) / 1000;
  const runner = app.get(ProjectionHost);
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 200));
  }
  const m = process.memoryUsage();
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;

  await app.listen(0, '127.0.0.1');
  const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const token = signAccessToken(app.get(JwtService), { id: 'fiona.finance', roles: ['finance'] });
  const asKnownAt = quarterClose(job.period);
  const get = async (query: string) => {
    const url = `${base}/commission/statements/${job.rep}?${query}`;
    const headers = { Authorization: `Bearer ${token}` };
    // A kept-alive socket the server closed while idle fails at once: that try is not timed, the next one is.
    await fetch(`${base}/health`).then((r) => r.arrayBuffer()).catch(() => undefined);
    const started = performance.now();
    const res = await fetch(url, { headers });
    const body = (await res.json()) as { result?: { lines?: unknown[] } };
    if (res.status !== 200) throw new Error(`statement: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    return { ms: performance.now() - started, lines: body.result?.lines?.length ?? 0 };
  };
  const knownAt = `period=${job.period}&asKnownAt=${encodeURIComponent(asKnownAt)}`;
  const first = await get(knownAt);
  await get(knownAt);
  const httpMs: number[] = [];
  for (let i = 0; i < job.samples; i++) httpMs.push((await get(knownAt)).ms);

  const model = runner.readModel<CommissionFactsDocument>('commission-facts') as ReadModel<CommissionFactsDocument>;
  const queryMs: number[] = [];
  for (let i = 0; i < job.samples; i++) {
    const started = performance.now();
    statement(model, { userId: job.rep, period: job.period, asKnownAt });
    queryMs.push(performance.now() - started);
  }
  const asOf = await measureAsOf(app, base, token, job);

  const projections = runner.names.map((name) => {
    const docs = runner.readModel<unknown>(name);
    let bytes = 0;
    let largest = { key: '', length: 0 };
    for (const [key, doc] of docs) {
      const length = JSON.stringify(doc).length;
      bytes += length;
      if (length > largest.length) largest = { key, length };
    }
    return { name, documents: docs.size, jsonMiB: mib(bytes), largestKey: largest.key, largestKiB: largest.length / 1024 };
  });
  await app.close();
  return {
    events: job.events, startSeconds,
    rssMiB: mib(m.rss), heapUsedMiB: mib(m.heapUsed), heapTotalMiB: mib(m.heapTotal), externalMiB: mib(m.external), peakRssMiB,
    projections,
    statement: {
      rep: job.rep, period: job.period, asKnownAt, lines: first.lines,
      httpMs: summary(httpMs), queryMs: summary(queryMs),
    },
    asOf,
  };
}

/** For a profile of the statement query alone: loads the commission read model, then runs the query for a few seconds. */
export async function runStatementLoop(job: { dir: string; rep: string; period: string; seconds: number }) {
  const db = new ProjectionDatabase(projectionsDbOf(job.dir));
  const model = db.documents<CommissionFactsDocument>('commission-facts');
  db.close();
  const asKnownAt = quarterClose(job.period);
  const fromUs = profilerClockUs();
  const end = performance.now() + job.seconds * 1000;
  let runs = 0;
  while (performance.now() < end) {
    statement(model, { userId: job.rep, period: job.period, asKnownAt });
    runs++;
  }
  return { runs, window: { fromUs, toUs: profilerClockUs() } };
}
