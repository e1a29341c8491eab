import { EventLog } from '../../testing/recorded-events';

/**
 * Nine deals for KPIs checked by hand (business time 09:00 UTC, recorded then, unless written
 * otherwise). Teams: ana and ben report to mia, cal to ola.
 *
 * | deal | owner | first contact (origin) | amount | end |
 * | --- | --- | --- | --- | --- |
 * | alpha | ana | referral 2026-01-05 (inbound) | EUR 10,000,000 | won 02-10; live 03-01 |
 * | bravo | ana | email 01-10 (outbound) | EUR 4,000,001 | won 03-05; reversed 2026-05-04 (recorded then) |
 * | charlie | ana | phone 02-01 (outbound) | EUR 3,000,000 | lost 02-20, recorded 2026-04-10 |
 * | delta | ben | email 01-15 (outbound) | EUR 6,000,000 | won 2026-04-20 |
 * | echo | ben | event 2025-12-10 (inbound) | USD 5,000,000 | won 01-25; live 02-15; reversed 03-10 |
 * | foxtrot | ben | none (unknown) | EUR 2,000,000 | opened 2025-12-01; won 2025-12-15; live 2025-12-20 |
 * | india | ben | phone 01-02 (outbound) | EUR 3,000,000 | won 01-20 |
 * | golf | cal | phone 03-02 (outbound) | EUR 1,000,000 | open |
 * | hotel | cal | social 01-20 (inbound) | EUR 3,000,001 | won 03-15 |
 *
 * Each deal opens on its first contact's date (foxtrot 2025-12-01). Demos attended: alpha by ana
 * 01-20 (ref a1) and 02-03 (ref a2); delta by ben 02-05; golf by cal 03-10, and golf again by
 * cal 03-11 not attended.
 */
export const TEAMS: Readonly<Record<string, string>> = { ana: 'mia', ben: 'mia', cal: 'ola', mia: 'mia', ola: 'ola' };

const day = (date: string) => (date.includes('T') ? date : `${date}T09:00:00Z`);

export function kpiDeals(): EventLog {
  const log = new EventLog();
  const who = (id: string) => ({ id, roles: ['rep'] });
  const deal = (id: string, owner: string, at: string, amount: number, currency = 'EUR', channel?: string) => {
    log.deal(id).by(who(owner)).at(day(at)).add('DealOpened', {
      dealId: id, name: id, account: { name: `${id} Ltd` }, ownerId: owner, currency, expectedAmountMinor: amount,
      lineItems: [], pipeline: { id: 'default', version: 1 }, stageId: 'engaged',
    });
    if (channel) log.deal(id).by(who(owner)).at(day(at)).add('ContactMade', { channel, evidence: { kind: 'email', ref: `contact-${id}` } });
  };
  const won = (id: string, owner: string, at: string, amount: number) => log.deal(id).by(who(owner)).at(day(at))
    .add('DealClosedWon', { fromStageId: 'engaged', amountMinor: amount, lineItems: [], signedOrder: { kind: 'signature', ref: `order-${id}` } });
  const live = (id: string, at: string) => log.deal(id).by(who('ops')).at(day(at)).add('DealWentLive', { evidence: { kind: 'email', ref: `live-${id}` } });
  const reversed = (id: string, at: string) => log.deal(id).by(who('mia')).at(day(at)).add('WonDealReversed', { reason: 'Order cancelled' });
  const demo = (id: string, by: string, at: string, ref: string, attended = true) => log.deal(id).by(who(by)).at(day(at))
    .add('DemoHeld', { attended, questionsAnswered: attended, evidence: { kind: 'meeting', ref } });

  deal('foxtrot', 'ben', '2025-12-01', 2_000_000);
  deal('echo', 'ben', '2025-12-10', 5_000_000, 'USD', 'event');
  won('foxtrot', 'ben', '2025-12-15', 2_000_000);
  live('foxtrot', '2025-12-20');
  deal('india', 'ben', '2026-01-02', 3_000_000, 'EUR', 'phone');
  deal('alpha', 'ana', '2026-01-05', 10_000_000, 'EUR', 'referral');
  deal('bravo', 'ana', '2026-01-10', 4_000_001, 'EUR', 'email');
  deal('delta', 'ben', '2026-01-15', 6_000_000, 'EUR', 'email');
  won('india', 'ben', '2026-01-20', 3_000_000);
  demo('alpha', 'ana', '2026-01-20', 'a1');
  deal('hotel', 'cal', '2026-01-20', 3_000_001, 'EUR', 'social');
  won('echo', 'ben', '2026-01-25', 5_000_000);
  deal('charlie', 'ana', '2026-02-01', 3_000_000, 'EUR', 'phone');
  demo('alpha', 'ana', '2026-02-03', 'a2');
  demo('delta', 'ben', '2026-02-05', 'd1');
  won('alpha', 'ana', '2026-02-10', 10_000_000);
  live('echo', '2026-02-15');
  live('alpha', '2026-03-01');
  deal('golf', 'cal', '2026-03-02', 1_000_000, 'EUR', 'phone');
  won('bravo', 'ana', '2026-03-05', 4_000_001);
  reversed('echo', '2026-03-10');
  demo('golf', 'cal', '2026-03-10', 'g1');
  demo('golf', 'cal', '2026-03-11', 'g2', false);
  won('hotel', 'cal', '2026-03-15', 3_000_001);
  log.deal('charlie').by(who('ana')).at(day('2026-02-20'), day('2026-04-10')).add('DealClosedLost', { fromStageId: 'engaged', reason: 'Chose a competitor' });
  won('delta', 'ben', '2026-04-20', 6_000_000);
  reversed('bravo', '2026-05-04');
  return log;
}
