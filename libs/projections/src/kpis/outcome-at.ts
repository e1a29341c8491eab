import { DealSummary } from '../deal-summary/deal-summary';

/**
 * Where a deal stands, as known in the read model. A reversed win is not a win: it is
 * counted apart, so won + lost + reversed + open = all.
 */
export type DealOutcome = 'won' | 'lost' | 'reversed' | 'open';

/** Outcomes as the period's end saw them (business time), or as the read model has them now. */
export type OutcomesAsOf = 'period-end' | 'now';
export const OUTCOMES_AS_OF: readonly OutcomesAsOf[] = ['now', 'period-end'];

/**
 * A deal's outcome counting only closes and reversals dated before `cutoffMs` (Infinity: every
 * one the read model holds). A reversed win is not a win.
 */
export function outcomeAt(doc: DealSummary, cutoffMs: number): DealOutcome {
  if (doc.closedAt === undefined || doc.status === 'open' || Date.parse(doc.closedAt) >= cutoffMs) return 'open';
  if (doc.status === 'lost') return 'lost';
  const reversed = doc.reversed && doc.reversedAt !== undefined && Date.parse(doc.reversedAt) < cutoffMs;
  return reversed ? 'reversed' : 'won';
}
