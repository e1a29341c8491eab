import { OrganisationRole } from '@deals/domain';
import { SeededRandom } from './random';

export type SeedFunction =
  | 'account-executive' | 'sales-development-rep' | 'sales-engineer' | 'support-rep' | 'manager'
  | 'implementation-lead' | 'customer-success-manager' | 'sales-ops' | 'finance' | 'admin' | 'integration';

export interface SeedPerson {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly OrganisationRole[];
  readonly managerId?: string;
  readonly function: SeedFunction;
  /** How much of the deal flow an account executive gets, relative to the others. */
  readonly weight: number;
}

export interface SeedOrg {
  readonly people: readonly SeedPerson[];
  readonly accountExecutives: readonly SeedPerson[];
  readonly salesDevelopmentReps: readonly SeedPerson[];
  readonly salesEngineers: readonly SeedPerson[];
  readonly supportReps: readonly SeedPerson[];
  readonly managers: readonly SeedPerson[];
  readonly implementationLeads: readonly SeedPerson[];
  readonly customerSuccessManagers: readonly SeedPerson[];
  readonly salesOps: SeedPerson;
  readonly finance: SeedPerson;
  readonly admin: SeedPerson;
  readonly integration: SeedPerson;
}

const FIRST = [
  'ana', 'ben', 'carla', 'david', 'elena', 'farid', 'greta', 'hugo', 'ines', 'jonas', 'kira', 'luca', 'maya', 'nils',
  'olga', 'pablo', 'quinn', 'rosa', 'sven', 'tara', 'umar', 'vera', 'wim', 'xenia', 'yusuf', 'zoe', 'amir', 'bea',
  'chen', 'dana', 'emil', 'fatima', 'gil', 'hana', 'ivo', 'jana', 'kemal', 'lina', 'marco', 'nora',
];
const LAST = [
  'alvarez', 'becker', 'costa', 'dubois', 'eriksen', 'fischer', 'garcia', 'horvat', 'ivanova', 'jansen', 'kowalski',
  'larsen', 'moreau', 'novak', 'okafor', 'petrov', 'quist', 'rossi', 'schmidt', 'tanaka', 'ueda', 'varga', 'weber',
  'yilmaz', 'zeller', 'brennan', 'silva', 'haddad', 'lindqvist', 'murphy',
];

const TITLES: Record<SeedFunction, string> = {
  'account-executive': 'account executive', 'sales-development-rep': 'sales development', 'sales-engineer': 'sales engineer',
  'support-rep': 'support', manager: 'sales manager', 'implementation-lead': 'implementation lead',
  'customer-success-manager': 'customer success', 'sales-ops': 'sales operations', finance: 'finance', admin: 'administrator',
  integration: 'email, calendar and e-signature sync',
};

const ROLES: Record<SeedFunction, OrganisationRole> = {
  'account-executive': 'rep', 'sales-development-rep': 'rep', 'sales-engineer': 'rep', 'support-rep': 'rep',
  manager: 'manager', 'implementation-lead': 'implementation', 'customer-success-manager': 'implementation',
  'sales-ops': 'sales-ops', finance: 'finance', admin: 'admin', integration: 'integration',
};

/**
 * The sales organisation for a data set of `deals` deals: about one account executive per 170
 * deals (3 to 60), an SDR per three AEs, an SE per four, a manager per eight, and the people
 * after the close. Reps report to managers; ids are `first.last` (A–Z, a–z, digits, dots).
 */
export function seedOrg(seed: string | number, deals: number): SeedOrg {
  const rng = new SeededRandom(seed, 'org');
  const taken = new Set<string>();
  const make = (fn: SeedFunction, managerId?: string): SeedPerson => {
    let first = rng.pick(FIRST);
    let last = rng.pick(LAST);
    let userId = `${first}.${last}`;
    for (let n = 2; taken.has(userId); n++) {
      first = rng.pick(FIRST);
      last = rng.pick(LAST);
      userId = taken.has(`${first}.${last}`) ? `${first}.${last}${n}` : `${first}.${last}`;
    }
    taken.add(userId);
    const name = `${cap(first)} ${cap(last)} (${TITLES[fn]})`;
    return { userId, name, roles: [ROLES[fn]], function: fn, weight: fn === 'account-executive' ? 0.5 + rng.next() : 1, ...(managerId ? { managerId } : {}) };
  };
  const aeCount = Math.min(60, Math.max(3, Math.ceil(deals / 170)));
  const managers = times(Math.max(1, Math.ceil(aeCount / 8)), () => make('manager'));
  const reporting = (fn: SeedFunction, count: number) => times(count, (i) => make(fn, managers[i % managers.length].userId));
  const accountExecutives = reporting('account-executive', aeCount);
  const salesDevelopmentReps = reporting('sales-development-rep', Math.max(1, Math.ceil(aeCount / 3)));
  const salesEngineers = reporting('sales-engineer', Math.max(1, Math.ceil(aeCount / 4)));
  const supportReps = reporting('support-rep', Math.max(1, Math.ceil(aeCount / 6)));
  const implementationLeads = times(Math.max(1, Math.ceil(aeCount / 6)), () => make('implementation-lead'));
  const customerSuccessManagers = times(Math.max(1, Math.ceil(aeCount / 5)), () => make('customer-success-manager'));
  const salesOps = make('sales-ops');
  const finance = make('finance');
  const admin = make('admin');
  const integration = make('integration');
  return {
    people: [
      admin, ...managers, ...accountExecutives, ...salesDevelopmentReps, ...salesEngineers, ...supportReps,
      ...implementationLeads, ...customerSuccessManagers, salesOps, finance, integration,
    ],
    accountExecutives, salesDevelopmentReps, salesEngineers, supportReps, managers,
    implementationLeads, customerSuccessManagers, salesOps, finance, admin, integration,
  };
}

function times<T>(count: number, make: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
