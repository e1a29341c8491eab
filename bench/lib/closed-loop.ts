import { profilerClockUs, ProfileWindow } from './profile';
import { percentile } from './stats';

/** A closed-loop load: `concurrency` workers, each running one deal's commands in order, then the next deal. */

export interface ClosedLoopOptions {
  readonly concurrency: number;
  readonly warmupMs: number;
  readonly measureMs: number;
}

export interface ClosedLoopResult {
  readonly concurrency: number;
  readonly commands: number;
  readonly failed: number;
  readonly seconds: number;
  readonly perSecond: number;
  /** Workers still busy 15 s after the window closed (a hung command). */
  readonly hung: number;
  readonly errors: readonly string[];
  /** Latency of the commands sent and completed inside the window (send → answer), ms. */
  readonly latencyMs?: { readonly p50: number; readonly p99: number; readonly max: number };
  /** The measuring window on the profiler's clock, to profile only it. */
  readonly window: ProfileWindow;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Counts the commands completed inside the measuring window (after the warm-up). A failed
 * command abandons its deal (later commands of that deal would fail too); the worker goes on
 * with a new deal, so a store that fails under concurrency is measured by what it completes.
 */
export async function closedLoop(
  options: ClosedLoopOptions,
  /** Command `step` of deal number `deal`; the deal's shape and id are the runner's business. */
  runCommand: (deal: number, step: number) => Promise<void>,
  stepsOf: (deal: number) => number,
): Promise<ClosedLoopResult> {
  let nextDeal = 0;
  let measuring = false;
  let stopped = false;
  let commands = 0;
  let failed = 0;
  const errors = new Map<string, number>();
  const latencies: number[] = [];
  const worker = async () => {
    while (!stopped) {
      const deal = nextDeal++;
      const steps = stepsOf(deal);
      for (let step = 0; step < steps && !stopped; step++) {
        try {
          const sent = performance.now();
          // A command sent during the warm-up counts when it completes in the window, but its latency does not (it includes the server's start).
          const sentInWindow = measuring;
          await runCommand(deal, step);
          if (measuring) {
            commands++;
            if (sentInWindow) latencies.push(performance.now() - sent);
          }
        } catch (error) {
          if (measuring) failed++;
          const message = error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);
          const key = message.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').slice(0, 160);
          errors.set(key, (errors.get(key) ?? 0) + 1);
          break;
        }
      }
    }
  };
  const workers = Array.from({ length: options.concurrency }, () => worker());
  await sleep(options.warmupMs);
  measuring = true;
  const t0 = performance.now();
  const fromUs = profilerClockUs();
  await sleep(options.measureMs);
  measuring = false;
  const window = { fromUs, toUs: profilerClockUs() };
  const seconds = (performance.now() - t0) / 1000;
  stopped = true;
  let settled = 0;
  workers.forEach((w) => void w.finally(() => settled++));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.allSettled(workers), new Promise((resolve) => (timer = setTimeout(resolve, 15_000)))]);
  clearTimeout(timer);
  return {
    concurrency: options.concurrency,
    commands,
    failed,
    seconds,
    perSecond: commands / seconds,
    hung: options.concurrency - settled,
    latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: percentile(latencies, 100) },
    errors: [...errors.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([m, n]) => `${n}× ${m}`),
    window,
  };
}
