import { Actor, DealCommandOf, DealCommandType, Relations, relationsOf } from '@deals/domain';
import {
  ACCOUNTS, addBuyerJourney, DAY, dealAmounts, evidenceOf, LOSS_REASONS, STAGE_ORDER, TARGETS,
} from '@deals/seed';

/**
 * Realistic deal histories for the benchmarks: one deal's commands, from OpenDeal to where the
 * deal ends up (an open stage, lost, won, handed over, in implementation or live). The same
 * shapes as the demo data set, but for an organisation of any size.
 */

export interface Organisation {
  readonly reps: readonly string[];
  readonly managerOfRep: (rep: string) => string;
  readonly salesEngineers: readonly string[];
  readonly sdrs: readonly string[];
  readonly implementationLeads: readonly string[];
  readonly customerSuccessManagers: readonly string[];
}

export interface DealStep<T extends DealCommandType = DealCommandType> {
  readonly actor: Actor;
  readonly type: T;
  readonly data: DealCommandOf<T>['data'];
  /** Business time of the step, epoch ms. */
  readonly atMs: number;
}

const MANAGER_ROLES = ['manager'];

/** A small deterministic hash, so that deal i always gets the same history. */
function mix(i: number, salt: number): number {
  let h = (i * 0x9e3779b1 + salt * 0x85ebca6b) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  return h >>> 0;
}

const pick = <T>(list: readonly T[], i: number, salt: number): T => list[mix(i, salt) % list.length];

/**
 * The commands of deal number `i`, starting at `startMs` (business time), spaced 1–4 days
 * apart. `dealId` goes into OpenDeal. The owner is one of the reps; a sales engineer and an SDR
 * join some deals; the rep's manager overrides a stage now and then; implementation takes over
 * won deals.
 */
export function dealLifecycle(i: number, dealId: string, startMs: number, org: Organisation): DealStep[] {
  const [account, industry] = ACCOUNTS[mix(i, 1) % ACCOUNTS.length];
  const ownerId = pick(org.reps, i, 2);
  const owner: Actor = { id: ownerId, roles: ['rep'] };
  const manager: Actor = { id: org.managerOfRep(ownerId), roles: MANAGER_ROLES };
  const implementation: Actor = { id: pick(org.implementationLeads, i, 3), roles: ['implementation'] };
  const salesEngineer = i % 3 === 0 ? pick(org.salesEngineers, i, 4) : undefined;
  const sdr = i % 4 === 0 ? pick(org.sdrs, i, 5) : undefined;
  const target = TARGETS[mix(i, 6) % TARGETS.length];
  const key = `d${i}`;

  const steps: DealStep[] = [];
  let t = startMs;
  let n = 0;
  const at = () => {
    t += (1 + ((i * 7 + n * 3) % 4)) * DAY + (mix(i, n + 100) % 36_000_000);
    n++;
    return t;
  };
  const ev = evidenceOf(key, account);
  const add = <T extends DealCommandType>(type: T, data: DealCommandOf<T>['data'], actor: Actor = owner) =>
    steps.push({ actor, type, data, atMs: at() } as DealStep);

  const { totalMinor, lineItems } = dealAmounts(i);
  steps.push({
    actor: owner,
    type: 'OpenDeal',
    atMs: t,
    data: {
      dealId, name: `${account} rollout ${key}`, account: { name: account, industry },
      ownerId, currency: 'EUR', expectedAmountMinor: totalMinor, lineItems,
      team: [
        { userId: ownerId, role: 'account-executive' },
        ...(salesEngineer ? [{ userId: salesEngineer, role: 'sales-engineer' as const }] : []),
        ...(sdr ? [{ userId: sdr, role: 'sales-development-rep' as const }] : []),
      ],
    },
  } as DealStep);
  const reach = target === 'closed-lost' ? STAGE_ORDER[i % 4] : target;
  const upTo = STAGE_ORDER.indexOf(reach);
  addBuyerJourney(add, { i, key: key, account, totalMinor, upTo, manager: manager, now: () => t });
  if (upTo >= 5) {
    add('SetCreditSplits', {
      revenue: [{ userId: ownerId, role: 'account-executive', shareBp: 10_000 }],
      overlay: salesEngineer ? [{ userId: salesEngineer, role: 'sales-engineer', shareBp: 5000 }] : [],
    });
    add('CloseWon', { signedOrder: { kind: 'signature', ref: `order-${key}` } });
  }
  if (upTo >= 6) {
    add('HandToImplementation', { implementationLeadId: implementation.id, customerSuccessManagerId: pick(org.customerSuccessManagers, i, 7) }, implementation);
  }
  if (upTo >= 7) add('StartImplementation', { evidence: ev('meeting', 'kickoff') }, implementation);
  if (upTo >= 8) add('GoLive', { evidence: ev('email', 'go-live') }, implementation);
  if (target === 'closed-lost') add('CloseLost', { reason: LOSS_REASONS[i % 4] });
  return steps;
}

/** An organisation of `reps` reps in teams of ten, with a sales engineer, SDR, implementation lead and CSM per team. */
export function organisation(reps: number): Organisation {
  const teams = Math.max(1, Math.ceil(reps / 10));
  const list = (prefix: string, count: number) => Array.from({ length: count }, (_, k) => `${prefix}${String(k + 1).padStart(3, '0')}`);
  const repIds = list('rep', reps);
  const managers = list('manager', teams);
  return {
    reps: repIds,
    managerOfRep: (rep) => managers[Math.floor((Number(rep.slice(3)) - 1) / 10)],
    salesEngineers: list('se', teams),
    sdrs: list('sdr', teams),
    implementationLeads: list('impl', teams),
    customerSuccessManagers: list('csm', teams),
  };
}

/** The reporting lines the API's user directory would hold for this organisation. */
export function relationsOfOrganisation(org: Organisation): Relations {
  return relationsOf(new Map(org.reps.map((rep) => [rep, org.managerOfRep(rep)])));
}

export function managersOf(org: Organisation): string[] {
  return [...new Set(org.reps.map(org.managerOfRep))];
}
