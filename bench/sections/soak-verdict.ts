import { fmt, slope } from '../lib/stats';
import type { SoakFigures } from './soak';

/**
 * Whether a soak run stayed flat, from its own samples: the growth of the server's RSS over the
 * second half of the run (least-squares slope, so one collection's sawtooth does not decide it)
 * and the last window's p99 against the first steady one's. The first window is left out of the
 * latency comparison: it carries the server's warm-up (compilation, first SQLite pages, sockets).
 */

/** RSS may grow by less than this over the second half. */
export const FLAT_RSS_MIB_PER_MINUTE = 1;
/** The last window's p99 may be at most this multiple of the first steady window's. */
export const FLAT_P99_RATIO = 1.5;

export interface SoakVerdict {
  readonly flat: boolean;
  readonly rssMiBPerMinute: number;
  /** Samples the slope was fitted to. */
  readonly rssSamples: number;
  readonly p99Ratio: number;
  readonly firstSteadyP99: number;
  readonly lastP99: number;
  readonly errors: number;
  readonly text: string;
}

export function soakVerdict(s: SoakFigures): SoakVerdict {
  const half = s.samples.filter((x) => x.dueSeconds >= s.seconds / 2);
  const rssMiBPerMinute = slope(half.map((x) => x.atSeconds / 60), half.map((x) => x.rssMiB));
  const steady = s.windows.length > 1 ? s.windows[1] : s.windows[0];
  const last = s.windows[s.windows.length - 1];
  const firstSteadyP99 = steady?.liveMs.p99 ?? NaN;
  const lastP99 = last?.liveMs.p99 ?? NaN;
  const p99Ratio = lastP99 / firstSteadyP99;
  const errors = s.windows.reduce((a, w) => a + w.errors, 0);
  const flat = rssMiBPerMinute < FLAT_RSS_MIB_PER_MINUTE && p99Ratio < FLAT_P99_RATIO;
  const perDeal = (rssMiBPerMinute * 1024) / s.dealsPerMinute;
  const trend = Number.isFinite(rssMiBPerMinute) ? `${rssMiBPerMinute >= 0 ? 'grew' : 'fell'} ${fmt(Math.abs(rssMiBPerMinute), 2)} MiB/min` : 'slope n/a';
  const text =
    `**${flat ? 'flat' : 'not flat'}**: RSS ${trend} over the second half ` +
    `(least-squares slope of ${half.length} samples; flat means < ${fmt(FLAT_RSS_MIB_PER_MINUTE)} MiB/min` +
    `${rssMiBPerMinute > 0 ? `; ${fmt(perDeal, 1)} KiB for each of the ${fmt(s.dealsPerMinute)} deals opened a minute` : ''}); ` +
    `p99 of the last window ${fmt(lastP99, 2)} ms ÷ first steady window (${steady ? `${steady.fromSeconds}–${steady.toSeconds} s` : 'none'}) ${fmt(firstSteadyP99, 2)} ms = ` +
    `${Number.isFinite(p99Ratio) ? `${fmt(p99Ratio, 2)}×` : 'n/a'} (flat means < ${fmt(FLAT_P99_RATIO, 1)}×); ${fmt(errors)} command${errors === 1 ? '' : 's'} failed.`;
  return { flat, rssMiBPerMinute, rssSamples: half.length, p99Ratio, firstSteadyP99, lastP99, errors, text };
}
