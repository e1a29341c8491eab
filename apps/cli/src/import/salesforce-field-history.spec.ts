import { parseSalesforce } from './salesforce-history';
import { planImport } from './import-plan';
import { RowProblem } from './source-deal';
import { stageMapping } from './stage-mapping';

const HEADER = ['Id', 'OpportunityId', 'CreatedDate', 'Field', 'OldValue', 'NewValue'];
const row = (line: number, cells: string[]) => ({ line, cells: Object.fromEntries(HEADER.map((h, i) => [h, cells[i]])) });

describe('Salesforce OpportunityFieldHistory', () => {
  it('reads creation, stage changes and amount changes in time order; other fields are not stage history', () => {
    const rows = [
      row(2, ['017A1', '006X', '2025-02-10T09:00:00.000Z', 'StageName', 'Prospecting', 'Qualification']),
      row(3, ['017A0', '006X', '2025-02-03T09:00:00.000Z', 'created', '', '']),
      row(4, ['017A2', '006X', '2025-02-12T09:00:00.000Z', 'Amount', '1000', '1500']),
      row(5, ['017A3', '006X', '2025-02-13T09:00:00.000Z', 'NextStep', 'call', 'demo']),
      row(6, ['017A4', '006X', '2025-02-24T09:00:00.000Z', 'StageName', 'Qualification', 'Closed Lost']),
      row(7, ['017B0', '006Y', '2025-02-24T09:00:00.000Z', 'Amount', '10', '20']),
    ];
    const parsed = parseSalesforce(HEADER, rows, { currency: 'EUR', ownerId: 'crm.import' });
    expect(parsed.problems).toEqual([{ line: 7, reason: 'opportunity 006Y has no StageName rows: its stage history is unknown' }]);
    const [deal] = parsed.deals;
    expect(deal).toMatchObject({ sourceId: '006X', createdAt: '2025-02-03T09:00:00.000Z', amountMinor: 100_000, currency: 'EUR', ownerId: 'crm.import' });
    expect(deal.entries.map((e) => [e.stage, e.enteredAt.slice(0, 10), e.amountMinor ?? null, e.ref])).toEqual([
      ['Prospecting', '2025-02-03', null, 'salesforce:017A0'],
      ['Qualification', '2025-02-10', null, 'salesforce:017A1'],
      ['Qualification', '2025-02-12', 150_000, 'salesforce:017A2'],
      ['Closed Lost', '2025-02-24', null, 'salesforce:017A4'],
    ]);

    const problems: RowProblem[] = [];
    const plan = planImport(deal, stageMapping('salesforce'), problems);
    expect(problems).toEqual([]);
    expect(plan.steps.map((s) => [s.type, s.occurredAt.slice(0, 10)])).toEqual([
      ['OpenDeal', '2025-02-03'], ['OverrideStage', '2025-02-10'], ['ChangeAmount', '2025-02-12'], ['CloseLost', '2025-02-24'],
    ]);
    expect(new Set(plan.steps.map((s) => s.key)).size).toBe(plan.steps.length);
  });
});
