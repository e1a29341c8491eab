import { parseInstant } from '../../shared/time';
import { money, signedMoney } from '../arithmetic-text';
import { Period } from '../period';
import { CommissionFacts, FactRef } from './facts';
import { factsKnownAt } from './known-at';
import { lineCauses, uniqueRefs } from './line-causes';
import { commissionStatement } from './statement';
import { LineKind, Statement, StatementLine } from './statement.types';

export interface ReconstructionRequest {
  readonly userId: string;
  readonly period: Period;
  /** The earlier recorded moment, e.g. the quarter close when the statement was paid. */
  readonly knownAtA: string;
  /** The later recorded moment, e.g. now. */
  readonly knownAtB: string;
  /** Only this line's difference. */
  readonly lineId?: string;
}

export interface LineDifference {
  readonly lineId: string;
  readonly kind: LineKind;
  readonly dealId?: string;
  readonly currency: string;
  readonly amountAMinor: number;
  readonly amountBMinor: number;
  readonly deltaMinor: number;
  readonly arithmetic: string;
  /** Events recorded after A and by B that changed this line's inputs, in recording order. */
  readonly causes: readonly FactRef[];
}

export interface Reconstruction {
  readonly userId: string;
  readonly period: Period;
  readonly knownAtA: string;
  readonly knownAtB: string;
  readonly a: Statement;
  readonly b: Statement;
  readonly differences: readonly LineDifference[];
  readonly totalDifference: readonly { readonly currency: string; readonly deltaMinor: number }[];
  /** Every cause of every difference, once, in recording order. */
  readonly causes: readonly FactRef[];
}

/**
 * The same statement as known at two recorded moments, and what changed between them, line by
 * line. A difference's causes are the events recorded in (A, B] — and, for a statement frozen by
 * its period's close, recorded before that close — among: its deal's facts, the
 * events in the lineage of the line at A and at B, and — for accelerator and SPIF lines, which
 * depend on the person's other deals — the facts of every deal in either statement.
 */
export function reconstruct(facts: CommissionFacts, request: ReconstructionRequest): Reconstruction {
  const { userId, period, knownAtA, knownAtB } = request;
  const a = commissionStatement(facts, { userId, period, asKnownAt: knownAtA });
  const b = commissionStatement(facts, { userId, period, asKnownAt: knownAtB });
  const inA = knownIn(a, parseInstant(knownAtA, 'knownAtA'));
  const inB = knownIn(b, parseInstant(knownAtB, 'knownAtB'));
  const inWindow = (ref: FactRef) => inB(ref) && !inA(ref);
  const factsAtB = factsKnownAt(facts, knownAtB);
  const allDealIds = [...a.lines, ...b.lines].flatMap((line) => (line.lineage.dealId === undefined ? [] : [line.lineage.dealId]));

  const linesA = new Map(a.lines.map((line) => [line.lineId, line]));
  const linesB = new Map(b.lines.map((line) => [line.lineId, line]));
  const lineIds = [...new Set([...linesA.keys(), ...linesB.keys()])].filter((id) => request.lineId === undefined || id === request.lineId);
  const differences: LineDifference[] = [];
  for (const lineId of lineIds) {
    const before = linesA.get(lineId);
    const after = linesB.get(lineId);
    const line = (after ?? before) as StatementLine;
    const amountAMinor = before?.amountMinor ?? 0;
    const amountBMinor = after?.amountMinor ?? 0;
    if (amountAMinor === amountBMinor && before?.currency === after?.currency) continue;
    differences.push({
      lineId, kind: line.kind, ...(line.lineage.dealId === undefined ? {} : { dealId: line.lineage.dealId }), currency: line.currency,
      amountAMinor, amountBMinor, deltaMinor: amountBMinor - amountAMinor,
      arithmetic: `${money(amountBMinor, line.currency)} − ${money(amountAMinor, line.currency)} = ${signedMoney(amountBMinor - amountAMinor, line.currency)}`,
      causes: lineCauses(factsAtB, before, after, allDealIds, inWindow),
    });
  }
  const totals = new Map<string, number>();
  for (const difference of differences) totals.set(difference.currency, (totals.get(difference.currency) ?? 0) + difference.deltaMinor);
  return {
    userId, period, knownAtA, knownAtB, a, b, differences,
    totalDifference: [...totals.entries()].map(([currency, deltaMinor]) => ({ currency, deltaMinor })),
    causes: uniqueRefs(differences.flatMap((difference) => difference.causes)),
  };
}

/** Is the event among the facts the statement was computed from (recorded by the moment, and before its period's close if frozen)? */
function knownIn(statement: Statement, momentMs: number): (ref: FactRef) => boolean {
  const closePosition = statement.closed?.event.position ?? Infinity;
  return (ref) => ref.position < closePosition && parseInstant(ref.recordedAt, 'recordedAt') <= momentMs;
}
