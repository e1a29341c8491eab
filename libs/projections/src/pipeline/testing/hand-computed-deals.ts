import { DealTeamRole } from '@deals/domain';
import { EventLog } from '../../testing/recorded-events';

/**
 * Nine deals with known dates, for metrics checked by hand. Every time is 09:00 UTC unless
 * written otherwise; the specs measure up to NOW.
 *
 * | deal | owner | amount | path (stage entered on) | end |
 * | --- | --- | --- | --- | --- |
 * | acme | ana | EUR 10,000,000 | engaged 01-05, qualified 01-12, product-evaluated 01-20, proposal-reviewed 03-02, terms-agreed 03-09 | won 03-16; handed 03-18 21:00 (ivan, carl); started 03-20; live 03-30 |
 * | bolt | ben | EUR 5,000,000 | engaged 02-02, qualified 02-09, product-evaluated 02-16 | lost 03-01 00:00 |
 * | cora | ana | EUR 1,800,000 → 2,000,001 on 03-05 | engaged 02-01, qualified 02-10, product-evaluated 02-20, proposal-reviewed 02-28 | open |
 * | dune | ben | EUR 3,000,000 | engaged 01-10, qualified 01-20, product-evaluated 02-01, terms-agreed 03-12 (override) | won 03-20 21:00 at 3,500,000; not handed off |
 * | echo | ana | EUR 1,000,005 | engaged 03-01 | open |
 * | flux | ben | USD 4,000,000 | engaged 03-20, qualified 03-25 | open |
 * | gale | ana | EUR 6,000,000 | engaged 2025-11-03, qualified 2025-11-17, product-evaluated 2025-12-01, proposal-reviewed 2025-12-15, terms-agreed 01-12 | won 01-30; handed 02-02 (ines, carl); started 02-09; not live |
 * | hale | ben | EUR 8,000,000 | engaged 01-02, qualified 01-06, product-evaluated 01-12, proposal-reviewed 01-22, terms-agreed 02-02 | won 02-10; handed 02-12 (ivan, cleo); reversed 02-15 |
 * | iris | ana | EUR 2,500,000 | engaged 02-01, qualified 02-05, product-evaluated 02-10, proposal-reviewed 02-17, terms-agreed 02-24 | won 03-02; handed 03-04 (ines, cleo); not started |
 *
 * Demos (DemoHeld, by whoever recorded them): acme by sam 02-26 (ref demo-acme) and again by ana
 * 02-27 with the same ref; cora by sam 03-03; dune by ben 03-05; echo by ana 03-10 and again
 * 03-11 (same ref); flux by ben 03-26 attended, 03-27 not attended.
 * Team: sam joins cora (02-01) and flux (03-20) as sales engineer and leaves flux on 03-28.
 */
export const NOW = '2026-04-01T09:00:00.000Z';

const ana = { id: 'ana', roles: ['rep'] };
const ben = { id: 'ben', roles: ['rep'] };
const sam = { id: 'sam', roles: ['rep'] };
const mia = { id: 'mia', roles: ['manager'] };
const ops = { id: 'ops', roles: ['implementation'] };
type Who = typeof ana;

const day = (date: string) => (date.includes('T') ? date : `${date}T09:00:00Z`);
const proof = (ref: string) => ({ kind: 'email' as const, ref });
const OPEN_STAGES = ['engaged', 'qualified', 'product-evaluated', 'proposal-reviewed', 'terms-agreed'];

export function handComputedDeals(): EventLog {
  const log = new EventLog();
  const open = (id: string, owner: Who, at: string, amount: number, currency = 'EUR') =>
    log.deal(id).by(owner).at(day(at))
      .add('DealOpened', {
        dealId: id, name: id[0].toUpperCase() + id.slice(1), account: { name: `${id} Ltd` }, ownerId: owner.id,
        currency, expectedAmountMinor: amount, lineItems: [], pipeline: { id: 'default', version: 1 }, stageId: 'engaged',
      })
      .add('TeamMemberAdded', { userId: owner.id, role: 'account-executive' });
  /** Moves through the open stages in order from `fromStageId`, entering the next one on each date. */
  const advance = (id: string, owner: Who, fromStageId: string, dates: readonly string[]) => {
    const first = OPEN_STAGES.indexOf(fromStageId);
    dates.forEach((at, i) => log.deal(id).by(owner).at(day(at))
      .add('StageAdvanced', { fromStageId: OPEN_STAGES[first + i], toStageId: OPEN_STAGES[first + i + 1], satisfiedBy: [] }));
  };
  const win = (id: string, owner: Who, at: string, amount: number) => log.deal(id).by(owner).at(day(at))
    .add('DealClosedWon', { fromStageId: 'terms-agreed', amountMinor: amount, lineItems: [], signedOrder: proof(`order-${id}`) });
  const handOff = (id: string, at: string, lead: string, csm: string) => log.deal(id).by(ops).at(day(at))
    .add('DealHandedToImplementation', { implementationLeadId: lead, customerSuccessManagerId: csm })
    .add('TeamMemberAdded', { userId: lead, role: 'implementation-lead' })
    .add('TeamMemberAdded', { userId: csm, role: 'customer-success-manager' });
  const demo = (id: string, by: Who, at: string, ref: string, attended = true) => log.deal(id).by(by).at(day(at))
    .add('DemoHeld', { attended, questionsAnswered: attended, evidence: proof(ref) });
  const member = (id: string, at: string, userId: string, role: DealTeamRole, added = true) =>
    log.deal(id).by(mia).at(day(at)).add(added ? 'TeamMemberAdded' : 'TeamMemberRemoved', { userId, role });

  open('acme', ana, '2026-01-05', 10_000_000);
  advance('acme', ana, 'engaged', ['2026-01-12', '2026-01-20']);
  demo('acme', sam, '2026-02-26', 'demo-acme');
  demo('acme', ana, '2026-02-27', 'demo-acme');
  advance('acme', ana, 'product-evaluated', ['2026-03-02', '2026-03-09']);
  win('acme', ana, '2026-03-16', 10_000_000);
  handOff('acme', '2026-03-18T21:00:00Z', 'ivan', 'carl');
  log.deal('acme').by(ops).at(day('2026-03-20')).add('ImplementationStarted', {});
  log.deal('acme').by(ops).at(day('2026-03-30')).add('DealWentLive', { evidence: proof('golive-acme') });

  open('bolt', ben, '2026-02-02', 5_000_000);
  advance('bolt', ben, 'engaged', ['2026-02-09', '2026-02-16']);
  log.deal('bolt').by(ben).at('2026-03-01T00:00:00Z').add('DealClosedLost', { fromStageId: 'product-evaluated', reason: 'Budget cut' });

  open('cora', ana, '2026-02-01', 1_800_000);
  member('cora', '2026-02-01', 'sam', 'sales-engineer');
  advance('cora', ana, 'engaged', ['2026-02-10', '2026-02-20', '2026-02-28']);
  demo('cora', sam, '2026-03-03', 'demo-cora');
  log.deal('cora').by(ana).at(day('2026-03-05')).add('AmountChanged', {
    previousAmountMinor: 1_800_000, expectedAmountMinor: 2_000_001, lineItems: [], reason: 'Extra seats',
  });

  open('dune', ben, '2026-01-10', 3_000_000);
  advance('dune', ben, 'engaged', ['2026-01-20', '2026-02-01']);
  demo('dune', ben, '2026-03-05', 'demo-dune');
  log.deal('dune').by(mia).at(day('2026-03-12')).add('StageOverridden', {
    fromStageId: 'product-evaluated', toStageId: 'terms-agreed', missingCriteria: ['recap-confirmed', 'proposal-delivered', 'proposal-acknowledged'],
    reason: 'Buyer signs from a framework agreement', managerId: 'mia',
  });
  win('dune', ben, '2026-03-20T21:00:00Z', 3_500_000);

  open('echo', ana, '2026-03-01', 1_000_005);
  demo('echo', ana, '2026-03-10', 'demo-echo');
  demo('echo', ana, '2026-03-11', 'demo-echo');

  open('flux', ben, '2026-03-20', 4_000_000, 'USD');
  member('flux', '2026-03-20', 'sam', 'sales-engineer');
  advance('flux', ben, 'engaged', ['2026-03-25']);
  demo('flux', ben, '2026-03-26', 'demo-flux-1');
  demo('flux', ben, '2026-03-27', 'demo-flux-2', false);
  member('flux', '2026-03-28', 'sam', 'sales-engineer', false);

  open('gale', ana, '2025-11-03', 6_000_000);
  advance('gale', ana, 'engaged', ['2025-11-17', '2025-12-01', '2025-12-15', '2026-01-12']);
  win('gale', ana, '2026-01-30', 6_000_000);
  handOff('gale', '2026-02-02', 'ines', 'carl');
  log.deal('gale').by(ops).at(day('2026-02-09')).add('ImplementationStarted', {});

  open('hale', ben, '2026-01-02', 8_000_000);
  advance('hale', ben, 'engaged', ['2026-01-06', '2026-01-12', '2026-01-22', '2026-02-02']);
  win('hale', ben, '2026-02-10', 8_000_000);
  handOff('hale', '2026-02-12', 'ivan', 'cleo');
  log.deal('hale').by({ id: 'fay', roles: ['finance'] }).at(day('2026-02-15')).add('WonDealReversed', { reason: 'Order cancelled' });

  open('iris', ana, '2026-02-01', 2_500_000);
  advance('iris', ana, 'engaged', ['2026-02-05', '2026-02-10', '2026-02-17', '2026-02-24']);
  win('iris', ana, '2026-03-02', 2_500_000);
  handOff('iris', '2026-03-04', 'ines', 'cleo');

  return log;
}
