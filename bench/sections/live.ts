import { join } from 'node:path';
import { ReadModelWrites, readModelWrites, withAppServer } from '../lib/app-server';
import { startServer, stopServer } from '../lib/child';
import { post } from '../lib/http-client';
import { driveOpenLoop, errorSamples, Target } from '../lib/open-loop';
import { percentile } from '../lib/stats';
import { dealLanes, lanesFor } from '../workload/deal-lanes';
import { HttpCommandsRound, runHttpCommands } from './http-commands';

/**
 * Live latency: an open-loop generator posts commands at a fixed rate (each scheduled on a fixed
 * timeline; latency is measured from the scheduled time, so a stall is not hidden by sending
 * less) and an SSE client receives the resulting change. The application (command → store →
 * projection runner → /live/projections) against the limit: a bare Node server that echoes each
 * posted body to an SSE client. Servers run in their own processes, on loopback.
 */

export interface LatencyFigures {
  readonly target: string;
  readonly ratePerSecond: number;
  readonly seconds: number;
  readonly sent: number;
  readonly achievedPerSecond: number;
  readonly received: number;
  readonly errors: number;
  readonly errorSamples: readonly string[];
  /** Scheduled send → the SSE client has the change. */
  readonly liveMs: { p50: number; p90: number; p99: number; p999: number; max: number };
  /** Scheduled send → HTTP response. */
  readonly responseMs: { p50: number; p99: number };
  /** The measured part on the profiler's clock (the same on every process of the machine). */
  readonly window: { fromUs: number; toUs: number };
  /** The application only: how many commands/s it completes over HTTP with 64 clients in a closed loop. */
  capacity?: HttpCapacity;
  /** The application only: projections.db after the run (the live path's read-model writes) per event stored. */
  readModelWrites?: ReadModelWrites;
}

export interface HttpCapacity {
  readonly concurrency: number;
  /** The application's median over its rounds. */
  readonly perSecond: number;
  readonly failed: number;
  readonly errors: readonly string[];
  readonly rounds: readonly HttpCommandsRound[];
  /** The HTTP limit, in rounds alternating with the application's: a bare Node http server doing the SQL a command needs. */
  readonly limit: { readonly perSecond: number; readonly rounds: readonly HttpCommandsRound[] };
}

export interface LiveJob {
  readonly workDir: string;
  readonly ratePerSecond: number;
  readonly warmupSeconds: number;
  readonly seconds: number;
  readonly targets: readonly ('echo' | 'app')[];
  /** Further rates to run after `ratePerSecond` (the targets are judged at `ratePerSecond`). */
  readonly extraRates?: readonly number[];
  /** Profile the application server (written to this folder). */
  readonly appProfileDir?: string;
  /** Rounds of the capacity runs (the application and the HTTP limit in turn). */
  readonly capacityRounds?: number;
}

function echoTarget(port: number): Target {
  const pad = 'x'.repeat(200);
  return {
    ssePath: '/sse',
    sseHeaders: {},
    send: async (i) => {
      const res = await post(port, '/echo', {}, JSON.stringify({ seq: i, pad }));
      if (res.status >= 300) throw new Error(`echo ${res.status}`);
      return String(i);
    },
    keyOf: (data) => String((JSON.parse(data) as { seq: number }).seq),
  };
}

async function openLoop(target: Target, port: number, job: LiveJob, name: string): Promise<LatencyFigures> {
  const total = Math.round((job.warmupSeconds + job.seconds) * job.ratePerSecond);
  const firstMeasured = Math.round(job.warmupSeconds * job.ratePerSecond);
  const trace = await driveOpenLoop(target, port, { ratePerSecond: job.ratePerSecond, total, awaitArrivalsFrom: firstMeasured });
  const { scheduled, keys, responded, arrivals, interval, t0 } = trace;
  const live: number[] = [];
  const response: number[] = [];
  let sent = 0;
  let errorCount = 0;
  for (let i = firstMeasured; i < total; i++) {
    sent++;
    const key = keys[i];
    if (key === undefined) {
      errorCount++;
      continue;
    }
    response.push(responded[i] - scheduled[i]);
    const at = arrivals.get(key);
    if (at !== undefined) live.push(at - scheduled[i]);
  }
  const measuredSeconds = (trace.lastSent - (t0 + firstMeasured * interval)) / 1000;
  return {
    target: name, ratePerSecond: job.ratePerSecond, seconds: job.seconds, sent, achievedPerSecond: sent / measuredSeconds,
    received: live.length, errors: errorCount,
    errorSamples: errorSamples(trace.errors),
    liveMs: { p50: percentile(live, 50), p90: percentile(live, 90), p99: percentile(live, 99), p999: percentile(live, 99.9), max: Math.max(...live) },
    responseMs: { p50: percentile(response, 50), p99: percentile(response, 99) },
    window: { fromUs: trace.t0Us + Math.round(job.warmupSeconds * 1_000_000), toUs: trace.lastSentUs },
  };
}

export async function runLive(job: LiveJob): Promise<LatencyFigures[]> {
  const results: LatencyFigures[] = [];
  // The rate asked for first, then any lower rates (where the server is not saturated), each target at each rate.
  for (const rate of [job.ratePerSecond, ...(job.extraRates ?? [])]) {
    const run = { ...job, ratePerSecond: rate };
    for (const name of job.targets) {
      if (name === 'echo') {
        const { child, port } = await startServer(join(__dirname, '..', 'servers', 'echo-server.ts'), {});
        try {
          results.push(await openLoop(echoTarget(port), port, run, 'bare Node HTTP → SSE echo'));
        } finally {
          await stopServer(child);
        }
      } else {
        const profile = { cpuProfDir: rate === job.ratePerSecond ? job.appProfileDir : undefined };
        let writes: ReadModelWrites | undefined;
        const figures = await withAppServer(join(job.workDir, `live-app-${process.pid}`), profile, ({ port }) =>
          openLoop(dealLanes(port, lanesFor(rate)), port, run, 'deal engine: HTTP command → /live/projections'),
        async (dir) => void (writes = await readModelWrites(dir)));
        results.push({ ...figures, readModelWrites: writes });
      }
      const r = results[results.length - 1];
      const w = r.readModelWrites ? `; projections.db ${(r.readModelWrites.bytesPerEvent).toFixed(0)} B/event over ${r.readModelWrites.events} events` : '';
      process.stderr.write(`  live ${name} at ${rate}/s: p50 ${r.liveMs.p50.toFixed(2)} ms, p99 ${r.liveMs.p99.toFixed(2)} ms, ${r.errors} errors${w}\n`);
    }
  }
  const main = results.find((r) => r.target.startsWith('deal engine') && r.ratePerSecond === job.ratePerSecond);
  if (main && !job.appProfileDir) main.capacity = await capacity(job);
  return results;
}

/**
 * What a fresh server can take at all: 64 HTTP clients, each a deal's commands in order, as fast as
 * they are answered; beside it, in alternate rounds, the HTTP limit (bench/sections/http-commands.ts).
 */
async function capacity(job: LiveJob): Promise<HttpCapacity> {
  const [app, bare] = await runHttpCommands({
    workDir: job.workDir, rounds: job.capacityRounds ?? 1, concurrency: 64, warmupMs: 1000, measureMs: Math.min(5000, job.seconds * 1000), targets: ['app', 'bare'],
  });
  const failed = app.rounds.reduce((n, r) => n + r.failed, 0);
  process.stderr.write(`  live app capacity: ${app.perSecond.toFixed(0)} commands/s; HTTP limit ${bare.perSecond.toFixed(0)} commands/s\n`);
  return { concurrency: 64, perSecond: app.perSecond, failed, errors: app.rounds.flatMap((r) => r.errors), rounds: app.rounds, limit: { perSecond: bare.perSecond, rounds: bare.rounds } };
}
