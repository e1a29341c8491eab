import { deciderSpec } from '../../testing/decider-spec';
import { ana, command, dealOpened, stored } from '../../testing/deal-fixtures';
import { createDealDecider } from '../deal.decider';

const spec = deciderSpec(createDealDecider());
const opened = () => [stored(dealOpened())];
const split = (revenue: [string, number][], overlay: [string, number][] = []) =>
  command('SetCreditSplits', {
    revenue: revenue.map(([userId, shareBp]) => ({ userId, role: 'account-executive' as const, shareBp })),
    overlay: overlay.map(([userId, shareBp]) => ({ userId, role: 'sales-engineer' as const, shareBp })),
  });

describe('SetCreditSplits', () => {
  it('records revenue splits totalling exactly 100% with overlay credit on top', () => {
    spec.given(opened()).when(split([['ana', 7000], ['ben', 3000]], [['sam', 5000]])).then([{
      type: 'CreditSplitsSet',
      data: {
        revenue: [{ userId: 'ana', role: 'account-executive', shareBp: 7000 }, { userId: 'ben', role: 'account-executive', shareBp: 3000 }],
        overlay: [{ userId: 'sam', role: 'sales-engineer', shareBp: 5000 }],
      },
    }]);
  });

  it.each([
    [[['ana', 7000], ['ben', 2000]] as [string, number][], 9000, '90.00%'],
    [[['ana', 7000], ['ben', 3001]] as [string, number][], 10001, '100.01%'],
  ])('refuses revenue splits that do not total 100%%, naming the total', (revenue, totalBp, text) => {
    const error = spec.given(opened()).when(split(revenue)).thenThrows('DEAL.SPLIT_TOTAL_INVALID');
    expect(error.details).toMatchObject({ totalBp });
    expect(error.message).toContain(text);
  });

  it('refuses a fractional or zero share and a person listed twice', () => {
    spec.given(opened()).when(split([['ana', 9999.5], ['ben', 0.5]])).thenThrows('DEAL.SPLIT_SHARE_INVALID');
    spec.given(opened()).when(split([['ana', 5000], ['ana', 5000]])).thenThrows('DEAL.SPLIT_DUPLICATE');
  });

  it('forbids a support rep to change splits', () => {
    const support = { type: 'TeamMemberAdded' as const, data: { userId: ana.id, role: 'support-rep' as const } };
    spec.given([...opened(), stored(support)]).when(split([['ana', 10000]])).thenThrows('DEAL.COMMERCIAL_TERMS_FORBIDDEN');
  });
});
