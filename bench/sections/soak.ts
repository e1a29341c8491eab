import { join } from 'node:path';
import { type AppServer, serverMemory, withAppServer } from '../lib/app-server';
import { driveOpenLoop, errorSamples, type OpenLoopTrace } from '../lib/open-loop';
import { mib, percentile } from '../lib/stats';
import { dealLanes, lanesFor } from '../workload/deal-lanes';

/**
 * Soak: the live-latency load (deal-command lanes, open loop, an SSE reader on
 * /live/projections) held at a steady rate well below the server's capacity for minutes, on a
 * fresh application server and store. Every window the server reports its memory over its IPC
 * channel; latency, sends and failures are counted per window by each command's scheduled time.
 */

export interface SoakJob {
  readonly workDir: string;
  readonly ratePerSecond: number;
  readonly seconds: number;
  readonly windowSeconds: number;
}

export interface MemorySample {
  /** When it was asked for and when it came, in seconds since the first command was due. */
  readonly dueSeconds: number;
  readonly atSeconds: number;
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
}

export interface SoakWindow {
  readonly fromSeconds: number;
  readonly toSeconds: number;
  readonly sent: number;
  readonly answered: number;
  readonly errors: number;
  /** Answered commands whose change reached the SSE reader. */
  readonly received: number;
  /** Scheduled send → the SSE reader has the change. */
  readonly liveMs: { p50: number; p99: number };
  /** The server's memory as the window closed. */
  readonly memory?: MemorySample;
}

export interface SoakFigures {
  readonly ratePerSecond: number;
  readonly seconds: number;
  readonly windowSeconds: number;
  readonly lanes: number;
  readonly commandsPerDeal: number;
  /** Deals opened per minute (the first of each lane's commands). */
  readonly dealsPerMinute: number;
  readonly achievedPerSecond: number;
  /** The server's memory as the first command was due. */
  readonly start?: MemorySample;
  readonly samples: readonly MemorySample[];
  readonly windows: readonly SoakWindow[];
  readonly errorSamples: readonly string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks for the server's memory at t0, t0 + window, … up to t0 + seconds. */
async function sampleMemory(server: AppServer, t0: number, job: SoakJob, out: MemorySample[]): Promise<void> {
  const count = Math.ceil(job.seconds / job.windowSeconds);
  for (let k = 0; k <= count; k++) {
    const dueSeconds = Math.min(k * job.windowSeconds, job.seconds);
    await sleep(t0 + dueSeconds * 1000 - performance.now());
    const m = await serverMemory(server.child).catch((error: Error) => void process.stderr.write(`  soak: ${error.message}\n`));
    if (m) out.push({ dueSeconds, atSeconds: (performance.now() - t0) / 1000, rssMiB: mib(m.rss), heapUsedMiB: mib(m.heapUsed) });
  }
}

function windowsOf(trace: OpenLoopTrace, job: SoakJob, samples: readonly MemorySample[]): SoakWindow[] {
  const count = Math.ceil(job.seconds / job.windowSeconds);
  const buckets = Array.from({ length: count }, () => ({ sent: 0, answered: 0, live: [] as number[] }));
  trace.scheduled.forEach((at, i) => {
    // By index, not by timestamp: command i is due at i / rate seconds exactly.
    const bucket = buckets[Math.min(count - 1, Math.floor(i / (job.ratePerSecond * job.windowSeconds)))];
    bucket.sent++;
    const key = trace.keys[i];
    if (key === undefined) return;
    bucket.answered++;
    const arrived = trace.arrivals.get(key);
    if (arrived !== undefined) bucket.live.push(arrived - at);
  });
  return buckets.map((b, k) => {
    const toSeconds = Math.min((k + 1) * job.windowSeconds, job.seconds);
    return {
      fromSeconds: k * job.windowSeconds, toSeconds, sent: b.sent, answered: b.answered, errors: b.sent - b.answered, received: b.live.length,
      liveMs: { p50: percentile(b.live, 50), p99: percentile(b.live, 99) },
      memory: samples.find((s) => s.dueSeconds === toSeconds),
    };
  });
}

export async function runSoak(job: SoakJob): Promise<SoakFigures> {
  const lanes = lanesFor(job.ratePerSecond);
  const total = Math.round(job.seconds * job.ratePerSecond);
  return withAppServer(join(job.workDir, `soak-app-${process.pid}`), { exposeGc: true }, async (server) => {
    const target = dealLanes(server.port, lanes);
    const samples: MemorySample[] = [];
    let sampling: Promise<void> = Promise.resolve();
    const trace = await driveOpenLoop(target, server.port, {
      ratePerSecond: job.ratePerSecond, total, awaitArrivalsFrom: 0,
      onStart: (t0) => (sampling = sampleMemory(server, t0, job, samples)),
    });
    await sampling;
    const windows = windowsOf(trace, job, samples);
    for (const w of windows) {
      process.stderr.write(`  soak ${w.toSeconds} s: RSS ${w.memory?.rssMiB.toFixed(0) ?? '?'} MiB, p50 ${w.liveMs.p50.toFixed(2)} ms, p99 ${w.liveMs.p99.toFixed(2)} ms, ${w.errors} errors\n`);
    }
    const sentSeconds = (trace.lastSent - trace.t0) / 1000;
    return {
      ratePerSecond: job.ratePerSecond, seconds: job.seconds, windowSeconds: job.windowSeconds, lanes,
      commandsPerDeal: target.steps, dealsPerMinute: (job.ratePerSecond / target.steps) * 60,
      achievedPerSecond: sentSeconds > 0 ? (total - 1) / sentSeconds : NaN,
      start: samples.find((s) => s.dueSeconds === 0), samples, windows, errorSamples: errorSamples(trace.errors),
    };
  });
}
