import { Actor } from '../shared/message';
import { CommissionErrors } from './commission.errors';

export const FINANCE_ROLE = 'finance';

/** Plans, assignments and dispute resolutions are finance's to decide. */
export function requireFinance(actor: Actor, command: string): void {
  if (!actor.roles.includes(FINANCE_ROLE)) throw CommissionErrors.forbidden(actor.id, FINANCE_ROLE, command);
}

/** Closing and reopening a commission period: finance, or an admin. */
export function requireFinanceOrAdmin(actor: Actor, command: string): void {
  if (!actor.roles.includes(FINANCE_ROLE) && !actor.roles.includes('admin')) throw CommissionErrors.forbidden(actor.id, 'finance or admin', command);
}
