import { deciderSpec } from '../../testing/decider-spec';
import { ana, command, dealOpened, stored } from '../../testing/deal-fixtures';
import { DEFAULT_CONTROL_LIMITS } from '../../controls/control-limits';
import { createDealDecider } from '../deal.decider';

const spec = deciderSpec(createDealDecider());
const opened = () => [stored(dealOpened())];
const split = (revenue: [string, number][], overlay: [string, number][] = []) =>
  command('SetCreditSplits', {
    revenue: revenue.map(([userId, shareBp]) => ({ userId, role: 'account-executive' as const, shareBp })),
    overlay: overlay.map(([userId, shareBp]) => ({ userId, role: 'sales-engineer' as const, shareBp })),
  });

describe('SetCreditSplits', () => {
  it('records revenue splits totalling exactly 100%: naming only the proposer, they apply at once', () => {
    spec.given(opened()).when(split([['ana', 10000]])).then([{
      type: 'CreditSplitsSet', data: { revenue: [{ userId: 'ana', role: 'account-executive', shareBp: 10000 }], overlay: [] },
    }]);
  });

  it('with others named, overlay credit on top, they wait for approval (approvals.spec.ts)', () => {
    const [proposed] = createDealDecider().decide(split([['ana', 7000], ['ben', 3000]], [['sam', 5000]]), [...opened()].reduce(createDealDecider().evolve, createDealDecider().initialState()));
    expect(proposed).toMatchObject({ type: 'DealChangeProposed', data: { change: { type: 'SetCreditSplits' }, reasons: ['names-others'] } });
  });

  it('caps overlay credit by the policy (default 100%) and credits only credit-earning team roles', () => {
    const error = spec.given(opened()).when(split([['ana', 10000]], [['sam', 6000], ['sue', 5000]])).thenThrows('DEAL.OVERLAY_CAP_EXCEEDED');
    expect(error.details).toStrictEqual({ totalBp: 11000, capBp: 10000 });
    const half = deciderSpec(createDealDecider(undefined, { limits: { ...DEFAULT_CONTROL_LIMITS, overlayCapBp: 5000 } }));
    half.given(opened()).when(split([['ana', 10000]], [['sam', 5001]])).thenThrows('DEAL.OVERLAY_CAP_EXCEEDED');
    const support = command('SetCreditSplits', { revenue: [{ userId: 'ana', role: 'support-rep', shareBp: 10000 }] });
    expect(spec.given(opened()).when(support).thenThrows('DEAL.SPLIT_ROLE_NOT_CREDITED').details).toMatchObject({ role: 'support-rep' });
  });

  it('credits only people who may receive credit, as the directory says', () => {
    const registered = new Set(['ana', 'ben']);
    const strict = deciderSpec(createDealDecider(undefined, {
      limits: DEFAULT_CONTROL_LIMITS, creditIneligibility: (userId) => (registered.has(userId) ? undefined : 'not a registered user'),
    }));
    const error = strict.given(opened()).when(split([['ana', 5000], ['ghost', 5000]])).thenThrows('DEAL.SPLIT_RECIPIENT_INELIGIBLE');
    expect(error.details).toStrictEqual({ kind: 'revenue', index: 1, userId: 'ghost', problem: 'not a registered user' });
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
