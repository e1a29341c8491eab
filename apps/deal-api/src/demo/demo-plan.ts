import { Actor, DealCommandOf, DealCommandType } from '@deals/domain';
import { ACCOUNTS, addBuyerJourney, DAY, dealAmounts, evidenceOf, LOSS_REASONS, STAGE_ORDER, TARGETS } from '@deals/seed';

/** One command of the demo data set, with who sends it and when it happened. */
export interface DemoStep<T extends DealCommandType = DealCommandType> {
  readonly key: string;
  readonly actor: Actor;
  readonly dealKey: string;
  readonly type: T;
  readonly data: DealCommandOf<T>['data'];
  readonly occurredAt: string;
}

const rep = (id: string): Actor => ({ id, roles: ['rep'] });
const MANAGER: Actor = { id: 'maria.manager', roles: ['manager'] };
const IMPLEMENTATION: Actor = { id: 'ivan.impl', roles: ['implementation'] };
const REPS = ['ana.ae', 'ben.ae', 'carla.ae'];

/** The demo data set as a deterministic list of commands dated over the past months. */
export function demoPlan(now: Date): DemoStep[] {
  return TARGETS.flatMap((target, i) => dealSteps(i, target, now));
}

function dealSteps(i: number, target: string, now: Date): DemoStep[] {
  const [account, industry] = ACCOUNTS[i % ACCOUNTS.length];
  const owner = rep(REPS[i % REPS.length]);
  const dealKey = `demo-deal-${String(i).padStart(3, '0')}`;
  const steps: DemoStep[] = [];
  let t = now.getTime() - (150 - i * 2) * DAY;
  let n = 0;
  const at = () => {
    t += (1 + ((i * 7 + n * 3) % 4)) * DAY;
    return new Date(Math.min(t, now.getTime() - 60_000)).toISOString();
  };
  const ev = evidenceOf(dealKey, account);
  const add = <T extends DealCommandType>(type: T, data: DealCommandOf<T>['data'], actor: Actor = owner) =>
    steps.push({ key: `${dealKey}-${String(n++).padStart(2, '0')}`, actor, dealKey, type, data, occurredAt: at() } as DemoStep);

  const { totalMinor, lineItems } = dealAmounts(i);
  add('OpenDeal', {
    dealId: '', name: `${account} ${2026 + (i % 2)} rollout`, account: { name: account, industry },
    ownerId: owner.id, currency: 'EUR', expectedAmountMinor: totalMinor, lineItems,
    team: [
      { userId: owner.id, role: 'account-executive' },
      ...(i % 3 === 0 ? [{ userId: 'sam.se', role: 'sales-engineer' as const }] : []),
      ...(i % 4 === 0 ? [{ userId: 'dora.sdr', role: 'sales-development-rep' as const }] : []),
    ],
  });
  const reach = target === 'closed-lost' ? STAGE_ORDER[i % 4] : target;
  const upTo = STAGE_ORDER.indexOf(reach);
  addBuyerJourney(add, { i, key: dealKey, account, totalMinor, upTo, manager: MANAGER, now: () => t });
  if (upTo >= 5) {
    add('SetCreditSplits', {
      revenue: [{ userId: owner.id, role: 'account-executive', shareBp: 10_000 }],
      overlay: i % 3 === 0 ? [{ userId: 'sam.se', role: 'sales-engineer', shareBp: 5000 }] : [],
    });
    add('CloseWon', { signedOrder: { kind: 'signature', ref: `order-${dealKey}` } });
  }
  if (upTo >= 6) add('HandToImplementation', { implementationLeadId: 'ivan.impl', customerSuccessManagerId: 'olivia.csm' }, IMPLEMENTATION);
  if (upTo >= 7) add('StartImplementation', { evidence: ev('meeting', 'kickoff') }, IMPLEMENTATION);
  if (upTo >= 8) add('GoLive', { evidence: ev('email', 'go-live') }, IMPLEMENTATION);
  if (target === 'closed-lost') add('CloseLost', { reason: LOSS_REASONS[i % 4] });
  return steps;
}
