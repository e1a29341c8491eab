import { stringify } from 'csv-stringify/sync';
import { DealNames, PeriodStatement } from '@deals/projections';
import { presentLine } from '../answers/lines/line-kinds';

/** The columns of the export, one row per statement line; amounts in the line's currency, as decimal text and in minor units. */
export const STATEMENT_CSV_COLUMNS = [
  'period', 'userId', 'name', 'lineId', 'kind', 'dealId', 'dealName', 'planId', 'planName', 'productCode', 'dueAt', 'currency', 'amount', 'amountMinor',
] as const;

/**
 * Names are typed by people: one that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`,
 * tab or carriage return first) gets a leading `'`. Only names: csv-stringify's own
 * `escape_formulas` would also turn a negative amount ("-2125.00") into text.
 */
const typed = (text: string | undefined): string => (text !== undefined && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text ?? '');

/** Every line of every payee's statement for the period as RFC 4180 CSV (csv-stringify quotes what needs quoting), header first. */
export function statementsCsv(
  period: string, payees: readonly PeriodStatement[], names: { person: (userId: string) => string | undefined; deals: (userId: string) => DealNames },
): string {
  const rows = payees.flatMap(({ userId, statement }) => statement.lines.map((line) => {
    const answer = presentLine(line, names.deals(userId));
    return {
      period, userId, name: typed(names.person(userId)), lineId: answer.lineId, kind: answer.kind, dealId: answer.dealId ?? '', dealName: typed(answer.dealName),
      planId: answer.planId ?? '', planName: typed(answer.planName), productCode: typed(line.productCode), dueAt: answer.dueAt, currency: answer.currency,
      amount: answer.amount, amountMinor: String(answer.amountMinor),
    };
  }));
  return stringify(rows, { header: true, columns: [...STATEMENT_CSV_COLUMNS] });
}
