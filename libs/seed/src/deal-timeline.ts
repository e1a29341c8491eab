import { SeededRandom } from './random';

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Business time of one deal, only ever moving forward: each step lands at least a minute after
 * the previous one, on a weekday between 08:00 and 18:00 UTC. Moving forward only keeps every
 * step valid for the domain (never before the deal opened, never before the stage was entered).
 */
export class DealTimeline {
  constructor(
    private readonly rng: SeededRandom,
    private ms: number,
  ) {
    this.ms = this.workTime(ms);
  }

  get now(): number {
    return this.ms;
  }

  /** The next step at `target` (or just after the last step, if that is later). */
  at(target: number): string {
    this.ms = this.workTime(Math.max(this.ms + MINUTE_MS, target));
    return new Date(this.ms).toISOString();
  }

  /** The next step `days` after the last one. */
  after(days: number): string {
    return this.at(this.ms + days * DAY_MS);
  }

  /** A step part of the way from the last one to `end` (a stay's facts spread over the stay). */
  toward(end: number, min = 0.15, max = 0.5): string {
    const fraction = min + this.rng.next() * (max - min);
    return this.at(this.ms + Math.max(0, end - this.ms) * fraction);
  }

  private workTime(ms: number): number {
    const d = new Date(ms);
    const hour = d.getUTCHours();
    if (hour < 8) d.setUTCHours(8, this.rng.int(0, 59), 0, 0);
    if (hour >= 18) {
      d.setUTCDate(d.getUTCDate() + 1);
      d.setUTCHours(8, this.rng.int(0, 59), 0, 0);
    }
    while (d.getUTCDay() === 0 || d.getUTCDay() === 6) {
      d.setUTCDate(d.getUTCDate() + 1);
      d.setUTCHours(8, this.rng.int(0, 59), 0, 0);
    }
    return d.getTime();
  }
}
