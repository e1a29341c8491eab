import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecordedEvent, SqliteEventStore } from '@deals/event-store';
import { DealSummary, dealSummaryProjection } from '@deals/projections';
import { foldEvents } from '@deals/projections/testing/fold-events';
import { FIXTURES, runCaptured, scratchDir } from '../testing/cli-harness';

const DAY = 86_400_000;

/** The stage history as [stage, whole days in it] (open-ended for the current stage), as the deal-summary read model has it. */
const stays = (d: DealSummary) =>
  d.stageHistory.map((s) => [s.stageId, s.leftAt === undefined ? null : (Date.parse(s.leftAt) - Date.parse(s.enteredAt)) / DAY, s.via]);

describe('deals import (real SQLite)', () => {
  let scratch: ReturnType<typeof scratchDir>;
  const run = (...args: string[]) => runCaptured(['--data-dir', join(scratch.path, 'data'), ...args], { cwd: scratch.path });
  const readStore = async () => {
    const store = new SqliteEventStore({ path: join(scratch.path, 'data', 'events.db') });
    try {
      return (await store.readAll()).events;
    } finally {
      await store.close();
    }
  };
  const byName = (events: RecordedEvent[]) => new Map([...foldEvents(dealSummaryProjection, events).values()].map((d) => [d.name, d]));

  beforeEach(() => { scratch = scratchDir(); });
  afterEach(() => scratch.remove());

  it('maps a Salesforce OpportunityHistory export onto stage histories with exact durations, the rows as evidence', async () => {
    const result = await run('import', 'salesforce', join(FIXTURES, 'salesforce-opportunity-history.csv'));
    expect(result.stderr).toEqual([
      'line 15: Salesforce stage "Discovery Call" has no mapping onto the pipeline; add it to a --mapping file',
      'line 17: CreatedDate "yesterday" is not a date',
      'line 18: OpportunityId is blank',
    ]);
    expect(result.stdout).toEqual(['imported 3 salesforce deals from salesforce-opportunity-history.csv (17 rows, 10 stage entries): 27 events written, 0 commands already imported, 3 changes and 1 deal-desk requests approved by crm.import.approver; 3 problems']);
    expect(result.code).toBe(2);

    const events = await readStore();
    const deals = byName(events);
    const acme = deals.get('Acme 2025 platform')!;
    expect(stays(acme)).toEqual([
      ['engaged', 7, 'opened'], ['qualified', 21, 'overridden'], ['product-evaluated', 14, 'overridden'],
      ['proposal-reviewed', 14, 'overridden'], ['terms-agreed', 7, 'overridden'], ['closed-won', null, 'closed'],
    ]);
    expect(acme).toMatchObject({ status: 'won', amountMinor: 5_200_000, ownerId: 'jane.doe', account: { name: 'Acme Corp' }, openedAt: '2025-01-06T09:00:00.000Z', closedAt: '2025-03-10T09:00:00.000Z' });

    const globex = deals.get('Globex expansion')!;
    expect(stays(globex)).toEqual([
      ['engaged', 7, 'opened'], ['qualified', 14, 'overridden'], ['product-evaluated', 7, 'overridden'], ['qualified', 14, 'overridden'], ['closed-lost', null, 'closed'],
    ]);
    expect(globex).toMatchObject({ status: 'lost', ownerId: 'max.muller', lostReason: 'Closed Lost in Salesforce' });

    const initech = deals.get('Initech, Inc. pilot')!;
    expect(stays(initech)).toEqual([['engaged', 21, 'opened'], ['product-evaluated', null, 'overridden']]);
    expect(initech.status).toBe('open');

    // The source is evidence: the close carries the history row, every move names it and is caused by it.
    const acmeEvents = events.filter((e) => e.streamId === `deal-${acme.dealId}`);
    const won = acmeEvents.find((e) => e.type === 'DealClosedWon')!;
    expect(won.data).toMatchObject({ amountMinor: 5_200_000, signedOrder: { kind: 'crm', ref: 'salesforce:0085g00000Hist07AAA' } });
    expect((won.data as { signedOrder: { note: string } }).signedOrder.note).toContain('"StageName":"Closed Won"');
    // Closed months back, so applied by the approver's approval of the importer's proposal, at the close's own time, as the importer's.
    expect(won.metadata).toMatchObject({ causationId: 'salesforce:0085g00000Hist07AAA', correlationId: 'salesforce:0065g00000AcmeAAA', actor: { id: 'crm.import', roles: ['manager'] } });
    expect(won.data).toMatchObject({ approval: { proposedBy: 'crm.import', approvedBy: 'crm.import.approver' } });
    // The CRM does not record payment terms, so the deal desk holds them; the approver approves them for the close that happened.
    expect(acmeEvents.filter((e) => e.type.startsWith('DealDesk')).map((e) => [e.type, (e.metadata.actor as { id: string }).id, (e.data as { reasons?: string[] }).reasons])).toEqual([
      ['DealDeskApprovalRequested', 'crm.import', ['payment-terms']], ['DealDeskApproved', 'crm.import.approver', undefined],
    ]);
    const override = acmeEvents.find((e) => e.type === 'StageOverridden')!;
    expect((override.data as { reason: string }).reason).toBe(
      'Imported from Salesforce: "Qualification" entered 2025-01-13T09:00:00.000Z (salesforce:0085g00000Hist02AAA, line 3)');
    expect(acmeEvents.filter((e) => e.type === 'AmountChanged').map((e) => (e.data as { expectedAmountMinor: number }).expectedAmountMinor)).toEqual([5_500_000, 5_200_000]);

    const again = await run('import', 'salesforce', join(FIXTURES, 'salesforce-opportunity-history.csv'));
    expect(again.stdout[0]).toContain('0 events written, 16 commands already imported');
    expect((await readStore()).length).toBe(events.length);
  });

  it('maps a HubSpot deals export ("Date entered" columns) onto stage histories, and takes mapping overrides from a file', async () => {
    const result = await run('import', 'hubspot', join(FIXTURES, 'hubspot-deals.csv'));
    expect(result.stderr).toEqual([
      'line 5: Create Date "not a date" is not a date',
      'line 6: HubSpot stage "Renewal Due (Renewals)" has no mapping onto the pipeline; add it to a --mapping file',
    ]);
    expect(result.code).toBe(2);
    let deals = byName(await readStore());
    expect(stays(deals.get('Hooli rollout')!)).toEqual([
      ['engaged', 3, 'opened'], ['qualified', 10, 'overridden'], ['product-evaluated', 14, 'overridden'],
      ['proposal-reviewed', 7, 'overridden'], ['terms-agreed', 7, 'overridden'], ['closed-won', null, 'closed'],
    ]);
    expect(deals.get('Hooli rollout')).toMatchObject({ status: 'won', amountMinor: 7_500_000, ownerId: 'ana.souza', account: { name: 'Hooli' } });
    expect(stays(deals.get('Stark pilot')!)).toEqual([['engaged', 14, 'opened'], ['product-evaluated', 14, 'overridden'], ['closed-lost', null, 'closed']]);
    expect(deals.get('Stark pilot')).toMatchObject({ status: 'lost', lostReason: 'Chose a competitor' });
    expect(stays(deals.get('Wayne analytics')!)).toEqual([['engaged', 14, 'opened'], ['qualified', null, 'overridden']]);
    expect(deals.get('Wayne analytics')!.amountMinor).toBe(1_250_050);
    expect(stays(deals.get('Umbrella renewal')!)).toEqual([['engaged', null, 'opened']]);
    expect(deals.has('Broken export row')).toBe(false);

    const mapped = await run('import', 'hubspot', join(FIXTURES, 'hubspot-deals.csv'), '--mapping', join(FIXTURES, 'hubspot-mapping.json'));
    expect(mapped.stderr).toEqual(['line 5: Create Date "not a date" is not a date']);
    expect(mapped.stdout[0]).toContain('1 events written, 13 commands already imported');
    deals = byName(await readStore());
    expect(stays(deals.get('Umbrella renewal')!)).toEqual([['engaged', 14, 'opened'], ['terms-agreed', null, 'overridden']]);
  });

  it('refuses a file that is not the export it claims to be, and a mapping onto an unknown stage', async () => {
    const wrong = await run('import', 'hubspot', join(FIXTURES, 'salesforce-opportunity-history.csv'));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toEqual(['error: not a HubSpot deals export: missing column(s) Record ID, Create Date']);
    const dry = await run('import', 'salesforce', join(FIXTURES, 'salesforce-opportunity-history.csv'), '--dry-run');
    expect(dry.stdout).toEqual(['dry run: would import 3 salesforce deals from salesforce-opportunity-history.csv (17 rows, 10 stage entries); 16 commands; 3 problems']);
    writeFileSync(join(scratch.path, 'bad.json'), JSON.stringify({ stages: { Prospecting: 'prospecting' } }));
    const bad = await run('import', 'salesforce', join(FIXTURES, 'salesforce-opportunity-history.csv'), '--mapping', 'bad.json');
    expect(bad.code).toBe(1);
    expect(bad.stderr[0]).toMatch(/^error: mapping "Prospecting" → "prospecting": the target must be one of engaged, qualified, product-evaluated, proposal-reviewed, terms-agreed, closed-won, closed-lost or null$/);
  });
});
