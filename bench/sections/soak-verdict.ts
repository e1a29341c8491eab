import { fmt, percentile, slope } from '../lib/stats';
import type { SoakFigures } from './soak';

/**
 * Whether a soak run stayed flat, from its own samples. Memory: the heap after a full collection
 * (live objects only) over the second half of the run, per deal opened, against what the
 * in-memory read models hold per deal with the whole generated store loaded (section 4): a
 * server that keeps deal-summary and commission-facts on the heap must grow by that much, and
 * anything beyond it is kept by something else. Latency: the median of the windows' p99 in the
 * second half against that of the first half (without the first window, which carries the
 * server's warm-up); a median, so one noisy window on a shared machine does not decide it.
 */

/** Heap growth per new deal may be at most this multiple of the read models' own heap per deal. */
export const FLAT_HEAP_ALLOWANCE_FACTOR = 1.5;
/** Without a per-deal figure from section 4 the heap may grow by less than this. */
export const FLAT_HEAP_MIB_PER_MINUTE = 1;
/** The second half's median window p99 may be at most this multiple of the first half's. */
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

  const steady = s.windows.slice(1);
  const firstHalf = steady.filter((w) => w.toSeconds <= s.seconds / 2).map((w) => w.liveMs.p99);
  const secondHalf = steady.filter((w) => w.toSeconds > s.seconds / 2).map((w) => w.liveMs.p99);
  const firstP99 = percentile(firstHalf, 50);
  const secondP99 = percentile(secondHalf, 50);
  const p99Ratio = secondP99 / firstP99;
  const last = s.windows[s.windows.length - 1];
  const errors = s.windows.reduce((a, w) => a + w.errors, 0);
  const flat = memoryFlat && p99Ratio < FLAT_P99_RATIO && errors === 0;

  const trend = (x: number) => (Number.isFinite(x) ? `${x >= 0 ? 'grew' : 'fell'} ${fmt(Math.abs(x), 2)} MiB/min` : 'slope n/a');
  const memoryText = allowance !== undefined
    ? `heap after collection ${trend(heapMiBPerMinute)} over the second half (least-squares slope of ${half.length} samples) = ${fmt(heapKiBPerDeal, 1)} KiB for each of the ${fmt(s.dealsPerMinute)} deals opened a minute, ` +
      `against ${fmt(readModelKiBPerDeal as number, 1)} KiB a deal that the in-memory read models hold at the full store (flat means at most ${fmt(FLAT_HEAP_ALLOWANCE_FACTOR, 1)}× that)`
    : `heap after collection ${trend(heapMiBPerMinute)} over the second half (least-squares slope of ${half.length} samples; flat means < ${fmt(FLAT_HEAP_MIB_PER_MINUTE)} MiB/min)`;
  const text =
    `**${flat ? 'flat' : 'not flat'}**: ${memoryText}; RSS ${trend(rssMiBPerMinute)}; ` +
    `median window p99 of the second half ${fmt(secondP99, 2)} ms ÷ of the first half ${fmt(firstP99, 2)} ms = ` +
    `${Number.isFinite(p99Ratio) ? `${fmt(p99Ratio, 2)}×` : 'n/a'} (flat means < ${fmt(FLAT_P99_RATIO, 1)}×; the last window's p99: ${fmt(last?.liveMs.p99 ?? NaN, 2)} ms); ` +
    `${fmt(errors)} command${errors === 1 ? '' : 's'} failed.`;
  return { flat, heapMiBPerMinute, rssMiBPerMinute, samples: half.length, p99Ratio, errors, text };
}
