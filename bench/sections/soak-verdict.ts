import { fmt, slope } from '../lib/stats';
import type { SoakFigures } from './soak';

/**
 * Whether a soak run stayed flat, from its own samples. Memory: the heap after a full collection
 * (live objects only) over the second half of the run, per deal opened, against what the
 * in-memory read models hold per deal with the whole generated store loaded (section 4): a
 * server that keeps deal-summary and commission-facts on the heap must grow by that much, and
 * anything beyond it is kept by something else. Latency: the last window's p99 against the
 * first steady one's (the first window carries the server's warm-up).
 */

/** Heap growth per new deal may be at most this multiple of the read models' own heap per deal. */
export const FLAT_HEAP_ALLOWANCE_FACTOR = 1.5;
/** Without a per-deal figure from section 4 the heap may grow by less than this. */
export const FLAT_HEAP_MIB_PER_MINUTE = 1;
/** The last window's p99 may be at most this multiple of the first steady window's. */
export const FLAT_P99_RATIO = 1.5;

export interface SoakVerdict {
  readonly flat: boolean;
  readonly heapMiBPerMinute: number;
  readonly rssMiBPerMinute: number;
  /** Samples the slopes were fitted to. */
  readonly samples: number;
  readonly p99Ratio: number;
  readonly errors: number;
  readonly text: string;
}

/** `readModelKiBPerDeal`: heap of the in-memory read models per deal at the full store (section 4). */
export function soakVerdict(s: SoakFigures, readModelKiBPerDeal?: number): SoakVerdict {
  const half = s.samples.filter((x) => x.dueSeconds >= s.seconds / 2);
  const minutes = half.map((x) => x.atSeconds / 60);
  const heapMiBPerMinute = slope(minutes, half.map((x) => x.heapUsedMiB));
  const rssMiBPerMinute = slope(minutes, half.map((x) => x.rssMiB));
  const heapKiBPerDeal = (heapMiBPerMinute * 1024) / s.dealsPerMinute;
  const allowance = readModelKiBPerDeal !== undefined && readModelKiBPerDeal > 0 ? readModelKiBPerDeal * FLAT_HEAP_ALLOWANCE_FACTOR : undefined;
  const memoryFlat = allowance !== undefined ? heapKiBPerDeal <= allowance : heapMiBPerMinute < FLAT_HEAP_MIB_PER_MINUTE;

  const steady = s.windows.length > 1 ? s.windows[1] : s.windows[0];
  const last = s.windows[s.windows.length - 1];
  const firstSteadyP99 = steady?.liveMs.p99 ?? NaN;
  const lastP99 = last?.liveMs.p99 ?? NaN;
  const p99Ratio = lastP99 / firstSteadyP99;
  const errors = s.windows.reduce((a, w) => a + w.errors, 0);
  const flat = memoryFlat && p99Ratio < FLAT_P99_RATIO && errors === 0;

  const trend = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? 'grew' : 'fell'} ${fmt(Math.abs(x), 2)} MiB/min` : 'slope n/a');
  const memoryText = allowance !== undefined
    ? `heap after collection ${trend(heapMiBPerMinute)} over the second half (least-squares slope of ${half.length} samples) = ${fmt(heapKiBPerDeal, 1)} KiB for each of the ${fmt(s.dealsPerMinute)} deals opened a minute, ` +
      `against ${fmt(readModelKiBPerDeal as number, 1)} KiB a deal that the in-memory read models hold at the full store (flat means at most ${fmt(FLAT_HEAP_ALLOWANCE_FACTOR, 1)}× that)`
    : `heap after collection ${trend(heapMiBPerMinute)} over the second half (least-squares slope of ${half.length} samples; flat means < ${fmt(FLAT_HEAP_MIB_PER_MINUTE)} MiB/min)`;
  const text =
    `**${flat ? 'flat' : 'not flat'}**: ${memoryText}; RSS ${trend(rssMiBPerMinute)}; ` +
    `p99 of the last window ${fmt(lastP99, 2)} ms ÷ first steady window (${steady ? `${steady.fromSeconds}–${steady.toSeconds} s` : 'none'}) ${fmt(firstSteadyP99, 2)} ms = ` +
    `${Number.isFinite(p99Ratio) ? `${fmt(p99Ratio, 2)}×` : 'n/a'} (flat means < ${fmt(FLAT_P99_RATIO, 1)}×); ${fmt(errors)} command${errors === 1 ? '' : 's'} failed.`;
  return { flat, heapMiBPerMinute, rssMiBPerMinute, samples: half.length, p99Ratio, errors, text };
}
