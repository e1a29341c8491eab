import { Dispute, Reconstruction } from './commission-types';
import { decimal, shiftQuarter } from './format';

/** One adjustment line of the resolve form, as typed. */
export interface AdjustmentRow { readonly userId: string; readonly period: string; readonly amount: string; readonly currency: string }

/** The form's label of each field of an adjustment, as the API names them in `adjustments[i].<field>`. */
export const ADJUSTMENT_LABELS: Readonly<Record<string, string>> = { userId: 'Person', period: 'Period', amount: 'Amount', currency: 'Currency', dealId: 'Deal' };

/** "Adjustment 2: Amount" for `adjustments[1].amount`; undefined for a field outside the adjustments. */
export function adjustmentFieldLabel(field: unknown): string | undefined {
  const match = typeof field === 'string' ? /^adjustments\[(\d+)\]\.(\w+)$/.exec(field) : null;
  return match ? `Adjustment ${Number(match[1]) + 1}: ${ADJUSTMENT_LABELS[match[2]] ?? match[2]}` : undefined;
}

/**
 * What the form starts with: for each currency whose total differs between the close and now,
 * that difference to the disputant in the next quarter. Nothing differs: one row with no amount,
 * for finance to fill in (an adjustment of zero pays nothing and is refused).
 */
export function initialAdjustments(dispute: Pick<Dispute, 'userId' | 'period'>, recon: Pick<Reconstruction, 'totalDifference'>): AdjustmentRow[] {
  const next = shiftQuarter(dispute.period, 1);
  const differing = recon.totalDifference.filter((t) => t.deltaMinor !== 0);
  if (!differing.length) return [{ userId: dispute.userId, period: next, amount: '', currency: recon.totalDifference[0]?.currency ?? 'EUR' }];
  return differing.map((t) => ({ userId: dispute.userId, period: next, amount: decimal(t.deltaMinor, t.currency), currency: t.currency }));
}

/** What keeps the form from being sent, in the form's own words (the API checks the rest: recipients, periods, plan currencies). */
export function adjustmentProblems(rows: readonly AdjustmentRow[]): string[] {
  if (!rows.length) return ['Add an adjustment, or reject the dispute if nothing should change.'];
  return rows.flatMap((r, i) => {
    const at = `Adjustment ${i + 1}: `;
    const problems: string[] = [];
    if (!r.userId.trim()) problems.push(`${at}Person is required.`);
    if (!/^\d{4}-Q[1-4]$/.test(r.period.trim())) problems.push(`${at}Period must be a quarter such as 2026-Q2.`);
    if (!/^-?\d{1,15}(\.\d{1,4})?$/.test(r.amount.trim())) problems.push(`${at}Amount must be a number such as 120.00 or -45.50 (negative recovers).`);
    else if (!/[1-9]/.test(r.amount)) problems.push(`${at}Amount must not be zero.`);
    if (!/^[A-Z]{3}$/.test(r.currency.trim())) problems.push(`${at}Currency must be a code such as EUR.`);
    return problems;
  });
}

/** The rows as the API takes them. */
export const adjustmentsBody = (rows: readonly AdjustmentRow[]) =>
  rows.map((r) => ({ userId: r.userId.trim(), period: r.period.trim(), amount: r.amount.trim(), currency: r.currency.trim() }));
