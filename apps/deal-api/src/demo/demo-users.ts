import { OrganisationRole } from '@deals/domain';

export interface DemoUser {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly OrganisationRole[];
  readonly managerId?: string;
}

const MANAGER = 'maria.manager';

/** One person per organisation role, plus everyone the demo deals name. The reps report to Maria. */
export const DEMO_USERS: readonly DemoUser[] = [
  { userId: MANAGER, name: 'Maria Manager', roles: ['manager'] },
  { userId: 'ana.ae', name: 'Ana (account executive)', roles: ['rep'], managerId: MANAGER },
  { userId: 'ben.ae', name: 'Ben (account executive)', roles: ['rep'], managerId: MANAGER },
  { userId: 'carla.ae', name: 'Carla (account executive)', roles: ['rep'], managerId: MANAGER },
  { userId: 'sam.se', name: 'Sam (sales engineer)', roles: ['rep'], managerId: MANAGER },
  { userId: 'dora.sdr', name: 'Dora (sales development)', roles: ['rep'], managerId: MANAGER },
  { userId: 'olga.ops', name: 'Olga (sales operations)', roles: ['sales-ops'] },
  { userId: 'fiona.finance', name: 'Fiona (finance)', roles: ['finance'] },
  { userId: 'ivan.impl', name: 'Ivan (implementation lead)', roles: ['implementation'] },
  { userId: 'olivia.csm', name: 'Olivia (customer success)', roles: ['implementation'] },
  { userId: 'adam.admin', name: 'Adam (administrator)', roles: ['admin'] },
  { userId: 'iris.integration', name: 'Iris (email and calendar sync)', roles: ['integration'] },
];
