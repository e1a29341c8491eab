import { parse } from 'csv-parse/sync';
import { Statement, StatementLine } from '@deals/domain';
import { PeriodStatement } from '@deals/projections';
import { STATEMENT_CSV_COLUMNS, statementsCsv } from './statements-csv';

const line = (over: Partial<StatementLine>): StatementLine => ({
  lineId: 'adjustment:a1', kind: 'adjustment', amountMinor: -212_500, currency: 'EUR', dueAt: '2026-04-02T08:30:00.000Z',
  lineage: { dealId: 'acme', events: [], rule: 'adjustment', arithmetic: '−2,125.00' },
  ...over,
} as StatementLine);
const payee = (userId: string, lines: StatementLine[]): PeriodStatement => ({ userId, assigned: true, statement: { userId, period: '2026-Q2', lines } as unknown as Statement });

describe('the CSV of a period\'s statements', () => {
  const csv = statementsCsv('2026-Q2', [payee('ana', [line({}), line({ lineId: 'acme:commission:X', kind: 'commission', amountMinor: 50_000, productCode: 'X' })]), payee('ben', [])], {
    person: (userId) => (userId === 'ana' ? '@Ana, "the closer"' : undefined),
    deals: () => (dealId) => (dealId === 'acme' ? '=SUM(A1:A9)' : undefined),
  });
  const rows = parse(csv, { columns: true }) as Record<string, string>[];

  it('has a row per line under the header, amounts as decimal text and minor units, untouched when negative', () => {
    expect(csv.split('\n')[0]).toBe(STATEMENT_CSV_COLUMNS.join(','));
    expect(rows.map((r) => [r.userId, r.lineId, r.kind, r.productCode, r.currency, r.amount, r.amountMinor])).toEqual([
      ['ana', 'adjustment:a1', 'adjustment', '', 'EUR', '-2125.00', '-212500'],
      ['ana', 'acme:commission:X', 'commission', 'X', 'EUR', '500.00', '50000'],
    ]);
  });

  it('keeps names with commas and quotes whole, and never lets a spreadsheet run one as a formula', () => {
    expect(rows.map((r) => [r.name, r.dealName])).toEqual([['\'@Ana, "the closer"', '\'=SUM(A1:A9)'], ['\'@Ana, "the closer"', '\'=SUM(A1:A9)']]);
  });
});
