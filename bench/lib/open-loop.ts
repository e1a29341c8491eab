import { sse } from './http-client';
import { profilerClockUs } from './profile';

/**
 * An open-loop load with a live reader: command i is sent at t0 + i × interval on a fixed
 * timeline whatever became of the earlier ones (so a stall shows as latency, not as fewer
 * commands), while an SSE client records when each command's change arrives.
 */

export interface Target {
  /** Sends command i; resolves with the key its SSE message will carry. */
  send(i: number): Promise<string>;
  /** The key of an SSE message's data. */
  keyOf(data: string): string | undefined;
  readonly ssePath: string;
  readonly sseHeaders: Record<string, string>;
}

export interface OpenLoopOptions {
  readonly ratePerSecond: number;
  readonly total: number;
  /** After the last send, wait (up to 5 s) for the changes of commands from this index on. */
  readonly awaitArrivalsFrom: number;
  /** Called once the timeline is fixed, before the first send. */
  readonly onStart?: (t0: number) => void;
}

export interface OpenLoopTrace {
  readonly interval: number;
  /** When command 0 was due (performance.now()), and the same moment on the profiler's clock. */
  readonly t0: number;
  readonly t0Us: number;
  readonly scheduled: readonly number[];
  /** Undefined where the command failed. */
  readonly keys: readonly (string | undefined)[];
  readonly responded: readonly number[];
  readonly arrivals: ReadonlyMap<string, number>;
  /** Failure messages (ids masked) and how often each was seen. */
  readonly errors: ReadonlyMap<string, number>;
  /** When the last command was sent, and the same moment on the profiler's clock. */
  readonly lastSent: number;
  readonly lastSentUs: number;
}

export async function driveOpenLoop(target: Target, port: number, options: OpenLoopOptions): Promise<OpenLoopTrace> {
  // Prime: a few commands one after another before any clock starts (JIT, lazy modules, connections).
  for (let i = 0; i < 64; i++) await target.send(1_000_000_000 + i).catch(() => undefined);
  const arrivals = new Map<string, number>();
  const client = await sse(port, target.ssePath, target.sseHeaders, (data, at) => {
    const key = target.keyOf(data);
    if (key !== undefined && !arrivals.has(key)) arrivals.set(key, at);
  });
  const { total } = options;
  const interval = 1000 / options.ratePerSecond;
  const scheduled: number[] = [];
  const keys: (string | undefined)[] = [];
  const responded: number[] = [];
  const errors = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const t0 = performance.now() + 50;
  const t0Us = profilerClockUs() + 50_000;
  options.onStart?.(t0);
  let next = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      while (next < total && t0 + next * interval <= now) {
        const i = next++;
        scheduled[i] = t0 + i * interval;
        pending.push(target.send(i).then(
          (key) => {
            keys[i] = key;
            responded[i] = performance.now();
          },
          (error: Error) => {
            const message = error.message.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').slice(0, 110);
            errors.set(message, (errors.get(message) ?? 0) + 1);
          },
        ));
      }
      if (next >= total) return done();
      setTimeout(tick, Math.max(0, t0 + next * interval - performance.now()));
    };
    tick();
  });
  const lastSent = performance.now();
  const lastSentUs = profilerClockUs();
  await Promise.all(pending);
  // Give the last changes a moment to arrive.
  const deadline = performance.now() + 5000;
  while (performance.now() < deadline && keys.slice(options.awaitArrivalsFrom).some((k) => k !== undefined && !arrivals.has(k))) {
    await new Promise((r) => setTimeout(r, 50));
  }
  client.destroy();
  return { interval, t0, t0Us, scheduled, keys, responded, arrivals, errors, lastSent, lastSentUs };
}

/** The most frequent failures, as `n× message`. */
export const errorSamples = (errors: ReadonlyMap<string, number>, most = 8): string[] =>
  [...errors.entries()].sort((a, b) => b[1] - a[1]).slice(0, most).map(([m, n]) => `${n}× ${m}`);
