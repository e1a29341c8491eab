import { Statement } from '@deals/domain';
import { minorToDecimal } from './money-text';

export const STATEMENT_COLUMNS = [
  'user_id', 'period', 'line_id', 'kind', 'deal_id', 'product_code', 'currency', 'amount_minor', 'amount', 'due_at',
  'plan_id', 'plan_version', 'rule', 'arithmetic', 'split_source', 'split_share_bp', 'lineage_event_ids',
] as const;

/**
 * One row per statement line, with its lineage (plan, rule, arithmetic, split, the events it came
 * from); then one `note` row per deal with credit that pays nothing, naming the problem.
 */
export function statementRows(s: Statement): unknown[][] {
  const lines = s.lines.map((l) => [
    s.userId, s.period, l.lineId, l.kind, l.lineage.dealId ?? '', l.productCode ?? '', l.currency, l.amountMinor, minorToDecimal(l.amountMinor, l.currency),
    l.dueAt, l.lineage.plan?.planId ?? '', l.lineage.plan?.version ?? '', l.lineage.rule, l.lineage.arithmetic,
    l.lineage.split?.source ?? '', l.lineage.split?.shareBp ?? '', l.lineage.events.map((e) => e.eventId).join(' '),
  ]);
  const notes = s.notes.map((n) => [s.userId, s.period, '', 'note', n.dealId ?? '', '', '', '', '', '', '', '', '', n.problem, '', '', '']);
  return [...lines, ...notes];
}
