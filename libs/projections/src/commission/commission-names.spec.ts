import { foldEvents } from '../testing/fold-events';
import { commissionFactsProjection as projection } from './commission-facts.projection';
import { personDealNames, planNames } from './commission-names';
import { ACME_ITEMS, ae, ben, closeWon, publishPlan, setSplits, workedExampleLog } from './testing/commission-events';
import { AE_FY26_RULES } from '@deals/domain/commission/testing/commission-fixtures';

describe('names for commission answers', () => {
  const { log } = workedExampleLog();
  log.deal('bens-own').by(ben).at('2026-03-02T09:00:00Z').add('DealOpened', {
    dealId: 'bens-own', name: 'Globex renewal', account: { name: 'Globex' }, ownerId: 'ben', currency: 'EUR',
    expectedAmountMinor: 10_000_000, lineItems: ACME_ITEMS, pipeline: { id: 'default', version: 1 }, stageId: 'engaged',
  });
  setSplits(log, 'bens-own', [ae('ben', 10_000)], [], '2026-03-02T09:00:00Z');
  closeWon(log, 'bens-own', '2026-03-26T10:00:00Z');
  publishPlan(log, 'ae-fy26', 2, 'AE FY26 v2', AE_FY26_RULES, '2026-02-01T09:00:00.000Z');
  const model = foldEvents(projection, log.events);

  it('names the deals a person has a part in, and no other', () => {
    const sams = personDealNames(model, 'sam');
    expect(sams('acme')).toBe('acme');
    expect(sams('bens-own')).toBeUndefined();
    expect(personDealNames(model, 'ben')('bens-own')).toBe('Globex renewal');
  });

  it('names a plan by its latest version', () => {
    const names = planNames(model);
    expect([names('ae-fy26'), names('se-fy26'), names('nope')]).toStrictEqual(['AE FY26 v2', 'SE FY26 v1', undefined]);
  });
});
